"""/api/v1/billing: set-up, the work queue, batches and claims, remittances and grants —
the same services as the pages. Coverage and initiating visits hang off the person."""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from puentes.billing import exports, selectors, services
from puentes.billing.presenters import (
    batch_out,
    claim_out,
    coverage_out,
    evaluated_out,
    funding_out,
    payer_out,
    prior_authorization_out,
    public_ids,
    rule_set_out,
)
from puentes.care.selectors import encounter_get
from puentes.core.errors import invalid
from puentes.core.http import attachment
from puentes.network.auth import actor_of
from puentes.people.selectors import person_get

router = Router(tags=["billing"])


class PayerIn(Schema, extra="forbid"):
    name: str
    payer_identifier: str = Field(..., description="The payer's ID on claims (2010BB NM109)")
    filing_indicator: str = Field(
        ..., description="MC Medicaid, MB Medicare Part B, CI, HM, 16, ZZ"
    )
    rule_set_id: str = Field(..., description="See GET /billing/rule-sets")
    preferred_family: str = ""
    managed_care: bool = Field(False, description="A managed-care plan, not fee-for-service")


class PayerOut(Schema):
    id: uuid.UUID
    name: str
    payer_identifier: str
    filing_indicator: str
    rule_set_id: str
    preferred_family: str
    managed_care: bool


class RuleSetOut(Schema):
    id: str
    version: str
    title: str
    jurisdiction: str
    effective_from: date
    effective_to: date | None
    billable: bool
    codes: list[str]
    families: list[str]
    unconfirmed: list[str] = Field(..., description="Values the sources do not confirm")
    sources: list[str]


@router.get("/billing/rule-sets", response=list[RuleSetOut], summary="The payer rule sets shipped")
def rule_set_list(request: HttpRequest) -> Any:
    language = get_language() or "en"
    return [rule_set_out(r, language) for r in selectors.rule_set_list(actor=actor_of(request))]


@router.get("/billing/payers", response=list[PayerOut])
def payer_list(request: HttpRequest) -> Any:
    return [payer_out(p) for p in selectors.payer_list(actor=actor_of(request))]


@router.post("/billing/payers", response={201: PayerOut})
def payer_create(request: HttpRequest, payload: PayerIn) -> Any:
    return Status(
        201, payer_out(services.payer_create(actor=actor_of(request), fields=payload.dict()))
    )


class ProviderIn(Schema, extra="forbid"):
    first_name: str
    last_name: str
    npi: str
    role: str = Field(..., description="rendering or supervising")


class ProfileIn(Schema, extra="forbid"):
    taxonomy_code: str | None = None
    postal_code_9: str | None = None
    submitter_id: str | None = None
    contact_name: str | None = None
    contact_phone: str | None = None
    supervising_provider_id: uuid.UUID | None = None
    fqhc_or_rhc: bool | None = None


@router.post("/billing/providers", response={201: dict[str, Any]})
def provider_add(request: HttpRequest, payload: ProviderIn) -> Any:
    provider = services.provider_add(actor=actor_of(request), fields=payload.dict())
    return Status(201, {"id": provider.public_id, "name": str(provider), "role": provider.role})


@router.put("/billing/profile", response=dict[str, Any], summary="The claims' billing set-up")
def profile_set(request: HttpRequest, payload: ProfileIn) -> Any:
    profile = services.billing_profile_set(
        actor=actor_of(request), fields=payload.dict(exclude_unset=True)
    )
    return {
        "taxonomy_code": profile.taxonomy_code,
        "postal_code_9": profile.postal_code_9,
        "submitter_id": profile.submitter_id,
        "contact_name": profile.contact_name,
        "contact_phone": profile.contact_phone,
    }


class FeeIn(Schema, extra="forbid"):
    charge: Decimal


@router.put("/billing/fees/{code}", response=dict[str, Any])
def fee_set(request: HttpRequest, code: str, payload: FeeIn) -> Any:
    entry = services.fee_set(actor=actor_of(request), code=code, charge=payload.charge)
    return {"code": entry.code, "charge": entry.charge}


@router.get("/billing/fees", response=list[dict[str, Any]])
def fee_list(request: HttpRequest) -> Any:
    return [
        {"code": f.code, "charge": f.charge} for f in selectors.fee_list(actor=actor_of(request))
    ]


# Coverage ------------------------------------------------------------------------------


class CoverageIn(Schema, extra="forbid"):
    payer_id: uuid.UUID
    member_id: str
    plan_name: str = ""
    start_date: date
    end_date: date | None = None
    priority: str = "primary"


class CoverageOut(Schema):
    id: uuid.UUID
    version: int
    payer: str
    payer_id: uuid.UUID
    plan_name: str
    member_id: str
    start_date: date
    end_date: date | None
    priority: str


