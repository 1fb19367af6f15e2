"""Files out of billing: a batch as an 837P interchange or a CSV of the same claims, and a
grant report as CSV or XLSX. Each is streamed (or written row by row) from the database."""

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from puentes.billing.models import BillingProfile, Claim, ClaimBatch
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


def _claim_docs(batch: ClaimBatch) -> Iterator[ClaimDoc]:
    claims = (
        Claim.objects.filter(batch=batch)
        .select_related("person", "coverage", "replaces")
        .prefetch_related("lines")
        .order_by("id")
    )
    for claim in claims.iterator(chunk_size=500):
        person = claim.person
        address = (
            Address(person.address_line1, person.city, person.state, person.postal_code)
            if person.address_line1
            else None
        )
        original = claim.replaces
        yield ClaimDoc(
            number=claim.claim_number,
            frequency=claim.frequency,
            original_number=(original.payer_claim_number or original.claim_number)
            if original
            else "",
            subscriber=Subscriber(
                member_id=claim.coverage.member_id,
                last_name=person.family_name,
                first_name=person.given_name,
                birth_date=person.date_of_birth,
                sex=person.sex,
                address=address,
            ),
            diagnoses=list(claim.diagnoses),
            lines=[
                LineDoc(
                    line.code,
                    tuple(line.modifiers),
                    line.charge,
                    line.units,
                    line.place_of_service,
                    line.date_of_service,
                )
                for line in claim.lines.all()
            ],
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
