"""Which code family pays for a visit, and its lines: per encounter, per visit or monthly time."""

import datetime
from collections.abc import Callable
from functools import lru_cache

from puentes.billing import visit_codes
from puentes.billing.engine._common import (
    Ledger,
    Line,
    Lines,
    Outcome,
    PersonRecord,
    Problem,
    Visit,
    _,
    _current,
    _day,
    _language,
    _Title,
    _worker_label,
    cpt_units,
    worker_type_allowed,
)
from puentes.billing.rulesets import Code, Family, MonthlyTime, RuleSet
from puentes.care.models import EncounterService, labels_of


def _family_unmet(family: Family, visit: Visit, person: PersonRecord) -> list[str]:
    """Which of the family's conditions the visit does not meet (cheap: no messages)."""
    unmet = []
    if family.worker_types and not worker_type_allowed(visit.worker_type, family.worker_types):
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
