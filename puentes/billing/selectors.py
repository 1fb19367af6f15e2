"""Reads of billing records, scoped to the actor's organization (another organization's
payers, claims or grants are not found)."""

import datetime
import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from puentes.billing.models import (
    BatchStatus,
    BillingProfile,
    Claim,
    ClaimBatch,
    ClaimLine,
    Coverage,
    FeeScheduleEntry,
    FundingSource,
    GrantCharge,
    InitiatingVisit,
    Payer,
    PriorAuthorization,
    Provider,
    Remittance,
    SeriousCondition,
    ServiceConsent,
    SubAward,
)
from puentes.billing.rulesets import RuleSet, rule_set_for, rule_sets
from puentes.billing.runs import Evaluated, evaluate_period
from puentes.care.models import Encounter
from puentes.core.actor import Actor
from puentes.core.audit import people_seen
from puentes.core.errors import invalid
from puentes.core.progress import progress_of
from puentes.core.tenancy import one, unscoped
from puentes.people.models import Person
from puentes.workforce import selectors as workforce_selectors
from puentes.workforce.qualification import Qualification


def rule_set_list(*, actor: Actor) -> tuple[RuleSet, ...]:
    actor.require("billing.view")
    return rule_sets()


def payer_list(*, actor: Actor) -> QuerySet[Payer]:
    actor.require("billing.view")
    return Payer.objects.for_actor(actor)


def payer_get(*, actor: Actor, public_id: uuid.UUID | str) -> Payer:
    return one(payer_list(actor=actor), public_id)


def payer_choices(*, actor: Actor) -> QuerySet[Payer]:
    """The payers a coverage can name (frontline workers record coverage too)."""
    actor.require("coverage.manage")
    return Payer.objects.for_actor(actor)


def coverage_list(*, actor: Actor, person: Person) -> QuerySet[Coverage]:
    actor.require("care.view")
    return Coverage.objects.for_actor(actor).filter(person=person).select_related("payer")


def coverage_get(*, actor: Actor, public_id: uuid.UUID | str) -> Coverage:
    actor.require("care.view")
    coverages = Coverage.objects.for_actor(actor).select_related("person")
    return one(coverages, public_id, actor)


def initiating_visit_list(*, actor: Actor, person: Person) -> QuerySet[InitiatingVisit]:
    actor.require("care.view")
    return InitiatingVisit.objects.for_actor(actor).filter(person=person)


def prior_authorization_list(*, actor: Actor, person: Person) -> QuerySet[PriorAuthorization]:
    actor.require("care.view")
    return (
        PriorAuthorization.objects.for_actor(actor)
        .filter(person=person)
        .select_related("coverage__payer")
    )


def service_consent_list(*, actor: Actor, person: Person) -> QuerySet[ServiceConsent]:
    actor.require("care.view")
    return ServiceConsent.objects.for_actor(actor).filter(person=person)


def serious_condition_list(*, actor: Actor, person: Person) -> QuerySet[SeriousCondition]:
    actor.require("care.view")
    return SeriousCondition.objects.for_actor(actor).filter(person=person)


def provider_list(*, actor: Actor) -> QuerySet[Provider]:
    actor.require("billing.view")
    return Provider.objects.for_actor(actor)


def billing_profile(*, actor: Actor) -> BillingProfile | None:
    actor.require("billing.view")
    return BillingProfile.objects.for_actor(actor).select_related("supervising_provider").first()


def fee_list(*, actor: Actor) -> QuerySet[FeeScheduleEntry]:
    actor.require("billing.view")
    return FeeScheduleEntry.objects.for_actor(actor)


def batch_list(*, actor: Actor, payer: Payer | None = None) -> QuerySet[ClaimBatch]:
    actor.require("billing.view")
    batches = ClaimBatch.objects.for_actor(actor)
    if payer is not None:
        batches = batches.filter(payer=payer)
    return batches.select_related("payer").annotate(
        claim_count=Count("claims", distinct=True), total=Sum("claims__total_charge")
    )


def billed_encounters(encounter_ids: Collection[int]) -> set[int]:
    """Of these encounters, the ones on a standing claim line, or whose minutes a standing
    monthly line billed (care asks, to lock them)."""
    lines = unscoped(ClaimLine, "the encounters care asks about, by key").filter(
        encounter_id__in=list(encounter_ids), is_current=True
    )
    monthly = {encounter for encounter, _person in time_billed_with(encounter_ids)}
    return set(lines.values_list("encounter_id", flat=True)) | monthly


