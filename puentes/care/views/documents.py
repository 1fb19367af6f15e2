"""Pages: payer documents and their scans."""

import uuid
from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from puentes.care import forms, selectors, services
from puentes.core.actor import Actor
from puentes.core.errors import not_found
from puentes.core.http import stored_file_download
from puentes.core.pages import actor_page, submit
from puentes.people.selectors import person_get

DOCUMENTS = {
    "recommendation": (
        forms.RecommendationForm,
        services.recommendation_record,
        _("Record a practitioner's recommendation"),
    ),
    "plan_of_care": (
        forms.PlanOfCareForm,
        services.plan_of_care_record,
        _("Record a signed plan of care"),
    ),
}


@actor_page("care.document")
def document_new(
    request: HttpRequest, actor: Actor, person_id: uuid.UUID, kind: str
) -> HttpResponse:
    if kind not in DOCUMENTS:
        raise not_found()
    form_class, record, title = DOCUMENTS[kind]
    person = person_get(actor=actor, public_id=person_id)
    form = form_class(request.POST or None, request.FILES or None)

    def write(data: dict[str, Any]) -> object:
        upload = data.pop("attachment", None)
        return record(actor=actor, person_id=person.public_id, fields=data, attachment=upload)

    then = reverse("people:detail", args=[person.public_id]) + "#h-documents"
    done = submit(request, form, write, success=_("Document recorded."), then=then)
    return done or render(
        request, "care/form.html", {"form": form, "person": person, "title": title}
    )


@actor_page("care.view")
def document_download(
    request: HttpRequest, actor: Actor, kind: str, document_id: uuid.UUID
) -> FileResponse:
    getter = {
        "recommendation": selectors.recommendation_get,
        "plan_of_care": selectors.plan_of_care_get,
    }.get(kind)
    if getter is None:
        raise not_found()
    document = getter(actor=actor, public_id=document_id)
    return stored_file_download(document.attachment, document.attachment_name)
