"""Pages: the team's caseloads, and the person page's care panel."""

import datetime
import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from puentes.care import forms, selectors, services
from puentes.care.views._common import _workers
from puentes.core.actor import Actor
from puentes.core.audit import people_seen_in
from puentes.core.errors import DomainError
from puentes.core.pages import actor_page, page_of
from puentes.people.models import Person
from puentes.people.selectors import person_read


def _quiet_days(request: HttpRequest) -> int:
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    return min(max(days, 1), 365)


@actor_page("team.view")
def team(request: HttpRequest, actor: Actor) -> HttpResponse:
    days = _quiet_days(request)
    rows = selectors.team_caseloads(actor=actor, quiet_days=days)
    return render(request, "care/team.html", {"rows": rows, "days": days})


CASELOAD_PAGE = 100


@actor_page("team.view")
def team_member(request: HttpRequest, actor: Actor, member_id: uuid.UUID) -> HttpResponse:
    member = selectors.team_member_get(actor=actor, public_id=member_id)
    days = _quiet_days(request)
    others = [(i, name) for i, name in _workers(actor) if i != str(member.public_id)]
    if request.method == "POST":
        actor.require("caseload.assign")
        form = forms.ReassignForm(request.POST, workers=others)
        if form.is_valid():
            chosen = form.cleaned_data["person_id"]
            try:
                warnings = services.caseload_reassign_many(
                    actor=actor,
                    person_ids=chosen,
                    from_member_id=member.public_id,
                    to_member_id=form.cleaned_data["to_member_id"],
                )
            except DomainError as error:
                if error.code in ("forbidden", "not_found"):
                    raise
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    ngettext("Person reassigned.", "%(count)s people reassigned.", len(chosen))
                    % {"count": len(chosen)},
                )
                for warning in warnings:
                    messages.warning(
                        request, _("Over the caseload limit: %(detail)s") % {"detail": warning}
                    )
        else:
            messages.error(request, _("Choose who to reassign to."))
        return redirect(reverse("care:team_member", args=[member.public_id]) + f"?days={days}")
    quiet_since = timezone.localdate() - datetime.timedelta(days=days)
    # A page at a time: a caseload can hold a thousand people.
    page = page_of(request, selectors.caseload_people(actor=actor, member=member), CASELOAD_PAGE)
    people = list(page.object_list)
    people_seen_in(actor, people)
    return render(
        request,
        "care/team_member.html",
        {
            "member": member,
            "people": people,
            "page": page,
            "days": days,
            "quiet_since": quiet_since,
            "reassign_choices": others,
            "assign": actor.can("caseload.assign") and bool(others),
            "over_limit": selectors.over_limit(actor=actor, member=member),
        },
    )


def person_panel(actor: Actor, person: Person) -> dict[str, Any] | None:
    """Programs, goals, follow-ups, encounters, payer documents and the timeline, for the
    roles that see care records (the person page's panel, registered in apps.py)."""
    if not actor.can("care.view"):
        return None
    # The list shows the encounters' own fields: none of the rows they link to.
    encounters = list(
        selectors.encounter_list(actor=actor, person=person).select_related(None)[:10]
    )
    # The panel names each program; its workers are on the enrollment's own page.
    enrollments = selectors.enrollment_list(actor=actor, person=person).prefetch_related(None)
    return {
        "enrollments": enrollments[:20],
        "goals": selectors.goal_list(actor=actor, person=person).exclude(status="cancelled")[:20],
        "follow_ups": selectors.follow_up_list(actor=actor, person=person, links=False)[:20],
        "encounters": encounters,
        "billed_encounters": selectors.encounters_billed([e.pk for e in encounters]),
        "recommendations": selectors.recommendation_list(actor=actor, person=person)[:10],
        "plans_of_care": selectors.plan_of_care_list(actor=actor, person=person)[:10],
        "in_ecm": selectors.in_ecm(person, timezone.localdate()),
        "today": timezone.localdate(),
        "can_manage": actor.can("care.manage"),
        "can_log": actor.can("encounter.log"),
        "can_document": actor.can("care.document"),
    }


@actor_page("care.view")
def person_timeline(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    """Everything that happened to a person, newest first: its own page, or the person
    page's Timeline section once it is scrolled to."""
    person = person_read(actor=actor, public_id=person_id)
    timeline = selectors.person_timeline(actor=actor, person=person)
    template = "care/_timeline.html" if request.htmx else "care/person_timeline.html"  # type: ignore[attr-defined]
    return render(request, template, {"person": person, "timeline": timeline})
