"""API: encounters, their history and amendments."""

import uuid
from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from puentes.care import selectors, services
from puentes.care.api._common import Member, router
from puentes.care.presenters import (
    encounter_out,
    encounters_out,
)
from puentes.core.inputs import LocalTime
from puentes.core.pagination import Mapped, PagePagination
from puentes.network.auth import actor_of
from puentes.people.selectors import person_get


class EncounterFields(Schema, extra="forbid"):
    person_id: uuid.UUID | None = Field(None, description="The person (individual encounter)")
    is_group: bool = False
    participant_ids: list[uuid.UUID] = Field([], description="Registered people present (group)")
    group_size: int | None = Field(None, description="Everyone present, registered or not")
    worker_id: uuid.UUID | None = Field(None, description="Default: you")
    enrollment_id: uuid.UUID | None = None
    occurred_on: date
    start_time: LocalTime | None = None
    end_time: LocalTime | None = None
    duration_minutes: int | None = Field(None, description="Or give start and end times")
    modality: str = Field(..., description="in_person, phone, video or text")
    place_of_service: str = Field(..., description="CMS place-of-service code, e.g. 12 home")
    services: list[str] = Field(..., description="health_education, navigation, screening, …")
    topics: list[str] = []
    need_ids: list[uuid.UUID] = []
    goal_ids: list[uuid.UUID] = []
    referral_ids: list[uuid.UUID] = []
    note: str = ""


class EncounterIn(EncounterFields):
    idempotency_key: str = Field("", description="Retrying with the same key logs nothing new")


class EncounterPatch(Schema, extra="forbid"):
    version: int
    person_id: uuid.UUID | None = None
    participant_ids: list[uuid.UUID] | None = None
    group_size: int | None = None
    worker_id: uuid.UUID | None = None
    enrollment_id: uuid.UUID | None = None
    occurred_on: date | None = None
    start_time: LocalTime | None = None
    end_time: LocalTime | None = None
    duration_minutes: int | None = None
    modality: str | None = None
    place_of_service: str | None = None
    services: list[str] | None = None
    topics: list[str] | None = None
    need_ids: list[uuid.UUID] | None = None
    goal_ids: list[uuid.UUID] | None = None
    referral_ids: list[uuid.UUID] | None = None
    note: str | None = None


class AmendmentIn(EncounterPatch):
    version: int = Field(0, description="Not used: the billed encounter does not change")
    reason: str


class EncounterOut(Schema):
    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    is_group: bool
    participant_ids: list[uuid.UUID]
    group_size: int
    worker: Member
    enrollment_id: uuid.UUID | None
    occurred_on: date
    start_time: LocalTime | None
    end_time: LocalTime | None
    duration_minutes: int
    modality: str
    place_of_service: str
    services: list[str]
    topics: list[str]
    need_ids: list[uuid.UUID]
    goal_ids: list[uuid.UUID]
    referral_ids: list[uuid.UUID]
    note: str
    status: str
    billed: bool
    locked: bool
    amends: uuid.UUID | None
    amended_by: uuid.UUID | None
    amendment_reason: str


class RevisionOut(Schema):
    version: int
    edited_at: datetime
    changed_fields: list[str]
    snapshot: dict[str, Any]


def _stringify(fields: dict[str, Any]) -> dict[str, Any]:
    """Ids as strings, as the services compare them."""
    return {
        name: (
            [str(v) for v in value]
            if isinstance(value, list) and name.endswith("_ids")
            else (str(value) if isinstance(value, uuid.UUID) else value)
        )
        for name, value in fields.items()
    }


@router.get("/encounters", response=list[EncounterOut])
@paginate(PagePagination)
def encounter_list(
    request: HttpRequest, person_id: uuid.UUID | None = None, mine: bool = False
) -> Any:
    actor = actor_of(request)
    person = person_get(actor=actor, public_id=person_id) if person_id else None
    encounters = selectors.encounter_list(
        actor=actor, person=person, worker=actor.membership if mine else None
    ).prefetch_related("participants", "needs", "goals", "referrals")
    return Mapped(encounters, encounter_out, encounters_out)


@router.post(
    "/encounters",
    response={200: EncounterOut, 201: EncounterOut},
    summary="Log an encounter (201; 200 with the first one when the idempotency key was used)",
)
def encounter_create(request: HttpRequest, payload: EncounterIn) -> Any:
    fields = _stringify(payload.dict(exclude_unset=True))
    key = fields.pop("idempotency_key", "")
    encounter, created = services.encounter_log(
        actor=actor_of(request), fields=fields, idempotency_key=key
    )
    return Status(201 if created else 200, encounter_out(encounter))


@router.get("/encounters/{encounter_id}", response=EncounterOut)
def encounter_get(request: HttpRequest, encounter_id: uuid.UUID) -> Any:
    return encounter_out(selectors.encounter_get(actor=actor_of(request), public_id=encounter_id))


@router.patch(
    "/encounters/{encounter_id}",
    response=EncounterOut,
    summary="Correct an encounter (423 once billed: record an amendment)",
)
def encounter_update(request: HttpRequest, encounter_id: uuid.UUID, payload: EncounterPatch) -> Any:
    fields = _stringify(payload.dict(exclude_unset=True))
    version = fields.pop("version")
    encounter = services.encounter_update(
        actor=actor_of(request), encounter_id=encounter_id, version=version, fields=fields
    )
    return encounter_out(encounter)


@router.post(
    "/encounters/{encounter_id}/amendments",
    response={201: EncounterOut},
    summary="Amend a billed encounter: a new encounter replaces it",
)
def encounter_amend(request: HttpRequest, encounter_id: uuid.UUID, payload: AmendmentIn) -> Any:
    fields = _stringify(payload.dict(exclude_unset=True))
    fields.pop("version", None)
    reason = fields.pop("reason")
    amendment = services.encounter_amend(
        actor=actor_of(request), encounter_id=encounter_id, reason=reason, fields=fields
    )
    return Status(201, encounter_out(amendment))


@router.get("/encounters/{encounter_id}/history", response=list[RevisionOut])
def encounter_history(request: HttpRequest, encounter_id: uuid.UUID) -> Any:
    return selectors.encounter_get(actor=actor_of(request), public_id=encounter_id).revisions.all()
