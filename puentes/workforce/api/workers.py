"""Workers: the team's standing, a worker's record and what is added to it, supervision,
deadlines."""

import datetime
import uuid
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from puentes.core.pagination import Mapped, PagePagination
from puentes.network.auth import actor_of
from puentes.network.models import Membership
from puentes.workforce import selectors, services
from puentes.workforce.api._common import router
from puentes.workforce.presenters import (
    CertificationOut,
    DeadlineOut,
    ExperienceOut,
    PathwayStartOut,
    RecordOut,
    SupervisionOut,
    TrainingOut,
    WorkerOut,
    WorkerProfileOut,
    certification_out,
    deadline_out,
    experience_out,
    pathway_start_out,
    profile_out,
    record_out,
    supervision_out,
    training_out,
    worker_out,
)


@router.get("/workforce/workers", response=list[WorkerOut])
@paginate(PagePagination)
def worker_list(request: HttpRequest) -> Any:
    """The team's standing under each payer requirement of its state, today."""
    actor = actor_of(request)

    def present_page(members: list[Membership]) -> list[WorkerOut]:
        _requirements, rows = selectors.team_for(
            actor=actor, day=timezone.localdate(), members=members
        )
        return [worker_out(row) for row in rows]

    return Mapped(selectors.team_workers(actor=actor), None, present_page)


@router.get("/workforce/workers/{worker_id}", response=RecordOut)
def worker_read(request: HttpRequest, worker_id: uuid.UUID) -> Any:
    """A worker's record (the team's for supervisors; one's own for a worker)."""
    actor = actor_of(request)
    member = selectors.worker_get(actor=actor, public_id=worker_id)
    return record_out(selectors.worker_record(actor=actor, member=member, day=timezone.localdate()))


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
    member = selectors.worker_get(actor=actor, public_id=worker_id)
    fields = body.model_dump(exclude_unset=True, mode="python")
    return profile_out(services.profile_set(actor=actor, worker=member, fields=fields))


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
    member = selectors.worker_get(actor=actor, public_id=worker_id)
    added = services.certification_add(actor=actor, worker=member, fields=body.model_dump())
    return Status(201, certification_out(added))


class PathwayIn(Schema, extra="forbid"):
    definition: str
    pathway: str
    started_on: datetime.date


@router.post("/workforce/workers/{worker_id}/pathways", response={201: PathwayStartOut})
def pathway_start(request: HttpRequest, worker_id: uuid.UUID, body: PathwayIn) -> Any:
    actor = actor_of(request)
    member = selectors.worker_get(actor=actor, public_id=worker_id)
    started = services.pathway_start(actor=actor, worker=member, fields=body.model_dump())
    return Status(201, pathway_start_out(started))


class ExperienceIn(Schema, extra="forbid"):
    started_on: datetime.date
    ended_on: datetime.date
    hours: Decimal
    employer: str = ""
    role: str = ""


@router.post("/workforce/workers/{worker_id}/experience", response={201: ExperienceOut})
def experience_add(request: HttpRequest, worker_id: uuid.UUID, body: ExperienceIn) -> Any:
    actor = actor_of(request)
    member = selectors.worker_get(actor=actor, public_id=worker_id)
    added = services.experience_add(actor=actor, worker=member, fields=body.model_dump())
    return Status(201, experience_out(added))


class TrainingIn(Schema, extra="forbid"):
    title: str | None = None
    provider: str = ""
    completed_on: datetime.date
    hours: Decimal
    fieldwork_hours: Decimal = Decimal(0)
    competencies: list[str] = []
    course_id: uuid.UUID | None = Field(None, description="A course the training was (its title)")


@router.post("/workforce/workers/{worker_id}/trainings", response={201: TrainingOut})
def training_add(request: HttpRequest, worker_id: uuid.UUID, body: TrainingIn) -> Any:
    actor = actor_of(request)
    member = selectors.worker_get(actor=actor, public_id=worker_id)
    fields = body.model_dump(exclude_none=True)
    return Status(
        201, training_out(services.training_add(actor=actor, worker=member, fields=fields))
    )


class SupervisionIn(Schema, extra="forbid"):
    held_on: datetime.date
    minutes: int
    kind: str = Field(..., description="individual or group")
    topics: str = ""
    cases_discussed: str = Field("", description="Without names or other personal details")
    worker_ids: list[uuid.UUID]


@router.post("/workforce/supervision", response={201: SupervisionOut})
def supervision_record(request: HttpRequest, body: SupervisionIn) -> Any:
    recorded = services.supervision_record(
        actor=actor_of(request),
        fields=body.model_dump(exclude={"worker_ids"}),
        worker_ids=list(body.worker_ids),
    )
    return Status(201, supervision_out(recorded))


@router.get("/workforce/deadlines", response=list[DeadlineOut])
def deadline_list(request: HttpRequest, within_days: int = 90) -> Any:
    """Certificates expiring and pathway windows closing within the days asked (30/60/90;
    at most 366)."""
    due = selectors.deadlines_for(
        actor=actor_of(request), day=timezone.localdate(), within_days=within_days
    )
    return [deadline_out(d) for d in due]
