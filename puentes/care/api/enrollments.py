"""API: enrollments and their moves."""

import uuid
from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from puentes.care import selectors, services
from puentes.care.api._common import Member, router
from puentes.care.presenters import (
    enrollment_out,
)
from puentes.core.pagination import Mapped, PagePagination
from puentes.network.auth import actor_of
from puentes.people.selectors import person_get


class EnrollmentIn(Schema, extra="forbid"):
    person_id: uuid.UUID
    program_id: uuid.UUID
    status: str = Field("enrolled", description="referred, enrolled or active")
    referred_on: date | None = None
    start_date: date | None = None
    ecm_populations: list[str] = []
    community_supports: list[str] = []
    worker_ids: list[uuid.UUID] = Field([], description="Default: you")


class EnrollmentPatch(Schema, extra="forbid"):
    version: int
    worker_ids: list[uuid.UUID] | None = None
    ecm_populations: list[str] | None = None
    community_supports: list[str] | None = None


class EnrollmentStatusIn(Schema, extra="forbid"):
    version: int
    status: str = Field(..., description="enrolled, active, paused, completed or disenrolled")
    reason: str = Field("", description="Required to pause or disenroll")
    on: date | None = None


class ProgramRef(Schema):
    id: uuid.UUID
    name: str
    kind: str


class EnrollmentEventOut(Schema):
    occurred_on: datetime
    from_status: str
    to_status: str
    reason: str


class EnrollmentOut(Schema):
    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    program: ProgramRef
    status: str
    status_label: str
    status_reason: str
    referred_on: date | None
    start_date: date | None
    end_date: date | None
    ecm_populations: list[str]
    community_supports: list[str]
    workers: list[Member]
    history: list[EnrollmentEventOut]
    warnings: list[str] = []


class EnrollmentFilter(Schema):
    person_id: uuid.UUID | None = None
    program_id: uuid.UUID | None = None
    status: str = ""
    open_only: bool = False


def _with_warnings(actor: Any, enrollment: Any) -> dict[str, Any]:
    warnings = [
        w for m in enrollment.workers.all() for w in selectors.over_limit(actor=actor, member=m)
    ]
    return {**enrollment_out(enrollment), "warnings": warnings}


@router.get("/enrollments", response=list[EnrollmentOut])
@paginate(PagePagination)
def enrollment_list(request: HttpRequest, filters: Query[EnrollmentFilter]) -> Any:
    actor = actor_of(request)
    person = person_get(actor=actor, public_id=filters.person_id) if filters.person_id else None
    program = (
        selectors.program_get(actor=actor, public_id=filters.program_id)
        if filters.program_id
        else None
    )
    enrollments = selectors.enrollment_list(
        actor=actor,
        person=person,
        program=program,
        status=filters.status,
        open_only=filters.open_only,
    ).prefetch_related("events")
    return Mapped(enrollments, enrollment_out)


@router.post(
    "/enrollments",
    response={201: EnrollmentOut},
    summary="Enroll a person (warnings name programs over a worker's caseload limit)",
)
def enrollment_create(request: HttpRequest, payload: EnrollmentIn) -> Any:
    actor = actor_of(request)
    fields = payload.dict()
    person_id = fields.pop("person_id")
    enrollment = services.enrollment_create(actor=actor, person_id=person_id, fields=fields)
    return Status(201, _with_warnings(actor, enrollment))


@router.get("/enrollments/{enrollment_id}", response=EnrollmentOut)
def enrollment_get(request: HttpRequest, enrollment_id: uuid.UUID) -> Any:
    return enrollment_out(
        selectors.enrollment_get(actor=actor_of(request), public_id=enrollment_id)
    )


@router.patch("/enrollments/{enrollment_id}", response=EnrollmentOut)
def enrollment_update(
    request: HttpRequest, enrollment_id: uuid.UUID, payload: EnrollmentPatch
) -> Any:
    actor = actor_of(request)
    fields = payload.dict(exclude_unset=True)
    version = fields.pop("version")
    enrollment = services.enrollment_update(
        actor=actor, enrollment_id=enrollment_id, version=version, fields=fields
    )
    return _with_warnings(actor, enrollment)


@router.post("/enrollments/{enrollment_id}/status", response=EnrollmentOut)
def enrollment_status(
    request: HttpRequest, enrollment_id: uuid.UUID, payload: EnrollmentStatusIn
) -> Any:
    enrollment = services.enrollment_change_status(
        actor=actor_of(request), enrollment_id=enrollment_id, **payload.dict()
    )
    return enrollment_out(enrollment)
