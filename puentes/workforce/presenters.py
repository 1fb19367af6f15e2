"""Workforce records and standings as the API shows them (billing's qualification answer
uses the same shape)."""

import datetime
import uuid
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from puentes.workforce.definitions import Definition
from puentes.workforce.models import (
    Certification,
    Course,
    ExperienceRecord,
    PathwayStart,
    SupervisionSession,
    TrainingRecord,
    TrainingSession,
    WorkerProfile,
)
from puentes.workforce.qualification import Qualification
from puentes.workforce.selectors import Deadline, PathwayStanding, TeamRow, WorkerRecord


class SourceOut(Schema):
    title: str
    url: str | None


class PathwayOut(Schema):
    id: str
    title: str
    confirmed: bool
    requires: dict[str, Any]


class DefinitionOut(Schema):
    id: str
    version: str
    kind: str
    title: str
    jurisdiction: str
    issuer: str
    worker_types: list[str]
    effective_from: datetime.date
    confirmed: bool
    voluntary: bool
    competency_framework: str | None
    pathways: list[PathwayOut]
    continuing_education: dict[str, Any] | None
    renewal: dict[str, Any] | None
    sources: list[SourceOut]


def definition_out(d: Definition, language: str) -> DefinitionOut:
    return DefinitionOut(
        id=d.id,
        version=d.version,
        kind=d.kind,
        title=d.title.in_language(language),
        jurisdiction=d.jurisdiction,
        issuer=d.issuer,
        worker_types=d.worker_types,
        effective_from=d.effective_from,
        confirmed=d.confirmed,
        voluntary=d.voluntary,
        competency_framework=d.competency_framework,
        pathways=[
            PathwayOut(
                id=p.id,
                title=p.title.in_language(language),
                confirmed=p.confirmed,
                requires=p.model_dump(
                    exclude={"id", "title", "confirmed"}, exclude_defaults=True, mode="json"
                ),
            )
            for p in d.pathways
        ],
        continuing_education=(
            d.continuing_education.model_dump(exclude={"note"}, mode="json")
            if d.continuing_education
            else None
        ),
        renewal=d.renewal.model_dump(mode="json") if d.renewal else None,
        sources=[SourceOut(title=s.title, url=s.url) for s in d.sources],
    )


class ReasonOut(Schema):
    reason: str
    fix: str


class StandingOut(Schema):
    requirement: str
    qualified: bool
    pathway: str
    reasons: list[ReasonOut]
    unconfirmed: list[str]
    applies: bool = Field(
        True, description="False when the requirement is not for the worker's type"
    )


def standing_out(requirement: str, q: Qualification) -> StandingOut:
    return StandingOut(
        requirement=requirement,
        qualified=q.qualified,
        pathway=q.pathway,
        reasons=[ReasonOut(reason=r.reason, fix=r.fix) for r in q.reasons],
        unconfirmed=q.unconfirmed,
        applies=q.applies,
    )


class WorkerOut(Schema):
    id: uuid.UUID
    name: str
    worker_type: str
    standing: list[StandingOut]
    training_hours_this_year: Decimal
    supervision_hours_this_year: Decimal


def worker_out(row: TeamRow) -> WorkerOut:
    return WorkerOut(
        id=row.member.public_id,
        name=row.member.display_name,
        worker_type=row.member.worker_type,
        standing=[standing_out(k, q) for k, q in row.standing.items()],
        training_hours_this_year=row.training_hours_year,
        supervision_hours_this_year=row.supervision_hours_year,
    )


class CertificationOut(Schema):
    id: uuid.UUID
    programme: str
    number: str
    issued_on: datetime.date
    expires_on: datetime.date | None
    has_scan: bool


def certification_out(c: Certification) -> CertificationOut:
    return CertificationOut(
        id=c.public_id,
        programme=c.programme,
        number=c.number,
        issued_on=c.issued_on,
        expires_on=c.expires_on,
        has_scan=bool(c.evidence),
    )


class TrainingOut(Schema):
    id: uuid.UUID
    title: str
    provider: str
    completed_on: datetime.date
    hours: Decimal
    fieldwork_hours: Decimal
    competencies: list[str]
    credited_by: str | None


def training_out(t: TrainingRecord) -> TrainingOut:
    return TrainingOut(
        id=t.public_id,
        title=t.title,
        provider=t.provider,
        completed_on=t.completed_on,
        hours=t.hours,
        fieldwork_hours=t.fieldwork_hours,
        competencies=t.competencies,
        credited_by=t.credited_by.name if t.credited_by else None,
    )


class ProgressOut(Schema):
    what: str
    have: Decimal
    needed: Decimal


class PathwayStartOut(Schema):
    definition: str
    pathway: str
    started_on: datetime.date
    certify_by: datetime.date | None = None
    progress: list[ProgressOut] = []


