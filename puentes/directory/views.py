"""Pages: find help (the CHW search), a service's page, and maintaining the directory
(editing listings, capacity, verification, reported problems, uploads)."""

import uuid
from typing import Any
from urllib.parse import urlencode

import langcodes
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puentes.core.actor import Actor
from puentes.core.errors import DomainError
from puentes.core.pages import act, actor_page, form_errors_from, submit
from puentes.directory import selectors, services
from puentes.directory.forms import (
    CapacityForm,
    CorrectionForm,
    CorrectionResolveForm,
    ImportForm,
    SearchForm,
    ServiceEditForm,
)
from puentes.directory.models import SERVICE_EDITABLE, Capacity, CorrectionStatus
from puentes.directory.search import DirectoryQuery, search
from puentes.directory.serializers import result_out, service_at_location_full
from puentes.people.selectors import person_get


@actor_page()
def find_help(request: HttpRequest, actor: Actor) -> HttpResponse:
    params = request.GET.copy()
    if params and not params.get("radius_km"):
        params["radius_km"] = "25"  # what the select shows and the search uses must agree
    form = SearchForm(params or None)
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
                    capacity=tuple(data["capacity"]),
                    page=data["page"] or 1,
                )
            )
        except DomainError as error:
            form_errors_from(form, error)
        else:
            results = [_labelled(result_out(result)) for result in page.results]
    template = "directory/_results.html" if request.htmx else "directory/search.html"  # type: ignore[attr-defined]
    return render(
        request,
        template,
        {"form": form, "results": results, "page": page, "refer": _referring(request, actor)},
    )


def _referring(request: HttpRequest, actor: Actor) -> dict[str, Any] | None:
    """When the search was opened to refer someone (a need's "Find help"), that person and
    need, carried to the service page's "Refer" button. Only the actor's own people."""
    person_id = request.GET.get("person", "")
    if not person_id or not actor.can("referral.send"):
        return None
    try:
        person = person_get(actor=actor, public_id=uuid.UUID(person_id))
    except (ValueError, DomainError):
        return None
    need = request.GET.get("for_need", "")
    query = urlencode({"person": person.public_id, **({"for_need": need} if need else {})})
    return {"person": person, "need": need, "query": query}


def _labelled(result: dict[str, Any]) -> dict[str, Any]:
    status = result["capacity_status"]
    result["capacity_label"] = Capacity(status).label if status in Capacity.values else status
    result["written_in_label"] = _WRITTEN_IN.get(tuple(sorted(result["written_in"])), "")
    result["language_names"] = [_language_name(code) for code in result["languages"]]
    return result


def _language_name(code: str) -> str:
    """A language code as its name in the reader's language ("es" -> "Spanish"/"español")."""
    try:
        return str(langcodes.Language.get(code).display_name(get_language() or "en"))
    except (ValueError, LookupError):
        return code


# What a result says about the language of its own text (directory.text.written_in).
_WRITTEN_IN = {
    # Translators: the language of the listing's own text, not what its staff speak.
    ("en",): gettext_lazy("Written in English"),
    ("es",): gettext_lazy("Written in Spanish"),
    ("en", "es"): gettext_lazy("Written in English and Spanish"),
}


@actor_page()
def service_page(request: HttpRequest, actor: Actor, record_id: uuid.UUID) -> HttpResponse:
    sal = selectors.service_at_location_get(record_id)
    maintains = selectors.listing_maintained_by(actor, sal.service)
    context: dict[str, Any] = {
        "sal": sal,
        "data": service_at_location_full(sal),
        "maintains": maintains,
        "can_report": actor.can("directory.report"),
        "can_refer": actor.can("referral.send"),
        "refer": _referring(request, actor),
    }
    if maintains:
        context["capacity_form"] = CapacityForm(
            initial={
                "version": sal.version,
                "capacity_status": sal.capacity_status,
                "capacity_note": sal.capacity_note,
            }
        )
        context["open_reports"] = selectors.correction_list(
            actor=actor, status=CorrectionStatus.OPEN
        ).filter(service_at_location=sal)
    return render(request, "directory/service.html", context)


@actor_page("directory.listing.update")
def service_edit(request: HttpRequest, actor: Actor, record_id: uuid.UUID) -> HttpResponse:
    sal = selectors.service_at_location_get(record_id)
    service = sal.service
    selectors.maintainer_check(actor, service)
    phone = selectors.first_phone(service)
    initial = {name: getattr(service, name) for name in SERVICE_EDITABLE}
    form = ServiceEditForm(
        request.POST or None,
        initial={**initial, "version": service.version, "phone": phone.number if phone else ""},
    )
    done = submit(
        request,
        form,
        lambda data: services.service_update(
            actor=actor,
            service_id=service.id,
            version=data.pop("version"),
            fields=_changed(data, form),
        ),
        success=_("Listing saved."),
        then=reverse("directory:service", args=[record_id]),
    )
    if done:
        return done
    return render(request, "directory/edit.html", {"form": form, "sal": sal})


