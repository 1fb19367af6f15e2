"""Evaluating many encounters at once: the billing work queue, batch generation and the
benchmark all read encounters here, person by person in date order, with what each person
already has billed, and hand each visit to the engine.

Reads are streamed in chunks of people (plain values, not model instances), so memory stays
flat however many encounters a period holds.
"""

import datetime
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, cast

from django.db.models import F, Q, TextField
from django.db.models.functions import Cast
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from puentes.billing.engine import (
    Authorization,
    Ledger,
    Line,
    Outcome,
    PersonRecord,
    Problem,
    Visit,
    billing_provider_problems,
    evaluate,
    total_units,
)
from puentes.billing.models import (
    AuthorizationStatus,
    BillingProfile,
    ClaimLine,
    Coverage,
    FeeScheduleEntry,
    GrantCharge,
    InitiatingVisit,
    Payer,
    PriorAuthorization,
    SeriousCondition,
    ServiceConsent,
)
from puentes.billing.rulesets import DiagnosisRule, RuleSet, rule_set_for
from puentes.care.models import (
    Encounter,
    EncounterStatus,
    Enrollment,
    PlanOfCare,
    Recommendation,
)
from puentes.core import icd10cm
from puentes.network.models import Organization
from puentes.screening.selectors import diagnosed_needs
from puentes.workforce.selectors import Qualifications


@dataclass(frozen=True)
class CoverageFacts:
    pk: int
    payer_id: int
    member_id: str
    start: datetime.date
    end: datetime.date | None
    primary: bool


@dataclass
class Evaluated:
    visit: Visit
    encounter_pk: int
    coverage: CoverageFacts | None
    payer: Payer | None
    rules: RuleSet | None
    outcome: Outcome
    charges: list[Decimal]
    # Filled in for pages that show the rows (the work queue), not by the run itself.
    person_name: str = ""
    encounter_id: Any = None
    # A monthly line's earlier visits of the month whose minutes it bills with this
    # visit's: (encounter pk, minutes, day). Stored on the claim line, so they are claimed
    # with it and never counted again.
    time_from: list[tuple[int, int, datetime.date]] = field(default_factory=list)
    # The line's date of service when the rule set dates monthly lines otherwise.
    line_day: datetime.date | None = None

    @property
    def billable(self) -> bool:
        return self.outcome.billable

    @property
    def waiting(self) -> bool:
        """Monthly time below what the month needs: neither ready nor blocked."""
        return self.outcome.counts_toward_month


def _within(person_ids: list[int], payer: Payer | None = None) -> Q:
    """A chunk of people (sorted ids) as an id range: one indexed range instead of a
    thousand parameters. Rows of people in the range but not in the chunk are harmless
    (keyed by person, or skipped by _visits). For the large reads of a payer's batch, only
    the people the payer covers: its chunks hold no one else, and where people of several
    payers alternate the range would read theirs too (half the rows with two payers)."""
    within = Q(person_id__gte=person_ids[0], person_id__lte=person_ids[-1])
    if payer is None:
        return within
    covered = Coverage.objects.filter(within, payer=payer).values("person_id")
    return within & Q(person_id__in=covered)


def _coverages(person_ids: list[int]) -> dict[int, list[CoverageFacts]]:
    found: dict[int, list[CoverageFacts]] = defaultdict(list)
    rows = Coverage.objects.filter(_within(person_ids)).values_list(
        "pk", "person_id", "payer_id", "member_id", "start_date", "end_date", "priority"
    )
    for pk, person, payer, member, start, end, priority in rows:
        found[person].append(CoverageFacts(pk, payer, member, start, end, priority == "primary"))
    return found


def _covering(options: list[CoverageFacts], day: datetime.date) -> CoverageFacts | None:
    current = [c for c in options if c.start <= day and (c.end is None or day <= c.end)]
    current.sort(key=lambda c: (not c.primary, c.pk))
    return current[0] if current else None


