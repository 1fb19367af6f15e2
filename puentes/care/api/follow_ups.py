"""API: follow-ups."""

import uuid
from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from puentes.care import selectors, services
from puentes.care.api._common import Member, router
from puentes.care.presenters import (
    follow_up_out,
)
from puentes.core.errors import invalid
from puentes.core.pagination import Mapped, PagePagination
from puentes.network.auth import actor_of
from puentes.people.selectors import person_get


class FollowUpIn(Schema, extra="forbid"):
    person_id: uuid.UUID
    title: str
    due_on: date
    note: str = ""
    assignee_id: uuid.UUID | None = Field(None, description="Default: you")
    goal_id: uuid.UUID | None = None
    need_id: uuid.UUID | None = None
    referral_id: uuid.UUID | None = None


class FollowUpPatch(Schema, extra="forbid"):
    version: int
    title: str | None = None
    note: str | None = None
    due_on: date | None = None
    assignee_id: uuid.UUID | None = None


class FollowUpClose(Schema, extra="forbid"):
    version: int
    status: str = Field("done", description="done or cancelled")


class FollowUpOut(Schema):
    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    person_name: str
    assignee: Member | None
    title: str
    note: str
    due_on: date
    status: str
    source: str
    goal_id: uuid.UUID | None
    need_id: uuid.UUID | None
    referral_id: uuid.UUID | None
    enrollment_id: uuid.UUID | None
    completed_at: datetime | None


class FollowUpFilter(Schema):
    mine: bool = Field(False, description="Only those assigned to you")
    person_id: uuid.UUID | None = None
    when: str = Field("all", description="today (due today or earlier), overdue, upcoming, all")
    open_only: bool = True


@router.get("/follow-ups", response=list[FollowUpOut], summary="Follow-ups (My day: mine & today)")
@paginate(PagePagination)
def follow_up_list(request: HttpRequest, filters: Query[FollowUpFilter]) -> Any:
    actor = actor_of(request)
    if filters.when not in selectors.FOLLOW_UP_WHEN:
        raise invalid({"when": [_("Choose today, overdue, upcoming or all.")]})
    person = person_get(actor=actor, public_id=filters.person_id) if filters.person_id else None
    follow_ups = selectors.follow_up_list(
        actor=actor,
        person=person,
        when=filters.when,
        open_only=filters.open_only,
        assignee=actor.membership if filters.mine else None,
    )
    if filters.mine and actor.membership is None:
        follow_ups = follow_ups.none()
    return Mapped(follow_ups, follow_up_out)


@router.post("/follow-ups", response={201: FollowUpOut})
def follow_up_create(request: HttpRequest, payload: FollowUpIn) -> Any:
    fields = payload.dict()
    person_id = fields.pop("person_id")
    follow_up = services.follow_up_create(
        actor=actor_of(request), person_id=person_id, fields=fields
    )
    return Status(201, follow_up_out(follow_up))


@router.get("/follow-ups/{follow_up_id}", response=FollowUpOut)
def follow_up_get(request: HttpRequest, follow_up_id: uuid.UUID) -> Any:
    return follow_up_out(selectors.follow_up_get(actor=actor_of(request), public_id=follow_up_id))


@router.patch("/follow-ups/{follow_up_id}", response=FollowUpOut)
def follow_up_update(request: HttpRequest, follow_up_id: uuid.UUID, payload: FollowUpPatch) -> Any:
    fields = payload.dict(exclude_unset=True)
    version = fields.pop("version")
    follow_up = services.follow_up_update(
        actor=actor_of(request), follow_up_id=follow_up_id, version=version, fields=fields
    )
    return follow_up_out(follow_up)


@router.post("/follow-ups/{follow_up_id}/close", response=FollowUpOut, summary="Done or cancelled")
def follow_up_close(request: HttpRequest, follow_up_id: uuid.UUID, payload: FollowUpClose) -> Any:
    follow_up = services.follow_up_close(
        actor=actor_of(request), follow_up_id=follow_up_id, **payload.dict()
    )
    return follow_up_out(follow_up)
