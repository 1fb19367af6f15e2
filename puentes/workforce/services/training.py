"""Training offered: courses, sessions, attendance (an intermediary credits its members'
workers), and the affiliations that make an organization an intermediary."""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.errors import DomainError, invalid, not_found
from puentes.core.inputs import Errors
from puentes.core.languages import LANGUAGE_CODES
from puentes.core.tenancy import unscoped
from puentes.network.models import Organization
from puentes.workforce import selectors
from puentes.workforce.models import (
    Affiliation,
    Course,
    TrainingRecord,
    TrainingSession,
)
from puentes.workforce.services._common import (
    _checked,
    _competencies,
    _decimal,
    _refuse_unknown,
)

COURSE_FIELDS = (
    "title",
    "provider",
    "hours",
    "fieldwork_hours",
    "competencies",
    "modality",
    "language",
    "open_to_members",
)


@transaction.atomic
def course_create(*, actor: Actor, fields: dict[str, Any]) -> Course:
    actor.require("training.offer")
    _refuse_unknown(fields, COURSE_FIELDS)
    errors: Errors = {}
    values = dict(fields)
    values["competencies"] = _competencies(values.get("competencies"), errors)
    if str(values.get("language") or "") not in LANGUAGE_CODES:
        errors["language"] = [_("Give a language code (ISO 639, e.g. es).")]
    hours, fieldwork = _decimal(values.get("hours")), _decimal(values.get("fieldwork_hours"))
    if fieldwork is not None and hours is not None and fieldwork > hours:
        errors["fieldwork_hours"] = [_("More fieldwork than hours of training.")]
    course = Course(organization=actor.organization, **values)
    _checked(course, errors)
    course.save()
    audit_record(actor=actor, action="workforce.course.create", obj=course)
    return course


@transaction.atomic
def session_create(*, actor: Actor, course_id: Any, fields: dict[str, Any]) -> TrainingSession:
    actor.require("training.offer")
    _refuse_unknown(fields, ("kind", "held_on", "hours", "location"))
    course = Course.objects.for_organization(actor.organization).filter(public_id=course_id).first()
    if course is None:
        raise not_found()
    session = TrainingSession(organization=actor.organization, course=course, **fields)
    session.location = session.location or ""
    _checked(session, {})
    session.save()
    audit_record(actor=actor, action="workforce.session.create", obj=session)
    return session


@transaction.atomic
def attendance_record(
    *, actor: Actor, session_id: Any, worker_ids: list[Any]
) -> list[TrainingRecord]:
    """Credit a held session's hours to each worker who attended: the organization's own
    workers, and — for an intermediary's course open to members — its members' workers (the
    record is the member's, credited by the intermediary). All or nothing."""
    actor.require("training.offer")
    session = (
        TrainingSession.objects.for_organization(actor.organization)
        .filter(public_id=session_id)
        .select_related("course")
        .first()
    )
    if session is None:
        raise not_found()
    errors: Errors = {}
    if session.held_on > timezone.localdate():
        errors["session"] = [
            _("The session is on %(day)s: record attendance once it is held.")
            % {"day": session.held_on.isoformat()}
        ]
    reachable = selectors.workers(actor.organization)
    if session.course.open_to_members:
        reachable = reachable | selectors.member_workers(actor=actor)
    wanted = [str(w) for w in dict.fromkeys(worker_ids)]
    found = {str(m.public_id): m for m in reachable.filter(public_id__in=wanted)}
    missing = [w for w in wanted if w not in found]
    if not wanted:
        errors["worker_ids"] = [_("Choose at least one worker.")]
    if missing:
        errors["worker_ids"] = [
            _("Not workers you can credit: %(ids)s.") % {"ids": ", ".join(missing)}
        ]
    already = set(
        unscoped(TrainingRecord, "a session's attendance spans the member organizations")
        .filter(session=session, worker__in=found.values())
        .values_list("worker__public_id", flat=True)
    )
    if already:
        errors.setdefault("worker_ids", []).append(
            _("Already recorded: %(ids)s.") % {"ids": ", ".join(sorted(str(a) for a in already))}
        )
    if errors:
        raise invalid(errors)
    records = []
    for member in found.values():
        record = TrainingRecord(
            organization=member.organization,
            worker=member,
            course=session.course,
            session=session,
            title=session.course.title,
            provider=session.course.provider,
            completed_on=session.held_on,
            hours=session.hours,
            fieldwork_hours=min(session.course.fieldwork_hours, session.hours),
            competencies=session.course.competencies,
            credited_by=actor.organization
            if member.organization_id != actor.organization.pk
            else None,
        )
        record.save()
        records.append(record)
    audit_record(
        actor=actor,
        action="workforce.attendance.record",
        obj=session,
        detail={"workers": len(records)},
    )
    return records


def affiliation_create(
    *, intermediary: Organization, member: Organization, since: datetime.date
) -> Affiliation:
    """Make ``member`` a member organization of ``intermediary`` (an operator's act: both
    organizations agree outside Puentes; see docs/operations.md)."""
    if intermediary.pk == member.pk:
        raise DomainError("invalid", _("An organization cannot be its own member."), {})
    affiliation, _created = Affiliation.objects.get_or_create(
        intermediary=intermediary, member=member, defaults={"since": since}
    )
    return affiliation