def _person_records(person_ids: list[int]) -> dict[int, PersonRecord]:
    records: dict[int, PersonRecord] = defaultdict(PersonRecord)
    for person, start, end in Recommendation.objects.filter(_within(person_ids)).values_list(
        "person_id", "recommended_on", "expires_on"
    ):
        records[person].recommendations.append((start, end))
    for person, start, end in PlanOfCare.objects.filter(_within(person_ids)).values_list(
        "person_id", "signed_on", "valid_until"
    ):
        records[person].plans_of_care.append((start, end))
    for person, day, code, npi in InitiatingVisit.objects.filter(_within(person_ids)).values_list(
        "person_id", "visit_date", "code", "practitioner_npi"
    ):
        records[person].initiating_visits.append((day, code, npi))
    for person, day, npi in ServiceConsent.objects.filter(_within(person_ids)).values_list(
        "person_id", "given_on", "practitioner_npi"
    ):
        records[person].consents.append((day, npi))
    for person, start, end in SeriousCondition.objects.filter(_within(person_ids)).values_list(
        "person_id", "diagnosed_on", "ended_on"
    ):
        records[person].conditions.append((start, end))
    authorizations = PriorAuthorization.objects.filter(
        _within(person_ids), status=AuthorizationStatus.APPROVED
    ).values_list(
        "person_id",
        "number",
        "coverage__payer__rule_set_id",
        "start_date",
        "end_date",
        "codes",
        "units",
        "minutes",
    )
    for person, number, rule_set, start, end, codes, units, minutes in authorizations:
        records[person].authorizations.append(
            Authorization(number, rule_set, start, end, frozenset(codes), units, minutes)
        )
    enrollments = Enrollment.objects.filter(_within(person_ids)).exclude(status="referred")
    for person, kind, began, ended in enrollments.values_list(
        "person_id", "program__kind", "start_date", "end_date"
    ):
        records[person].programs.append((kind, began, ended))
    return records


class Diagnoses:
    """One person's diagnosis codes: their needs with a Z code (identified on, code, need
    pk) and the practitioners' codes on recommendations (need pk 0)."""

    __slots__ = ("_all_needs", "_all_needs_known", "known")

    def __init__(self) -> None:
        self.known: list[tuple[datetime.date, str, int]] = []
        self._all_needs: tuple[str, ...] | None = None
        self._all_needs_known: datetime.date | None = None

    def for_visit(self, linked: set[int], day: datetime.date) -> tuple[str, ...]:
        """The Z codes of the needs the encounter worked on; else of the person's needs
        known on the day; else the practitioner's code. At most 12 (an 837P claim's
        limit)."""
        if not linked and self._all_needs_known is not None and day >= self._all_needs_known:
            return self._all_needs or ()  # the common case: every need known by then
        chosen = [code for _day, code, pk in self.known if pk in linked] if linked else []
        if not chosen:
            chosen = [code for known, code, pk in self.known if pk and known <= day]
        if not chosen:
            chosen = [code for known, code, pk in self.known if not pk and known <= day]
        return tuple(dict.fromkeys(chosen))[:12]

    def matching(self, rule: DiagnosisRule, day: datetime.date) -> tuple[str, ...]:
        """Every code known on the day (needs' and practitioners') that ``rule`` accepts: a
        payer that takes only some kinds of code (a doula claim takes pregnancy codes, not
        the Z codes of social needs)."""
        chosen = [code for known, code, _pk in self.known if known <= day and rule.accepts(code)]
        return tuple(dict.fromkeys(chosen))[:12]

    def settle(self) -> None:
        """Remember the codes of all the person's needs and the day the last became known,
        once every code is added."""
        needs = [(known, code) for known, code, pk in self.known if pk]
        if needs:
            self._all_needs_known = max(known for known, _code in needs)
            self._all_needs = tuple(dict.fromkeys(code for _known, code in needs))[:12]


NO_DIAGNOSES = Diagnoses()


def _diagnoses(person_ids: list[int]) -> dict[int, Diagnoses]:
    """Each person's diagnosis codes (see Diagnoses)."""
    found: dict[int, Diagnoses] = defaultdict(Diagnoses)
    needs = diagnosed_needs(_within(person_ids))
    for pk, person, day, code in needs.values_list("pk", "person_id", "identified_on", "z_code"):
        found[person].known.append((day, code, pk))
    for person, code, start in (
        Recommendation.objects.filter(_within(person_ids))
        .exclude(diagnosis_code="")
        .values_list("person_id", "diagnosis_code", "recommended_on")
    ):
        found[person].known.append((start, code, 0))
    for person, code, start in SeriousCondition.objects.filter(_within(person_ids)).values_list(
        "person_id", "diagnosis_code", "diagnosed_on"
    ):
        found[person].known.append((start, code, 0))
    for diagnoses in found.values():
        diagnoses.settle()
    return found


