"""The billing engine: one visit (an encounter, for one person) under one rule set yields
claim lines, or "not billable" with every reason and what would fix it.

It is pure: it reads plain facts (Visit, PersonRecord) and what is already billed for the
person (Ledger), and knows no payer — everything payer-specific is in the rule set. The
caller records each billed outcome in the ledger, so limits count what was billed before
and what this run has billed so far.
"""

import datetime
from collections.abc import Callable, Collection, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext

from puentes.billing import visit_codes
from puentes.billing.rulesets import Code, Family, Limit, MonthlyTime, RuleSet
from puentes.care.models import EncounterService, labels_of
from puentes.core import icd10cm
from puentes.network.models import WorkerType

Period = tuple[datetime.date, datetime.date | None]


class Visit(NamedTuple):
    """One encounter, for one person present (a tuple: a run builds a million of them)."""

    key: Any
    person: Any
    day: datetime.date
    minutes: int
    participants: int
    services: frozenset[str]
    place_of_service: str
    worker_type: str
    diagnoses: tuple[str, ...]


class Authorization(NamedTuple):
    """A payer's prior authorization on the person's coverage: more than a limit allows,
    for these codes (all, when empty), up to these units or minutes, in this period."""

    number: str
    rule_set_id: str
    start: datetime.date
    end: datetime.date
    codes: frozenset[str]
    units: int | None
    minutes: int | None


@dataclass
class PersonRecord:
    recommendations: list[Period] = field(default_factory=list)
    plans_of_care: list[Period] = field(default_factory=list)
    # The billing practitioner's visits: (day, code, practitioner's NPI).
    initiating_visits: list[tuple[datetime.date, str, str]] = field(default_factory=list)
    # Consents to a monthly service: (day given, billing practitioner's NPI).
    consents: list[tuple[datetime.date, str]] = field(default_factory=list)
    # Serious, high-risk conditions: (diagnosed on, ended on).
    conditions: list[Period] = field(default_factory=list)
    # (program kind, start, end) of the programs the person took part in.
    programs: list[tuple[str, datetime.date | None, datetime.date | None]] = field(
        default_factory=list
    )
    authorizations: list[Authorization] = field(default_factory=list)


class Line(NamedTuple):
    """A claim line in the making (a tuple: a run makes a million of them)."""

    code: str
    modifiers: tuple[str, ...]
    units: int
    description: str
    unit_minutes: int = 0  # minutes a unit stands for (time-unit codes; 0 otherwise)


@dataclass(frozen=True)
class Problem:
    reason: str
    fix: str


@dataclass
class Outcome:
    lines: list[Line] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    family: str = ""
    # Its minutes count toward the month's time codes, which they do not yet reach: the
    # visit waits for more time this month (not an error; the caller keeps the minutes).
    waiting: bool = False
    # The prior authorization the lines are billed under (sent as REF*G1), if a limit
    # needed one.
    authorization: str = ""

    @property
    def billable(self) -> bool:
        return bool(self.lines) and not self.problems

    @property
    def counts_toward_month(self) -> bool:
        return self.waiting and not self.problems


class Lines(NamedTuple):
    """A family's lines for a visit, or why it does not pay; or, for monthly time codes,
    that the visit's minutes wait for more time this month."""

    lines: list[Line]
    problems: list[Problem]
    waiting: str | None = None  # what the month still needs ("" when nobody will read it)


@lru_cache(maxsize=2048)
def _translated(message: str, language: str | None) -> str:
    return gettext(message)


# The reader's language for the visit being evaluated: read once per visit (Django's
# get_language is a thread-local lookup, too slow to repeat for every message).
_LANGUAGE: ContextVar[str] = ContextVar("billing_engine_language", default="en")


def _(message: str) -> str:
    """gettext, remembered per language: the engine asks for the same few messages for a
    million visits (formatting happens after, so the cache holds only message ids)."""
    return _translated(message, _LANGUAGE.get())


# Where each measure sits in a period's tally [units, minutes, visits].
_MEASURE = {"units": 0, "minutes": 1, "visits": 2}


