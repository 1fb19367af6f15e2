"""Writes of the workforce: profiles, certifications, pathways, experience, trainings and
attendance, supervision, intermediaries. Each checks the role, reaches workers only through
the actor's organization (or, for an intermediary's attendance, its members'), checks every
field before writing anything, and is audited."""

import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.errors import DomainError, invalid, not_found
from puentes.core.inputs import Errors
from puentes.core.languages import LANGUAGE_CODES
from puentes.core.services import validate
from puentes.core.tenancy import unscoped
from puentes.network.models import Membership, Organization, WorkerType
from puentes.network.selectors import members_who_may, organization_list_on_network
from puentes.notifications import selectors as notifications_selectors
from puentes.notifications.services import notify
from puentes.workforce import selectors
from puentes.workforce.definitions import certificate_ids, frameworks, latest
from puentes.workforce.models import (
    Affiliation,
    Certification,
    Course,
    ExperienceRecord,
    LanguageLevel,
    PathwayStart,
    SupervisionSession,
    TrainingRecord,
    TrainingSession,
    WorkerProfile,
)

EVIDENCE_TYPES = {"application/pdf", "image/jpeg", "image/png"}
EVIDENCE_MAX_BYTES = 5 * 1024 * 1024


def _refuse_unknown(fields: dict[str, Any], allowed: Iterable[str]) -> None:
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise invalid({name: [_("This field cannot be set here.")] for name in unknown})


def _checked(instance: Any, errors: Errors, exclude: Iterable[str] = ()) -> None:
    """The model's own checks (lengths, ranges, choices) added to the ``errors`` already
    found, so one answer names every field; raise if there are any."""
    try:
        validate(instance, exclude=exclude)
    except DomainError as error:
        for name, messages in error.fields.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise invalid(errors)


def _not_future(day: Any, name: str, errors: Errors) -> None:
    if isinstance(day, datetime.date) and day > timezone.localdate():
        errors.setdefault(name, []).append(_("This date is in the future."))


def _evidence(file: UploadedFile | None, name: str, errors: Errors) -> None:
    if file is None:
        return
    if file.content_type not in EVIDENCE_TYPES:
        errors.setdefault(name, []).append(_("Upload a PDF, JPEG or PNG scan."))
    elif (file.size or 0) > EVIDENCE_MAX_BYTES:
        errors.setdefault(name, []).append(_("The scan is over 5 MB."))


def _may_keep(actor: Actor, worker: Membership) -> None:
    """Supervisors and administrators keep the team's records; a worker adds to their own."""
    if actor.can("workforce.manage"):
        return
    own = actor.membership is not None and actor.membership.pk == worker.pk
    if not (own and actor.can("workforce.own")):
        actor.require("workforce.manage")


PROFILE_FIELDS = (
    "worker_types",
    "hire_date",
    "languages",
    "communities",
    "lived_experience",
    "supervisor_id",
    "caseload_capacity",
    "npi",
)


def _languages(value: Any, errors: Errors) -> list[dict[str, str]]:
    cleaned = []
    for index, item in enumerate(value or []):
        code = str((item or {}).get("language", "")).strip().lower()
        level = str((item or {}).get("level", "")).strip()
        if code not in LANGUAGE_CODES:
            errors.setdefault("languages", []).append(
                _("Item %(n)s: %(code)s is not a language code (ISO 639, e.g. es).")
                % {"n": index + 1, "code": code or "—"}
            )
        elif level not in LanguageLevel.values:
            errors.setdefault("languages", []).append(
                _("Item %(n)s: the level must be one of %(levels)s.")
                % {"n": index + 1, "levels": ", ".join(LanguageLevel.values)}
            )
        else:
            cleaned.append({"language": code, "level": level})
    return cleaned


@transaction.atomic
def profile_set(*, actor: Actor, worker: Membership, fields: dict[str, Any]) -> WorkerProfile:
    """Create or change a worker's profile. Communities and lived experience are the
    worker's to record, or not."""
    actor.require("workforce.manage")
    _refuse_unknown(fields, PROFILE_FIELDS)
    profile = WorkerProfile.objects.select_for_update().filter(member=worker).first() or (
        WorkerProfile(organization=worker.organization, member=worker)
    )
    errors: Errors = {}
    values = dict(fields)
    if "worker_types" in values:
        types = list(dict.fromkeys(values["worker_types"] or []))
        unknown = sorted(set(types) - set(WorkerType.values))
        if unknown:
            errors["worker_types"] = [_("Unknown worker types: %(t)s.") % {"t": ", ".join(unknown)}]
        values["worker_types"] = types
    if "languages" in values:
        values["languages"] = _languages(values["languages"], errors)
    if "supervisor_id" in values:
        supervisor = values.pop("supervisor_id")
        values["supervisor"] = None
        if supervisor:
            found = (
                Membership.objects.for_actor(actor)
                .filter(public_id=supervisor, is_active=True)
                .first()
            )
            if found is None or found.pk == worker.pk:
                errors["supervisor_id"] = [_("Choose an active member of your organization.")]
            values["supervisor"] = found
    _not_future(values.get("hire_date"), "hire_date", errors)
    for name, value in values.items():
        setattr(
            profile,
            name,
            "" if value is None and name in {"npi", "communities", "lived_experience"} else value,
        )
    _checked(profile, errors, exclude=["organization", "member"])
    profile.save()
    audit_record(
        actor=actor, action="workforce.profile.set", obj=profile, detail={"fields": sorted(fields)}
    )
    return profile


