"""Pages: find help (the CHW search) and a service's page."""

import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from puentes.core.actor import Actor
from puentes.core.errors import DomainError
from puentes.directory import selectors
from puentes.directory.api import result_out
from puentes.directory.forms import SearchForm
from puentes.directory.search import DirectoryQuery, search
from puentes.directory.serializers import service_at_location_full
from puentes.web.pages import actor_page, form_errors_from


@actor_page()
def find_help(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results: list[dict[str, Any]] = []
    page = None
    if request.GET and form.is_valid():
        data = form.cleaned_data
        try:
            page = search(
                DirectoryQuery(
                    words=data["q"],
                    need=data["need"],
                    postal_code=data["zip"],
                    radius_km=float(data["radius_km"] or 25),
                    language=data["language"],
                    free=data["free"],
                    open_now=data["open_now"],
                    open_on=data["open_on"],
                    age=data["age"],
                    page=int(request.GET.get("page", "1") or 1),
                )
            )
        except (DomainError, ValueError) as error:
            if isinstance(error, DomainError):
                form_errors_from(form, error)
        else:
            results = [result_out(result) for result in page.results]
    template = "directory/_results.html" if request.htmx else "directory/search.html"  # type: ignore[attr-defined]
    return render(request, template, {"form": form, "results": results, "page": page})


@actor_page()
def service_page(request: HttpRequest, actor: Actor, record_id: uuid.UUID) -> HttpResponse:
    sal = selectors.service_at_location_get(record_id)
    return render(
        request, "directory/service.html", {"sal": sal, "data": service_at_location_full(sal)}
    )