@dataclass
class Ledger:
    """What is already billed for one person under one rule set: units, minutes and visits
    per day, month and year; each code's visits and last day; and for monthly time codes,
    the minutes counted per code family and month (billed or waiting) and the units each
    code has billed in that month. Plain dicts of small lists: a run records a million
    visits."""

    by_day: dict[datetime.date, list[int]] = field(default_factory=dict)
    by_month: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    by_year: dict[int, list[int]] = field(default_factory=dict)
    family_minutes_by_month: dict[tuple[str, tuple[int, int]], int] = field(default_factory=dict)
    visits_by_code: dict[str, int] = field(default_factory=dict)
    last_day_by_code: dict[str, datetime.date] = field(default_factory=dict)
    units_by_family_month_code: dict[tuple[str, tuple[int, int], str], int] = field(
        default_factory=dict
    )
    # Units and minutes billed under each prior authorization.
    authorized_use: dict[str, list[int]] = field(default_factory=dict)

    def authorize(self, number: str, units: int, minutes: int) -> None:
        use = self.authorized_use.setdefault(number, [0, 0])
        use[0] += units
        use[1] += minutes

    def record(self, day: datetime.date, minutes: int, family: str, lines: Iterable[Line]) -> None:
        units = 0
        month = (day.year, day.month)
        for line in lines:
            units += line.units
            code = line.code
            self.visits_by_code[code] = self.visits_by_code.get(code, 0) + 1
            last = self.last_day_by_code.get(code)
            if last is None or day > last:
                self.last_day_by_code[code] = day
            per_month = (family, month, code)
            self.units_by_family_month_code[per_month] = (
                self.units_by_family_month_code.get(per_month, 0) + line.units
            )
        _add(self.by_day, day, units, minutes)
        _add(self.by_month, month, units, minutes)
        _add(self.by_year, day.year, units, minutes)
        key = (family, month)
        self.family_minutes_by_month[key] = self.family_minutes_by_month.get(key, 0) + minutes

    def used(self, measure: str, period: str, day: datetime.date) -> int:
        """Units, minutes or visits already billed in the day, month or year of ``day``."""
        if period == "day":
            tally = self.by_day.get(day)
        elif period == "month":
            tally = self.by_month.get((day.year, day.month))
        else:
            tally = self.by_year.get(day.year)
        return tally[_MEASURE[measure]] if tally else 0

    def wait(self, day: datetime.date, minutes: int, family: str) -> None:
        """Minutes that count toward the family's month without a line of their own (a
        visit waiting for more time, or one whose time a monthly line has consumed)."""
        key = (family, (day.year, day.month))
        self.family_minutes_by_month[key] = self.family_minutes_by_month.get(key, 0) + minutes

    def family_minutes(self, family: str, day: datetime.date) -> int:
        return self.family_minutes_by_month.get((family, (day.year, day.month)), 0)

    def month_units(self, family: str, day: datetime.date, code: str) -> int:
        """Units of a monthly code already billed in the month of ``day``."""
        return self.units_by_family_month_code.get((family, (day.year, day.month), code), 0)


def _add(table: dict[Any, list[int]], key: Any, units: int, minutes: int) -> None:
    tally = table.get(key)
    if tally is None:
        table[key] = [units, minutes, 1]
    else:
        tally[0] += units
        tally[1] += minutes
        tally[2] += 1


def cpt_units(minutes: int, unit_minutes: int) -> int:
    """The CPT time rule: a unit is earned once its midpoint is passed (16 minutes of a
    30-minute unit, 31 of a 60-minute one), then each further full unit or passed midpoint."""
    full, rest = divmod(max(minutes, 0), unit_minutes)
    return full + (1 if rest * 2 > unit_minutes else 0)


def _standing(rules: RuleSet, day: datetime.date) -> bool:
    """Whether a payer's standing recommendation stands in for a written one on the day."""
    standing = rules.standing_recommendation
    return standing is not None and standing.effective_from <= day


def _current(periods: Iterable[Period], day: datetime.date) -> bool:
    # A plain loop: asked several times a visit, a million times a run.
    for start, end in periods:  # noqa: SIM110 - a generator costs more here than the loop
        if start <= day and (end is None or day <= end):
            return True
    return False


def _day(value: datetime.date) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")


def worker_qualified(worker_type: str, allowed: Collection[str], day: datetime.date) -> bool:
    """Whether a worker may deliver the work on ``day``. Today this is their worker type;
    the workforce capability will add certificates and training hours here (``day`` is
    when they must hold them)."""
    return worker_type in allowed


class _Title:
    """A rule set's or family's title, put into the reader's language only when a message
    needs it (most visits produce no message, and the engine runs per visit)."""

    __slots__ = ("text",)

    def __init__(self, text: Any) -> None:
        self.text = text

    def __str__(self) -> str:
        return str(self.text.in_language(_language()))


def _worker_label(worker_type: str) -> str:
    return str(dict(WorkerType.choices).get(worker_type, worker_type or _("no worker type")))


# Checks every visit must pass, whatever code would pay for it ---------------------------


def _common_unmet(rules: RuleSet, visit: Visit, person: PersonRecord) -> list[str]:
    """Which of the checks every visit must pass it fails (cheap: no messages)."""
    unmet = []
    if rules.services and visit.services.isdisjoint(rules.services):
        unmet.append("services")
    if rules.worker_types and not worker_qualified(
        visit.worker_type, rules.worker_types, visit.day
    ):
        unmet.append("worker")
    if rules.places_of_service and visit.place_of_service not in rules.places_of_service:
        unmet.append("place")
    if (
        rules.requires_recommendation
        and not _current(person.recommendations, visit.day)
        and not _standing(rules, visit.day)
    ):
        unmet.append("recommendation")
    if rules.excluded_program_kinds and any(
        kind in rules.excluded_program_kinds and _current([(start or visit.day, end)], visit.day)
        for kind, start, end in person.programs
    ):
        unmet.append("excluded_program")
    if rules.diagnosis_required and not visit.diagnoses:
        unmet.append("diagnosis")
    elif _invalid_diagnosis(visit.diagnoses, visit.day):
        unmet.append("diagnosis_invalid")
    return unmet


