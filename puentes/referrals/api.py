"""/api/v1/referrals: every referral action the pages offer, for programs."""

import uuid
from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from django.utils import translation
from ninja import Body, Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from puentes.core.pagination import Mapped, PagePagination
from puentes.network.auth import actor_of
from puentes.referrals import fhir, selectors, services
from puentes.referrals.presenters import light_summary, referral_out, referrals_out

router = Router(tags=["referrals"])


class ReferralIn(Schema, extra="forbid"):
    person_id: uuid.UUID
    service_at_location_id: uuid.UUID
    need_ids: list[uuid.UUID] = []
    note: str = ""
    priority: str = "routine"
    requested_by: date | None = None
    send: bool = Field(False, description="Send at once (otherwise a draft is saved)")
    confirm_capacity: bool = Field(
        False, description="Send even though the service says it is full or has a waitlist"
    )


class SendIn(Schema, extra="forbid"):
    version: int
    confirm_capacity: bool = False


class TransitionIn(Schema, extra="forbid"):
    version: int
    status: str = Field(..., description="accepted, rejected, in-progress, on-hold, completed, …")
    reason: str = ""
    outcome: str = Field("", description="What was delivered (required to complete)")
    outcome_note: str = ""


class SharedPerson(Schema):
    id: uuid.UUID | None
    name: str
    preferred_language: str
    interpreter_needed: bool
    preferred_contact_method: str
    phone: str
    email: str
    ok_to_call: bool
    ok_to_text: bool
    ok_to_email: bool
    ok_to_leave_voicemail: bool


class NeedRef(Schema):
    id: uuid.UUID | None
    category: str
    label: str


class ServiceRef(Schema):
    service_at_location_id: uuid.UUID
    name: str
    organization: str
    address: str
    phone: str
    hours: str
    bring: str
    capacity_status: str


class ReferralOut(Schema):
    id: uuid.UUID
    version: int
    status: str
    status_label: str
    status_reason: str
    priority: str
    note: str
    requested_by: date | None
    person: SharedPerson | None = Field(
        ..., description="Null for the receiving side once consent to share is withdrawn"
    )
    needs: list[NeedRef]
    service: ServiceRef
    referring_organization: str
    referring_worker: str
    receiving_organization: str | None
    light: bool
    sent_at: datetime | None
    response_due_on: date | None
    overdue: bool
    follow_up: bool
    accepted_at: datetime | None
    closed_at: datetime | None
    outcome: str
    outcome_label: str
    outcome_note: str
    sharing_ended: bool
    actions: list[str] = Field(..., description="Statuses you may move this referral to now")
    created_at: datetime


class EventOut(Schema):
    occurred_at: datetime
    from_status: str
    to_status: str
    reason: str
    organization: str | None = Field(None, alias="organization.name")
    user: str | None = Field(None, alias="user.username")


class ListParams(Schema):
    box: str = Field("all", description="sent, inbox or all")
    status: str = ""
    stage: str = Field("", description="open, working or closed")
    service_id: uuid.UUID | None = None
    person_id: uuid.UUID | None = None
    overdue: bool = False
    follow_up: bool = False


@router.post("/referrals", response={201: ReferralOut}, summary="Refer a person to a service")
def referral_create(request: HttpRequest, payload: ReferralIn) -> Any:
    actor = actor_of(request)
    referral = services.referral_create(actor=actor, **payload.dict())
    return Status(201, referral_out(actor, referral))


@router.get("/referrals", response=list[ReferralOut], summary="Referrals made or received")
@paginate(PagePagination)
def referral_list(request: HttpRequest, params: Query[ListParams]) -> Any:
    actor = actor_of(request)
    referrals = selectors.referral_list(actor=actor, **params.dict())
    return Mapped(
        referrals,
        lambda referral: referral_out(actor, referral),
        lambda page: referrals_out(actor, page),
        ids_first=True,
    )


@router.get("/referrals/{referral_id}", response=ReferralOut)
def referral_get(request: HttpRequest, referral_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    return referral_out(actor, selectors.referral_read(actor=actor, public_id=referral_id))


@router.post("/referrals/{referral_id}/send", response=ReferralOut, summary="Send a draft")
def referral_send(request: HttpRequest, referral_id: uuid.UUID, payload: SendIn) -> Any:
    actor = actor_of(request)
    referral = services.referral_send(actor=actor, referral_id=referral_id, **payload.dict())
    return referral_out(actor, referral)


@router.post(
    "/referrals/{referral_id}/status",
    response=ReferralOut,
    summary="Accept, reject, start, hold, complete, fail, cancel or mark entered in error",
)
def referral_status(request: HttpRequest, referral_id: uuid.UUID, payload: TransitionIn) -> Any:
    actor = actor_of(request)
    referral = services.referral_transition(actor=actor, referral_id=referral_id, **payload.dict())
    return referral_out(actor, referral)


@router.get("/referrals/{referral_id}/history", response=list[EventOut])
def referral_history(request: HttpRequest, referral_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    referral = selectors.referral_get(actor=actor, public_id=referral_id)
    return selectors.referral_history(actor=actor, referral=referral)


@router.get(
    "/referrals/{referral_id}/summary",
    response=dict[str, str],
    summary="What the person takes with them: printable and text-message summaries",
)
def referral_summary(request: HttpRequest, referral_id: uuid.UUID) -> Any:
    referral = selectors.referral_get(actor=actor_of(request), public_id=referral_id)
    with translation.override(referral.person.preferred_language or "en"):
        return light_summary(referral)


@router.get(
    "/referrals/{referral_id}/fhir",
    response=dict[str, Any],
    summary="The referral as a Gravity SDOHCC ServiceRequest and TaskForReferralManagement",
)
def referral_fhir(request: HttpRequest, referral_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    referral = selectors.referral_get(actor=actor, public_id=referral_id)
    view = fhir.view_for(actor, referral)
    return {
        "ServiceRequest": fhir.service_request(
            referral, view, selectors.shared_person(actor, referral)
        ),
        "Task": fhir.task(referral, view),
    }


@router.post(
    "/referrals/{referral_id}/fhir/task",
    response=ReferralOut,
    summary="Apply a FHIR Task update (status, statusReason, output) from the other side",
)
def referral_fhir_task(
    request: HttpRequest, referral_id: uuid.UUID, payload: Body[dict[str, Any]]
) -> Any:
    actor = actor_of(request)
    change = fhir.transition_from_task(payload)
    referral = services.referral_transition(actor=actor, referral_id=referral_id, **change)
    return referral_out(actor, referral)


@router.post(
    "/referrals/fhir/service-request",
    response={201: ReferralOut},
    summary="Create a referral from a Gravity ServiceRequest (status active sends it)",
)
def referral_from_service_request(request: HttpRequest, payload: Body[dict[str, Any]]) -> Any:
    actor = actor_of(request)
    fields = fhir.creation_from_service_request(payload)
    referral = services.referral_create(actor=actor, **fields)
    return Status(201, referral_out(actor, referral))