def _ledgers(
    person_ids: list[int], payer: Payer | None = None
) -> tuple[dict[tuple[int, str], Ledger], set[tuple[int, int]]]:
    """What is billed and standing for each person, per rule set, from current claim lines;
    and the (encounter, person) pairs those lines claim — one read of the lines for both."""
    ledgers: dict[tuple[int, str], Ledger] = defaultdict(Ledger)
    rows = (
        ClaimLine.objects.filter(_within(person_ids, payer), is_current=True)
        .values_list(
            "person_id",
            "claim__rule_set_id",
            "encounter_id",
            "date_of_service",
            "minutes",
            "family",
            "code",
            "units",
            "time_from",
            "prior_authorization",
        )
        .order_by("person_id", "date_of_service", "encounter_id")
    )
    visits: dict[tuple[int, str, int], list[Any]] = {}
    claimed: set[tuple[int, int]] = set()
    for person, rule_set, encounter, day, minutes, family, code, units, time_from, pa in rows:
        key = (person, rule_set, encounter)
        entry = visits.setdefault(key, [day, minutes, family, []])
        entry[3].append(Line(code, (), units, ""))
        ledger = ledgers[(person, rule_set)]
        if pa:
            ledger.authorize(pa, units, minutes if len(entry[3]) == 1 else 0)
        for earlier, earlier_minutes, earlier_day in time_from or ():
            # The month's earlier visits this monthly line billed: their minutes count
            # toward the month, and they are claimed with it.
            ledger.wait(datetime.date.fromisoformat(earlier_day), earlier_minutes, family)
            claimed.add((earlier, person))
    for (person, rule_set, _encounter), (day, minutes, family, lines) in visits.items():
        ledgers[(person, rule_set)].record(day, minutes, family, lines)
    claimed.update((encounter, person) for person, _rule_set, encounter in visits)
    return ledgers, claimed


def _fees(organization: Organization) -> dict[str, Decimal]:
    return dict(
        FeeScheduleEntry.objects.for_organization(organization).values_list("code", "charge")
    )


def candidate_encounters(
    organization: Organization, start: datetime.date, end: datetime.date
) -> Any:
    """The organization's standing encounters in the period."""
    return Encounter.objects.filter(
        organization=organization,
        status=EncounterStatus.CURRENT,
        occurred_on__gte=start,
        occurred_on__lte=end,
    )


VISIT_FIELDS = (
    "pk",
    "occurred_on",
    "start_time",
    "duration_minutes",
    "group_size",
    "services_text",
    "place_of_service",
    "worker__worker_type",
    "worker_id",
)


@lru_cache(maxsize=4096)
def _services(text: str) -> frozenset[str]:
    """An encounter's services from their JSON text: the same few lists recur, so each is
    parsed once."""
    return frozenset(json.loads(text))


def _visits(
    organization: Organization,
    start: datetime.date,
    end: datetime.date,
    person_ids: list[int],
    needs: dict[int, Diagnoses],
    payer: Payer | None = None,
) -> list[tuple[int, Visit]]:
    """(encounter pk, visit) for every person present, in date order, each with the
    diagnoses the visit carries (see Diagnoses.for_visit)."""
    encounters = candidate_encounters(organization, start, end)
    individual = (
        encounters.filter(_within(person_ids, payer), is_group=False)
        .annotate(services_text=Cast("services", TextField()))
        .values_list("person_id", *VISIT_FIELDS)
        .order_by("person_id", "occurred_on", F("start_time").asc(nulls_last=True), "pk")
    )
    group = (
        Encounter.participants.through.objects.filter(
            _within(person_ids, payer), encounter__in=encounters.filter(is_group=True)
        )
        .annotate(services_text=Cast("encounter__services", TextField()))
        .values_list(
            "person_id",
            *(name if name == "services_text" else f"encounter__{name}" for name in VISIT_FIELDS),
        )
    )
    links: dict[int, set[int]] = defaultdict(set)
    for encounter, need in Encounter.needs.through.objects.filter(
        need__person_id__gte=person_ids[0],
        need__person_id__lte=person_ids[-1],
        encounter__occurred_on__gte=start,
        encounter__occurred_on__lte=end,
    ).values_list("encounter_id", "need_id"):
        links[encounter].add(need)
    wanted = set(person_ids)
    out = []
    no_links: set[int] = set()
    group_rows = list(group)
    for person, pk, day, started, minutes, size, services, place, worker_type, worker in (
        [*individual, *group_rows] if group_rows else individual
    ):
        if person not in wanted:
            continue
        visit = Visit(
            key=(pk, started),
            person=person,
            day=day,
            minutes=minutes,
            participants=size,
            services=_services(services),
            place_of_service=place,
            worker_type=worker_type or "",
            diagnoses=needs.get(person, NO_DIAGNOSES).for_visit(links.get(pk, no_links), day),
            worker=worker,
        )
        out.append((pk, visit))
    if group_rows:  # the database put individual visits in order; group ones join them
        out.sort(key=_visit_order)
    return out


