"""Grants: charging work no payer pays to the funding that allows it."""

import datetime
import itertools
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.db.models import Exists, OuterRef, Sum
from django.utils.translation import gettext as _

from puentes.billing.engine import Outcome, Problem, Visit
from puentes.billing.models import (
    ClaimLine,
    ClaimStatus,
    FundingSource,
    GrantCharge,
)
from puentes.billing.runs import Evaluated, evaluate_period
from puentes.billing.services.batches import _check_year
from puentes.care.models import Encounter
from puentes.core.actor import Actor
from puentes.core.audit import audit_record


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