@lru_cache(maxsize=65536)
def _invalid_diagnosis(codes: tuple[str, ...], day: datetime.date) -> str:
    """The first of the codes that is not a billable ICD-10-CM code on the day, or ""."""
    for code in codes:
        if not icd10cm.valid_on(code, day):
            return code
    return ""


def _common_problems(
    rules: RuleSet, visit: Visit, person: PersonRecord, unmet: list[str]
) -> list[Problem]:
    """The failed common checks, said with their fixes."""
    title = _Title(rules.title)
    said: dict[str, Callable[[], Problem]] = {
        "services": lambda: Problem(
            _("The services delivered (%(services)s) are not covered by %(title)s.")
            % {
                "services": ", ".join(labels_of(EncounterService, sorted(visit.services))),
                "title": title,
            },
            _("Covered: %(services)s.")
            % {"services": ", ".join(labels_of(EncounterService, rules.services))},
        ),
        "worker": lambda: Problem(
            _("%(worker)s is not a qualified worker for %(title)s.")
            % {"worker": _worker_label(visit.worker_type), "title": title},
            _("The visit must be delivered by: %(types)s.")
            % {"types": ", ".join(_worker_label(t) for t in rules.worker_types)},
        ),
        "place": lambda: Problem(
            _("Place of service %(pos)s is not covered.") % {"pos": visit.place_of_service},
            _("Allowed places of service: %(list)s.")
            % {"list": ", ".join(rules.places_of_service or [])},
        ),
        "recommendation": lambda: _recommendation_problem(person, visit.day),
        "excluded_program": lambda: Problem(
            _(
                "Enrolled in Enhanced Care Management on %(day)s: "
                "the person cannot also receive %(title)s."
            )
            % {"day": _day(visit.day), "title": title},
            _("Bill the work through the ECM provider, or charge it to a grant."),
        ),
        "diagnosis": lambda: _no_diagnosis(rules),
        "diagnosis_invalid": lambda: Problem(
            icd10cm.refusal(_invalid_diagnosis(visit.diagnoses, visit.day), visit.day) or "",
            _("Correct the code on the need or on the practitioner's recommendation."),
        ),
    }
    return [said[check]() for check in unmet]


def _no_diagnosis(rules: RuleSet) -> Problem:
    if rules.diagnoses is not None:
        return Problem(
            _("No %(kinds)s diagnosis code (%(prefixes)s…).")
            % {
                "kinds": rules.diagnoses.kinds.in_language(_language()),
                "prefixes": ", ".join(rules.diagnoses.prefixes),
            },
            _("Record the practitioner's code on the recommendation."),
        )
    return Problem(
        _("No diagnosis code."),
        _(
            "Link a need with a Z code to the encounter, or record the practitioner's "
            "ICD-10-CM code on the recommendation."
        ),
    )


def _recommendation_problem(person: PersonRecord, day: datetime.date) -> Problem:
    """Why no recommendation covers the day (the caller knows none does)."""
    expired = [end for start, end in person.recommendations if end is not None and end < day]
    if expired:
        return Problem(
            _("The recommendation expired on %(day)s.") % {"day": _day(max(expired))},
            _("Record a new written recommendation from a licensed practitioner."),
        )
    return Problem(
        _("No written recommendation for CHW services on the date of service."),
        _("Record a licensed practitioner's written recommendation (name, NPI, date)."),
    )


# Family choice and lines -------------------------------------------------------------------


def _family_unmet(family: Family, visit: Visit, person: PersonRecord) -> list[str]:
    """Which of the family's conditions the visit does not meet (cheap: no messages)."""
    unmet = []
    if family.worker_types and not worker_qualified(
        visit.worker_type, family.worker_types, visit.day
    ):
        unmet.append("worker")
    if family.services and visit.services.isdisjoint(family.services):
        unmet.append("services")
    practitioner = ""
    if family.requires_initiating_visit:
        practitioner = _billing_practitioner(family, person, visit.day)
        if not practitioner:
            unmet.append("initiating_visit")
    if family.requires_treatment_plan and not _current(person.plans_of_care, visit.day):
        unmet.append("treatment_plan")
    if family.requires_consent:
        given = [npi for day, npi in person.consents if day <= visit.day]
        if not given:
            unmet.append("consent")
        elif practitioner and practitioner not in given:
            unmet.append("consent_practitioner")
    if family.requires_serious_condition and not _current(person.conditions, visit.day):
        unmet.append("condition")
    if family.same_day_visit_codes is not None:
        allowed = _visit_codes(tuple(family.same_day_visit_codes))
        if not any(
            day == visit.day and code in allowed for day, code, _npi in person.initiating_visits
        ):
            unmet.append("same_day_visit")
    return unmet


