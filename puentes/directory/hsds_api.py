"""The Open Referral HSDS 3.0 API at /hsds/, as schema/openapi.json describes it.

Public by default (the directory holds no personal data); PUENTES_DIRECTORY_PUBLIC=false
requires a session or an API key.
"""

import json
import math
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, Literal

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from ninja import NinjaAPI, Query

from puentes.core.api import SafeParser, install_error_handlers
from puentes.core.http import client_ip
from puentes.directory import selectors
from puentes.directory.mapping import BY_NAME
from puentes.directory.serializers import (
    flat,
    organization_full,
    service_at_location_full,
    service_full,
)
from puentes.network.middleware import request_actor
from puentes.network.selectors import actor_from_api_key

HSDS_PROFILE = "https://openreferral.org/specification/3.0"
PER_PAGE_DEFAULT, PER_PAGE_MAX = 50, 500


def directory_reader(request: HttpRequest) -> Any:
    """Anyone when the directory is public (the default); otherwise a valid API key or a
    signed-in member. Decided on every request, so the setting applies at once."""
    if settings.DIRECTORY_PUBLIC:
        return "public"
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return actor_from_api_key(header.removeprefix("Bearer ").strip(), client_ip(request))
    return request_actor(request)


hsds = NinjaAPI(
    title="Puentes HSDS API",
    version="3.0",
    urls_namespace="hsds",
    docs_url="/docs",
    description="Open Referral HSDS 3.0 API over the Puentes directory.",
    auth=directory_reader,
    parser=SafeParser(),
)
install_error_handlers(hsds)
Format = Literal["json", "ndjson"]


def _page(
    request: HttpRequest,
    records: QuerySet[Any] | list[Any],
    page: int,
    per_page: int,
    fmt: str,
    render: Callable[[Any], dict[str, Any]],
) -> HttpResponse | StreamingHttpResponse:
    """The HSDS Page envelope, or every result as newline-delimited JSON."""
    if fmt == "ndjson":
        return StreamingHttpResponse(_ndjson(records, render), content_type="application/x-ndjson")
    page = max(page, 1)
    per_page = min(max(per_page, 1), PER_PAGE_MAX)
    total = len(records) if isinstance(records, list) else records.count()
    pages = max(1, math.ceil(total / per_page))
    # A page past the end is empty; it is never sliced, so no huge number reaches the SQL.
    offset = (page - 1) * per_page
    chunk = records[offset : offset + per_page] if offset < total else []
    contents = [render(record) for record in chunk]
    return JsonResponse(
        {
            "total_items": total,
            "total_pages": pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= pages,
            "empty": not contents,
            "contents": contents,
        }
    )


# Rows a streamed export holds at once: read through a server-side cursor on PostgreSQL
# (chunked fetches on SQLite), with each chunk's related rows prefetched, so an export
# of any size streams in bounded memory instead of loading every record first.
NDJSON_CHUNK = 500


def _ndjson(records: Iterable[Any], render: Callable[[Any], dict[str, Any]]) -> Iterable[str]:
    rows = records.iterator(chunk_size=NDJSON_CHUNK) if isinstance(records, QuerySet) else records
    for record in rows:
        yield json.dumps(render(record)) + "\n"


def _service_summary(service: Any) -> dict[str, Any]:
    data = flat(service, BY_NAME["service"])
    if service.organization is not None:
        data["organization"] = flat(service.organization, BY_NAME["organization"])
    if service.program is not None:
        data["program"] = flat(service.program, BY_NAME["program"])
    return data


def _sal_summary(sal: Any) -> dict[str, Any]:
    data = flat(sal, BY_NAME["service_at_location"])
    data["location"] = flat(sal.location, BY_NAME["location"])
    data["service"] = flat(sal.service, BY_NAME["service"])
    return data


def _term(term: Any) -> dict[str, Any]:
    data = flat(term, BY_NAME["taxonomy_term"])
    if term.taxonomy_ref is not None:
        data["taxonomy_detail"] = flat(term.taxonomy_ref, BY_NAME["taxonomy"])
    return data


@hsds.get("/", summary="API meta information")
def meta(request: HttpRequest) -> dict[str, str]:
    return {
        "version": "3.0",
        "profile": HSDS_PROFILE,
        "openapi_url": request.build_absolute_uri("/hsds/openapi.json"),
    }