CERTIFICATION_FIELDS = ("programme", "number", "issued_on", "expires_on")


@transaction.atomic
def certification_add(
    *,
    actor: Actor,
    worker: Membership,
    fields: dict[str, Any],
    evidence: UploadedFile | None = None,
) -> Certification:
    actor.require("workforce.manage")
    _refuse_unknown(fields, CERTIFICATION_FIELDS)
    errors: Errors = {}
    if fields.get("programme") not in certificate_ids():
        errors["programme"] = [
            _(
                "%(p)s is not a certificate or credential Puentes knows "
                "(see the workforce definitions)."
            )
            % {"p": fields.get("programme") or "—"}
        ]
    issued, expires = fields.get("issued_on"), fields.get("expires_on")
    _not_future(issued, "issued_on", errors)
    if (
        isinstance(issued, datetime.date)
        and isinstance(expires, datetime.date)
        and expires < issued
    ):
        errors["expires_on"] = [_("The expiry date is before the issue date.")]
    _evidence(evidence, "evidence", errors)
    certification = Certification(
        organization=worker.organization,
        worker=worker,
        recorded_by=actor.user,
        **{k: v for k, v in fields.items() if k in CERTIFICATION_FIELDS},
    )
    certification.number = certification.number or ""
    _checked(certification, errors, exclude=["evidence", "recorded_by"])
    if evidence is not None:
        certification.evidence.save(evidence.name or "scan", evidence, save=False)
    certification.save()
    audit_record(
        actor=actor,
        action="workforce.certification.add",
        obj=certification,
        detail={"worker": str(worker.public_id), "programme": certification.programme},
    )
    return certification


@transaction.atomic
def pathway_start(*, actor: Actor, worker: Membership, fields: dict[str, Any]) -> PathwayStart:
    actor.require("workforce.manage")
    _refuse_unknown(fields, ("definition", "pathway", "started_on"))
    errors: Errors = {}
    definition = latest(str(fields.get("definition") or ""))
    if definition is None:
        errors["definition"] = [_("No such programme.")]
    elif definition.pathway(str(fields.get("pathway") or "")) is None:
        errors["pathway"] = [
            _("%(title)s has these pathways: %(ids)s.")
            % {
                "title": definition.title.in_language(get_language() or "en"),
                "ids": ", ".join(p.id for p in definition.pathways),
            }
        ]
    _not_future(fields.get("started_on"), "started_on", errors)
    if (
        PathwayStart.objects.for_organization(worker.organization)
        .filter(worker=worker, definition=fields.get("definition"), pathway=fields.get("pathway"))
        .exists()
    ):
        errors["pathway"] = [_("This worker's start on this pathway is already recorded.")]
    start = PathwayStart(organization=worker.organization, worker=worker, **fields)
    _checked(start, errors)
    start.save()
    audit_record(
        actor=actor,
        action="workforce.pathway.start",
        obj=start,
        detail={"worker": str(worker.public_id), "definition": start.definition},
    )
    return start


@transaction.atomic
def experience_add(*, actor: Actor, worker: Membership, fields: dict[str, Any]) -> ExperienceRecord:
    actor.require("workforce.manage")
    _refuse_unknown(fields, ("started_on", "ended_on", "hours", "employer", "role"))
    errors: Errors = {}
    began, ended = fields.get("started_on"), fields.get("ended_on")
    _not_future(ended, "ended_on", errors)
    if isinstance(began, datetime.date) and isinstance(ended, datetime.date):
        if ended < began:
            errors["ended_on"] = [_("The end is before the start.")]
        else:
            most = Decimal(((ended - began).days + 1) * 24)
            hours = _decimal(fields.get("hours"))
            if hours is not None and hours > most:
                errors["hours"] = [
                    _("More hours than the %(days)s days hold (%(most)s at most).")
                    % {"days": (ended - began).days + 1, "most": most}
                ]
    record = ExperienceRecord(organization=worker.organization, worker=worker, **fields)
    _checked(record, errors)
    record.save()
    audit_record(
        actor=actor,
        action="workforce.experience.add",
        obj=record,
        detail={"worker": str(worker.public_id), "hours": str(record.hours)},
    )
    return record


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value is not None else None
    except InvalidOperation:
        return None


TRAINING_FIELDS = (
    "title",
    "provider",
    "completed_on",
    "hours",
    "fieldwork_hours",
    "competencies",
    "course_id",
)


def _competencies(value: Any, errors: Errors) -> list[str]:
    known = {item.id for f in frameworks().values() for item in f.items()}
    chosen = list(dict.fromkeys(value or []))
    unknown = sorted(set(chosen) - known)
    if unknown:
        errors["competencies"] = [_("Unknown competencies: %(c)s.") % {"c": ", ".join(unknown)}]
    return chosen


