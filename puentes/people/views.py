"""Pages for people: list and search, register (with the duplicate guard), the person page,
and the forms that change a person's record. Every write goes through people.services."""

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puentes.core.actor import Actor
from puentes.core.audit import people_seen_in
from puentes.core.errors import DomainError
from puentes.core.pages import actor_page, form_errors_from, page_of, submit
from puentes.network.selectors import member_list
from puentes.people import selectors, services
from puentes.people.forms import (
    AssignWorkerForm,
    ConsentForm,
    HouseholdJoinForm,
    IdentifierForm,
    MergeForm,
    PersonForm,
    RevokeForm,
)
from puentes.people.models import PersonStatus
from puentes.people.panels import panels_for

PAGE_SIZE = 25


@actor_page("person.view")
def person_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    mine = request.GET.get("mine") == "1" and actor.membership is not None
    people = selectors.person_list(
        actor=actor, query=query, assigned_to=actor.membership if mine else None
    )
    page = page_of(request, people, PAGE_SIZE)
    people_seen_in(actor, page.object_list)
    context = {"page": page, "people": page.object_list, "query": query, "mine": mine}
    template = "people/_results.html" if request.htmx else "people/list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@actor_page("person.create")
def person_create(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = PersonForm(request.POST or None)
    matches: list[dict[str, str]] = []
    if request.method == "POST" and form.is_valid():
        allow_duplicate = request.POST.get("allow_duplicate") == "1"
        try:
            person = services.person_create(
                actor=actor, fields=form.service_fields(), allow_duplicate=allow_duplicate
            )
        except DomainError as error:
            if error.code != "duplicate":
                form_errors_from(form, error)
            matches = error.extra.get("matches", [])
        else:
            messages.success(request, _("%(name)s is registered.") % {"name": person.display_name})
            return redirect("people:detail", person_id=person.public_id)
    return render(request, "people/form.html", {"form": form, "matches": matches, "creating": True})


@actor_page("person.view")
def person_detail(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = selectors.person_read(actor=actor, public_id=person_id)
    if person.status == PersonStatus.MERGED and person.merged_into is not None:
        messages.info(request, _("This record was merged; showing the record it was merged into."))
        return redirect("people:detail", person_id=person.merged_into.public_id)
    household_link = selectors.household_of(person)
    context: dict[str, Any] = {
        "person": person,
        "household_link": household_link,
        "household_members": (
            household_link.household.members.select_related("person").exclude(person=person)
            if household_link
            else []
        ),
        "identifiers": selectors.identifier_list(actor=actor, person=person),
        "consents": selectors.consent_list(actor=actor, person=person),
        "assignments": selectors.assignment_list(actor=actor, person=person).filter(
            ended_at__isnull=True
        ),
        "history": selectors.person_history(actor=actor, person=person)[:50],
        "can_edit": actor.can("person.update"),
        "can_consent": actor.can("consent.manage"),
        "can_identify": actor.can("identifier.manage"),
        "can_household": actor.can("household.manage"),
        "can_assign": actor.can("caseload.assign"),
        "can_merge": actor.can("person.merge"),
    }
    panels, context["panel_templates"] = panels_for(actor, person)
    context.update(panels)
    return render(request, "people/detail.html", context)


@actor_page("person.update")
def person_edit(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = selectors.person_get(actor=actor, public_id=person_id)
    form = PersonForm(
        request.POST or None,
        instance=None if request.POST else person,
        initial={"version": person.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(
                actor=actor,
                person_id=person_id,
                version=form.cleaned_data.get("version"),
                fields=form.service_fields(),
            )
        except DomainError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("people:detail", person_id=person_id)
    return render(request, "people/form.html", {"form": form, "person": person})


@actor_page("person.merge")
def person_merge(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    """Keep this person; pick the duplicate to fold into it, confirm, merge."""
    keep = selectors.person_get(actor=actor, public_id=person_id)
    query = request.GET.get("q", "").strip()
    candidates = selectors.person_likely_duplicates(
        actor=actor,
        given_name=keep.given_name,
        family_name=keep.family_name,
        date_of_birth=keep.date_of_birth,
        exclude=keep,
        threshold=0.5,
    )
    searched = (
        selectors.person_list(actor=actor, query=query).exclude(pk=keep.pk)[:20] if query else []
    )
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_merge(
                actor=actor, duplicate_id=form.cleaned_data["duplicate"], keep_id=person_id
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The records are merged."))
            return redirect("people:detail", person_id=person_id)
    return render(
        request,
        "people/merge.html",
        {
            "keep": keep,
            "candidates": [m.person for m in candidates],
            "searched": searched,
            "query": query,
        },
    )


@actor_page("identifier.manage")
def identifier_add(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = selectors.person_get(actor=actor, public_id=person_id)
    form = IdentifierForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.identifier_add(actor=actor, person_id=person_id, **data),
        success=_("Identifier added."),
        then=reverse("people:detail", args=[person_id]),
    )
    if done:
        return done
    return render(
        request,
        "people/simple_form.html",
        {
            "form": form,
            "person": person,
            "title": _("Add an identifier"),
        },
    )


@require_POST
@actor_page("identifier.manage")
def identifier_remove(request: HttpRequest, actor: Actor, identifier_id: uuid.UUID) -> HttpResponse:
    identifier = selectors.identifier_get(actor=actor, public_id=identifier_id)
    services.identifier_remove(actor=actor, identifier_id=identifier_id)
    messages.success(request, _("Identifier removed."))
    return redirect("people:detail", person_id=identifier.person.public_id)


@actor_page("consent.manage")
def consent_record(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = selectors.person_get(actor=actor, public_id=person_id)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        partners = data.pop("organizations")
        try:
            services.consent_record(
                actor=actor,
                person_id=person_id,
                fields=data,
                organization_ids=[o.public_id for o in partners],
            )
        except DomainError as error:
            form_errors_from(form, error)
            if "organization_ids" in error.fields:
                form.add_error("organizations", error.fields["organization_ids"][0])
        else:
            messages.success(request, _("Consent recorded."))
            return redirect("people:detail", person_id=person_id)
    return render(
        request,
        "people/simple_form.html",
        {
            "form": form,
            "person": person,
            "title": _("Record consent to share"),
        },
    )


@actor_page("consent.manage")
def consent_revoke(request: HttpRequest, actor: Actor, consent_id: uuid.UUID) -> HttpResponse:
    consent = selectors.consent_get(actor=actor, public_id=consent_id)
    form = RevokeForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.consent_revoke(
            actor=actor, consent_id=consent_id, reason=data["reason"]
        ),
        success=_("Consent revoked."),
        then=reverse("people:detail", args=[consent.person.public_id]),
    )
    if done:
        return done
    return render(
        request,
        "people/simple_form.html",
        {
            "form": form,
            "person": consent.person,
            "title": _("Revoke consent"),
            "danger": True,
        },
    )


@actor_page("household.manage")
def household_join(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = selectors.person_get(actor=actor, public_id=person_id)
    form = HouseholdJoinForm(request.POST or None, households=selectors.household_list(actor=actor))
    done = submit(
        request,
        form,
        lambda data: services.household_join(
            actor=actor,
            person_id=person_id,
            relationship=data["relationship"],
            household_id=data["household"].public_id if data["household"] else None,
            new_household_name=data["new_household_name"],
        ),
        success=_("Household saved."),
        then=reverse("people:detail", args=[person_id]),
    )
    if done:
        return done
    return render(
        request,
        "people/simple_form.html",
        {
            "form": form,
            "person": person,
            "title": _("Household"),
        },
    )


@require_POST
@actor_page("household.manage")
def household_leave(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    selectors.person_get(actor=actor, public_id=person_id)
    try:
        services.household_remove_member(actor=actor, person_id=person_id)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Removed from the household."))
    return redirect("people:detail", person_id=person_id)


@actor_page("person.view")
def household_detail(request: HttpRequest, actor: Actor, household_id: uuid.UUID) -> HttpResponse:
    household = selectors.household_get(actor=actor, public_id=household_id)
    return render(request, "people/household.html", {"household": household})


@actor_page("caseload.assign")
def worker_assign(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = selectors.person_get(actor=actor, public_id=person_id)
    form = AssignWorkerForm(request.POST or None, members=member_list(actor=actor))
    done = submit(
        request,
        form,
        lambda data: services.caseload_assign(
            actor=actor, person_id=person_id, member_id=data["member"]
        ),
        success=_("Worker assigned."),
        then=reverse("people:detail", args=[person_id]),
    )
    if done:
        return done
    return render(
        request,
        "people/simple_form.html",
        {
            "form": form,
            "person": person,
            "title": _("Assign a worker"),
        },
    )


@require_POST
@actor_page("caseload.assign")
def worker_unassign(
    request: HttpRequest, actor: Actor, person_id: uuid.UUID, member_id: uuid.UUID
) -> HttpResponse:
    selectors.person_get(actor=actor, public_id=person_id)
    try:
        services.caseload_unassign(actor=actor, person_id=person_id, member_id=member_id)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Worker unassigned."))
    return redirect("people:detail", person_id=person_id)
