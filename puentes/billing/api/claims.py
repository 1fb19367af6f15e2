"""The work queue, what became of an encounter, batches and claims."""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.responses import Status

from puentes.billing import exports, selectors, services
from puentes.billing.api._common import router
from puentes.billing.presenters import (
    batch_out,
    claim_out,
    evaluated_out,
    public_ids,
)
from puentes.care.selectors import encounter_get
from puentes.network.auth import actor_of


class LineOut(Schema):
    code: str
    modifiers: list[str]
    units: int
    charge: Decimal


class ProblemOut(Schema):
    reason: str
    fix: str


class EvaluatedOut(Schema):
    encounter_id: uuid.UUID | None
    person_id: uuid.UUID | None
    date_of_service: date
    minutes: int
    payer: str | None
    rule_set: str | None
    billable: bool
    waiting: bool = Field(
        False,
        description="Monthly time below what the month needs: kept, billed once it is reached",
    )
    lines: list[LineOut]
    problems: list[ProblemOut]
    notes: list[str]


class QueueOut(Schema):
    payer: str | None
    ready: list[EvaluatedOut]
    blocked: list[EvaluatedOut]
    waiting: list[EvaluatedOut]
    ready_total: Decimal


@router.get(
    "/billing/queue",
    response=list[QueueOut],
    summary=(
        "Encounters not yet claimed: ready (lines, charges), blocked (reasons, fixes) or "
        "waiting (monthly time not reached yet)"
    ),
)
def work_queue(request: HttpRequest, start: date, end: date) -> Any:
    queues = selectors.work_queue(actor=actor_of(request), start=start, end=end)
    ids = public_ids([row for q in queues for row in [*q.ready, *q.blocked, *q.waiting]])
    return [
        {
            "payer": q.payer.name if q.payer else None,
            "ready": [evaluated_out(r, ids) for r in q.ready],
            "blocked": [evaluated_out(r, ids) for r in q.blocked],
            "waiting": [evaluated_out(r, ids) for r in q.waiting],
            "ready_total": q.ready_total,
        }
        for q in queues
    ]


class ClaimRefOut(Schema):
    number: str
    status: str


class EncounterBillingOut(Schema):
    """One way an encounter was (or would be) paid for; the evaluation's fields are present
    only when it is ready, blocked or waiting."""

    state: str = Field(..., description="claimed, grant, ready, blocked or waiting")
    claim: ClaimRefOut | None = None
    funding_source: str | None = None
    encounter_id: uuid.UUID | None = None
    person_id: uuid.UUID | None = None
    date_of_service: date | None = None
    minutes: int | None = None
    payer: str | None = None
    rule_set: str | None = None
    billable: bool | None = None
    waiting: bool | None = None
    lines: list[LineOut] | None = None
    problems: list[ProblemOut] | None = None
    notes: list[str] | None = None


@router.get(
    "/encounters/{encounter_id}/billing", response=list[EncounterBillingOut], exclude_none=True
)
def encounter_billing(request: HttpRequest, encounter_id: uuid.UUID) -> Any:
    """What became of an encounter: claimed (and the claim's status), charged to a grant, or
    ready / blocked with the reasons and fixes."""
    actor = actor_of(request)
    encounter = encounter_get(actor=actor, public_id=encounter_id)
    results = selectors.encounter_billing(actor=actor, encounter=encounter)
    rows = [r["row"] for r in results if "row" in r]
    ids = public_ids(rows)
    out = []
    for result in results:
        item: dict[str, Any] = {"state": result["state"]}
        if result["state"] == "claimed":
            item["claim"] = {
                "number": result["claim"].claim_number,
                "status": result["claim"].status,
            }
        elif result["state"] == "grant":
            item["funding_source"] = result["charge"].funding_source.name
        else:
            item.update(evaluated_out(result["row"], ids))
        out.append(item)
    return out


class BatchIn(Schema, extra="forbid"):
    payer_id: uuid.UUID
    start: date
    end: date


class BatchOut(Schema):
    id: uuid.UUID
    version: int
    payer: str
    period_start: date
    period_end: date
    status: str
    status_reason: str
    claims: int
    total_charge: Decimal
    control_number: int | None


class BatchMoveIn(Schema, extra="forbid"):
    version: int
    status: str = Field(..., description="approved, submitted, accepted or rejected")
    reason: str = ""


class ClaimLineOut(Schema):
    line_number: int
    date_of_service: date
    code: str
    modifiers: list[str]
    place_of_service: str
    diagnosis_pointers: list[int]
    units: int
    charge: Decimal
    paid_amount: Decimal | None
    adjustments: list[dict[str, str]]
    encounter_id: uuid.UUID


