"""Billing records and engine results as the API and pages show them."""

from decimal import Decimal
from typing import Any

from puentes.billing import selectors
from puentes.billing.engine import unconfirmed_values
from puentes.billing.models import (
    Claim,
    ClaimBatch,
    Coverage,
    FundingSource,
    Payer,
    PriorAuthorization,
)
from puentes.billing.rulesets import RuleSet
from puentes.billing.runs import Evaluated
from puentes.care.models import Encounter
from puentes.core.tenancy import unscoped
from puentes.people.models import Person


def payer_out(payer: Payer) -> dict[str, Any]:
    return {
        "id": payer.public_id,
        "name": payer.name,
        "payer_identifier": payer.payer_identifier,
        "filing_indicator": payer.filing_indicator,
        "rule_set_id": payer.rule_set_id,
        "preferred_family": payer.preferred_family,
        "managed_care": payer.managed_care,
    }


def rule_set_out(rules: RuleSet, language: str) -> dict[str, Any]:
    return {
        "id": rules.id,
        "version": rules.version,
        "title": rules.title.in_language(language),
        "jurisdiction": rules.jurisdiction,
        "effective_from": rules.effective_from,
        "effective_to": rules.effective_to,
        "billable": rules.billable,
        "codes": [c.code for f in rules.families for c in f.codes],
        "families": [f.id for f in rules.families],
        "unconfirmed": unconfirmed_values(rules),
        "sources": [s.title for s in rules.sources],
    }


def coverage_out(coverage: Coverage) -> dict[str, Any]:
    return {
        "id": coverage.public_id,
        "version": coverage.version,
        "payer": coverage.payer.name,
        "payer_id": coverage.payer.public_id,
        "plan_name": coverage.plan_name,
        "member_id": coverage.member_id,
        "start_date": coverage.start_date,
        "end_date": coverage.end_date,
        "priority": coverage.priority,
    }


def prior_authorization_out(authorization: PriorAuthorization) -> dict[str, Any]:
    return {
        "id": authorization.public_id,
        "coverage_id": authorization.coverage.public_id,
        "payer": authorization.coverage.payer.name,
        "number": authorization.number,
        "codes": authorization.codes,
        "units": authorization.units,
        "minutes": authorization.minutes,
        "start_date": authorization.start_date,
        "end_date": authorization.end_date,
        "status": authorization.status,
    }


def public_ids(rows: list[Evaluated]) -> dict[str, dict[int, Any]]:
    """The public ids of the rows' encounters and people (integer keys never leave)."""

    return {
        "encounters": dict(
            unscoped(Encounter, "the rows' own encounters, by key")
            .filter(pk__in={r.encounter_pk for r in rows})
            .values_list("pk", "public_id")
        ),
        "people": dict(
            unscoped(Person, "the rows' own people, by key")
            .filter(pk__in={r.visit.person for r in rows})
            .values_list("pk", "public_id")
        ),
    }


def evaluated_out(row: Evaluated, ids: dict[str, dict[int, Any]]) -> dict[str, Any]:
    return {
        "encounter_id": ids["encounters"].get(row.encounter_pk),
        "person_id": ids["people"].get(row.visit.person),
        "date_of_service": row.visit.day,
        "minutes": row.visit.minutes,
        "payer": row.payer.name if row.payer else None,
        "rule_set": f"{row.rules.id} {row.rules.version}" if row.rules else None,
        "billable": row.billable,
        "waiting": row.waiting,
        "lines": [
            {
                "code": line.code,
                "modifiers": list(line.modifiers),
                "units": line.units,
                "charge": charge,
            }
            for line, charge in zip(
                row.outcome.lines,
                row.charges or [Decimal(0)] * len(row.outcome.lines),
                strict=False,
            )
        ],
        "problems": [{"reason": p.reason, "fix": p.fix} for p in row.outcome.problems],
        "notes": row.outcome.notes,
    }


def batch_out(batch: ClaimBatch) -> dict[str, Any]:
    """A batch with its claim count and total."""
    summary = selectors.batch_summary(batch)
    return {
        "id": batch.public_id,
        "version": batch.version,
        "payer": batch.payer.name,
        "period_start": batch.period_start,
        "period_end": batch.period_end,
        "status": batch.status,
        "status_reason": batch.status_reason,
        "claims": summary["claims"],
        "total_charge": summary["total"],
        "control_number": batch.control_number,
    }


def claim_out(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.public_id,
        "version": claim.version,
        "claim_number": claim.claim_number,
        "batch_id": claim.batch.public_id,
        "person_id": claim.person.public_id,
        "member_id": claim.coverage.member_id,
        "frequency": claim.frequency,
        "replaces": claim.replaces.claim_number if claim.replaces else None,
        "status": claim.status,
        "status_reason": claim.status_reason,
        "rule_set": f"{claim.rule_set_id} {claim.rule_set_version}",
        "diagnoses": claim.diagnoses,
        "total_charge": claim.total_charge,
        "paid_amount": claim.paid_amount,
        "payer_claim_number": claim.payer_claim_number,
        "lines": [
            {
                "line_number": line.line_number,
                "date_of_service": line.date_of_service,
                "code": line.code,
                "modifiers": line.modifiers,
                "place_of_service": line.place_of_service,
                "diagnosis_pointers": line.diagnosis_pointers,
                "units": line.units,
                "charge": line.charge,
                "paid_amount": line.paid_amount,
                "adjustments": line.adjustments,
                "encounter_id": line.encounter.public_id,
            }
            for line in claim.lines.select_related("encounter")
        ],
        "history": [
            {
                "occurred_at": e.occurred_at,
                "from_status": e.from_status,
                "to_status": e.to_status,
                "reason": e.reason,
            }
            for e in claim.events.all()
        ],
    }


def funding_out(funding: FundingSource) -> dict[str, Any]:
    return {
        "id": funding.public_id,
        "name": funding.name,
        "funder": funding.funder,
        "kind": funding.kind,
        "start_date": funding.start_date,
        "end_date": funding.end_date,
        "amount": funding.amount,
        "hourly_rate": funding.hourly_rate,
        "used": getattr(funding, "used", None) or Decimal(0),
        "services": funding.services,
        "program_ids": [p.public_id for p in funding.programs.all()],
        "reporting": funding.reporting,
    }
