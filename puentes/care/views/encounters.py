"""Pages: encounters, amendments and their billing."""

import datetime
import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.care import forms, selectors, services
from puentes.care.models import (
    OPEN_ENROLLMENT_STATUSES,
    GoalStatus,
)
from puentes.core.actor import Actor
from puentes.core.errors import DomainError
from puentes.core.pages import actor_page, form_errors_from
from puentes.people.models import Person
from puentes.people.selectors import person_get, person_list
from puentes.referrals.selectors import referral_list
from puentes.screening.selectors import need_list


def _encounter_choices(actor: Actor, person: Person) -> dict[str, Any]:
    recent = selectors.recent_choices(actor=actor, worker=actor.membership)
    enrollments = selectors.enrollment_list(actor=actor, person=person).filter(
        status__in=OPEN_ENROLLMENT_STATUSES
    )
    goals = selectors.goal_list(actor=actor, person=person).filter(status=GoalStatus.ACTIVE)
    referrals: list[Any] = (
        list(
            referral_list(
                actor=actor, box="sent", person_id=person.public_id, stage="open"
            ).select_related("service_at_location__service")
        )
        if actor.can("referral.view")
        else []
    )
    caseload = (
        person_list(actor=actor, assigned_to=actor.membership).exclude(pk=person.pk)[:100]
        if actor.membership is not None
        else []
    )
    return {
        "services": recent["services"],
        "topics": recent["topics"],
        "enrollment_id": [("", _("None"))]
        + [(str(e.public_id), e.program.name) for e in enrollments],
        "need_ids": [
            (str(n.public_id), str(n.get_category_display()))
            for n in need_list(actor=actor, person=person, open_only=True)
        ],
        "goal_ids": [(str(g.public_id), g.description) for g in goals],
        "referral_ids": [(str(r.public_id), r.service_at_location.service.name) for r in referrals],
        "participant_ids": [(str(p.public_id), p.display_name) for p in caseload],
        "_last_place": recent["place_of_service"],
    }


def _encounter_form(
    request: HttpRequest, actor: Actor, person: Person, form_class: Any, initial: dict[str, Any]
) -> Any:
    choices = _encounter_choices(actor, person)
    last_place = choices.pop("_last_place")
    defaults = {
        "occurred_on": timezone.localdate(),
        "duration_minutes": 30,
        "modality": "in_person",
        "place_of_service": last_place or "12",
    }
    active = selectors.active_enrollment(actor=actor, person=person)
    if active is not None:
        defaults["enrollment_id"] = str(active.public_id)
    return form_class(request.POST or None, initial={**defaults, **initial}, choices=choices)


def _just_ended(fields: dict[str, Any]) -> dict[str, Any]:
    """No start time for a visit today: it has just ended, so it started that long ago."""
    if fields.get("start_time") is None and fields["occurred_on"] == timezone.localdate():
        now = timezone.localtime().replace(second=0, microsecond=0, tzinfo=None)
        started = now - datetime.timedelta(minutes=fields["duration_minutes"])
        if started.date() == fields["occurred_on"]:
            fields["start_time"] = started.time()
    return fields


@actor_page("encounter.log")
def encounter_new(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = person_get(actor=actor, public_id=person_id)
    form = _encounter_form(request, actor, person, forms.EncounterForm, {})
    if request.method == "POST" and form.is_valid():
        try:
            _encounter, created = services.encounter_log(
                actor=actor,
                fields=_just_ended(form.service_fields(str(person.public_id))),
                idempotency_key=form.cleaned_data["idempotency_key"],
            )
        except DomainError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                _("Encounter logged.") if created else _("This encounter was already logged."),
            )
            return redirect("people:detail", person_id=person.public_id)
    return render(
        request,
        "care/encounter_form.html",
        {
            "form": form,
            "person": person,
            "in_ecm": selectors.in_ecm(person, timezone.localdate()),
            "title": _("Log an encounter"),
        },
    )


def _initial_of(encounter: Any) -> dict[str, Any]:
    def ids(name: str) -> list[str]:
        return [str(row.public_id) for row in getattr(encounter, name).all()]

    return {
        "version": encounter.version,
        "occurred_on": encounter.occurred_on,
        "duration_minutes": encounter.duration_minutes,
        "start_time": encounter.start_time,
        "modality": encounter.modality,
        "place_of_service": encounter.place_of_service,
        "enrollment_id": str(encounter.enrollment.public_id) if encounter.enrollment else "",
        "services": encounter.services,
        "topics": encounter.topics,
        "need_ids": ids("needs"),
        "goal_ids": ids("goals"),
        "referral_ids": ids("referrals"),
        "is_group": encounter.is_group,
        "participant_ids": [i for i in ids("participants") if i != str(encounter.person.public_id)],
        "group_size": encounter.group_size if encounter.is_group else None,
        "note": encounter.note,
    }


@actor_page("care.view")
def encounter_detail(request: HttpRequest, actor: Actor, encounter_id: uuid.UUID) -> HttpResponse:
    encounter = selectors.encounter_get(actor=actor, public_id=encounter_id)
    return render(
        request,
        "care/encounter.html",
        {
            "encounter": encounter,
            "billed": selectors.encounter_billed(encounter),
            "revisions": encounter.revisions.select_related("edited_by"),
            "can_log": actor.can("encounter.log"),
            "amendment": getattr(encounter, "amendment", None),
            "billing": selectors.encounter_outcomes(actor=actor, encounter=encounter)
            if encounter.status == "current"
            else [],
        },
    )


@actor_page("encounter.log")
def encounter_edit(request: HttpRequest, actor: Actor, encounter_id: uuid.UUID) -> HttpResponse:
    """Edit an encounter, or — once it is billed — record an amendment that replaces it."""
    encounter = selectors.encounter_get(actor=actor, public_id=encounter_id)
    amending = selectors.encounter_billed(encounter)
    form_class = forms.AmendForm if amending else forms.EncounterForm
    form = _encounter_form(request, actor, encounter.person, form_class, _initial_of(encounter))
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields(str(encounter.person.public_id))
        try:
            if amending:
                result = services.encounter_amend(
                    actor=actor,
                    encounter_id=encounter.public_id,
                    reason=form.cleaned_data["reason"],
                    fields=fields,
                )
            else:
                result = services.encounter_update(
                    actor=actor,
                    encounter_id=encounter.public_id,
                    version=form.cleaned_data["version"],
                    fields=fields,
                )
        except DomainError as error:
            form_errors_from(form, error)
        else:
            messages.success(request, _("Amendment recorded.") if amending else _("Changes saved."))
            return redirect("care:encounter", encounter_id=result.public_id)
    return render(
        request,
        "care/encounter_form.html",
        {
            "form": form,
            "person": encounter.person,
            "encounter": encounter,
            "amending": amending,
            "title": _("Amend a billed encounter") if amending else _("Edit the encounter"),
        },
    )