class ClaimEventOut(Schema):
    occurred_at: datetime
    from_status: str
    to_status: str
    reason: str


class ClaimOut(Schema):
    id: uuid.UUID
    version: int
    claim_number: str
    batch_id: uuid.UUID
    person_id: uuid.UUID
    member_id: str
    frequency: str
    replaces: str | None
    status: str
    status_reason: str
    rule_set: str
    diagnoses: list[str]
    total_charge: Decimal
    paid_amount: Decimal | None
    payer_claim_number: str
    lines: list[ClaimLineOut]
    history: list[ClaimEventOut]


class ClaimChangeIn(Schema, extra="forbid"):
    version: int
    reason: str


@router.post(
    "/billing/batches",
    response={202: BatchOut},
    summary="Queue a batch of claims",
    description="Checks the payer, the period and the billing set-up at once, then generates "
    "the batch in the background: poll the batch until its status is no longer `queued` "
    "(`generated`, or `failed` with the reason in `status_reason`).",
)
def batch_request(request: HttpRequest, payload: BatchIn) -> Any:
    batch = services.batch_request(actor=actor_of(request), **payload.dict())
    return Status(202, batch_out(batch))


@router.get("/billing/batches", response=list[BatchOut])
def batch_list(request: HttpRequest) -> Any:
    return [batch_out(b) for b in selectors.batch_list(actor=actor_of(request))[:200]]


@router.get("/billing/batches/{batch_id}", response=BatchOut)
def batch_get(request: HttpRequest, batch_id: uuid.UUID) -> Any:
    return batch_out(selectors.batch_get(actor=actor_of(request), public_id=batch_id))


@router.get("/billing/batches/{batch_id}/claims", response=list[ClaimOut])
def batch_claims(request: HttpRequest, batch_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    batch = selectors.batch_get(actor=actor, public_id=batch_id)
    return [claim_out(c) for c in selectors.claim_list(actor=actor, batch=batch)]


@router.post(
    "/billing/batches/{batch_id}/status",
    response=BatchOut,
    summary="Approve, submit, record acceptance or rejection",
)
def batch_move(request: HttpRequest, batch_id: uuid.UUID, payload: BatchMoveIn) -> Any:
    batch = services.batch_move(actor=actor_of(request), batch_id=batch_id, **payload.dict())
    return batch_out(batch)


@router.post(
    "/billing/batches/{batch_id}/cancel",
    response=BatchOut,
    summary="Cancel a batch still being generated (its worker stuck or gone); 409 once ended",
)
def batch_cancel(request: HttpRequest, batch_id: uuid.UUID) -> Any:
    return batch_out(services.batch_cancel(actor=actor_of(request), batch_id=batch_id))


@router.get(
    "/billing/batches/{batch_id}/837p",
    response={200: None},
    summary="The batch as an X12 005010X222A1 837P file",
)
def batch_837p(request: HttpRequest, batch_id: uuid.UUID) -> Any:
    return _batch_file(request, batch_id, "837p")


@router.get(
    "/billing/batches/{batch_id}/csv", response={200: None}, summary="The batch's claims as CSV"
)
def batch_csv(request: HttpRequest, batch_id: uuid.UUID) -> Any:
    return _batch_file(request, batch_id, "csv")


def _batch_file(request: HttpRequest, batch_id: uuid.UUID, kind: str) -> Any:
    actor = actor_of(request)
    batch = selectors.batch_get(actor=actor, public_id=batch_id)
    return exports.batch_download(actor=actor, batch=batch, kind=kind)


@router.get("/billing/claims/{claim_id}", response=ClaimOut)
def claim_get(request: HttpRequest, claim_id: uuid.UUID) -> Any:
    return claim_out(selectors.claim_get(actor=actor_of(request), public_id=claim_id))


@router.post(
    "/billing/claims/{claim_id}/correct",
    response={201: ClaimOut},
    summary="Send a corrected claim (frequency 7)",
)
def claim_correct(request: HttpRequest, claim_id: uuid.UUID, payload: ClaimChangeIn) -> Any:
    claim = services.claim_correct(actor=actor_of(request), claim_id=claim_id, **payload.dict())
    return Status(201, claim_out(claim))


@router.post(
    "/billing/claims/{claim_id}/void",
    response={201: ClaimOut},
    summary="Void a claim (frequency 8)",
)
def claim_void(request: HttpRequest, claim_id: uuid.UUID, payload: ClaimChangeIn) -> Any:
    claim = services.claim_void(actor=actor_of(request), claim_id=claim_id, **payload.dict())
    return Status(201, claim_out(claim))
