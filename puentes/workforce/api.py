"""/api/v1/workforce: definitions, workers' records and standing, trainings and attendance,
supervision, deadlines, and what an intermediary credited to its members' workers."""

import datetime
import uuid
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from ninja import Field, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from puentes.core.errors import invalid
from puentes.core.pagination import Mapped, PagePagination
from puentes.network.auth import actor_of
from puentes.network.models import Membership
from puentes.workforce import selectors, services
from puentes.workforce.definitions import definitions
from puentes.workforce.models import Certification, Course, ExperienceRecord, TrainingRecord
from puentes.workforce.qualification import Qualification

router = Router(tags=["workforce"])


def _language() -> str:
    return get_language() or "en"


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


@router.get("/workforce/definitions", response=list[DefinitionOut])
def definition_list(request: HttpRequest) -> Any:
    """Every certification and payer requirement shipped, with sources and what is
    unconfirmed."""
    actor_of(request).require("organization.view")
    language = _language()
    return [
        DefinitionOut(
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
        for d in definitions()
    ]


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


@router.get("/workforce/workers", response=list[WorkerOut])
@paginate(PagePagination)
def worker_list(request: HttpRequest) -> Any:
    """The team's standing under each payer requirement the organization bills, today."""
    actor = actor_of(request)
    actor.require("workforce.view")

    def present_page(members: list[Membership]) -> list[WorkerOut]:
        _requirements, rows = selectors.team_for(actor, timezone.localdate(), members)
        return [
            WorkerOut(
                id=row.member.public_id,
                name=row.member.user.get_full_name(),
                worker_type=row.member.worker_type,
                standing=[standing_out(k, q) for k, q in row.standing.items()],
                training_hours_this_year=row.training_hours_year,
                supervision_hours_this_year=row.supervision_hours_year,
            )
            for row in rows
        ]

    return Mapped(selectors.workers(actor.organization), None, present_page)


class CertificationOut(Schema):
    id: uuid.UUID
    programme: str
    number: str
    issued_on: datetime.date
    expires_on: datetime.date | None
    has_scan: bool


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


class PathwayStartOut(Schema):
    definition: str
    pathway: str
    started_on: datetime.date


class ExperienceOut(Schema):
    started_on: datetime.date
    ended_on: datetime.date
    hours: Decimal
    employer: str
    role: str


def certification_out(c: Certification) -> CertificationOut:
    return CertificationOut(
        id=c.public_id,
        programme=c.programme,
        number=c.number,
        issued_on=c.issued_on,
        expires_on=c.expires_on,
        has_scan=bool(c.evidence),
    )


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


class WorkerProfileOut(Schema):
    worker_types: list[str]
    hire_date: datetime.date | None
    languages: list[dict[str, str]]
    communities: str
    lived_experience: str
    supervisor: str | None
    caseload_capacity: int | None
    npi: str


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


def record_out(record: selectors.WorkerRecord) -> RecordOut:
    p = record.profile
    return RecordOut(
        id=record.member.public_id,
        name=record.member.user.get_full_name(),
        worker_type=record.member.worker_type,
        profile=WorkerProfileOut(
            worker_types=p.worker_types,
            hire_date=p.hire_date,
            languages=p.languages,
            communities=p.communities,
            lived_experience=p.lived_experience,
            supervisor=p.supervisor.user.get_full_name() if p.supervisor else None,
            caseload_capacity=p.caseload_capacity,
            npi=p.npi,
        )
        if p
        else None,
        standing=[standing_out(k, q) for k, q in record.standing.items()],
        certifications=[certification_out(c) for c in record.certifications],
        pathways=[
            PathwayStartOut(definition=s.definition, pathway=s.pathway, started_on=s.started_on)
            for s in record.pathways
        ],
        experience=[experience_out(e) for e in record.experience],
        trainings=[training_out(t) for t in record.trainings],
        supervision=[
            SupervisionOut(
                id=s.public_id,
                held_on=s.held_on,
                minutes=s.minutes,
                kind=s.kind,
                supervisor=s.supervisor.user.get_full_name(),
                topics=s.topics,
            )
            for s in record.supervision
        ],
    )


@router.get("/workforce/workers/{worker_id}", response=RecordOut)
def worker_read(request: HttpRequest, worker_id: uuid.UUID) -> Any:
    """A worker's record (the team's for supervisors; one's own for a worker)."""
    actor = actor_of(request)
    member = selectors.worker_get(actor, str(worker_id))
    return record_out(selectors.worker_record(actor, member, timezone.localdate()))


class LanguageIn(Schema):
    language: str
    level: str


class WorkerProfileIn(Schema, extra="forbid"):
    worker_types: list[str] | None = None
    hire_date: datetime.date | None = None
    languages: list[LanguageIn] | None = None
    communities: str | None = None
    lived_experience: str | None = None
    supervisor_id: uuid.UUID | None = None
    caseload_capacity: int | None = Field(None, ge=0)
    npi: str | None = None


@router.put("/workforce/workers/{worker_id}/profile", response=WorkerProfileOut)
def profile_set(request: HttpRequest, worker_id: uuid.UUID, body: WorkerProfileIn) -> Any:
    actor = actor_of(request)
    member = selectors.worker_get(actor, str(worker_id))
    fields = body.model_dump(exclude_unset=True, mode="python")
    if "languages" in fields:
        fields["languages"] = [dict(item) for item in fields["languages"] or []]
    services.profile_set(actor, member, fields)
    record = selectors.worker_record(actor, member, timezone.localdate())
    return record_out(record).profile


class CertificationIn(Schema, extra="forbid"):
    programme: str = Field(
        ..., description="A certificate or credential id (see /workforce/definitions)"
    )
    number: str = ""
    issued_on: datetime.date
    expires_on: datetime.date | None = None


@router.post("/workforce/workers/{worker_id}/certifications", response={201: CertificationOut})
def certification_add(request: HttpRequest, worker_id: uuid.UUID, body: CertificationIn) -> Any:
    actor = actor_of(request)
    member = selectors.worker_get(actor, str(worker_id))
    c = services.certification_add(actor, member, body.model_dump())
    return Status(201, certification_out(c))


class PathwayIn(Schema, extra="forbid"):
    definition: str
    pathway: str
    started_on: datetime.date


@router.post("/workforce/workers/{worker_id}/pathways", response={201: PathwayStartOut})
def pathway_start(request: HttpRequest, worker_id: uuid.UUID, body: PathwayIn) -> Any:
    actor = actor_of(request)
    member = selectors.worker_get(actor, str(worker_id))
    s = services.pathway_start(actor, member, body.model_dump())
    return Status(
        201, PathwayStartOut(definition=s.definition, pathway=s.pathway, started_on=s.started_on)
    )


class ExperienceIn(Schema, extra="forbid"):
    started_on: datetime.date
    ended_on: datetime.date
    hours: Decimal
    employer: str = ""
    role: str = ""


@router.post("/workforce/workers/{worker_id}/experience", response={201: ExperienceOut})
def experience_add(request: HttpRequest, worker_id: uuid.UUID, body: ExperienceIn) -> Any:
    actor = actor_of(request)
    member = selectors.worker_get(actor, str(worker_id))
    e = services.experience_add(actor, member, body.model_dump())
    return Status(201, experience_out(e))


class TrainingIn(Schema, extra="forbid"):
    title: str | None = None
    provider: str = ""
    completed_on: datetime.date
    hours: Decimal
    fieldwork_hours: Decimal = Decimal(0)
    competencies: list[str] = []
    course_id: uuid.UUID | None = None


@router.post("/workforce/workers/{worker_id}/trainings", response={201: TrainingOut})
def training_add(request: HttpRequest, worker_id: uuid.UUID, body: TrainingIn) -> Any:
    actor = actor_of(request)
    member = selectors.worker_get(actor, str(worker_id))
    fields = body.model_dump(exclude_none=True)
    if not fields.get("title") and not fields.get("course_id"):
        raise invalid({"title": ["Give the training's title, or a course_id."]})
    return Status(201, training_out(services.training_add(actor, member, fields)))


class SupervisionIn(Schema, extra="forbid"):
    held_on: datetime.date
    minutes: int
    kind: str = Field(..., description="individual or group")
    topics: str = ""
    cases_discussed: str = Field("", description="Without names or other personal details")
    worker_ids: list[uuid.UUID]


@router.post("/workforce/supervision", response={201: SupervisionOut})
def supervision_record(request: HttpRequest, body: SupervisionIn) -> Any:
    actor = actor_of(request)
    fields = body.model_dump(exclude={"worker_ids"})
    s = services.supervision_record(actor, fields, list(body.worker_ids))
    return Status(
        201,
        SupervisionOut(
            id=s.public_id,
            held_on=s.held_on,
            minutes=s.minutes,
            kind=s.kind,
            supervisor=actor.user.get_full_name() if actor.user else "",
            topics=s.topics,
        ),
    )


class DeadlineOut(Schema):
    worker_id: uuid.UUID
    name: str
    day: datetime.date
    kind: str
    programme: str
    pathway: str


@router.get("/workforce/deadlines", response=list[DeadlineOut])
def deadline_list(request: HttpRequest, within_days: int = 90) -> Any:
    """Certificates expiring and pathway windows closing within the days asked (30/60/90;
    at most 366)."""
    actor = actor_of(request)
    actor.require("workforce.view")
    if not 1 <= within_days <= 366:
        raise invalid({"within_days": ["Between 1 and 366 days."]})
    return [
        DeadlineOut(
            worker_id=d.member.public_id,
            name=d.member.user.get_full_name(),
            day=d.day,
            kind=d.kind,
            programme=d.what,
            pathway=d.pathway,
        )
        for d in selectors.deadlines_for(actor, timezone.localdate(), within_days)
    ]


class CourseIn(Schema, extra="forbid"):
    title: str
    provider: str
    hours: Decimal
    fieldwork_hours: Decimal = Decimal(0)
    competencies: list[str] = []
    modality: str
    language: str
    open_to_members: bool = False


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


@router.get("/workforce/courses", response=list[CourseOut])
@paginate(PagePagination)
def course_list(request: HttpRequest) -> Any:
    """The organization's courses and its intermediaries' courses open to members."""
    actor = actor_of(request)
    actor.require("workforce.own")
    return Mapped(selectors.courses_visible(actor).select_related("organization"), course_out)


@router.post("/workforce/courses", response={201: CourseOut})
def course_create(request: HttpRequest, body: CourseIn) -> Any:
    return Status(201, course_out(services.course_create(actor_of(request), body.model_dump())))


class SessionIn(Schema, extra="forbid"):
    kind: str = Field(..., description="training, learning_collaborative or convening")
    held_on: datetime.date
    hours: Decimal
    location: str = ""


class SessionOut(Schema):
    id: uuid.UUID
    course_id: uuid.UUID
    kind: str
    held_on: datetime.date
    hours: Decimal
    location: str


@router.post("/workforce/courses/{course_id}/sessions", response={201: SessionOut})
def session_create(request: HttpRequest, course_id: uuid.UUID, body: SessionIn) -> Any:
    s = services.session_create(actor_of(request), course_id, body.model_dump())
    return Status(
        201,
        SessionOut(
            id=s.public_id,
            course_id=s.course.public_id,
            kind=s.kind,
            held_on=s.held_on,
            hours=s.hours,
            location=s.location,
        ),
    )


class AttendanceIn(Schema, extra="forbid"):
    worker_ids: list[uuid.UUID]


class AttendanceOut(Schema):
    credited: int


@router.post("/workforce/sessions/{session_id}/attendance", response={201: AttendanceOut})
def attendance_record(request: HttpRequest, session_id: uuid.UUID, body: AttendanceIn) -> Any:
    """Credit a held session's hours to the workers who attended (an intermediary's course
    open to members: its members' workers too)."""
    records = services.attendance_record(actor_of(request), session_id, list(body.worker_ids))
    return Status(201, AttendanceOut(credited=len(records)))


class CreditedOut(Schema):
    member_organization: str
    worker_id: uuid.UUID
    name: str
    hours: Decimal


@router.get("/workforce/credited", response=list[CreditedOut])
def credited_list(request: HttpRequest) -> Any:
    """An intermediary's view: training hours it credited to each member's workers."""
    actor = actor_of(request)
    actor.require("training.offer")
    return [
        CreditedOut(
            member_organization=r["organization__name"],
            worker_id=r["worker__public_id"],
            name=f"{r['worker__user__first_name']} {r['worker__user__last_name']}",
            hours=r["hours"],
        )
        for r in selectors.credited_hours(actor)
    ]