def time_billed_with(encounter_ids: Collection[int]) -> dict[tuple[int, int], ClaimLine]:
    """Of these encounters, (encounter, person) whose minutes a standing monthly line (of
    another encounter of the same person and month) billed, with that line."""
    wanted = set(encounter_ids)
    asked = unscoped(Encounter, "the encounters care asks about, by key").filter(pk__in=wanted)
    days_and_people = list(asked.values_list("occurred_on", "person_id"))
    if not days_and_people:
        return {}
    people = {person for _day, person in days_and_people}
    people |= set(
        Encounter.participants.through.objects.filter(encounter_id__in=wanted).values_list(
            "person_id", flat=True
        )
    )
    # One read from the first month's start to the last month's end: a line outside the
    # encounters' months names none of them in its time_from, which is checked below.
    first = min(day for day, _person in days_and_people).replace(day=1)
    last = max(day for day, _person in days_and_people)
    found: dict[tuple[int, int], ClaimLine] = {}
    lines = (
        unscoped(ClaimLine, "lines of the people of those encounters")
        .filter(
            person_id__in=people,
            is_current=True,
            date_of_service__gte=first,
            date_of_service__lt=(last.replace(day=1) + datetime.timedelta(days=32)).replace(day=1),
        )
        .exclude(time_from=[])
    )
    for line in lines.select_related("claim"):
        for earlier, _minutes, _day in line.time_from:
            if earlier in wanted:
                found[(earlier, line.person_id)] = line
    return found


def batch_progress_key(batch: ClaimBatch) -> str:
    return f"claim-batch-{batch.pk}"


def batch_progress(batch: ClaimBatch) -> dict[str, Any] | None:
    """How far a queued batch's generation is (people checked of the period's), as its
    worker last wrote it; None before it starts or once it is done."""
    if batch.status != BatchStatus.QUEUED:
        return None
    return progress_of(batch_progress_key(batch))


def batch_summary(batch: ClaimBatch) -> dict[str, Any]:
    """How many claims a batch (already reached through batch_get or batch_list) holds, and
    their total: as batch_list annotated them, else counted."""
    if hasattr(batch, "claim_count"):
        claims, total = batch.claim_count, getattr(batch, "total", None)
    else:
        found = (
            Claim.objects.for_organization(batch.organization_id)
            .filter(batch=batch)
            .aggregate(claims=Count("id"), total=Sum("total_charge"))
        )
        claims, total = found["claims"], found["total"]
    return {"claims": claims, "total": Decimal(total or 0).quantize(Decimal("0.01"))}


def batch_get(*, actor: Actor, public_id: uuid.UUID | str) -> ClaimBatch:
    actor.require("billing.view")
    batches = ClaimBatch.objects.for_actor(actor).select_related("payer")
    return one(batches, public_id)


def claim_list(
    *, actor: Actor, batch: ClaimBatch | None = None, person: Person | None = None
) -> QuerySet[Claim]:
    actor.require("billing.view")
    claims = Claim.objects.for_actor(actor)
    if batch is not None:
        claims = claims.filter(batch=batch)
    if person is not None:
        claims = claims.filter(person=person)
    return claims.select_related("person", "coverage", "payer", "batch", "replaces")


def claim_get(*, actor: Actor, public_id: uuid.UUID | str) -> Claim:
    return one(claim_list(actor=actor), public_id, actor)


def remittance_list(*, actor: Actor) -> QuerySet[Remittance]:
    actor.require("billing.view")
    return Remittance.objects.for_actor(actor).select_related("payer")


def funding_list(*, actor: Actor) -> QuerySet[FundingSource]:
    actor.require("billing.view")
    return FundingSource.objects.for_actor(actor).annotate(used=Sum("charges__amount"))


def funding_get(*, actor: Actor, public_id: uuid.UUID | str) -> FundingSource:
    return one(funding_list(actor=actor), public_id)


def sub_awards_received(*, actor: Actor) -> QuerySet[SubAward]:
    """The sub-awards intermediaries made to the actor's organization (to draw funding on)."""
    actor.require("billing.view")
    return (
        unscoped(SubAward, "the member's own sub-awards, held by its intermediary")
        .filter(member=actor.organization)
        .select_related("funding_source__organization")
    )


@dataclass
class SubAwardRow:
    sub_award: SubAward
    spent: Decimal
    remaining: Decimal
    by_month: dict[str, Decimal]  # "2026-03" -> charged to the member's funding that month


