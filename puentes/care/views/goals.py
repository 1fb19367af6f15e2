"""Pages: care plans, goals and progress."""

import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puentes.care import forms, selectors, services
from puentes.care.models import (
    GoalStatus,
)
from puentes.core.actor import Actor
from puentes.core.pages import act, actor_page, submit
from puentes.people.models import Person
from puentes.people.selectors import person_get
from puentes.screening.selectors import need_list


def _plan_choices(actor: Actor, person: Person) -> list[tuple[str, str]]:
    open_enrollments = selectors.enrollment_list(actor=actor, person=person, open_only=True)
    return [("", _("General care plan"))] + [
        (str(e.public_id), e.program.name) for e in open_enrollments
    ]


@actor_page("care.manage")
def goal_new(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = person_get(actor=actor, public_id=person_id)
    needs = [
        (str(n.public_id), str(n.get_category_display()))
        for n in need_list(actor=actor, person=person, open_only=True)
    ]
    plans = _plan_choices(actor, person)
    active = selectors.active_enrollment(actor=actor, person=person)
    initial = {"enrollment_id": str(active.public_id) if active else "", "comparator": "ge"}
    form = forms.GoalForm(request.POST or None, initial=initial, plans=plans, needs=needs)

    def write(data: dict[str, Any]) -> object:
        fields = {k: v for k, v in data.items() if k != "enrollment_id"}
        return services.goal_create(
            actor=actor,
            person_id=person.public_id,
            enrollment_id=data["enrollment_id"] or None,
            fields=fields,
        )

    then = reverse("people:detail", args=[person.public_id]) + "#h-care"
    done = submit(request, form, write, success=_("Goal saved."), then=then)
    context = {
        "form": form,
        "person": person,
        "title": _("Set a goal"),
        "intro": _("Write the goal with the person, in their words, with a number to aim for."),
        "datalist": [
            _("HbA1c"),
            _("Asthma control test"),
            _("Blood pressure"),
            _("Weight"),
            _("ED visits"),
        ],
    }
    return done or render(request, "care/form.html", context)


@actor_page("care.view")
def goal_detail(request: HttpRequest, actor: Actor, goal_id: uuid.UUID) -> HttpResponse:
    goal = selectors.goal_get(actor=actor, public_id=goal_id)
    progress_form = forms.ProgressForm(
        request.POST or None, initial={"recorded_on": timezone.localdate()}
    )
    if request.method == "POST":
        actor.require("care.manage")
        done = submit(
            request,
            progress_form,
            lambda data: services.goal_progress_add(
                actor=actor, goal_id=goal.public_id, fields=data
            ),
            success=_("Progress recorded."),
            then=reverse("care:goal", args=[goal.public_id]),
        )
        if done:
            return done
    status_form = forms.GoalStatusForm(initial={"version": goal.version, "status": goal.status})
    return render(
        request,
        "care/goal.html",
        {
            "goal": goal,
            "person": goal.care_plan.person,
            "progress_form": progress_form,
            "status_form": status_form,
            "two_numbers": goal.target_value_2 is not None,
            "can_manage": actor.can("care.manage"),
            "encounters": goal.encounters.filter(status="current").select_related("worker__user"),
        },
    )


@require_POST
@actor_page("care.manage")
def goal_status(request: HttpRequest, actor: Actor, goal_id: uuid.UUID) -> HttpResponse:
    selectors.goal_get(actor=actor, public_id=goal_id)
    form = forms.GoalStatusForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {}
    return act(
        request,
        lambda: services.goal_update(
            actor=actor,
            goal_id=goal_id,
            version=data.get("version"),
            fields={"status": data.get("status", GoalStatus.ACTIVE)},
        ),
        success=_("Goal updated."),
        then=reverse("care:goal", args=[goal_id]),
    )