def _visit_order(item: tuple[int, Visit]) -> tuple[Any, ...]:
    """Date order; within a day by start time, visits without one last."""
    pk, visit = item
    started = visit.key[1]
    return (visit.person, visit.day, started is None, started or datetime.time.min, pk)


def _people_in_period(
    organization: Organization,
    start: datetime.date,
    end: datetime.date,
    people: list[int] | None = None,
    payer: Payer | None = None,
    chunk_size: int = 1000,
    after_person: int | None = None,
    counted: bool = True,
) -> tuple[Iterator[list[int]], int | None]:
    """The people with encounters in the period (only those ever covered by ``payer``, if
    given; only those after ``after_person`` in key order, if given), in chunks of
    ``chunk_size`` (a thousand for a batch), found by the database (distinct ids, not a row
    an encounter); and how many there are, when ``counted``. Uncounted (a page of the
    queue), each chunk is read when it is wanted, so a page does not gather the ids of a
    whole month's people to show the first fifty."""
    encounters = candidate_encounters(organization, start, end)
    individual = encounters.filter(is_group=False).values_list("person_id", flat=True)
    in_groups = Encounter.participants.through.objects.filter(
        encounter__in=encounters.filter(is_group=True)
    ).values_list("person_id", flat=True)
    if people is not None:
        individual = individual.filter(person_id__in=people)
        in_groups = in_groups.filter(person_id__in=people)
    if payer is not None:
        covered = Coverage.objects.filter(payer=payer).values("person_id")
        individual = individual.filter(person_id__in=covered)
        in_groups = in_groups.filter(person_id__in=covered)
    if after_person is not None:
        individual = individual.filter(person_id__gt=after_person)
        in_groups = in_groups.filter(person_id__gt=after_person)
    if not counted:
        return _chunks_by_key(individual, in_groups, chunk_size), None
    # No ordering: with one, DISTINCT would also count the ordering columns.
    ids = set(individual.order_by().distinct()) | set(in_groups.order_by().distinct())
    ordered = sorted(ids)
    chunks = [ordered[index : index + chunk_size] for index in range(0, len(ordered), chunk_size)]
    return iter(chunks), len(ordered)


def _chunks_by_key(individual: Any, in_groups: Any, size: int) -> Iterator[list[int]]:
    """The next ``size`` people after the last chunk's, in key order, while there are any."""
    last: int | None = None
    while True:
        wanted = [
            query.filter(person_id__gt=last) if last is not None else query
            for query in (individual, in_groups)
        ]
        found: set[int] = set()
        for query in wanted:
            found |= set(query.order_by("person_id").distinct()[:size])
        chunk = sorted(found)[:size]
        if not chunk:
            return
        yield chunk
        if len(chunk) < size:  # both reads came up short: nobody is left
            return
        last = chunk[-1]


def _charged(person_ids: list[int]) -> set[tuple[int, int]]:
    """(encounter, person) pairs charged to a grant."""
    charged = GrantCharge.objects.filter(_within(person_ids))
    return set(charged.values_list("encounter_id", "person_id"))


