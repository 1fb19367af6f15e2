"""One pagination for every API list; the people a page shows are noted for its audit event.

?page=N&per_page=M -> {items, count, page, per_page, pages}.
"""

import math
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

from puentes.core.actor import Actor
from puentes.core.audit import people_seen_in

# Beyond any real list, and small enough that (page - 1) * per_page fits every database's
# integer offset: a larger page is refused as invalid rather than overflowing into a 500.
PAGE_MAX = 1_000_000


class PagePagination(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=PAGE_MAX, description="1-based page number")
        per_page: int = Field(
            settings.API_PAGE_SIZE_DEFAULT,
            ge=1,
            le=settings.API_PAGE_SIZE_MAX,
            description=f"Items per page (at most {settings.API_PAGE_SIZE_MAX})",
        )

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        per_page: int
        pages: int

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Input, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        count = self._items_count(queryset)
        offset = (pagination.page - 1) * pagination.per_page
        items = list(queryset[offset : offset + pagination.per_page]) if offset < count else []
        actor = getattr(request, "auth", None)
        if isinstance(actor, Actor):
            people_seen_in(actor, items)
        return {
            "items": items,
            "count": count,
            "page": pagination.page,
            "per_page": pagination.per_page,
            "pages": max(1, math.ceil(count / pagination.per_page)),
        }


class Mapped:
    """A queryset whose rows are turned into output shapes only once a page is sliced, so a
    list endpoint can present rows with a function and still page in the database."""

    def __init__(
        self,
        queryset: QuerySet[Any],
        present: Any,
        present_page: Any = None,
        *,
        ids_first: bool = False,
    ) -> None:
        """``present_page``, if given, presents a page's rows at once (to fetch what they
        share in one query rather than one a row). ``ids_first``: find the page's ids
        without the joins, then read those rows with them — for a list whose filter no index
        can order (an OR across two organizations), where PostgreSQL would otherwise join
        every matching row before sorting and keeping a page of them."""
        self.queryset, self.present, self.present_page = queryset, present, present_page
        self.ids_first = ids_first

    def __len__(self) -> int:
        return int(self.queryset.count())

    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, slice) and self.ids_first:
            ids = list(self.queryset.values_list("pk", flat=True)[item])
            found = self.queryset.order_by().filter(pk__in=ids).in_bulk()
            rows = [found[pk] for pk in ids if pk in found]
        else:
            rows = self.queryset[item]
        if isinstance(item, slice):
            if self.present_page is not None:
                return self.present_page(list(rows))
            return [self.present(row) for row in rows]
        return self.present(rows)