@transaction.atomic
def training_add(
    *,
    actor: Actor,
    worker: Membership,
    fields: dict[str, Any],
    certificate: UploadedFile | None = None,
) -> TrainingRecord:
    """A training the worker completed (a worker may record their own)."""
    _may_keep(actor, worker)
    _refuse_unknown(fields, TRAINING_FIELDS)
    errors: Errors = {}
    values = dict(fields)
    course_id = values.pop("course_id", None)
    course = None
    if not values.get("title") and not course_id:
        errors["title"] = [_("Give the training's title, or the course it was.")]
    if course_id:
        course = selectors.courses_visible(actor=actor).filter(public_id=course_id).first()
        if course is None:
            errors["course_id"] = [_("No such course.")]
        else:
            values.setdefault("title", course.title)
            values.setdefault("provider", course.provider)
    values["competencies"] = _competencies(values.get("competencies"), errors)
    _not_future(values.get("completed_on"), "completed_on", errors)
    hours, fieldwork = _decimal(values.get("hours")), _decimal(values.get("fieldwork_hours"))
    if hours is not None and fieldwork is not None and fieldwork > hours:
        errors["fieldwork_hours"] = [_("More fieldwork than hours of training.")]
    _evidence(certificate, "certificate", errors)
    record = TrainingRecord(
        organization=worker.organization, worker=worker, course=course, **values
    )
    record.provider = record.provider or ""
    if record.fieldwork_hours is None:
        record.fieldwork_hours = Decimal(0)
    _checked(record, errors, exclude=["certificate"])
    if certificate is not None:
        record.certificate.save(certificate.name or "certificate", certificate, save=False)
    record.save()
    audit_record(
        actor=actor,
        action="workforce.training.add",
        obj=record,
        detail={"worker": str(worker.public_id), "hours": str(record.hours)},
    )
    return record


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


@transaction.atomic
def supervision_record(
    *, actor: Actor, fields: dict[str, Any], worker_ids: list[Any]
) -> SupervisionSession:
    actor.require("workforce.manage")
    _refuse_unknown(fields, ("held_on", "minutes", "kind", "topics", "cases_discussed"))
    errors: Errors = {}
    _not_future(fields.get("held_on"), "held_on", errors)
    wanted = [str(w) for w in dict.fromkeys(worker_ids)]
    found = list(selectors.workers(actor.organization).filter(public_id__in=wanted))
    if not wanted or len(found) != len(wanted):
        errors["worker_ids"] = [_("Choose workers of your organization.")]
    if fields.get("kind") == "individual" and len(wanted) > 1:
        errors["kind"] = [_("An individual session has one worker; choose group for more.")]
    if actor.membership is None:
        errors["supervisor"] = [_("Supervision is recorded by the supervisor, signed in.")]
    session = SupervisionSession(
        organization=actor.organization, supervisor=actor.membership, **fields
    )
    session.topics = session.topics or ""
    session.cases_discussed = session.cases_discussed or ""
    _checked(session, errors, exclude=["supervisor"])
    session.save()
    session.workers.set(found)
    audit_record(
        actor=actor,
        action="workforce.supervision.record",
        obj=session,
        detail={"workers": len(found), "minutes": session.minutes},
    )
    return session


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


# Days before a deadline that the worker and their supervisor are reminded.
REMINDER_DAYS = (90, 60, 30)


def deadline_reminders_send(*, day: datetime.date) -> int:
    """Remind each worker, and their supervisor (or the organization's supervisors when
    none is named), of a certificate that expires or falls due exactly 90, 60 or 30 days
    after ``day``; run once a day. A reminder already sent is not sent again. Returns how
    many notifications were written."""
    sent = 0
    for organization in organization_list_on_network():
        for deadline in selectors.deadlines(organization, day, max(REMINDER_DAYS)):
            days = (deadline.day - day).days
            if days not in REMINDER_DAYS:
                continue
            sent += _remind(organization, deadline, days)
    return sent


def _remind(organization: Organization, deadline: selectors.Deadline, days: int) -> int:
    member = deadline.member
    profile = selectors.profile_of(member)
    if profile is not None and profile.supervisor is not None:
        supervisors = [profile.supervisor.user]
    else:
        supervisors = [m.user for m in members_who_may(organization, "workforce.manage")]
    params = {
        "worker": member.display_name,
        "certificate": deadline.what,
        "due_on": deadline.day.isoformat(),
        "days": days,
    }
    kind = f"workforce.{deadline.kind}"
    recipients = [
        user
        for user in {u.pk: u for u in [member.user, *supervisors]}.values()
        if not notifications_selectors.notification_exists(
            recipient=user, organization=organization, kind=kind, params=params
        )
    ]
    link = reverse("workforce:worker", args=[member.public_id])
    return len(
        notify(
            recipients=recipients, organization=organization, kind=kind, params=params, link=link
        )
    )
