"""Billing set-up: the rule sets shipped, payers, providers, the billing profile and fees."""

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from ninja import Field, Schema
from ninja.responses import Status

from puentes.billing import selectors, services
from puentes.billing.api._common import router
from puentes.billing.presenters import (
    payer_out,
    rule_set_out,
)
from puentes.network.auth import actor_of
from puentes.workforce.presenters import StandingOut, standing_out


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


class ProviderOut(Schema):
    id: uuid.UUID
    name: str
    role: str


class ProfileOut(Schema):
    taxonomy_code: str
    postal_code_9: str
    submitter_id: str
    contact_name: str
    contact_phone: str


@router.post("/billing/providers", response={201: ProviderOut})
def provider_add(request: HttpRequest, payload: ProviderIn) -> Any:
    provider = services.provider_add(actor=actor_of(request), fields=payload.dict())
    return Status(201, ProviderOut(id=provider.public_id, name=str(provider), role=provider.role))


@router.put("/billing/profile", response=ProfileOut, summary="The claims' billing set-up")
def profile_set(request: HttpRequest, payload: ProfileIn) -> ProfileOut:
    profile = services.billing_profile_set(
        actor=actor_of(request), fields=payload.dict(exclude_unset=True)
    )
    return ProfileOut.model_validate(profile, from_attributes=True)


class FeeIn(Schema, extra="forbid"):
    charge: Decimal


class FeeOut(Schema):
    code: str
    charge: Decimal


@router.put("/billing/fees/{code}", response=FeeOut)
def fee_set(request: HttpRequest, code: str, payload: FeeIn) -> FeeOut:
    entry = services.fee_set(actor=actor_of(request), code=code, charge=payload.charge)
    return FeeOut(code=entry.code, charge=entry.charge)


@router.get("/billing/fees", response=list[FeeOut])
def fee_list(request: HttpRequest) -> list[FeeOut]:
    return [
        FeeOut(code=f.code, charge=f.charge) for f in selectors.fee_list(actor=actor_of(request))
    ]


@router.get(
    "/workforce/workers/{worker_id}/qualification",
    response=StandingOut,
    tags=["workforce"],
)
def worker_qualification(
    request: HttpRequest, worker_id: uuid.UUID, rule_set: str, on: date | None = None
) -> Any:
    """Whether the worker may deliver work billed under a payer rule set on a day (today by
    default), or every reason not with its fix: the check the billing engine makes."""
    requirement, standing = selectors.worker_qualification(
        actor=actor_of(request),
        worker_id=worker_id,
        rule_set_id=rule_set,
        day=on or timezone.localdate(),
    )
    return standing_out(requirement, standing)
