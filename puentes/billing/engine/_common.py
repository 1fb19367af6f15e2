"""What the engine's parts share: the facts a visit carries (Visit, PersonRecord, Line,
Outcome), the ledger of what is billed, unit arithmetic and the messages in the reader's
language."""

import datetime
from collections.abc import Collection, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from django.utils.formats import date_format
from django.utils.translation import gettext

from puentes.billing.rulesets import RuleSet
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
    worker: int | None = None  # the membership that delivered it (qualifications)


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


def total_units(lines: list[Line]) -> int:
    """The units of a visit's lines."""
    total = 0
    for line in lines:  # a loop, not sum() over a generator: run for every billable visit
        total += line.units
    return total


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


def worker_type_allowed(worker_type: str, allowed: Collection[str]) -> bool:
    """Whether the worker's type may deliver the work. What they must hold on the day (a
    certificate, training hours) is the rule set's worker_requirement, which runs.py checks
    through the workforce app: the engine reads no worker's records."""
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


def _language() -> str:
    return _LANGUAGE.get()
