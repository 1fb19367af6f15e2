"""Limits: plan-of-care thresholds, caps by day, month or year, and prior authorization."""

from collections.abc import Callable

from puentes.billing.engine._common import (
    Ledger,
    Line,
    Outcome,
    PersonRecord,
    Problem,
    Visit,
    _,
    _current,
    total_units,
)
from puentes.billing.rulesets import Limit, RuleSet


def _plan_of_care_limit(
    rules: RuleSet, visit: Visit, person: PersonRecord, ledger: Ledger, outcome: Outcome
) -> None:
    threshold = rules.plan_of_care_after_units_per_year
    if threshold is None or _current(person.plans_of_care, visit.day):
        return
    before = ledger.used("units", "year", visit.day)
    allowed = max(threshold.units - before, 0)
    if total_units(outcome.lines) <= allowed:
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
    total = total_units(outcome.lines)
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


def _limit_label(limit: Limit) -> str:
    period = {"day": _("a day"), "month": _("a month"), "year": _("a year")}[limit.period]
    if limit.units is not None:
        # Translators: billing units of a procedure code (e.g. 30 minutes each), not items.
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
    adding = {"units": total_units(outcome.lines), "minutes": visit.minutes, "visits": 1}[measure]
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
    units = total_units(outcome.lines)
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
