"""API: a person's timeline and the team's caseloads."""

import uuid
from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Schema

from puentes.care import selectors, services
from puentes.care.api._common import Member, router
from puentes.network.auth import actor_of
from puentes.people.selectors import person_get


class TimelineOut(Schema):
    kind: str
    kind_label: str
    on: date
    title: str
    detail: str
    url: str


@router.get("/persons/{person_id}/timeline", response=list[TimelineOut])
def person_timeline(request: HttpRequest, person_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    return selectors.person_timeline(
        actor=actor, person=person_get(actor=actor, public_id=person_id)
    )


class WorkerCaseloadOut(Schema):
    member: Member
    people: int
    overdue_follow_ups: int
    without_contact: int
    over_limit: list[str]


class ReassignIn(Schema, extra="forbid"):
    person_id: uuid.UUID
    from_member_id: uuid.UUID
    to_member_id: uuid.UUID


@router.get("/team/caseloads", response=list[WorkerCaseloadOut], summary="Caseload per worker")
def team_caseloads(request: HttpRequest, quiet_days: int = 30) -> Any:
    rows = selectors.team_caseloads(actor=actor_of(request), quiet_days=quiet_days)
    return [
        {**row.__dict__, "member": {"id": row.member.public_id, "name": row.member.display_name}}
        for row in rows
    ]


@router.post(
    "/team/reassign", response=dict[str, list[str]], summary="Move a person to another worker"
)
def team_reassign(request: HttpRequest, payload: ReassignIn) -> Any:
    warnings = services.caseload_reassign(actor=actor_of(request), **payload.dict())
    return {"warnings": warnings}
