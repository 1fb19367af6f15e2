"""Pages: the team's qualifications per payer and what expires soon; a worker's record,
where a supervisor (or the worker) records a training and a supervisor a certification or
a supervision session; the courses an organization offers, their sessions and attendance."""

import uuid
from collections.abc import Callable
from typing import Any

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.http import stored_file_download
from puentes.core.pages import actor_page, submit
from puentes.workforce import forms, selectors, services
from puentes.workforce.definitions import programme_title

DEADLINE_WINDOWS = (30, 60, 90)


def _window(request: HttpRequest) -> int:
    try:
        days = int(request.GET.get("within", 90))
    except ValueError:
        days = 90
    return days if days in DEADLINE_WINDOWS else 90


@actor_page("workforce.view")
def team(request: HttpRequest, actor: Actor) -> HttpResponse:
    today = timezone.localdate()
    within = _window(request)
    requirements, rows = selectors.team_for(actor=actor, day=today)
    language = get_language() or "en"
    due = [
        {"deadline": d, "what": programme_title(d.what, language)}
        for d in selectors.deadlines_for(actor=actor, day=today, within_days=within)
    ]
    return render(
        request,
        "workforce/team.html",
        {
            "requirements": [(r.id, r.title.in_language(language)) for r in requirements],
            "rows": [
                {"row": row, "standing": [row.standing[r.id] for r in requirements]} for row in rows
            ],
            "deadlines": due,
            "within": within,
            "windows": DEADLINE_WINDOWS,
            "year": today.year,
        },
    )


@actor_page()
def worker(request: HttpRequest, actor: Actor, worker_id: uuid.UUID) -> HttpResponse:
    member = selectors.worker_get(actor=actor, public_id=worker_id)
    here = reverse("workforce:worker", args=[member.public_id])
    language = get_language() or "en"
    posted = request.POST.get("form")
    training_form = forms.TrainingForm(request.POST if posted == "training" else None)
    certification_form = forms.CertificationForm(
        request.POST if posted == "certification" else None, request.FILES or None
    )
    supervision_form = forms.SupervisionForm(request.POST if posted == "supervision" else None)
    writes: dict[str, tuple[Any, Callable[[dict[str, Any]], object], str]] = {
        "training": (
            training_form,
            lambda data: services.training_add(actor=actor, worker=member, fields=data),
            _("Training recorded."),
        ),
        "certification": (
            certification_form,
            lambda data: services.certification_add(
                actor=actor,
                worker=member,
                fields={k: v for k, v in data.items() if k != "evidence"},
                evidence=data.get("evidence"),
            ),
            _("Certification recorded."),
        ),
        "supervision": (
            supervision_form,
            lambda data: services.supervision_record(
                actor=actor, fields=data, worker_ids=[member.public_id]
            ),
            _("Supervision recorded."),
        ),
    }
    if posted in writes:
        form, write, success = writes[posted]
        done = submit(request, form, write, success=success, then=here)
        if done:
            return done
    record = selectors.worker_record(actor=actor, member=member, day=timezone.localdate())
    return render(
        request,
        "workforce/worker.html",
        {
            "record": record,
            "standing": [
                (r.title.in_language(language), record.standing[r.id]) for r in record.requirements
            ],
            "certifications": [
                (c, programme_title(c.programme, language)) for c in record.certifications
            ],
            "pathways": [(s, programme_title(s.definition, language)) for s in record.pathways],
            "training_form": training_form,
            "certification_form": certification_form if actor.can("workforce.manage") else None,
            "supervision_form": supervision_form if actor.can("workforce.manage") else None,
            "today": timezone.localdate(),
        },
    )


@actor_page()
def certification_scan(
    request: HttpRequest, actor: Actor, certification_id: uuid.UUID
) -> FileResponse:
    held = selectors.certification_get(actor=actor, public_id=certification_id)
    return stored_file_download(held.evidence, held.evidence.name.rsplit("/", 1)[-1])


@actor_page("training.offer")
def training(request: HttpRequest, actor: Actor) -> HttpResponse:
    """The courses the organization offers (an intermediary's open to its members' workers)
    and the hours it credited to members' workers."""
    form = forms.CourseForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.course_create(actor=actor, fields=data),
        success=_("Course added."),
        then=reverse("workforce:training"),
    )
    if done:
        return done
    return render(
        request,
        "workforce/training.html",
        {
            "courses": selectors.courses_offered(actor=actor),
            "credited": selectors.credited_hours(actor=actor),
            "form": form,
        },
    )


@actor_page("training.offer")
def course(request: HttpRequest, actor: Actor, course_id: uuid.UUID) -> HttpResponse:
    offered = selectors.course_offered_get(actor=actor, public_id=course_id)
    here = reverse("workforce:course", args=[offered.public_id])
    form = forms.SessionForm(request.POST or None)
    done = submit(
        request,
        form,
        lambda data: services.session_create(actor=actor, course_id=offered.public_id, fields=data),
        success=_("Session added."),
        then=here,
    )
    if done:
        return done
    return render(
        request,
        "workforce/course.html",
        {"course": offered, "sessions": offered.sessions.all(), "form": form},
    )


@actor_page("training.offer")
def session(request: HttpRequest, actor: Actor, session_id: uuid.UUID) -> HttpResponse:
    held = selectors.session_offered_get(actor=actor, public_id=session_id)
    here = reverse("workforce:session", args=[held.public_id])
    form = forms.AttendanceForm(
        request.POST or None, workers=selectors.attendance_choices(actor=actor, session=held)
    )
    done = submit(
        request,
        form,
        lambda data: services.attendance_record(
            actor=actor, session_id=held.public_id, worker_ids=data["worker_ids"]
        ),
        success=_("Attendance recorded."),
        then=here,
    )
    if done:
        return done
    return render(
        request,
        "workforce/session.html",
        {
            "session": held,
            "attended": selectors.session_attendance(actor=actor, session=held),
            "form": form,
        },
    )
