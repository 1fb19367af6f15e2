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
from puentes.network.models import Membership
from puentes.workforce import forms, selectors, services
from puentes.workforce.definitions import programme_title
from puentes.workforce.models import WorkerProfile

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


Write = tuple[Any, Callable[[dict[str, Any]], object], str]  # form, service call, success


def _record_writes(request: HttpRequest, actor: Actor, member: Membership) -> dict[str, Write]:
    """The forms of a worker's record, bound to the one posted, with the service each
    calls: a training (the worker too); the rest for those who keep the team's records."""
    posted = request.POST.get("form")

    def bound(name: str) -> Any:
        return request.POST if posted == name else None

    profile = selectors.profile_of(member)
    writes: dict[str, Write] = {
        "training": (
            forms.TrainingForm(bound("training"), request.FILES or None),
            lambda data: services.training_add(
                actor=actor,
                worker=member,
                fields={k: v for k, v in data.items() if k != "certificate"},
                certificate=data.get("certificate"),
            ),
            _("Training recorded."),
        ),
    }
    if not actor.can("workforce.manage"):
        return writes
    writes["profile"] = (
        forms.ProfileForm(
            bound("profile"),
            initial=_profile_initial(profile),
            supervisors=selectors.supervisor_choices(actor=actor),
        ),
        lambda data: services.profile_set(actor=actor, worker=member, fields=data),
        _("Profile saved."),
    )
    writes["certification"] = (
        forms.CertificationForm(bound("certification"), request.FILES or None),
        lambda data: services.certification_add(
            actor=actor,
            worker=member,
            fields={k: v for k, v in data.items() if k != "evidence"},
            evidence=data.get("evidence"),
        ),
        _("Certification recorded."),
    )
    writes["pathway"] = (
        forms.PathwayForm(bound("pathway")),
        lambda data: services.pathway_start(actor=actor, worker=member, fields=data),
        _("Pathway start recorded."),
    )
    writes["experience"] = (
        forms.ExperienceForm(bound("experience")),
        lambda data: services.experience_add(actor=actor, worker=member, fields=data),
        _("Experience recorded."),
    )
    writes["supervision"] = (
        forms.SupervisionForm(bound("supervision")),
        lambda data: services.supervision_record(
            actor=actor, fields=data, worker_ids=[member.public_id]
        ),
        _("Supervision recorded."),
    )
    return writes


def _profile_initial(profile: WorkerProfile | None) -> dict[str, Any]:
    if profile is None:
        return {}
    return {
        "worker_types": profile.worker_types,
        "hire_date": profile.hire_date,
        "supervisor_id": str(profile.supervisor.public_id) if profile.supervisor else "",
        "caseload_capacity": profile.caseload_capacity,
        "npi": profile.npi,
        "communities": profile.communities,
        "lived_experience": profile.lived_experience,
    }


@actor_page()
def worker(request: HttpRequest, actor: Actor, worker_id: uuid.UUID) -> HttpResponse:
    member = selectors.worker_get(actor=actor, public_id=worker_id)
    here = reverse("workforce:worker", args=[member.public_id])
    language = get_language() or "en"
    writes = _record_writes(request, actor, member)
    posted = request.POST.get("form", "")
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
            "pathways": [
                (p, p.definition.title.in_language(language), p.pathway.title.in_language(language))
                for p in record.pathways
            ],
            "renewals": record.renewals,
            "forms": {name: form for name, (form, _write, _success) in writes.items()},
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
