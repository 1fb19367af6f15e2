"""Files out of billing: a batch as an 837P interchange or a CSV of the same claims, and a
grant report as CSV or XLSX. Each is streamed (or written row by row) from the database."""

import csv
import io
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.db.models import TextField
from django.db.models.functions import Cast
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook  # type: ignore[import-untyped]

from puentes.billing.models import BillingProfile, Claim, ClaimBatch, ClaimLine
from puentes.billing.x12 import (
    Address,
    BillingProvider,
    ClaimDoc,
    Envelope,
    LineDoc,
    Party,
    Subscriber,
    write_837p,
)
from puentes.care.models import EncounterService, labels_of
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.errors import not_found
from puentes.core.http import attachment
from puentes.screening.categories import CATEGORY_CHOICES


def envelope_for(batch: ClaimBatch) -> Envelope:
    organization = batch.organization
    profile = BillingProfile.objects.select_related("supervising_provider").get(
        organization=organization
    )
    supervising = profile.supervising_provider
    return Envelope(
        sender_id=profile.submitter_id,
        receiver_id=batch.payer.payer_identifier,
        control_number=batch.control_number or batch.pk,
        created=timezone.localtime(batch.submitted_at or timezone.now()),
        submitter=Party(organization.name, profile.submitter_id),
        contact_name=profile.contact_name or organization.name,
        contact_phone=profile.contact_phone
        or "".join(c for c in organization.phone if c.isdigit())[-10:],
        receiver=Party(batch.payer.name, batch.payer.payer_identifier),
        billing=BillingProvider(
            name=organization.name,
            npi=organization.npi,
            tax_id=organization.tax_id,
            taxonomy=profile.taxonomy_code,
            address=Address(
                organization.address_line1,
                organization.city,
                organization.state,
                profile.postal_code_9,
            ),
        ),
        payer=Party(batch.payer.name, batch.payer.payer_identifier),
        filing_indicator=batch.payer.filing_indicator,
        supervising=(supervising.last_name, supervising.first_name, supervising.npi)
        if supervising
        else None,
    )


CLAIM_FIELDS = (
    "id",
    "claim_number",
    "frequency",
    "replaces__payer_claim_number",
    "replaces__claim_number",
    "diagnoses_text",
    "coverage__member_id",
    "person__family_name",
    "person__given_name",
    "person__date_of_birth",
    "person__sex",
    "person__address_line1",
    "person__city",
    "person__state",
    "person__postal_code",
)
LINE_FIELDS = (
    "claim_id",
    "code",
    "modifiers_text",
    "charge",
    "units",
    "place_of_service",
    "date_of_service",
    "pointers_text",
    "prior_authorization",
)


@lru_cache(maxsize=4096)
def _json_tuple(text: str) -> tuple[Any, ...]:
    """A JSON list column read as text, parsed once: a batch's million lines repeat a few
    modifier, pointer and diagnosis lists."""
    return tuple(json.loads(text))


def _claim_docs(batch: ClaimBatch) -> Iterator[ClaimDoc]:
    """The batch's claims as documents, read as plain rows in claim order: the claims and
    their lines are two ordered streams merged, so a batch is never held in memory."""
    claims = (
        Claim.objects.filter(batch=batch)
        .order_by("id")
        .annotate(diagnoses_text=Cast("diagnoses", TextField()))
        .values_list(*CLAIM_FIELDS)
    )
    lines = (
        ClaimLine.objects.filter(claim__batch=batch)
        .order_by("claim_id", "line_number")
        .annotate(
            modifiers_text=Cast("modifiers", TextField()),
            pointers_text=Cast("diagnosis_pointers", TextField()),
        )
        .values_list(*LINE_FIELDS)
    )
    line_rows = iter(lines.iterator(chunk_size=5000))
    pending = next(line_rows, None)
    for row in claims.iterator(chunk_size=2000):
        (
            claim_id,
            number,
            frequency,
            original_payer_number,
            original_number,
            diagnoses,
            member_id,
            family,
            given,
            born,
            sex,
            street,
            city,
            state,
            postal,
        ) = row
        docs = []
        while pending is not None and pending[0] == claim_id:
            _id, code, modifiers, charge, units, place, day, pointers, authorization = pending
            docs.append(
                LineDoc(
                    code,
                    _json_tuple(modifiers),
                    charge,
                    units,
                    place,
                    day,
                    _json_tuple(pointers),
                    authorization,
                )
            )
            pending = next(line_rows, None)
        yield ClaimDoc(
            number=number,
            frequency=frequency,
            original_number=original_payer_number or original_number or "",
            subscriber=Subscriber(
                member_id=member_id,
                last_name=family,
                first_name=given,
                birth_date=born,
                sex=sex,
                address=Address(street, city, state, postal) if street else None,
            ),
            diagnoses=list(_json_tuple(diagnoses)),
            lines=docs,
        )


