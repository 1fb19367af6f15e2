"""Pages: enrollments and their moves."""

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puentes.care import forms, selectors, services, workflow
from puentes.care.models import (
    EnrollmentStatus,
    FollowUpStatus,
    ProgramKind,
)
from puentes.care.views._common import _workers
from puentes.core.actor import Actor
from puentes.core.errors import DomainError
from puentes.core.pages import act, actor_page, form_errors_from, submit
from puentes.people.selectors import person_get


@actor_page("care.manage")
def enroll(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = person_get(actor=actor, public_id=person_id)
    programs = [
        (str(p.public_id), p.name) for p in selectors.program_list(actor=actor, active_only=True)
    ]
    initial: dict[str, Any] = {"status": "enrolled", "start_date": timezone.localdate()}
    if actor.membership is not None:
        initial["worker_ids"] = [str(actor.membership.public_id)]
    if request.GET.get("program"):
        initial["program_id"] = request.GET["program"]
    form = forms.EnrollmentForm(
        request.POST or None, initial=initial, programs=programs, workers=_workers(actor)
    )
    if request.method == "POST" and form.is_valid():
        try:
            enrollment = services.enrollment_create(
                actor=actor, person_id=person.public_id, fields=form.cleaned_data
            )
        except DomainError as error:
            form_errors_from(form, error)
        else:
            messages.success(
                request,
                _("%(person)s is enrolled in %(program)s.")
                % {"person": person.display_name, "program": enrollment.program.name},
            )
            for member in enrollment.workers.all():
                for warning in selectors.over_limit(actor=actor, member=member):
                    messages.warning(
                        request,
                        _("%(worker)s is over the caseload limit: %(detail)s")
                        % {"worker": member.display_name, "detail": warning},
                    )
            return redirect("people:detail", person_id=person.public_id)
    return render(
        request, "care/enroll.html", {"form": form, "person": person, "programs": programs}
    )


# The moves offered on an enrollment page, with their button labels.
ENROLLMENT_ACTIONS = {
    EnrollmentStatus.ENROLLED: _("Mark enrolled"),
    EnrollmentStatus.ACTIVE: _("Mark active"),
    EnrollmentStatus.PAUSED: _("Pause"),
    EnrollmentStatus.COMPLETED: _("Complete"),
    EnrollmentStatus.DISENROLLED: _("Disenroll"),
}


@actor_page("care.view")
def enrollment_detail(request: HttpRequest, actor: Actor, enrollment_id: uuid.UUID) -> HttpResponse:
    enrollment = selectors.enrollment_get(actor=actor, public_id=enrollment_id)
    calaim = enrollment.program.kind in (ProgramKind.ECM, ProgramKind.COMMUNITY_SUPPORTS)
    edit_form = forms.EnrollmentEditForm(
        request.POST or None,
        initial={
            "version": enrollment.version,
            "worker_ids": [str(w.public_id) for w in enrollment.workers.all()],
            "ecm_populations": enrollment.ecm_populations,
            "community_supports": enrollment.community_supports,
        },
        workers=_workers(actor),
        calaim=calaim,
    )
    if request.method == "POST":
        actor.require("care.manage")

        def write(data: dict[str, Any]) -> object:
            fields = {k: v for k, v in data.items() if k != "version"}
            return services.enrollment_update(
                actor=actor,
                enrollment_id=enrollment.public_id,
                version=data["version"],
                fields=fields,
            )

        then = reverse("care:enrollment", args=[enrollment.public_id])
        done = submit(request, edit_form, write, success=_("Enrollment updated."), then=then)
        if done:
            return done
    moves = workflow.moves_from(enrollment.status)
    actions = [
        {
            "status": status,
            "label": ENROLLMENT_ACTIONS[EnrollmentStatus(status)],
            "needs_reason": status in workflow.REASON_REQUIRED,
            "form": forms.EnrollmentStatusForm(
                initial={"version": enrollment.version, "status": status}
            ),
        }
        for status in EnrollmentStatus.values
        if status in moves
    ]
    return render(
        request,
        "care/enrollment.html",
        {
            "enrollment": enrollment,
            "actions": actions if actor.can("care.manage") else [],
            "edit_form": edit_form if actor.can("care.manage") else None,
            "follow_ups": enrollment.follow_ups.filter(status=FollowUpStatus.OPEN),
        },
    )


@require_POST
@actor_page("care.manage")
def enrollment_status(request: HttpRequest, actor: Actor, enrollment_id: uuid.UUID) -> HttpResponse:
    selectors.enrollment_get(actor=actor, public_id=enrollment_id)
    form = forms.EnrollmentStatusForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {}
    return act(
        request,
        lambda: services.enrollment_change_status(
            actor=actor,
            enrollment_id=enrollment_id,
            version=data.get("version"),
            status=data.get("status", ""),
            reason=data.get("reason", ""),
        ),
        success=_("Enrollment updated."),
        then=reverse("care:enrollment", args=[enrollment_id]),
    )