@lru_cache(maxsize=256)
def _visit_codes(names: tuple[str, ...]) -> frozenset[str]:
    return visit_codes.expand(list(names))


def _billing_practitioner(family: Family, person: PersonRecord, day: datetime.date) -> str:
    """The NPI of the practitioner whose latest qualifying initiating visit came on or
    before ``day`` (the one who bills), or "" when there is none. A visit of a code the
    family does not accept (99211, an emergency visit, …) does not count."""
    allowed = (
        _visit_codes(tuple(family.initiating_visit_codes))
        if family.initiating_visit_codes is not None
        else None
    )
    latest: tuple[datetime.date, str] | None = None
    for visited, code, npi in person.initiating_visits:
        counts = visited <= day and (allowed is None or code in allowed)
        if counts and (latest is None or visited > latest[0]):
            latest = (visited, npi or "-")
    return latest[1] if latest else ""


def _family_problems(family: Family, unmet: list[str]) -> list[Problem]:
    """The unmet conditions of a family, said with their fixes."""
    title = _Title(family.title)
    said = {
        "worker": lambda: Problem(
            _("%(family)s must be delivered by: %(types)s.")
            % {
                "family": title,
                "types": ", ".join(_worker_label(t) for t in family.worker_types or []),
            },
            _("Assign a qualified worker."),
        ),
        "services": lambda: Problem(
            _("%(family)s pays for %(services)s only.")
            % {
                "family": title,
                "services": ", ".join(labels_of(EncounterService, family.services or [])),
            },
            _("Record the service that was delivered."),
        ),
        "initiating_visit": lambda: Problem(
            _("%(family)s needs an initiating visit by the billing practitioner first.")
            % {"family": title},
            _("Record the initiating visit, one of: %(codes)s.")
            % {"codes": ", ".join(sorted(_visit_codes(tuple(family.initiating_visit_codes))))}
            if family.initiating_visit_codes is not None
            else _("Record the initiating visit (an E/M or annual wellness visit)."),
        ),
        "consent": lambda: Problem(
            _("%(family)s needs the person's consent, given before the service.")
            % {"family": title},
            _(
                "Record the consent (that cost sharing applies and only one practitioner "
                "bills it in a month)."
            ),
        ),
        "consent_practitioner": lambda: Problem(
            _("The consent names another billing practitioner than the initiating visit."),
            _("Record a new consent naming the current billing practitioner."),
        ),
        "condition": lambda: Problem(
            _("%(family)s needs a serious, high-risk condition expected to last 3 months or more.")
            % {"family": title},
            _("Record the condition with its diagnosis code."),
        ),
        "same_day_visit": lambda: Problem(
            _("%(family)s is billed only with a practitioner's visit on the same day.")
            % {"family": title},
            _("Record the same-day visit, one of: %(codes)s.")
            % {"codes": ", ".join(sorted(_visit_codes(tuple(family.same_day_visit_codes or []))))},
        ),
        "treatment_plan": lambda: Problem(
            _("%(family)s needs a current treatment plan.") % {"family": title},
            _("Record the plan of care signed by a licensed practitioner."),
        ),
    }
    return [said[condition]() for condition in unmet]


def _fitting(codes: list[Code], participants: int) -> Code | None:
    """The first code for a session of this many participants."""
    for code in codes:
        if code.participants_min <= participants <= code.participants_max:
            return code
    return None


def _per_encounter(codes: list[Code], visit: Visit) -> Lines:
    code = _fitting(codes, visit.participants)
    if code is None:
        ranges = ", ".join(f"{c.code}: {c.participants_min}–{c.participants_max}" for c in codes)
        return Lines(
            [],
            [
                Problem(
                    _("No code fits a session with %(n)s participants (%(ranges)s).")
                    % {"n": visit.participants, "ranges": ranges},
                    _("Group codes need 2–4 or 5–8 participants: check the group size."),
                )
            ],
        )
    units = cpt_units(visit.minutes, code.unit_minutes)
    if code.max_units_per_line:
        units = min(units, code.max_units_per_line)
    if units == 0:
        needed = code.unit_minutes // 2 + 1
        return Lines(
            [],
            [
                Problem(
                    _(
                        "%(minutes)s minutes is under the %(needed)s minutes a unit of "
                        "%(code)s needs."
                    )
                    % {"minutes": visit.minutes, "needed": needed, "code": code.code},
                    _("Only time spent with the person counts; check the minutes."),
                )
            ],
        )
    return Lines(
        [Line(code.code, tuple(code.modifiers), units, code.description, code.unit_minutes)], []
    )