def batch_837p(batch: ClaimBatch) -> Iterator[str]:
    return write_837p(envelope_for(batch), _claim_docs(batch))


CSV_HEADER = [
    "claim_number",
    "frequency",
    "original_claim",
    "member_id",
    "last_name",
    "first_name",
    "birth_date",
    "diagnoses",
    "line",
    "date_of_service",
    "code",
    "modifiers",
    "units",
    "charge",
    "place_of_service",
    "diagnosis_pointers",
]


def batch_csv(batch: ClaimBatch) -> Iterator[str]:
    """The same claims, one row per service line, for payers that take spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for doc in _claim_docs(batch):
        s = doc.subscriber
        for number, line in enumerate(doc.lines, start=1):
            writer.writerow(
                [
                    doc.number,
                    doc.frequency,
                    doc.original_number,
                    s.member_id,
                    s.last_name,
                    s.first_name,
                    s.birth_date.isoformat(),
                    " ".join(doc.diagnoses),
                    number,
                    line.day.isoformat(),
                    line.code,
                    " ".join(line.modifiers),
                    line.units,
                    f"{line.charge:.2f}",
                    line.place_of_service,
                    " ".join(str(n) for n in line.pointers),
                ]
            )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _report_rows(report: dict[str, Any]) -> list[list[Any]]:
    funding = report["funding"]
    rows: list[list[Any]] = [
        [_("Funding source"), funding.name],
        [_("Funder"), funding.funder],
        [_("Period"), f"{report['start']:%Y-%m-%d} – {report['end']:%Y-%m-%d}"],
        [_("Persons served"), report["persons"]],
        [_("Encounters"), report["encounters"]],
        [_("Hours"), float(report["hours"])],
        [_("Amount used"), float(report["amount"])],
        [_("Amount awarded"), float(funding.amount)],
        [],
        [_("Service"), _("Encounters")],
    ]
    labels = dict(EncounterService.choices)
    rows += [[str(labels.get(code, code)), n] for code, n in sorted(report["services"].items())]
    rows += [[], [_("Need addressed"), _("People")]]
    categories = dict(CATEGORY_CHOICES)
    rows += [[str(categories.get(c, c)), n] for c, n in sorted(report["needs"].items())]
    rows += [
        [],
        [
            _("Date"),
            _("Encounter"),
            _("Minutes"),
            _("Amount"),
            _("Services"),
            _("Why no payer paid"),
        ],
    ]
    for charge in report["charges"]:
        encounter = charge.encounter
        rows.append(
            [
                encounter.occurred_on.isoformat(),
                str(encounter.public_id),
                charge.minutes,
                float(charge.amount),
                ", ".join(labels_of(EncounterService, encounter.services)),
                charge.reason,
            ]
        )
    return rows


def grant_report_csv(report: dict[str, Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(_report_rows(report))
    return buffer.getvalue()


def grant_report_xlsx(report: dict[str, Any]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Grant report")
    for row in _report_rows(report):
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A batch's files: the writer, the content type and the file name's suffix.
BATCH_FILES: dict[str, tuple[Callable[[ClaimBatch], Iterator[str]], str, str]] = {
    "837p": (batch_837p, "application/edi-x12", "837"),
    "csv": (batch_csv, "text/csv", "csv"),
}
GRANT_REPORT_FILES: dict[str, tuple[Callable[[dict[str, Any]], Any], str]] = {
    "csv": (grant_report_csv, "text/csv"),
    "xlsx": (grant_report_xlsx, XLSX),
}


def batch_download(*, actor: Actor, batch: ClaimBatch, kind: str) -> HttpResponseBase:
    """A batch's file as a download. It holds every claim's person (names, birth dates,
    member ids), so the download is audited: who took which batch's file, when, from where."""
    if kind not in BATCH_FILES:
        raise not_found()
    write, content_type, suffix = BATCH_FILES[kind]
    audit_record(actor=actor, action="batch.export", obj=batch, detail={"kind": kind})
    return attachment(write(batch), f"batch-{batch.public_id}.{suffix}", content_type)
