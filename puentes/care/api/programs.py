"""API: programs."""

import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from puentes.care import selectors, services
from puentes.care.api._common import router
from puentes.care.presenters import (
    program_out,
)
from puentes.core.pagination import Mapped, PagePagination
from puentes.network.auth import actor_of


class ProgramIn(Schema, extra="forbid"):
    name: str
    kind: str = Field(
        ...,
        description=(
            "asthma, diabetes, ed_users, cardiovascular, perinatal, ecm, community_supports, other"
        ),
    )
    description: str = ""
    target_population: str = ""
    worker_types: list[str] = []
    follow_up_days: int = Field(14, description="Days between automatic check-ins (0: none)")
    caseload_limit: int | None = Field(None, description="People per worker in this program")
    is_active: bool = True


class ProgramPatch(Schema, extra="forbid"):
    version: int
    name: str | None = None
    kind: str | None = None
    description: str | None = None
    target_population: str | None = None
    worker_types: list[str] | None = None
    follow_up_days: int | None = None
    caseload_limit: int | None = None
    is_active: bool | None = None


class ProgramOut(Schema):
    id: uuid.UUID
    version: int
    name: str
    kind: str
    kind_label: str
    description: str
    target_population: str
    worker_types: list[str]
    follow_up_days: int
    caseload_limit: int | None
    is_active: bool


@router.get("/programs", response=list[ProgramOut], summary="The organization's programs")
@paginate(PagePagination)
def program_list(request: HttpRequest, active_only: bool = False) -> Any:
    return Mapped(
        selectors.program_list(actor=actor_of(request), active_only=active_only), program_out
    )


@router.post("/programs", response={201: ProgramOut})
def program_create(request: HttpRequest, payload: ProgramIn) -> Any:
    return Status(
        201, program_out(services.program_create(actor=actor_of(request), fields=payload.dict()))
    )


@router.patch("/programs/{program_id}", response=ProgramOut)
def program_update(request: HttpRequest, program_id: uuid.UUID, payload: ProgramPatch) -> Any:
    fields = payload.dict(exclude_unset=True)
    version = fields.pop("version")
    program = services.program_update(
        actor=actor_of(request), program_id=program_id, version=version, fields=fields
    )
    return program_out(program)
