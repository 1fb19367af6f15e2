"""Grants: charging work no payer pays to the funding that allows it."""

import datetime
import itertools
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, Sum
from django.utils.translation import gettext as _

from puentes.billing import selectors
from puentes.billing.engine import Outcome, Problem, Visit
from puentes.billing.models import (
    ClaimLine,
    ClaimStatus,
    FundingKind,
    FundingSource,
    GrantCharge,
    SubAward,
)
from puentes.billing.runs import Evaluated, evaluate_period
from puentes.billing.services._common import _money, _period
from puentes.billing.services.batches import _check_year
from puentes.care.models import Encounter
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.inputs import Errors, model_text, raise_if
from puentes.workforce import selectors as workforce_selectors


def _fits(
    funding: FundingSource, program_ids: set[int], row: Evaluated, program_id: int | None
) -> bool:
    """Whether a funding source may pay for the row's work: in its period, in a program it
    pays for (if it names any; ``program_id`` is the encounter's), for a service it pays for."""
    day = row.visit.day
    if not funding.start_date <= day <= funding.end_date:
        return False
    if program_ids and program_id not in program_ids:
        return False
    return not funding.services or not row.visit.services.isdisjoint(funding.services)


GRANT_ROWS_AT_ONCE = 2000


@transaction.atomic
def grants_charge(*, actor: Actor, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """Charge the period's work that no payer will pay (not billable, or denied) to a grant
    that allows it and has money left; say how much was charged and what found no grant.
    The work is streamed a few thousand rows at a time and the charges written in bulk, so
    a year of a large program's work fits in memory."""
    actor.require("billing.manage")
    _check_year(start, end)
    fundings = list(
        FundingSource.objects.for_actor(actor)
        .filter(start_date__lte=end, end_date__gte=start)
        .order_by("end_date", "id")
    )
    programs = {f.pk: set(f.programs.values_list("pk", flat=True)) for f in fundings}
    used = {f.pk: (f.charges.aggregate(s=Sum("amount"))["s"] or Decimal(0)) for f in fundings}
    counts = {"charged": 0, "no_grant": 0}
    unpaid = itertools.chain(
        (r for r in evaluate_period(actor.organization, start, end) if not r.billable),
        _denied_rows(actor, start, end),
    )
    while rows := list(itertools.islice(unpaid, GRANT_ROWS_AT_ONCE)):
        program_of = dict(
            Encounter.objects.filter(pk__in={r.encounter_pk for r in rows}).values_list(
                "pk", "enrollment__program_id"
            )
        )
        charges = []
        for row in rows:
            funding = next(
                (
                    f
                    for f in fundings
                    if _fits(f, programs[f.pk], row, program_of.get(row.encounter_pk))
                    and used[f.pk] + _cost(row.visit.minutes, f) <= f.amount
                ),
                None,
            )
            if funding is None:
                counts["no_grant"] += 1
                continue
            charge = _cost(row.visit.minutes, funding)
            reason = (
                row.outcome.problems[0].reason if row.outcome.problems else _("Denied by the payer")
            )
            charges.append(
                GrantCharge(
                    funding_source=funding,
                    encounter_id=row.encounter_pk,
                    person_id=row.visit.person,
                    minutes=row.visit.minutes,
                    amount=charge,
                    reason=reason[:500],
                )
            )
            used[funding.pk] += charge
        GrantCharge.objects.bulk_create(charges, batch_size=500)
        counts["charged"] += len(charges)
    audit_record(actor=actor, action="grants.charge", obj=None, detail=counts)
    return counts


def _cost(minutes: int, funding: FundingSource) -> Decimal:
    return (Decimal(minutes) / 60 * funding.hourly_rate).quantize(Decimal("0.01"))


def _denied_rows(actor: Actor, start: datetime.date, end: datetime.date) -> Iterable[Evaluated]:
    """Denied claim lines of the period not yet charged, as rows a grant can take."""
    lines = (
        ClaimLine.objects.for_actor(actor)
        .filter(
            claim__status=ClaimStatus.DENIED,
            is_current=True,
            date_of_service__gte=start,
            date_of_service__lte=end,
        )
        .exclude(  # charged already: this person's share (each participant has their own)
            Exists(
                GrantCharge.objects.filter(
                    encounter_id=OuterRef("encounter_id"), person_id=OuterRef("person_id")
                )
            )
        )
        .select_related("encounter")
    )
    seen = set()
    for line in lines.iterator(chunk_size=GRANT_ROWS_AT_ONCE):
        if (line.encounter_id, line.person_id) in seen:
            continue
        seen.add((line.encounter_id, line.person_id))
        encounter = line.encounter
        visit = Visit(
            key=line.encounter_id,
            person=line.person_id,
            day=line.date_of_service,
            minutes=line.minutes,
            participants=encounter.group_size,
            services=frozenset(encounter.services),
            place_of_service=line.place_of_service,
            worker_type="",
            diagnoses=(),
        )
        outcome = Outcome(problems=[Problem(_("Denied by the payer"), "")])
        yield Evaluated(visit, line.encounter_id, None, None, None, outcome, [])


@transaction.atomic
def sub_award_create(*, actor: Actor, funding_id: Any, fields: dict[str, Any]) -> SubAward:
    """Award part of the intermediary's pass-through funding to a member organization:
    within the funding's period and what is left of its amount."""
    actor.require("billing.manage")
    funding = selectors.funding_get(actor=actor, public_id=funding_id)
    funding = FundingSource.objects.select_for_update().get(pk=funding.pk)
    errors: Errors = {}
    if funding.kind != FundingKind.PASS_THROUGH:
        errors["funding"] = [_("Only a pass-through grant makes sub-awards.")]
    member = workforce_selectors.member_organization_get(
        actor=actor, public_id=str(fields.get("member_id") or "")
    )
    amount = _money(fields.get("amount"), "amount", errors)
    start, end = _period(fields, errors)
    awarded = funding.sub_awards.aggregate(s=Sum("amount"))["s"] or Decimal(0)
    if amount and amount > funding.amount - awarded:
        errors["amount"] = [
            _("Only %(left)s of %(total)s is left to award.")
            % {"left": funding.amount - awarded, "total": funding.amount}
        ]
    if start and end and (start < funding.start_date or end > funding.end_date):
        errors["end_date"] = [
            _("Within the grant's period, %(start)s to %(end)s.")
            % {"start": funding.start_date.isoformat(), "end": funding.end_date.isoformat()}
        ]
    purpose = model_text(SubAward, fields, "purpose", errors)
    raise_if(errors)
    sub_award = SubAward.objects.create(
        funding_source=funding,
        member=member,
        amount=amount,
        start_date=start,
        end_date=end,
        purpose=purpose,
    )
    audit_record(actor=actor, action="funding.sub_award", obj=sub_award)
    return sub_award
