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