@hsds.get("/services", summary="Paginated list of services")
def services(
    request: HttpRequest,
    search: str = "",
    page: int = 1,
    per_page: int = PER_PAGE_DEFAULT,
    format: Format = "json",
    taxonomy_term_id: uuid.UUID | None = None,
    taxonomy_id: uuid.UUID | None = None,
    organization_id: uuid.UUID | None = None,
    modified_after: datetime | None = None,
    minimal: bool = False,
    full: bool = False,
) -> HttpResponse | StreamingHttpResponse:
    records = selectors.service_list(
        search=search,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        organization_id=organization_id,
        modified_after=modified_after,
    )
    render = (
        service_full
        if full
        else (lambda s: flat(s, BY_NAME["service"]))
        if minimal
        else _service_summary
    )
    return _page(request, records, page, per_page, format, render)


@hsds.get("/services/{service_id}", summary="Fully nested service")
def service(request: HttpRequest, service_id: uuid.UUID) -> dict[str, Any]:
    return service_full(selectors.service_get(service_id))


@hsds.get("/service_at_locations", summary="Paginated list of services at locations")
def service_at_locations(
    request: HttpRequest,
    search: str = "",
    taxonomy_term_id: uuid.UUID | None = None,
    taxonomy_id: uuid.UUID | None = None,
    organization_id: uuid.UUID | None = None,
    modified_after: datetime | None = None,
    full: bool = False,
    page: int = 1,
    per_page: int = PER_PAGE_DEFAULT,
    format: Format = "json",
    postcode: str = "",
    proximity: float | None = Query(  # type: ignore[type-arg]  # ninja's Query as a default
        None, ge=0, description="metres from the postcode's centroid"
    ),
) -> HttpResponse | StreamingHttpResponse:
    records = selectors.service_at_location_list(
        search=search,
        taxonomy_term_id=taxonomy_term_id,
        taxonomy_id=taxonomy_id,
        organization_id=organization_id,
        modified_after=modified_after,
        postcode=postcode,
        proximity=proximity,
    )
    return _page(
        request, records, page, per_page, format, service_at_location_full if full else _sal_summary
    )


@hsds.get("/service_at_locations/{record_id}", summary="Fully nested service at location")
def service_at_location(request: HttpRequest, record_id: uuid.UUID) -> dict[str, Any]:
    return service_at_location_full(selectors.service_at_location_get(record_id))


@hsds.get("/organizations", summary="Paginated list of organizations")
def organizations(
    request: HttpRequest,
    search: str = "",
    full_service: bool = False,
    full: bool = False,
    page: int = 1,
    per_page: int = PER_PAGE_DEFAULT,
    format: Format = "json",
) -> HttpResponse | StreamingHttpResponse:
    def render(organization: Any) -> dict[str, Any]:
        if full or full_service:
            return organization_full(organization, with_services=full_service)
        return flat(organization, BY_NAME["organization"])

    return _page(
        request, selectors.organization_list(search=search), page, per_page, format, render
    )


@hsds.get("/organizations/{record_id}", summary="Organization with nested data")
def organization(
    request: HttpRequest, record_id: uuid.UUID, full_service: bool = False
) -> dict[str, Any]:
    return organization_full(selectors.organization_get(record_id), with_services=full_service)


@hsds.get("/taxonomies", summary="Paginated list of taxonomies")
def taxonomies(
    request: HttpRequest,
    search: str = "",
    page: int = 1,
    per_page: int = PER_PAGE_DEFAULT,
    format: Format = "json",
) -> HttpResponse | StreamingHttpResponse:
    return _page(
        request,
        selectors.taxonomy_list(search=search),
        page,
        per_page,
        format,
        lambda t: flat(t, BY_NAME["taxonomy"]),
    )


@hsds.get("/taxonomies/{record_id}", summary="A taxonomy")
def taxonomy(request: HttpRequest, record_id: uuid.UUID) -> dict[str, Any]:
    return flat(selectors.taxonomy_get(record_id), BY_NAME["taxonomy"])


@hsds.get("/taxonomy_terms", summary="Paginated list of taxonomy terms")
def taxonomy_terms(
    request: HttpRequest,
    search: str = "",
    page: int = 1,
    per_page: int = PER_PAGE_DEFAULT,
    format: Format = "json",
    taxonomy_id: uuid.UUID | None = None,
    top_only: bool = False,
    parent_id: uuid.UUID | None = None,
) -> HttpResponse | StreamingHttpResponse:
    records = selectors.taxonomy_term_list(
        search=search, taxonomy_id=taxonomy_id, top_only=top_only, parent_id=parent_id
    )
    return _page(request, records, page, per_page, format, _term)


@hsds.get("/taxonomy_terms/{record_id}", summary="A taxonomy term")
def taxonomy_term(request: HttpRequest, record_id: uuid.UUID) -> dict[str, Any]:
    return _term(selectors.taxonomy_term_get(record_id))
