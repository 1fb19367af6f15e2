"""Remittances (X12 835), funding sources and the grant charges and reports."""

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from puentes.billing import exports, selectors, services
from puentes.billing.api._common import router
from puentes.billing.models import SubAward
from puentes.billing.presenters import (
    funding_out,
)
from puentes.core.errors import invalid
from puentes.core.http import attachment
from puentes.network.auth import actor_of


class RemittanceOut(Schema):
    id: uuid.UUID
    trace_number: str
    total_paid: Decimal
    claims_posted: int


class GrantReportOut(Schema):
    start: date
    end: date
    persons: int
    encounters: int
    hours: Decimal
    amount: Decimal
    services: dict[str, int] = Field(..., description="Encounters by service")
    needs: dict[str, int] = Field(..., description="People by need domain addressed")


@router.post(
    "/billing/remittances",
    response={201: RemittanceOut},
    summary="Import an X12 835 (multipart field `file`)",
)
def remittance_import(request: HttpRequest, file: File[UploadedFile]) -> Any:
    remittance = services.remittance_import(
        actor=actor_of(request), file_name=file.name or "835", content=file.read()
    )
    return Status(
        201,
        RemittanceOut(
            id=remittance.public_id,
            trace_number=remittance.trace_number,
            total_paid=remittance.total_paid,
            claims_posted=remittance.claims_posted,
        ),
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
    sub_award_id: uuid.UUID | None = Field(
        None, description="An intermediary's sub-award to your organization this draws on"
    )


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
    if payload.sub_award_id is None:
        fields.pop("sub_award_id")
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
    response=GrantReportOut,
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
    return GrantReportOut.model_validate(report)


class SubAwardIn(Schema, extra="forbid"):
    member_id: uuid.UUID = Field(..., description="A member organization of yours")
    amount: Decimal
    start_date: date
    end_date: date
    purpose: str = Field("", description="Allowed programs and positions")


class SubAwardOut(Schema):
    id: uuid.UUID
    intermediary: str
    member: str
    amount: Decimal
    start_date: date
    end_date: date
    purpose: str


def sub_award_out(award: SubAward) -> SubAwardOut:
    return SubAwardOut(
        id=award.public_id,
        intermediary=award.funding_source.organization.name,
        member=award.member.name,
        amount=award.amount,
        start_date=award.start_date,
        end_date=award.end_date,
        purpose=award.purpose,
    )


class SubAwardReportOut(Schema):
    id: uuid.UUID
    member: str
    amount: Decimal
    spent: Decimal
    remaining: Decimal
    by_month: dict[str, Decimal] = Field(..., description="Spent by month of service (YYYY-MM)")


@router.post("/billing/funding/{funding_id}/sub-awards", response={201: SubAwardOut})
def sub_award_create(request: HttpRequest, funding_id: uuid.UUID, payload: SubAwardIn) -> Any:
    """Award part of a pass-through grant to a member organization (intermediaries)."""
    award = services.sub_award_create(
        actor=actor_of(request), funding_id=funding_id, fields=payload.dict()
    )
    return Status(201, sub_award_out(award))


@router.get("/billing/funding/{funding_id}/sub-awards", response=list[SubAwardReportOut])
def sub_award_report(request: HttpRequest, funding_id: uuid.UUID) -> Any:
    """A pass-through grant by member: awarded, spent, remaining, spent by month — sums of
    the members' grant charges, never a person."""
    actor = actor_of(request)
    funding = selectors.funding_get(actor=actor, public_id=funding_id)
    return [
        SubAwardReportOut(
            id=row.sub_award.public_id,
            member=row.sub_award.member.name,
            amount=row.sub_award.amount,
            spent=row.spent,
            remaining=row.remaining,
            by_month=row.by_month,
        )
        for row in selectors.sub_award_report(actor=actor, funding=funding)
    ]


@router.get("/billing/sub-awards", response=list[SubAwardOut])
def sub_awards_received(request: HttpRequest) -> Any:
    """Sub-awards intermediaries made to your organization (name one in a funding source)."""
    return [sub_award_out(a) for a in selectors.sub_awards_received(actor=actor_of(request))]
