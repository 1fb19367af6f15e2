"""API: care plans and goals."""

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.responses import Status

from puentes.care import selectors, services
from puentes.care.api._common import router
from puentes.care.presenters import (
    care_plan_out,
    goal_out,
)
from puentes.network.auth import actor_of
from puentes.people.selectors import person_get


class ProgressOut(Schema):
    recorded_on: date
    value: Decimal
    value_2: Decimal | None
    note: str
    meets_target: bool


class GoalOut(Schema):
    id: uuid.UUID
    version: int
    care_plan_id: uuid.UUID
    description: str
    need_ids: list[uuid.UUID]
    measure: str
    comparator: str
    target_value: Decimal
    target_value_2: Decimal | None
    unit: str
    target: str
    target_date: date
    status: str
    status_label: str
    progress: list[ProgressOut]


class CarePlanIn(Schema, extra="forbid"):
    person_id: uuid.UUID
    enrollment_id: uuid.UUID | None = None
    title: str = ""


class CarePlanOut(Schema):
    id: uuid.UUID
    title: str
    person_id: uuid.UUID
    enrollment_id: uuid.UUID | None
    program: str | None
    goals: list[GoalOut]


class GoalIn(Schema, extra="forbid"):
    person_id: uuid.UUID
    enrollment_id: uuid.UUID | None = Field(None, description="The program's plan (else general)")
    description: str = Field(..., description="In the person's own words")
    need_ids: list[uuid.UUID] = []
    measure: str = Field(..., description="e.g. HbA1c, Asthma control test, Blood pressure")
    comparator: str = Field(..., description="lt, le, eq, ge or gt")
    target_value: Decimal
    target_value_2: Decimal | None = Field(None, description="Second number, e.g. 80 of 130/80")
    unit: str = ""
    target_date: date | None = None


class GoalPatch(Schema, extra="forbid"):
    version: int
    description: str | None = None
    need_ids: list[uuid.UUID] | None = None
    measure: str | None = None
    comparator: str | None = None
    target_value: Decimal | None = None
    target_value_2: Decimal | None = None
    unit: str | None = None
    target_date: date | None = None
    status: str | None = Field(None, description="active, achieved, not-achieved, cancelled")


class ProgressIn(Schema, extra="forbid"):
    recorded_on: date | None = None
    value: Decimal
    value_2: Decimal | None = None
    note: str = ""


@router.get("/care-plans", response=list[CarePlanOut], summary="A person's care plans and goals")
def care_plan_list(request: HttpRequest, person_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    person = person_get(actor=actor, public_id=person_id)
    return [care_plan_out(p) for p in selectors.care_plan_list(actor=actor, person=person)]


@router.post("/care-plans", response={201: CarePlanOut})
def care_plan_create(request: HttpRequest, payload: CarePlanIn) -> Any:
    plan = services.care_plan_create(actor=actor_of(request), **payload.dict())
    return Status(201, care_plan_out(plan))


@router.get("/care-plans/{care_plan_id}", response=CarePlanOut)
def care_plan_get(request: HttpRequest, care_plan_id: uuid.UUID) -> Any:
    return care_plan_out(selectors.care_plan_get(actor=actor_of(request), public_id=care_plan_id))


@router.post("/goals", response={201: GoalOut}, summary="Set a goal (starts the plan if needed)")
def goal_create(request: HttpRequest, payload: GoalIn) -> Any:
    fields = payload.dict()
    person_id, enrollment_id = fields.pop("person_id"), fields.pop("enrollment_id")
    goal = services.goal_create(
        actor=actor_of(request), person_id=person_id, enrollment_id=enrollment_id, fields=fields
    )
    return Status(201, goal_out(goal))


@router.get("/goals/{goal_id}", response=GoalOut)
def goal_get(request: HttpRequest, goal_id: uuid.UUID) -> Any:
    return goal_out(selectors.goal_get(actor=actor_of(request), public_id=goal_id))


@router.patch("/goals/{goal_id}", response=GoalOut)
def goal_update(request: HttpRequest, goal_id: uuid.UUID, payload: GoalPatch) -> Any:
    fields = payload.dict(exclude_unset=True)
    version = fields.pop("version")
    goal = services.goal_update(
        actor=actor_of(request), goal_id=goal_id, version=version, fields=fields
    )
    return goal_out(goal)


@router.post("/goals/{goal_id}/progress", response={201: GoalOut}, summary="Record a measurement")
def goal_progress(request: HttpRequest, goal_id: uuid.UUID, payload: ProgressIn) -> Any:
    actor = actor_of(request)
    services.goal_progress_add(actor=actor, goal_id=goal_id, fields=payload.dict())
    return Status(201, goal_out(selectors.goal_get(actor=actor, public_id=goal_id)))