def _monthly_units(
    total: int, first: int, addon: int | None, first_at: str = "midpoint"
) -> tuple[int, int]:
    """(first-code units, add-on units) a month's minutes earn: the first code once its
    midpoint is passed (or, with first_at="full", once its time is reached), then the
    add-on by the CPT rule on the minutes beyond the first code's time."""
    reached = total * 2 > first if first_at == "midpoint" else total >= first
    base = 1 if reached else 0
    if addon is None or total <= first:
        return base, 0
    full, rest = divmod(total - first, addon)
    return base, full + (1 if rest * 2 > addon else 0)


def _monthly(
    family: Family,
    codes: list[Code],
    visit: Visit,
    ledger: Ledger,
    settings: MonthlyTime,
    explain: bool = True,
) -> Lines:
    """Monthly codes: what the person's minutes in the month (every qualifying visit,
    billed or waiting, with this one) earn beyond what the month has already billed.
    A month's minutes are never billed twice: a later visit bills only the units the new
    total adds."""
    first = addon = None
    for code in codes:
        if code.timing == "monthly_first" and first is None:
            first = code
        elif code.timing == "monthly_addon" and addon is None:
            addon = code
    if first is None:
        return Lines([], [])
    total = ledger.family_minutes(family.id, visit.day) + visit.minutes
    addon_minutes = addon.unit_minutes if addon is not None else None
    base, extra = _monthly_units(total, first.unit_minutes, addon_minutes, settings.first_unit_at)
    lines = []
    if base > ledger.month_units(family.id, visit.day, first.code):
        lines.append(Line(first.code, tuple(first.modifiers), 1, first.description))
    if addon is not None:
        extra -= ledger.month_units(family.id, visit.day, addon.code)
        if extra > 0:
            lines.append(Line(addon.code, tuple(addon.modifiers), extra, addon.description))
    if lines:
        return Lines(lines, [])
    if not explain:
        return Lines([], [], "")
    if base == 0:
        needed = first.unit_minutes // 2 + 1 if settings.first_unit_at == "midpoint" else None
        return Lines(
            [],
            [],
            _("%(minutes)s minutes this month so far: %(code)s needs %(needed)s.")
            % {
                "minutes": total,
                "code": first.code,
                "needed": needed or first.unit_minutes,
            },
        )
    return Lines(
        [],
        [],
        _("%(minutes)s minutes this month so far: the next %(code)s unit is not reached yet.")
        % {"minutes": total, "code": addon.code if addon else first.code},
    )


# A family's lines failed, and no one will read why (an earlier family explains the visit,
# or the caller keeps only billable outcomes): the message is not written. Never changed;
# only its being non-empty is read.
_UNEXPLAINED: list[Problem] = [Problem("", "")]


def _unexplained() -> Outcome:
    """Not billable, and nobody asked why (a list of its own: callers may add to it)."""
    return Outcome(problems=list(_UNEXPLAINED))


def _per_visit(
    codes: list[Code], visit: Visit, person: PersonRecord, ledger: Ledger, explain: bool = True
) -> Lines:
    """The first per-visit code the visit earns; else why each does not (only when someone
    will read it)."""
    problems = []
    for code in codes:
        if code.services and visit.services.isdisjoint(code.services):
            continue  # the code pays for other work (labor support, a loss, …)
        refusal = _per_visit_refusal(code, visit, person, ledger)
        if refusal is None:
            return Lines([Line(code.code, tuple(code.modifiers), 1, code.description)], [])
        if explain:
            problems.append(refusal())
    if explain and not problems:
        problems.append(
            Problem(
                _("No code pays for %(services)s.")
                % {"services": ", ".join(labels_of(EncounterService, sorted(visit.services)))},
                _("Record the service that was delivered."),
            )
        )
    return Lines([], problems if explain else _UNEXPLAINED)


def _per_visit_refusal(
    code: Code, visit: Visit, person: PersonRecord, ledger: Ledger
) -> Callable[[], Problem] | None:
    """Why the visit does not earn ``code`` (said only when called), or None."""
    if code.min_minutes is not None and visit.minutes < code.min_minutes:
        return lambda: Problem(
            _("%(code)s needs at least %(n)s minutes.")
            % {"code": code.code, "n": code.min_minutes},
            _("Check the minutes."),
        )
    if code.max_minutes is not None and visit.minutes > code.max_minutes:
        return lambda: Problem(
            _("%(code)s covers at most %(n)s minutes.")
            % {"code": code.code, "n": code.max_minutes},
            _("Check the minutes."),
        )
    billed = ledger.visits_by_code.get(code.code, 0)
    if code.requires_written_recommendation and not _current(person.recommendations, visit.day):
        return lambda: Problem(
            _("%(code)s needs a practitioner's written recommendation beyond the standing one.")
            % {"code": code.code},
            _("Record the practitioner's recommendation for further visits."),
        )
    if code.max_visits is not None and billed >= code.max_visits:
        return lambda: Problem(
            _("%(code)s was already billed %(n)s times, its maximum.")
            % {"code": code.code, "n": code.max_visits},
            _("A further visit needs another recommendation."),
        )
    last = ledger.last_day_by_code.get(code.code)
    if (
        code.interval_months
        and last is not None
        and _months_between(last, visit.day) < code.interval_months
    ):
        return lambda: Problem(
            _("%(code)s was billed on %(day)s: at most once every %(n)s months.")
            % {"code": code.code, "day": _day(last), "n": code.interval_months},
            _("Wait until the interval has passed."),
        )
    return None