def sub_award_report(*, actor: Actor, funding: FundingSource) -> list[SubAwardRow]:
    """An intermediary's pass-through funding by member: awarded, spent, remaining, and
    spent by month of service — sums of the members' grant charges, never a person."""
    actor.require("billing.view")
    awards = list(funding.sub_awards.select_related("member"))
    spent_by: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    charges = unscoped(GrantCharge, "an intermediary's roll-up of its sub-awards: sums only")
    for award_pk, month, amount in (
        charges.filter(funding_source__sub_award__in=awards)
        .annotate(month=TruncMonth("encounter__occurred_on"))
        .values("funding_source__sub_award", "month")
        .annotate(total=Sum("amount"))
        .values_list("funding_source__sub_award", "month", "total")
    ):
        spent_by[(award_pk, month.strftime("%Y-%m"))] += amount
    rows = []
    for award in awards:
        months = {m: v for (pk, m), v in sorted(spent_by.items()) if pk == award.pk}
        spent = sum(months.values(), Decimal(0))
        rows.append(SubAwardRow(award, spent, award.amount - spent, months))
    return rows


# The work queue ---------------------------------------------------------------------------


def _period(start: datetime.date, end: datetime.date) -> None:
    if end < start:
        raise invalid({"end": [_("The end must be on or after the start.")]})
    if (end - start).days > 366:
        raise invalid({"end": [_("Choose a period of at most a year.")]})


@dataclass
class PayerQueue:
    payer: Payer | None
    ready: list[Evaluated] = field(default_factory=list)
    blocked: list[Evaluated] = field(default_factory=list)
    # Monthly time that does not reach a unit yet: kept, billed when the month reaches it.
    waiting: list[Evaluated] = field(default_factory=list)

    @property
    def ready_total(self) -> Decimal:
        return sum((sum(e.charges, Decimal(0)) for e in self.ready), Decimal(0))


def work_queue(
    *, actor: Actor, start: datetime.date, end: datetime.date, limit: int = 500
) -> list[PayerQueue]:
    """Encounters of the period not yet claimed or charged, by payer: ready to bill (with
    their lines and charges) or blocked (with every reason and its fix)."""
    return work_queue_page(actor=actor, start=start, end=end, limit=limit).queues


@dataclass
class QueuePage:
    queues: list[PayerQueue]
    shown: int
    # The last person on this page, when the period holds more: the next page starts after.
    more_after: uuid.UUID | None


def work_queue_page(
    *,
    actor: Actor,
    start: datetime.date,
    end: datetime.date,
    limit: int,
    after_person: int | None = None,
) -> QueuePage:
    """One page of the work queue: about ``limit`` encounters, person by person (a person's
    visits are never split across pages: limits count their earlier visits), starting after
    the person ``after_person`` (a key of the actor's organization) when given."""
    actor.require("billing.view")
    _period(start, end)
    queues: dict[Any, PayerQueue] = {}
    rows: list[Evaluated] = []
    more = False
    # People are read a page's worth at a time: the month's facts for a thousand people (a
    # batch's chunk) cost more than the page.
    rows_of_period = evaluate_period(
        actor.organization, start, end, chunk_size=max(limit, 1), after_person=after_person
    )
    for row in rows_of_period:
        if len(rows) >= limit and row.visit.person != rows[-1].visit.person:
            more = True
            break
        rows.append(row)
        key = row.payer.pk if row.payer else None
        queue = queues.setdefault(key, PayerQueue(row.payer))
        if row.billable:
            queue.ready.append(row)
        elif row.waiting:
            queue.waiting.append(row)
        else:
            queue.blocked.append(row)
    people = _name_rows(rows)
    # The page and the API show each row's person: the request's read audit names them.
    people_seen(actor, (person.public_id for person in people.values()))
    ordered = sorted(
        queues.values(), key=lambda q: (q.payer is None, q.payer.name if q.payer else "")
    )
    last = people.get(rows[-1].visit.person) if more else None
    return QueuePage(ordered, len(rows), last.public_id if last else None)


def _name_rows(rows: list[Evaluated]) -> dict[int, Person]:
    """Who each row is about, and its encounter's public id, for the page (the people are
    returned, by key)."""
    people = unscoped(Person, "the queue's own rows, by key").in_bulk(
        {r.visit.person for r in rows}
    )
    encounters = dict(
        unscoped(Encounter, "the queue's own rows, by key")
        .filter(pk__in={r.encounter_pk for r in rows})
        .values_list("pk", "public_id")
    )
    for row in rows:
        person = people.get(row.visit.person)
        row.person_name = person.display_name if person else ""
        row.encounter_id = encounters.get(row.encounter_pk)
    return people