def evaluate_period(
    organization: Organization,
    start: datetime.date,
    end: datetime.date,
    *,
    payer: Payer | None = None,
    include_done: bool = False,
    people: list[int] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    explain: bool = True,
    chunk_size: int = 1000,
    after_person: int | None = None,
) -> Iterator[Evaluated]:
    """Every visit of the period not yet claimed or charged (or all, with include_done),
    evaluated under the rule set of the person's coverage on the day (only ``payer``'s, if
    given), person by person in date order so limits count earlier visits first.
    ``progress`` hears how many of the period's people are done, after each chunk. A
    caller that keeps only billable rows passes explain=False (see engine.evaluate). People
    are read ``chunk_size`` at a time (a page that shows the first rows reads fewer), in
    key order, starting after ``after_person`` when given (the queue's next page)."""
    payers = {p.pk: p for p in Payer.objects.for_organization(organization)}
    fees = _fees(organization)
    language = get_language() or "en"
    fqhc_or_rhc = BillingProfile.objects.filter(
        organization=organization, fqhc_or_rhc=True
    ).exists()
    chunks, total = _people_in_period(
        organization, start, end, people, payer, chunk_size, after_person, progress is not None
    )
    done_people = 0
    # Monthly time codes count the whole calendar month: the month's days before the
    # period are read too, and their unclaimed qualifying minutes wait for the period's.
    month_start = start.replace(day=1)
    today = datetime.date.today()
    qualifications = Qualifications(organization)
    for person_ids in chunks:
        coverages = _coverages(person_ids)
        records = _person_records(person_ids)
        needs = _diagnoses(person_ids)
        ledgers, claimed = _ledgers(person_ids, payer)
        done = set() if include_done else claimed | _charged(person_ids)
        month = MonthTime()
        for encounter_pk, visit in _visits(
            organization, month_start, end, person_ids, needs, payer
        ):
            if (encounter_pk, visit.person) in done:
                continue
            coverage = _covering(coverages.get(visit.person, []), visit.day)
            if payer is not None and (coverage is None or coverage.payer_id != payer.pk):
                continue
            row = _evaluate_one(
                encounter_pk,
                visit,
                coverage,
                payers,
                records[visit.person],
                ledgers,
                fees,
                language,
                fqhc_or_rhc,
                explain=explain and visit.day >= start,
                month=month,
                today=today,
                before_period=visit.day < start,
                diagnoses=needs.get(visit.person),
                qualifications=qualifications,
            )
            if visit.day >= start:
                yield row
        done_people += len(person_ids)
        if progress is not None:
            progress("people", done_people, total or 0)


class MonthTime:
    """The visits of a run whose minutes wait toward a monthly code, until a visit of the
    same person, rule set, family and month earns a line and bills them with its own."""

    def __init__(self) -> None:
        self.waiting: dict[tuple[int, str, str, int, int], list[Any]] = {}

    @staticmethod
    def _key(visit: Visit, rules: RuleSet, family: str) -> tuple[int, str, str, int, int]:
        return (visit.person, rules.id, family, visit.day.year, visit.day.month)

    def wait(self, encounter_pk: int, visit: Visit, rules: RuleSet, family: str) -> None:
        key = self._key(visit, rules, family)
        self.waiting.setdefault(key, []).append((encounter_pk, visit.minutes, visit.day))

    def take(self, visit: Visit, rules: RuleSet, family: str) -> list[Any]:
        return self.waiting.pop(self._key(visit, rules, family), [])


def _month_end(day: datetime.date) -> datetime.date:
    following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def _monthly_row(
    row: Evaluated, ledger: Ledger, month: MonthTime, today: datetime.date
) -> Evaluated:
    """Keep a monthly family's time: a waiting visit's minutes count toward its month; a
    visit that earns a line bills the month's waiting visits with it (dated as the rule
    set says)."""
    rules, outcome, visit = cast(RuleSet, row.rules), row.outcome, row.visit
    family = rules.family(outcome.family)
    if family is None or not family.monthly:
        return row
    if outcome.counts_toward_month:
        ledger.wait(visit.day, visit.minutes, outcome.family)
        month.wait(row.encounter_pk, visit, rules, outcome.family)
        return row
    if not outcome.billable:
        return row
    if rules.monthly_time.date_of_service == "month_end":
        row.line_day = _month_end(visit.day)
        if row.line_day > today:
            # Billed once the month is over: until then its time waits like the rest.
            waiting = Outcome(
                notes=[_("Billed after the month ends, dated its last day.")],
                family=outcome.family,
                waiting=True,
            )
            row.outcome, row.charges, row.line_day = waiting, [], None
            ledger.wait(visit.day, visit.minutes, outcome.family)
            month.wait(row.encounter_pk, visit, rules, outcome.family)
            return row
    row.time_from = month.take(visit, rules, outcome.family)
    return row