class CoverageEndIn(Schema, extra="forbid"):
    version: int
    end_date: date


class InitiatingVisitIn(Schema, extra="forbid"):
    visit_date: date
    code: str = Field(..., description="E/M or annual wellness visit code, e.g. 99214")
    practitioner_name: str
    practitioner_npi: str


@router.get("/persons/{person_id}/coverages", response=list[CoverageOut])
def coverage_list(request: HttpRequest, person_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    person = person_get(actor=actor, public_id=person_id)
    return [coverage_out(c) for c in selectors.coverage_list(actor=actor, person=person)]


@router.post("/persons/{person_id}/coverages", response={201: CoverageOut})
def coverage_add(request: HttpRequest, person_id: uuid.UUID, payload: CoverageIn) -> Any:
    fields = {**payload.dict(), "payer_id": str(payload.payer_id)}
    coverage = services.coverage_add(actor=actor_of(request), person_id=person_id, fields=fields)
    return Status(201, coverage_out(coverage))


@router.post("/billing/coverages/{coverage_id}/end", response=CoverageOut)
def coverage_end(request: HttpRequest, coverage_id: uuid.UUID, payload: CoverageEndIn) -> Any:
    coverage = services.coverage_end(
        actor=actor_of(request), coverage_id=coverage_id, **payload.dict()
    )
    return coverage_out(coverage)


class PriorAuthorizationIn(Schema, extra="forbid"):
    coverage_id: uuid.UUID
    number: str = Field("", description="The payer's authorization number (sent as REF*G1)")
    codes: list[str] = Field(
        default_factory=list, description="Procedure codes authorized; empty means any"
    )
    units: int | None = None
    minutes: int | None = None
    start_date: date
    end_date: date
    status: Literal["requested", "approved", "denied"] = "approved"


class PriorAuthorizationOut(Schema):
    id: uuid.UUID
    coverage_id: uuid.UUID
    payer: str
    number: str
    codes: list[str]
    units: int | None
    minutes: int | None
    start_date: date
    end_date: date
    status: str


@router.get("/persons/{person_id}/prior-authorizations", response=list[PriorAuthorizationOut])
def prior_authorization_list(request: HttpRequest, person_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    person = person_get(actor=actor, public_id=person_id)
    return [
        prior_authorization_out(a)
        for a in selectors.prior_authorization_list(actor=actor, person=person)
    ]


@router.post("/persons/{person_id}/prior-authorizations", response={201: PriorAuthorizationOut})
def prior_authorization_record(
    request: HttpRequest, person_id: uuid.UUID, payload: PriorAuthorizationIn
) -> Any:
    """A payer's prior authorization on one of the person's coverages: the engine bills
    past a limit under it, and claims carry its number."""
    fields = {**payload.dict(), "coverage_id": str(payload.coverage_id)}
    authorization = services.prior_authorization_record(
        actor=actor_of(request), person_id=person_id, fields=fields
    )
    return Status(201, prior_authorization_out(authorization))


class ServiceConsentIn(Schema, extra="forbid"):
    given_on: date
    method: Literal["verbal", "written"]
    practitioner_name: str
    practitioner_npi: str
    cost_sharing_explained: bool = Field(..., description="Told that cost sharing applies")
    one_practitioner_explained: bool = Field(
        ..., description="Told that only one practitioner may bill the service in a month"
    )


class ServiceConsentOut(Schema):
    id: uuid.UUID
    given_on: date
    method: str
    practitioner_name: str
    practitioner_npi: str


class SeriousConditionIn(Schema, extra="forbid"):
    diagnosis_code: str = Field(..., description="ICD-10-CM, valid on the date of diagnosis")
    diagnosed_on: date
    expected_months: int = Field(..., description="How long it is expected to last (>= 3)")
    ended_on: date | None = None
    practitioner_name: str


class SeriousConditionOut(Schema):
    id: uuid.UUID
    diagnosis_code: str
    diagnosed_on: date
    expected_months: int
    ended_on: date | None
    practitioner_name: str


@router.get("/persons/{person_id}/service-consents", response=list[ServiceConsentOut])
def service_consent_list(request: HttpRequest, person_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    person = person_get(actor=actor, public_id=person_id)
    return [
        {"id": c.public_id, **model_fields(c, ServiceConsentOut)}
        for c in selectors.service_consent_list(actor=actor, person=person)
    ]


@router.post("/persons/{person_id}/service-consents", response={201: ServiceConsentOut})
def service_consent_record(
    request: HttpRequest, person_id: uuid.UUID, payload: ServiceConsentIn
) -> Any:
    """Consent to a monthly service one practitioner bills (Medicare CHI and PIN)."""
    consent = services.service_consent_record(
        actor=actor_of(request), person_id=person_id, fields=payload.dict()
    )
    return Status(201, {"id": consent.public_id, **model_fields(consent, ServiceConsentOut)})


@router.get("/persons/{person_id}/serious-conditions", response=list[SeriousConditionOut])
def serious_condition_list(request: HttpRequest, person_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    person = person_get(actor=actor, public_id=person_id)
    return [
        {"id": c.public_id, **model_fields(c, SeriousConditionOut)}
        for c in selectors.serious_condition_list(actor=actor, person=person)
    ]


@router.post("/persons/{person_id}/serious-conditions", response={201: SeriousConditionOut})
def serious_condition_record(
    request: HttpRequest, person_id: uuid.UUID, payload: SeriousConditionIn
) -> Any:
    """A serious, high-risk condition expected to last 3 months or more (what PIN needs)."""
    condition = services.serious_condition_record(
        actor=actor_of(request), person_id=person_id, fields=payload.dict()
    )
    return Status(201, {"id": condition.public_id, **model_fields(condition, SeriousConditionOut)})


def model_fields(instance: Any, schema: type[Schema]) -> dict[str, Any]:
    """The schema's fields (but the id) read off a model instance."""
    return {name: getattr(instance, name) for name in schema.model_fields if name != "id"}


@router.post("/persons/{person_id}/initiating-visits", response={201: dict[str, Any]})
def initiating_visit(request: HttpRequest, person_id: uuid.UUID, payload: InitiatingVisitIn) -> Any:
    visit = services.initiating_visit_record(
        actor=actor_of(request), person_id=person_id, fields=payload.dict()
    )
    return Status(201, {"id": visit.public_id, "visit_date": visit.visit_date, "code": visit.code})


# The work queue, batches and claims ------------------------------------------------------


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


@router.get("/encounters/{encounter_id}/billing", response=list[dict[str, Any]])
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


# Remittances and grants -------------------------------------------------------------------


@router.post(
    "/billing/remittances",
    response={201: dict[str, Any]},
    summary="Import an X12 835 (multipart field `file`)",
)
def remittance_import(request: HttpRequest, file: File[UploadedFile]) -> Any:
    remittance = services.remittance_import(
        actor=actor_of(request), file_name=file.name or "835", content=file.read()
    )
    return Status(
        201,
        {
            "id": remittance.public_id,
            "trace_number": remittance.trace_number,
            "total_paid": remittance.total_paid,
            "claims_posted": remittance.claims_posted,
        },
    )


class FundingIn(Schema, extra="forbid"):
    name: str
    funder: str
    kind: str = Field(..., description="grant, contract, pass_through or aco")
    start_date: date
    end_date: date
    amount: Decimal
    hourly_rate: Decimal = Field(..., description="What an hour of work charges to it")
    program_ids: list[uuid.UUID] = []
    services: list[str] = []
    reporting: str = ""


class FundingOut(Schema):
    id: uuid.UUID
    name: str
    funder: str
    kind: str
    start_date: date
    end_date: date
    amount: Decimal
    hourly_rate: Decimal
    used: Decimal
    services: list[str]
    program_ids: list[uuid.UUID]
    reporting: str


class PeriodIn(Schema, extra="forbid"):
    start: date
    end: date


@router.get("/billing/funding", response=list[FundingOut])
def funding_list(request: HttpRequest) -> Any:
    return [funding_out(f) for f in selectors.funding_list(actor=actor_of(request))]


@router.post("/billing/funding", response={201: FundingOut})
def funding_create(request: HttpRequest, payload: FundingIn) -> Any:
    fields = {**payload.dict(), "program_ids": [str(p) for p in payload.program_ids]}
    funding = services.funding_source_create(actor=actor_of(request), fields=fields)
    return Status(
        201,
        funding_out(selectors.funding_get(actor=actor_of(request), public_id=funding.public_id)),
    )


@router.post(
    "/billing/grants/charge",
    response=dict[str, int],
    summary="Charge unpaid work of a period to allowed grants",
)
def grants_charge(request: HttpRequest, payload: PeriodIn) -> Any:
    return services.grants_charge(actor=actor_of(request), **payload.dict())


@router.get(
    "/billing/funding/{funding_id}/report",
    response={200: Any},
    summary="Grant report (format json, csv or xlsx)",
)
def grant_report(
    request: HttpRequest, funding_id: uuid.UUID, start: date, end: date, format: str = "json"
) -> Any:
    actor = actor_of(request)
    funding = selectors.funding_get(actor=actor, public_id=funding_id)
    report = selectors.grant_report(actor=actor, funding=funding, start=start, end=end)
    if format in exports.GRANT_REPORT_FILES:
        write, content_type = exports.GRANT_REPORT_FILES[format]
        return attachment(write(report), f"grant-report.{format}", content_type)
    if format != "json":
        raise invalid({"format": [_("Choose json, csv or xlsx.")]})
    return {key: value for key, value in report.items() if key not in ("funding", "charges")}