def _months_between(earlier: datetime.date, later: datetime.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


# A family's codes in effect on a day, remembered: a run asks about the same few hundred
# days a million times. Each entry holds its family, so no other object can take its id.
_CODES_ON: dict[tuple[int, datetime.date], tuple[Family, list[Code]]] = {}


def _codes_on(family: Family, day: datetime.date) -> list[Code]:
    key = (id(family), day)
    cached = _CODES_ON.get(key)
    if cached is not None:
        return cached[1]
    if len(_CODES_ON) > 100_000:
        _CODES_ON.clear()
    codes = [c for c in family.codes if c.in_effect(day)]
    _CODES_ON[key] = (family, codes)
    return codes


def _lines(
    rules: RuleSet,
    family: Family,
    visit: Visit,
    person: PersonRecord,
    ledger: Ledger,
    explain: bool = True,
) -> Lines:
    codes = _codes_on(family, visit.day)
    if not codes:
        starts = sorted({c.effective_from for c in family.codes if c.effective_from})
        since = _("from %(day)s") % {"day": _day(starts[0])} if starts else ""
        return Lines(
            [],
            [
                Problem(
                    _("%(family)s applies to dates of service %(since)s only.")
                    % {"family": family.title.in_language(_language()), "since": since},
                    _("Another code family applies to this date."),
                )
            ],
        )
    timing = codes[0].timing
    if timing == "per_encounter":
        return _per_encounter(codes, visit)
    if timing == "per_visit":
        return _per_visit(codes, visit, person, ledger, explain)
    return _monthly(family, codes, visit, ledger, rules.monthly_time, explain)


# Limits ----------------------------------------------------------------------------------


def _plan_of_care_limit(
    rules: RuleSet, visit: Visit, person: PersonRecord, ledger: Ledger, outcome: Outcome
) -> None:
    threshold = rules.plan_of_care_after_units_per_year
    if threshold is None or _current(person.plans_of_care, visit.day):
        return
    before = ledger.used("units", "year", visit.day)
    allowed = max(threshold.units - before, 0)
    if _units(outcome.lines) <= allowed:
        return  # the common case: within the threshold, nothing to say

    def refusal() -> Problem:
        return Problem(
            _("%(n)s units already billed this year: a plan of care is needed.") % {"n": before},
            _("Record the plan of care signed by a licensed practitioner."),
        )

    _cap(
        outcome,
        allowed,
        refusal,
        lambda n: (
            _(
                "%(n)s units past the %(limit)s a year allowed without a plan of care "
                "were not claimed."
            )
            % {"n": n, "limit": threshold.units}
        ),
    )


def _cap(
    outcome: Outcome, allowed: int, refusal: Callable[[], Problem], note: Callable[[int], str]
) -> None:
    """Claim at most ``allowed`` units: fewer lines or units (saying how many were left
    out, with ``note``), or none and ``refusal``."""
    total = _units(outcome.lines)
    if total <= allowed:
        return
    if allowed == 0:
        outcome.lines = []
        outcome.problems.append(refusal())
        return
    kept, left = [], allowed
    for line in outcome.lines:
        if left:
            units = min(line.units, left)
            kept.append(line._replace(units=units))
            left -= units
    outcome.lines = kept
    outcome.notes.append(note(total - allowed))


def _units(lines: list[Line]) -> int:
    total = 0
    for line in lines:  # a loop, not sum() over a generator: run for every billable visit
        total += line.units
    return total


def _limit_label(limit: Limit) -> str:
    period = {"day": _("a day"), "month": _("a month"), "year": _("a year")}[limit.period]
    if limit.units is not None:
        amount = _("%(n)s units") % {"n": limit.units}
    elif limit.minutes is not None:
        amount = _("%(n)s minutes") % {"n": limit.minutes}
    else:
        amount = _("%(n)s visits") % {"n": limit.visits}
    said = [] if limit.confirmed else [_("unconfirmed")]
    if not limit.enabled:
        said.append(_("off"))
    return f"{amount} {period} ({', '.join(said)})" if said else f"{amount} {period}"


def _apply_limit(
    limit: Limit,
    rules: RuleSet,
    visit: Visit,
    person: PersonRecord,
    ledger: Ledger,
    outcome: Outcome,
) -> None:
    """Bill within the limit. Past it: a deny limit claims what fits and no more; a
    prior-authorization limit bills the whole visit under a current authorization that
    has room for it, or else what fits, saying the rest needs authorization (or a grant);
    a visit past a limit of visits cannot be split, so it waits for authorization."""
    if not limit.enabled:
        return
    measure = "units" if limit.units is not None else "minutes" if limit.minutes else "visits"
    allowed = limit.units if limit.units is not None else limit.minutes or limit.visits or 0
    used = ledger.used(measure, limit.period, visit.day)
    adding = {"units": _units(outcome.lines), "minutes": visit.minutes, "visits": 1}[measure]
    if used + adding <= allowed:
        return  # the common case: within the limit, nothing to say
    label = _limit_label(limit)
    if limit.when_exceeded == "prior_authorization":
        number = _authorization_for(rules, visit, person, ledger, outcome)
        if number:
            outcome.authorization = number
            outcome.notes.append(
                _("Over the limit of %(limit)s: billed under prior authorization %(number)s.")
                % {"limit": label, "number": number}
            )
            return
    rest_to = (
        _("Get prior authorization from the payer for the rest, or charge it to a grant.")
        if limit.when_exceeded == "prior_authorization"
        else _("Charge the rest of this work to a grant.")
    )
    if measure == "visits":
        outcome.problems.append(
            Problem(_("Over the limit of %(limit)s.") % {"limit": label}, rest_to)
        )
        return
    fitting = _units_fitting(outcome.lines, max(allowed - used, 0), measure)

    def refusal() -> Problem:
        return Problem(_("The limit of %(limit)s is already reached.") % {"limit": label}, rest_to)

    _cap(
        outcome,
        fitting,
        refusal,
        lambda n: (
            _("%(n)s units over the limit of %(limit)s were not claimed.")
            % {"n": n, "limit": label}
            + " "
            + rest_to
        ),
    )


def _units_fitting(lines: list[Line], room: int, measure: str) -> int:
    """How many of the lines' units fit in ``room`` units or minutes (a unit of time fits
    when its minutes do: 120 minutes hold four 30-minute units)."""
    if measure == "units":
        return room
    fitting = 0
    for line in lines:
        if not line.unit_minutes:
            return fitting  # a unit that is not time cannot be split by minutes
        take = min(line.units, room // line.unit_minutes)
        fitting += take
        room -= take * line.unit_minutes
    return fitting


def _authorization_for(
    rules: RuleSet,
    visit: Visit,
    person: PersonRecord,
    ledger: Ledger,
    outcome: Outcome,
) -> str:
    """The number of a current authorization of this payer program covering the lines'
    codes with room for the visit, or ""."""
    codes = {line.code for line in outcome.lines}
    units = _units(outcome.lines)
    for authorization in person.authorizations:
        if authorization.rule_set_id != rules.id or not (
            authorization.start <= visit.day <= authorization.end
        ):
            continue
        if authorization.codes and not codes <= authorization.codes:
            continue
        used_units, used_minutes = ledger.authorized_use.get(authorization.number, (0, 0))
        if authorization.units is not None and used_units + units > authorization.units:
            continue
        if authorization.minutes is not None and used_minutes + visit.minutes > (
            authorization.minutes
        ):
            continue
        return authorization.number
    return ""


# The engine ---------------------------------------------------------------------------


def _language() -> str:
    return _LANGUAGE.get()


def evaluate(
    rules: RuleSet,
    visit: Visit,
    person: PersonRecord,
    ledger: Ledger,
    prefer: Iterable[str] = (),
    language: str | None = None,
    explain: bool = True,
) -> Outcome:
    """Lines for the visit, or every reason it is not billable (with fixes), in
    ``language`` (by default the active one; a caller evaluating many visits passes it).
    A caller that keeps only billable outcomes (batch generation) passes explain=False:
    a visit that is not billable then says so without saying why, which is most of the
    engine's work for such a visit. Billable outcomes are the same either way."""
    token = _LANGUAGE.set(language or get_language() or "en")
    try:
        return _evaluate(rules, visit, person, ledger, tuple(prefer), explain)
    finally:
        _LANGUAGE.reset(token)


# The order a rule set's families are tried in for a payer's preference, remembered (each
# entry holds its rule set, so no other object can take its id).
_FAMILY_ORDER: dict[tuple[int, tuple[str, ...]], tuple[RuleSet, list[Family]]] = {}


def _family_order(rules: RuleSet, prefer: tuple[str, ...]) -> list[Family]:
    key = (id(rules), prefer)
    cached = _FAMILY_ORDER.get(key)
    if cached is not None:
        return cached[1]
    order = list(rules.families)
    preferred = [f for f in (rules.family(p) for p in prefer) if f is not None]
    if preferred:
        order = preferred + [f for f in order if f not in preferred]
    _FAMILY_ORDER[key] = (rules, order)
    return order


def _evaluate(
    rules: RuleSet,
    visit: Visit,
    person: PersonRecord,
    ledger: Ledger,
    prefer: tuple[str, ...],
    explain: bool,
) -> Outcome:
    if not rules.billable:
        if not explain:
            return _unexplained()
        reason = (
            rules.not_billable_reason.in_language(_language()) if rules.not_billable_reason else ""
        )
        return Outcome(problems=[Problem(reason, _("Charge the work to a grant that allows it."))])
    common_unmet = _common_unmet(rules, visit, person)
    if common_unmet and not explain:
        return _unexplained()
    problems = _common_problems(rules, visit, person, common_unmet) if common_unmet else []
    first_failure: Outcome | None = None
    for family in _family_order(rules, prefer):
        explaining = explain and first_failure is None
        lines, line_problems, waiting = _lines(rules, family, visit, person, ledger, explaining)
        if line_problems and not explaining:
            continue  # neither pays nor explains: its other conditions do not matter
        unmet = _family_unmet(family, visit, person)
        if waiting is not None and not unmet:
            # Qualifying time below what the month needs: it waits, it is not refused.
            notes = [waiting, _("Waiting for more time this month.")] if waiting else []
            return Outcome(problems=problems, notes=notes, family=family.id, waiting=True)
        if not line_problems and not unmet:
            outcome = Outcome(lines=lines, problems=problems, family=family.id)
            _plan_of_care_limit(rules, visit, person, ledger, outcome)
            for limit in rules.limits:
                _apply_limit(limit, rules, visit, person, ledger, outcome)
            return outcome
        # Only the first family that applies on the day explains why it does not pay.
        if explaining and _codes_on(family, visit.day):
            family_problems = _family_problems(family, unmet) + line_problems
            first_failure = Outcome(
                lines=lines, problems=problems + family_problems, family=family.id
            )
    if first_failure is not None:
        return first_failure
    if not explain:
        return _unexplained()
    nothing = Problem(
        _("No code of %(title)s applies on %(day)s.")
        % {"title": rules.title.in_language(_language()), "day": _day(visit.day)},
        _("Check the date of service and the payer."),
    )
    return Outcome(problems=[*problems, nothing])


def unconfirmed_values(rules: RuleSet) -> list[str]:
    """What the rule set uses that its sources do not confirm (shown beside its results)."""
    token = _LANGUAGE.set(get_language() or "en")
    try:
        return _unconfirmed(rules)
    finally:
        _LANGUAGE.reset(token)


def _unconfirmed(rules: RuleSet) -> list[str]:
    found = [_limit_label(limit) for limit in rules.limits if not limit.confirmed]
    monthly = rules.monthly_time
    if any(family.monthly for family in rules.families):
        if not monthly.first_unit_confirmed:
            found.append(
                _("first monthly unit at the midpoint (31 of 60 minutes)")
                if monthly.first_unit_at == "midpoint"
                else _("first monthly unit at its full time")
            )
        if not monthly.date_of_service_confirmed:
            found.append(
                _("monthly lines dated the day the time is reached")
                if monthly.date_of_service == "threshold_met"
                else _("monthly lines dated the month's last day")
            )
    threshold = rules.plan_of_care_after_units_per_year
    if threshold is not None and not threshold.confirmed:
        found.append(_("plan of care after %(n)s units a year") % {"n": threshold.units})
    if rules.diagnoses is not None and not rules.diagnoses.confirmed:
        found.append(
            _("diagnosis codes %(prefixes)s…") % {"prefixes": ", ".join(rules.diagnoses.prefixes)}
        )
    if rules.standing_recommendation is not None and not rules.standing_recommendation.confirmed:
        found.append(
            _("standing recommendation from %(day)s")
            % {"day": rules.standing_recommendation.effective_from.isoformat()}
        )
    found += [c.code for f in rules.families for c in f.codes if not c.confirmed]
    return found


def billing_provider_problems(
    rules: RuleSet, fqhc_or_rhc: bool, managed_care: bool
) -> list[Problem]:
    """Whether the organization may bill this payer program at all."""
    if fqhc_or_rhc and not managed_care and not rules.fqhc_rhc_fee_for_service:
        token = _LANGUAGE.set(get_language() or "en")
        try:
            return [
                Problem(
                    _(
                        "An FQHC or RHC cannot be the supervising provider on fee-for-service "
                        "claims for %(title)s."
                    )
                    % {"title": rules.title.in_language(_language())},
                    _("Bill the person's managed-care plan, or charge the work to a grant."),
                )
            ]
        finally:
            _LANGUAGE.reset(token)
    return []