@lru_cache(maxsize=65536)
def _as_of(codes: tuple[str, ...], day: datetime.date) -> tuple[str, ...]:
    """The codes as written for the date of service (a code added since is written as
    the code it subdivided; see core.icd10cm.as_of)."""
    return tuple(dict.fromkeys(icd10cm.as_of(code, day) for code in codes))


def _evaluate_one(
    encounter_pk: int,
    visit: Visit,
    coverage: CoverageFacts | None,
    payers: dict[int, Payer],
    record: PersonRecord,
    ledgers: dict[tuple[int, str], Ledger],
    fees: dict[str, Decimal],
    language: str,
    fqhc_or_rhc: bool,
    explain: bool = True,
    month: MonthTime | None = None,
    today: datetime.date | None = None,
    before_period: bool = False,
    diagnoses: "Diagnoses | None" = None,
    qualifications: Qualifications | None = None,
) -> Evaluated:
    if coverage is None:
        outcome = Outcome(
            problems=[
                Problem(
                    _("No coverage on the date of service."),
                    _("Record the person's coverage (payer, member ID, dates), or charge a grant."),
                )
            ]
        )
        return Evaluated(visit, encounter_pk, None, None, None, outcome, [])
    payer = payers[coverage.payer_id]
    rules = rule_set_for(payer.rule_set_id, visit.day)
    if rules is None:
        outcome = Outcome(
            problems=[
                Problem(
                    _("%(payer)s has no rules for this date of service.") % {"payer": payer.name},
                    _("Check the payer's rule set."),
                )
            ]
        )
        return Evaluated(visit, encounter_pk, coverage, payer, None, outcome, [])
    ledger = ledgers[(visit.person, rules.id)]
    if rules.diagnoses is not None:
        visit = visit._replace(
            diagnoses=(diagnoses or NO_DIAGNOSES).matching(rules.diagnoses, visit.day)
        )
    visit = visit._replace(diagnoses=_as_of(visit.diagnoses, visit.day))
    prefer = [payer.preferred_family] if payer.preferred_family else []
    outcome = evaluate(rules, visit, record, ledger, prefer, language, explain)
    outcome.problems[:0] = billing_provider_problems(rules, fqhc_or_rhc, payer.managed_care)
    if rules.billable and rules.worker_requirement and qualifications is not None:
        outcome.problems[:0] = [
            Problem(reason, fix)
            for reason, fix in qualifications.refusals(
                visit.worker, rules.worker_requirement, visit.day
            )
        ]
    charges = []
    for line in outcome.lines:
        fee = fees.get(line.code)
        if fee is None:
            outcome.problems.append(
                Problem(
                    _("No charge for %(code)s in your fee schedule.") % {"code": line.code},
                    _("Add %(code)s to the fee schedule.") % {"code": line.code},
                )
            )
            fee = Decimal(0)
        charges.append(fee * line.units)
    row = Evaluated(visit, encounter_pk, coverage, payer, rules, outcome, charges)
    if before_period:
        # A day of the month before the period: only its monthly time counts (it is not
        # billed in this run, so it uses no limit).
        family = rules.family(outcome.family)
        counts = outcome.counts_toward_month or outcome.billable
        if month is not None and family is not None and family.monthly and counts:
            ledger.wait(visit.day, visit.minutes, outcome.family)
            month.wait(encounter_pk, visit, rules, outcome.family)
        return row
    if month is not None:
        row = _monthly_row(row, ledger, month, today or datetime.date.today())
    if row.outcome.billable:
        ledger.record(row.line_day or visit.day, visit.minutes, outcome.family, outcome.lines)
        if outcome.authorization:
            ledger.authorize(outcome.authorization, total_units(outcome.lines), visit.minutes)
    return row
