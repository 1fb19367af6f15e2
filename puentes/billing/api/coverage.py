"""What a person brings to billing: coverage, prior authorizations, the consent and
serious condition some payers need, and initiating visits."""

import uuid
from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.responses import Status

from puentes.billing import selectors, services
from puentes.billing.api._common import router
from puentes.billing.presenters import (
    coverage_out,
    prior_authorization_out,
)
from puentes.network.auth import actor_of
from puentes.people.selectors import person_get


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


class InitiatingVisitOut(Schema):
    id: uuid.UUID
    visit_date: date
    code: str


@router.post("/persons/{person_id}/initiating-visits", response={201: InitiatingVisitOut})
def initiating_visit(request: HttpRequest, person_id: uuid.UUID, payload: InitiatingVisitIn) -> Any:
    visit = services.initiating_visit_record(
        actor=actor_of(request), person_id=person_id, fields=payload.dict()
    )
    return Status(
        201, InitiatingVisitOut(id=visit.public_id, visit_date=visit.visit_date, code=visit.code)
    )