def _changed(data: dict[str, Any], form: ServiceEditForm) -> dict[str, Any]:
    """Only the fields the person changed, so a blank the form cannot show (an empty age
    stored as NULL, say) is never written back by accident."""
    return {name: value for name, value in data.items() if name in form.changed_data}


@require_POST
@actor_page("directory.listing.update")
def capacity_set(request: HttpRequest, actor: Actor, record_id: uuid.UUID) -> HttpResponse:
    form = CapacityForm(request.POST)
    back = reverse("directory:service", args=[record_id])
    if not form.is_valid():
        messages.error(request, _("Please correct the fields shown."))
        return redirect(back)
    return act(
        request,
        lambda: services.capacity_update(
            actor=actor,
            service_at_location_id=record_id,
            version=form.cleaned_data["version"],
            status=form.cleaned_data["capacity_status"],
            note=form.cleaned_data["capacity_note"],
        ),
        success=_("Capacity updated."),
        then=back,
    )


@require_POST
@actor_page("directory.listing.update")
def listing_verify(request: HttpRequest, actor: Actor, record_id: uuid.UUID) -> HttpResponse:
    version = request.POST.get("version", "")
    return act(
        request,
        lambda: services.listing_verify(
            actor=actor,
            service_at_location_id=record_id,
            version=int(version) if version.isdigit() else None,
        ),
        success=_("Marked as verified today."),
        then=reverse("directory:service", args=[record_id]),
    )


@actor_page("directory.report")
def report_problem(request: HttpRequest, actor: Actor, record_id: uuid.UUID) -> HttpResponse:
    sal = selectors.service_at_location_get(record_id)
    form = CorrectionForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.correction_report(
            actor=actor, service_at_location_id=record_id, **data
        ),
        success=_("Thank you. The organization or a directory administrator will check it."),
        then=reverse("directory:service", args=[record_id]),
    )
    if done:
        return done
    return render(request, "directory/report.html", {"form": form, "sal": sal})


@actor_page()
def corrections(request: HttpRequest, actor: Actor) -> HttpResponse:
    status = request.GET.get("status", CorrectionStatus.OPEN)
    if status not in CorrectionStatus.values:
        status = CorrectionStatus.OPEN
    queue = list(selectors.correction_list(actor=actor, status=status)[:200])
    for correction in queue:
        correction.maintained = selectors.listing_maintained_by(  # type: ignore[attr-defined]
            actor, correction.service_at_location.service
        )
        correction.form = CorrectionResolveForm(initial={"version": correction.version})  # type: ignore[attr-defined]
    return render(
        request,
        "directory/corrections.html",
        {"corrections": queue, "status": status, "statuses": CorrectionStatus.choices},
    )


@require_POST
@actor_page()
def correction_resolve(
    request: HttpRequest, actor: Actor, correction_id: uuid.UUID
) -> HttpResponse:
    form = CorrectionResolveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose fixed or dismissed."))
        return redirect("directory:corrections")
    return act(
        request,
        lambda: services.correction_resolve(
            actor=actor, correction_id=correction_id, **form.cleaned_data
        ),
        success=_("Report closed."),
        then=reverse("directory:corrections"),
    )


@actor_page("directory.manage")
def imports(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            started = services.directory_import_start(
                actor=actor,
                upload=data["upload"],
                source=data["source"],
                skip_invalid=data["skip_invalid"],
                full=not data["partial"],
                dry_run="preview" in request.POST,
                allow_deactivate=data["allow_deactivate"],
            )
        except DomainError as error:
            form_errors_from(form, error)
        else:
            return redirect("directory:import", import_id=started.public_id)
    recent = selectors.import_list(actor=actor)[:20]
    return render(request, "directory/imports.html", {"form": form, "imports": recent})


@actor_page("directory.manage")
def import_page(request: HttpRequest, actor: Actor, import_id: uuid.UUID) -> HttpResponse:
    imported = selectors.import_get(actor=actor, public_id=import_id)
    imported = services.directory_import_settle(imported)
    template = "directory/_import_status.html" if request.htmx else "directory/import.html"  # type: ignore[attr-defined]
    return render(request, template, {"imported": imported})


@require_POST
@actor_page("directory.manage")
def import_confirm(request: HttpRequest, actor: Actor, import_id: uuid.UUID) -> HttpResponse:
    try:
        started = services.directory_import_confirm(
            actor=actor,
            import_id=import_id,
            allow_deactivate=request.POST.get("allow_deactivate") == "on",
        )
    except DomainError as error:
        if error.code in ("forbidden", "not_found"):
            raise
        messages.error(request, error.message)
        return redirect("directory:import", import_id=import_id)
    return redirect("directory:import", import_id=started.public_id)


@require_POST
@actor_page("directory.manage")
def import_cancel(request: HttpRequest, actor: Actor, import_id: uuid.UUID) -> HttpResponse:
    return act(
        request,
        lambda: services.directory_import_cancel(actor=actor, import_id=import_id),
        success=_("Import cancelled."),
        then=reverse("directory:import", args=[import_id]),
    )