def pathway_start_out(s: PathwayStart) -> PathwayStartOut:
    return PathwayStartOut(definition=s.definition, pathway=s.pathway, started_on=s.started_on)


def pathway_standing_out(p: PathwayStanding) -> PathwayStartOut:
    return PathwayStartOut(
        definition=p.start.definition,
        pathway=p.start.pathway,
        started_on=p.start.started_on,
        certify_by=p.certify_by,
        progress=[ProgressOut(what=g.what, have=g.have, needed=g.needed) for g in p.progress],
    )


class ExperienceOut(Schema):
    started_on: datetime.date
    ended_on: datetime.date
    hours: Decimal
    employer: str
    role: str


def experience_out(e: ExperienceRecord) -> ExperienceOut:
    return ExperienceOut(
        started_on=e.started_on,
        ended_on=e.ended_on,
        hours=e.hours,
        employer=e.employer,
        role=e.role,
    )


class SupervisionOut(Schema):
    id: uuid.UUID
    held_on: datetime.date
    minutes: int
    kind: str
    supervisor: str
    topics: str


def supervision_out(s: SupervisionSession) -> SupervisionOut:
    return SupervisionOut(
        id=s.public_id,
        held_on=s.held_on,
        minutes=s.minutes,
        kind=s.kind,
        supervisor=s.supervisor.display_name,
        topics=s.topics,
    )


class WorkerProfileOut(Schema):
    worker_types: list[str]
    hire_date: datetime.date | None
    languages: list[dict[str, str]]
    communities: str
    lived_experience: str
    supervisor: str | None
    caseload_capacity: int | None
    npi: str


def profile_out(p: WorkerProfile) -> WorkerProfileOut:
    return WorkerProfileOut(
        worker_types=p.worker_types,
        hire_date=p.hire_date,
        languages=p.languages,
        communities=p.communities,
        lived_experience=p.lived_experience,
        supervisor=p.supervisor.display_name if p.supervisor else None,
        caseload_capacity=p.caseload_capacity,
        npi=p.npi,
    )


class RecordOut(Schema):
    id: uuid.UUID
    name: str
    worker_type: str
    profile: WorkerProfileOut | None
    standing: list[StandingOut]
    certifications: list[CertificationOut]
    pathways: list[PathwayStartOut]
    experience: list[ExperienceOut]
    trainings: list[TrainingOut]
    supervision: list[SupervisionOut]


def record_out(record: WorkerRecord) -> RecordOut:
    return RecordOut(
        id=record.member.public_id,
        name=record.member.display_name,
        worker_type=record.member.worker_type,
        profile=profile_out(record.profile) if record.profile else None,
        standing=[standing_out(k, q) for k, q in record.standing.items()],
        certifications=[certification_out(c) for c in record.certifications],
        pathways=[pathway_standing_out(p) for p in record.pathways],
        experience=[experience_out(e) for e in record.experience],
        trainings=[training_out(t) for t in record.trainings],
        supervision=[supervision_out(s) for s in record.supervision],
    )


class DeadlineOut(Schema):
    worker_id: uuid.UUID
    name: str
    day: datetime.date
    kind: str
    programme: str
    pathway: str


def deadline_out(d: Deadline) -> DeadlineOut:
    return DeadlineOut(
        worker_id=d.member.public_id,
        name=d.member.display_name,
        day=d.day,
        kind=d.kind,
        programme=d.what,
        pathway=d.pathway,
    )


class CourseOut(Schema):
    id: uuid.UUID
    title: str
    provider: str
    hours: Decimal
    fieldwork_hours: Decimal
    competencies: list[str]
    modality: str
    language: str
    open_to_members: bool
    offered_by: str


def course_out(c: Course) -> CourseOut:
    return CourseOut(
        id=c.public_id,
        title=c.title,
        provider=c.provider,
        hours=c.hours,
        fieldwork_hours=c.fieldwork_hours,
        competencies=c.competencies,
        modality=c.modality,
        language=c.language,
        open_to_members=c.open_to_members,
        offered_by=c.organization.name,
    )


class SessionOut(Schema):
    id: uuid.UUID
    course_id: uuid.UUID
    kind: str
    held_on: datetime.date
    hours: Decimal
    location: str


def session_out(s: TrainingSession) -> SessionOut:
    return SessionOut(
        id=s.public_id,
        course_id=s.course.public_id,
        kind=s.kind,
        held_on=s.held_on,
        hours=s.hours,
        location=s.location,
    )


class CreditedOut(Schema):
    member_organization: str
    worker_id: uuid.UUID
    name: str
    hours: Decimal


def credited_out(row: dict[str, Any]) -> CreditedOut:
    return CreditedOut(
        member_organization=row["organization__name"],
        worker_id=row["worker__public_id"],
        name=f"{row['worker__user__first_name']} {row['worker__user__last_name']}",
        hours=row["hours"],
    )
