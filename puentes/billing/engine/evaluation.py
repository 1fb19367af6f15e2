"""The engine's entry point: evaluate(rules, visit, person, ledger)."""

from collections.abc import Iterable

from django.utils.translation import get_language

from puentes.billing.engine._common import (
    _LANGUAGE,
    Ledger,
    Outcome,
    PersonRecord,
    Problem,
    Visit,
    _,
    _day,
    _language,
)
from puentes.billing.engine.checks import _common_problems, _common_unmet
from puentes.billing.engine.limits import _apply_limit, _limit_label, _plan_of_care_limit
from puentes.billing.engine.lines import (
    _codes_on,
    _family_problems,
    _family_unmet,
    _lines,
    _unexplained,
)
from puentes.billing.rulesets import Family, RuleSet


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
