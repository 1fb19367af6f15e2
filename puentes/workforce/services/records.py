"""Writes to a worker's record: profile, certifications, pathway starts, experience,
trainings, supervision."""

import datetime
from decimal import Decimal
from typing import Any, TypeVar

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.inputs import Errors
from puentes.core.languages import LANGUAGE_CODES
from puentes.network.models import Membership, WorkerType
from puentes.workforce import selectors
from puentes.workforce.definitions import certificate_ids, credentials, latest
from puentes.workforce.models import (
    Certification,
    ExperienceRecord,
    LanguageLevel,
    PathwayStart,
    SupervisionSession,
    TrainingRecord,
    WorkerProfile,
)
from puentes.workforce.services._common import (
    _checked,
    _competencies,
    _decimal,
    _evidence,
    _may_keep,
    _not_future,
    _refuse_unknown,
)

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


RecordRow = TypeVar("RecordRow", Certification, PathwayStart, ExperienceRecord, TrainingRecord)


def _saved(actor: Actor, row: RecordRow, action: str, **detail: str) -> RecordRow:
    """Save a row of a worker's record and say so in the audit log (``workforce.<action>``,
    naming the worker)."""
    row.save()
    audit_record(
        actor=actor,
        action=f"workforce.{action}",
        obj=row,
        detail={"worker": str(row.worker.public_id), **detail},
    )
    return row


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
    credential = credentials().get(str(fields.get("programme")))
    if credential is not None and credential.expires and not expires:
        errors["expires_on"] = [_("This credential expires: give its expiry date.")]
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
    return _saved(actor, certification, "certification.add", programme=certification.programme)


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
    return _saved(actor, start, "pathway.start", definition=start.definition)


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
    return _saved(actor, record, "experience.add", hours=str(record.hours))


TRAINING_FIELDS = (
    "title",
    "provider",
    "completed_on",
    "hours",
    "fieldwork_hours",
    "competencies",
    "course_id",
)


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
    return _saved(actor, record, "training.add", hours=str(record.hours))


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
