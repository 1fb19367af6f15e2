"""Pages: programs, enrolling, goals and progress, payer documents, follow-ups and My day,
logging and correcting encounters, and the supervisor's team caseloads."""

import datetime
import uuid
from typing import Any

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puentes.care import forms, selectors, services, workflow
from puentes.care.models import (
    OPEN_ENROLLMENT_STATUSES,
    EnrollmentStatus,
    FollowUpStatus,
    GoalStatus,
    ProgramKind,
)
from puentes.core.actor import Actor
from puentes.core.audit import people_seen_in
from puentes.core.errors import DomainError, not_found
from puentes.core.http import stored_file_download
from puentes.core.pages import act, actor_page, form_errors_from, submit
from puentes.people.models import Person
from puentes.people.selectors import person_get, person_list
from puentes.referrals.selectors import referral_list
from puentes.screening.selectors import need_list


def _workers(actor: Actor) -> list[tuple[str, str]]:
    return [(str(m.public_id), m.display_name) for m in selectors.frontline_workers(actor=actor)]


# Programs ------------------------------------------------------------------------------


@actor_page("care.view")
def program_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    programs = selectors.program_list(actor=actor)
    return render(
        request,
        "care/programs.html",
        {"programs": programs, "can_manage": actor.can("program.manage")},
    )


@actor_page("program.manage")
def program_edit(
    request: HttpRequest, actor: Actor, program_id: uuid.UUID | None = None
) -> HttpResponse:
    program = selectors.program_get(actor=actor, public_id=program_id) if program_id else None
    initial: dict[str, Any] = {"follow_up_days": 14, "is_active": True}
    if program is not None:
        initial = {
            name: getattr(program, name)
            for name in (
                "name",
                "kind",
                "description",
                "target_population",
                "worker_types",
                "follow_up_days",
                "caseload_limit",
                "is_active",
            )
        }
        initial["version"] = program.version
    form = forms.ProgramForm(request.POST or None, initial=initial)

    def write(data: dict[str, Any]) -> object:
        if program is None:
            return services.program_create(actor=actor, fields=form.service_fields())
        return services.program_update(
            actor=actor,
            program_id=program.public_id,
            version=data["version"],
            fields=form.service_fields(),
        )

    done = submit(request, form, write, success=_("Program saved."), then=reverse("care:programs"))
    title = _("Edit the program") if program else _("Add a program")
    context = {
        "form": form,
        "title": title,
        "back": reverse("care:programs"),
        "back_label": _("Programs"),
    }
    return done or render(request, "care/form.html", context)


# Enrollments ---------------------------------------------------------------------------


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


# Goals ---------------------------------------------------------------------------------


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


# Payer documents ------------------------------------------------------------------------

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


# Follow-ups ------------------------------------------------------------------------------

FOLLOW_UP_TABS = {
    "today": _("Today and overdue"),
    "upcoming": _("Upcoming"),
    "done": _("Done"),
}


@actor_page("care.view")
def follow_up_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    tab = request.GET.get("tab", "today")
    if tab not in FOLLOW_UP_TABS:
        tab = "today"
    mine = actor.membership
    if tab == "done":
        follow_ups = selectors.follow_up_list(actor=actor, assignee=mine, open_only=False).filter(
            status=FollowUpStatus.DONE
        )
        follow_ups = follow_ups.order_by("-completed_at")[:100]
    else:
        follow_ups = selectors.follow_up_list(actor=actor, assignee=mine, when=tab)[:200]
    if mine is None:  # an API key or a member without a caseload has no day of their own
        follow_ups = follow_ups.none() if tab != "done" else []  # type: ignore[assignment]
    follow_ups = list(follow_ups)  # type: ignore[assignment]
    people_seen_in(actor, follow_ups)
    return render(
        request,
        "care/follow_ups.html",
        {
            "tab": tab,
            "tabs": FOLLOW_UP_TABS,
            "follow_ups": follow_ups,
            "today": timezone.localdate(),
            "can_manage": actor.can("care.manage"),
        },
    )


@actor_page("care.manage")
def follow_up_new(request: HttpRequest, actor: Actor, person_id: uuid.UUID) -> HttpResponse:
    person = person_get(actor=actor, public_id=person_id)
    initial = {
        "due_on": timezone.localdate() + datetime.timedelta(days=7),
        "assignee_id": str(actor.membership.public_id) if actor.membership else "",
    }
    form = forms.FollowUpForm(request.POST or None, initial=initial, workers=_workers(actor))

    def write(data: dict[str, Any]) -> object:
        fields = {**data, "assignee_id": data["assignee_id"] or None}
        for link in ("goal_id", "need_id", "referral_id"):
            if request.GET.get(link.removesuffix("_id")):
                fields[link] = request.GET[link.removesuffix("_id")]
        return services.follow_up_create(actor=actor, person_id=person.public_id, fields=fields)

    then = reverse("people:detail", args=[person.public_id]) + "#h-care"
    done = submit(request, form, write, success=_("Follow-up added."), then=then)
    context = {"form": form, "person": person, "title": _("Add a follow-up")}
    return done or render(request, "care/form.html", context)


