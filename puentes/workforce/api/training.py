"""Requirements as shipped, and training: courses, sessions, attendance, and the hours an
intermediary credited to its members' workers."""

import datetime
import uuid
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Field, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from puentes.core.pagination import Mapped, PagePagination
from puentes.network.auth import actor_of
from puentes.workforce import selectors, services
from puentes.workforce.api._common import router
from puentes.workforce.definitions import definitions
from puentes.workforce.presenters import (
    CourseOut,
    CreditedOut,
    DefinitionOut,
    SessionOut,
    course_out,
    credited_out,
    definition_out,
    session_out,
)


@router.get("/workforce/definitions", response=list[DefinitionOut])
def definition_list(request: HttpRequest) -> Any:
    """Every certification and payer requirement shipped, with sources and what is
    unconfirmed."""
    actor_of(request).require("organization.view")
    language = get_language() or "en"
    return [definition_out(d, language) for d in definitions()]


class CourseIn(Schema, extra="forbid"):
    title: str
    provider: str
    hours: Decimal
    fieldwork_hours: Decimal = Decimal(0)
    competencies: list[str] = []
    modality: str
    language: str
    open_to_members: bool = False


@router.get("/workforce/courses", response=list[CourseOut])
@paginate(PagePagination)
def course_list(request: HttpRequest) -> Any:
    """The organization's courses and its intermediaries' courses open to members."""
    return Mapped(selectors.course_list(actor=actor_of(request)), course_out)


@router.post("/workforce/courses", response={201: CourseOut})
def course_create(request: HttpRequest, body: CourseIn) -> Any:
    course = services.course_create(actor=actor_of(request), fields=body.model_dump())
    return Status(201, course_out(course))


class SessionIn(Schema, extra="forbid"):
    kind: str = Field(..., description="training, learning_collaborative or convening")
    held_on: datetime.date
    hours: Decimal
    location: str = ""


@router.post("/workforce/courses/{course_id}/sessions", response={201: SessionOut})
def session_create(request: HttpRequest, course_id: uuid.UUID, body: SessionIn) -> Any:
    session = services.session_create(
        actor=actor_of(request), course_id=course_id, fields=body.model_dump()
    )
    return Status(201, session_out(session))


class AttendanceIn(Schema, extra="forbid"):
    worker_ids: list[uuid.UUID]


class AttendanceOut(Schema):
    credited: int


@router.post("/workforce/sessions/{session_id}/attendance", response={201: AttendanceOut})
def attendance_record(request: HttpRequest, session_id: uuid.UUID, body: AttendanceIn) -> Any:
    """Credit a held session's hours to the workers who attended (an intermediary's course
    open to members: its members' workers too)."""
    records = services.attendance_record(
        actor=actor_of(request), session_id=session_id, worker_ids=list(body.worker_ids)
    )
    return Status(201, AttendanceOut(credited=len(records)))


@router.get("/workforce/credited", response=list[CreditedOut])
def credited_list(request: HttpRequest) -> Any:
    """An intermediary's view: training hours it credited to each member's workers."""
    return [credited_out(row) for row in selectors.credited_hours(actor=actor_of(request))]