def encounter_billing(*, actor: Actor, encounter: Encounter) -> list[dict[str, Any]]:
    """What became of an encounter for each person present — claimed (with the claim's
    status), charged to a grant, or, if neither, what the engine says now — for the worker
    who logged it and for billing staff."""
    actor.require("care.view")
    claimed: dict[int, list[ClaimLine]] = defaultdict(list)
    current = ClaimLine.objects.for_actor(actor).filter(encounter=encounter, is_current=True)
    for line in current.select_related("claim"):
        claimed[line.person_id].append(line)
    charged = {
        c.person_id: c
        for c in GrantCharge.objects.for_actor(actor)
        .filter(encounter=encounter)
        .select_related("funding_source")
    }
    results: list[dict[str, Any]] = []
    pending = False
    people = [encounter.person_id] + [
        p for p in encounter.participants.values_list("pk", flat=True) if p != encounter.person_id
    ]
    billed_with = time_billed_with([encounter.pk])
    for person_id in people:
        monthly_line = billed_with.get((encounter.pk, person_id))
        if monthly_line is not None:
            claimed[person_id].append(monthly_line)
        if person_id in claimed:
            lines = claimed[person_id]
            results.append(
                {
                    "person_id": person_id,
                    "state": "claimed",
                    "claim": lines[0].claim,
                    "lines": lines,
                }
            )
        elif person_id in charged:
            results.append({"person_id": person_id, "state": "grant", "charge": charged[person_id]})
        else:
            pending = True
    if pending:
        for row in evaluate_period(
            actor.organization, encounter.occurred_on, encounter.occurred_on
        ):
            if row.encounter_pk == encounter.pk:
                results.append(
                    {
                        "person_id": row.visit.person,
                        "state": "ready"
                        if row.billable
                        else "waiting"
                        if row.waiting
                        else "blocked",
                        "row": row,
                    }
                )
    return results


# Grant report --------------------------------------------------------------------------


def grant_report(
    *, actor: Actor, funding: FundingSource, start: datetime.date, end: datetime.date
) -> dict[str, Any]:
    """Persons served, encounters, hours, services, needs addressed and amount used."""
    actor.require("billing.view")
    _period(start, end)
    charges = (
        GrantCharge.objects.for_actor(actor)
        .filter(
            funding_source=funding,
            encounter__occurred_on__gte=start,
            encounter__occurred_on__lte=end,
        )
        .select_related("encounter")
    )
    services: dict[str, int] = defaultdict(int)
    rows = []
    encounter_ids: set[int] = set()
    for charge in charges:
        encounter = charge.encounter
        encounter_ids.add(encounter.pk)
        for service in encounter.services:
            services[service] += 1
        rows.append(charge)
    needs = (
        Encounter.needs.through.objects.filter(encounter_id__in=encounter_ids)
        .values("need__category")
        .annotate(n=Count("need_id", distinct=True))
    )
    minutes = sum(c.minutes for c in rows)
    return {
        "funding": funding,
        "start": start,
        "end": end,
        "persons": len({c.person_id for c in rows}),
        "encounters": len(encounter_ids),
        "hours": round(Decimal(minutes) / 60, 2),
        "amount": sum((c.amount for c in rows), Decimal(0)),
        "services": dict(services),
        "needs": {n["need__category"]: n["n"] for n in needs},
        "charges": rows,
    }


def worker_qualification(
    *, actor: Actor, worker_id: uuid.UUID | str, rule_set_id: str, day: datetime.date
) -> tuple[str, Qualification]:
    """Whether a worker may deliver work billed under a rule set on a day — the check the
    engine makes — as (the requirement the rule set names, the standing); a rule set that
    names none asks nothing of the worker."""
    member = workforce_selectors.worker_get(actor=actor, public_id=worker_id)
    rules = rule_set_for(rule_set_id, day)
    if rules is None:
        raise invalid(
            {"rule_set": [_("No rule set %(id)s on %(day)s.") % {"id": rule_set_id, "day": day}]}
        )
    if not rules.worker_requirement:
        return "", Qualification(True)
    requirement = rules.worker_requirement
    standing = workforce_selectors.worker_standing(
        actor=actor, member=member, requirement=requirement, day=day
    )
    return requirement, standing