@actor_page("care.view")
def follow_up_detail(request: HttpRequest, actor: Actor, follow_up_id: uuid.UUID) -> HttpResponse:
    follow_up = selectors.follow_up_get(actor=actor, public_id=follow_up_id)
    form = forms.FollowUpEditForm(
        request.POST or None,
        initial={
            "version": follow_up.version,
            "title": follow_up.title,
            "due_on": follow_up.due_on,
            "note": follow_up.note,
            "assignee_id": str(follow_up.assignee.public_id) if follow_up.assignee else "",
        },
        workers=_workers(actor),
    )
    if request.method == "POST":
        actor.require("care.manage")

        def write(data: dict[str, Any]) -> object:
            fields = {k: v for k, v in data.items() if k != "version"}
            fields["assignee_id"] = fields["assignee_id"] or None
            return services.follow_up_update(
                actor=actor,
                follow_up_id=follow_up.public_id,
                version=data["version"],
                fields=fields,
            )

        then = reverse("care:follow_up", args=[follow_up.public_id])
        done = submit(request, form, write, success=_("Follow-up updated."), then=then)
        if done:
            return done
    return render(
        request,
        "care/follow_up.html",
        {"follow_up": follow_up, "form": form, "can_manage": actor.can("care.manage")},
    )


def _posted_version(request: HttpRequest) -> int | None:
    """The version a one-tap form carries; anything but a number is missing (and refused)."""
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else None


@require_POST
@actor_page("care.manage")
def follow_up_close(request: HttpRequest, actor: Actor, follow_up_id: uuid.UUID) -> HttpResponse:
    follow_up = selectors.follow_up_get(actor=actor, public_id=follow_up_id)
    status = request.POST.get("status", "done")
    back = request.POST.get("next", "")
    then = back if back.startswith("/") and not back.startswith("//") else "/"
    return act(
        request,
        lambda: services.follow_up_close(
            actor=actor,
            follow_up_id=follow_up.public_id,
            version=_posted_version(request),
            status=status,
        ),
        success=_("Follow-up done.") if status == "done" else _("Follow-up cancelled."),
        then=then,
    )


# Encounters -----------------------------------------------------------------------------


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


# Team -----------------------------------------------------------------------------------


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


@actor_page("team.view")
def team_member(request: HttpRequest, actor: Actor, member_id: uuid.UUID) -> HttpResponse:
    member = selectors.team_member_get(actor=actor, public_id=member_id)
    days = _quiet_days(request)
    others = [(i, name) for i, name in _workers(actor) if i != str(member.public_id)]
    if request.method == "POST":
        actor.require("caseload.assign")
        form = forms.ReassignForm(request.POST, workers=others)
        if form.is_valid():
            try:
                warnings = services.caseload_reassign(
                    actor=actor,
                    person_id=form.cleaned_data["person_id"],
                    from_member_id=member.public_id,
                    to_member_id=form.cleaned_data["to_member_id"],
                )
            except DomainError as error:
                if error.code in ("forbidden", "not_found"):
                    raise
                messages.error(request, error.message)
            else:
                messages.success(request, _("Person reassigned."))
                for warning in warnings:
                    messages.warning(
                        request, _("Over the caseload limit: %(detail)s") % {"detail": warning}
                    )
        else:
            messages.error(request, _("Choose who to reassign to."))
        return redirect(reverse("care:team_member", args=[member.public_id]) + f"?days={days}")
    quiet_since = timezone.localdate() - datetime.timedelta(days=days)
    people = list(selectors.caseload_people(actor=actor, member=member))
    people_seen_in(actor, people)
    return render(
        request,
        "care/team_member.html",
        {
            "member": member,
            "people": people,
            "days": days,
            "quiet_since": quiet_since,
            "reassign_choices": others,
            "can_assign": actor.can("caseload.assign"),
            "over_limit": selectors.over_limit(actor=actor, member=member),
        },
    )


def person_panel(actor: Actor, person: Person) -> dict[str, Any] | None:
    """Programs, goals, follow-ups, encounters, payer documents and the timeline, for the
    roles that see care records (the person page's panel, registered in apps.py)."""
    if not actor.can("care.view"):
        return None
    encounters = list(selectors.encounter_list(actor=actor, person=person)[:10])
    return {
        "enrollments": selectors.enrollment_list(actor=actor, person=person)[:20],
        "goals": selectors.goal_list(actor=actor, person=person).exclude(status="cancelled")[:20],
        "follow_ups": selectors.follow_up_list(actor=actor, person=person)[:20],
        "encounters": encounters,
        "billed_encounters": selectors.encounters_billed([e.pk for e in encounters]),
        "recommendations": selectors.recommendation_list(actor=actor, person=person)[:10],
        "plans_of_care": selectors.plan_of_care_list(actor=actor, person=person)[:10],
        "timeline": selectors.person_timeline(actor=actor, person=person),
        "in_ecm": selectors.in_ecm(person, timezone.localdate()),
        "today": timezone.localdate(),
        "can_manage": actor.can("care.manage"),
        "can_log": actor.can("encounter.log"),
        "can_document": actor.can("care.document"),
    }
