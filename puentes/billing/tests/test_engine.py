"""The payer rules from the domain facts, as test cases of the engine."""

import datetime

import pytest

from puentes.billing.engine import (
    Authorization,
    Ledger,
    Line,
    Period,
    PersonRecord,
    Visit,
    cpt_units,
    evaluate,
)
from puentes.billing.rulesets import RuleSet, rule_set_for, rule_sets

D = datetime.date
MEDI_CAL_DAY = D(2025, 6, 10)
NPI = "1234567893"


def visit(
    day=MEDI_CAL_DAY,
    minutes=30,
    participants=1,
    services=("health_education",),
    worker="promotor",
    pos="12",
    diagnoses=("Z59.41",),
):
    return Visit(
        key=1,
        person=1,
        day=day,
        minutes=minutes,
        participants=participants,
        services=frozenset(services),
        place_of_service=pos,
        worker_type=worker,
        diagnoses=tuple(diagnoses),
    )


def recommended(**extra):
    return PersonRecord(recommendations=[(D(2025, 1, 1), D(2025, 12, 31))], **extra)


def medi_cal(day=MEDI_CAL_DAY) -> RuleSet:
    rules = rule_set_for("medi-cal-chw", day)
    assert rules is not None
    return rules


def codes(outcome):
    return [(line.code, line.units) for line in outcome.lines]


def test_every_shipped_rule_set_loads_and_says_where_it_comes_from():
    found = {r.id for r in rule_sets()}
    assert {
        "medi-cal-chw",
        "medi-cal-doula",
        "medicare-chi-pin",
        "michigan-chw",
        "rhode-island-chw",
        "connecticut-husky-chw",
        "masshealth-chw",
    } <= found
    assert all(r.sources for r in rule_sets())


@pytest.mark.parametrize(
    ("minutes", "units"), [(15, 0), (16, 1), (30, 1), (45, 1), (46, 2), (60, 2)]
)
def test_unit_rounding(minutes, units):
    assert cpt_units(minutes, 30) == units


@pytest.mark.parametrize(("minutes", "units"), [(15, 0), (16, 1), (45, 1), (46, 2)])
def test_a_visits_minutes_become_98960_units(minutes, units):
    outcome = evaluate(medi_cal(), visit(minutes=minutes), recommended(), Ledger())
    if units:
        assert outcome.billable and codes(outcome) == [("98960", units)]
    else:
        assert not outcome.billable
        assert (
            outcome.problems[0].reason
            == "15 minutes is under the 16 minutes a unit of 98960 needs."
        )


def test_the_13th_unit_in_a_year_needs_a_plan_of_care():
    ledger = Ledger()
    ledger.record(D(2025, 1, 6), 360, "cpt", [Line("98960", (), 12, "")])
    outcome = evaluate(medi_cal(), visit(), recommended(), ledger)
    assert not outcome.billable
    assert (
        outcome.problems[0].reason == "12 units already billed this year: a plan of care is needed."
    )
    assert outcome.problems[0].fix == "Record the plan of care signed by a licensed practitioner."
    with_plan = recommended(plans_of_care=[(D(2025, 1, 1), None)])
    assert codes(evaluate(medi_cal(), visit(), with_plan, ledger)) == [("98960", 1)]
    eleven = Ledger()
    eleven.record(D(2025, 1, 6), 330, "cpt", [Line("98960", (), 11, "")])
    partly = evaluate(medi_cal(), visit(minutes=60), recommended(), eleven)
    assert codes(partly) == [("98960", 1)]
    assert partly.notes == [
        "1 units past the 12 a year allowed without a plan of care were not claimed."
    ]


def test_g_codes_only_for_dates_of_service_from_april_2025():
    person = recommended(
        initiating_visits=[(D(2025, 1, 5), "99214", NPI)],
        consents=[(D(2025, 1, 5), NPI)],
        plans_of_care=[(D(2025, 1, 5), None)],
    )
    before = evaluate(
        medi_cal(), visit(day=D(2025, 3, 31), minutes=45), person, Ledger(), prefer=["chi_monthly"]
    )
    assert codes(before) == [("98960", 1)] and before.family == "cpt_time"
    after = evaluate(
        medi_cal(), visit(day=D(2025, 4, 1), minutes=45), person, Ledger(), prefer=["chi_monthly"]
    )
    assert codes(after) == [("G0019", 1)] and after.family == "chi_monthly"
    no_plan = evaluate(
        medi_cal(),
        visit(minutes=45),
        recommended(
            initiating_visits=[(D(2025, 1, 5), "99214", NPI)], consents=[(D(2025, 1, 5), NPI)]
        ),
        Ledger(),
        prefer=["chi_monthly"],
    )
    assert no_plan.family == "cpt_time"  # the G-code family's conditions are not met


def test_ecm_enrollment_excludes_the_chw_benefit():
    person = recommended(programs=[("ecm", D(2025, 5, 1), None)])
    outcome = evaluate(medi_cal(), visit(), person, Ledger())
    assert not outcome.billable and outcome.lines
    assert outcome.problems[0].reason.startswith("Enrolled in Enhanced Care Management on")
    left = recommended(programs=[("ecm", D(2025, 1, 1), D(2025, 5, 31))])
    assert evaluate(medi_cal(), visit(), left, Ledger()).billable


@pytest.mark.parametrize(
    ("people", "expected"),
    [(1, "98960"), (2, "98961"), (4, "98961"), (5, "98962"), (8, "98962"), (9, None)],
)
def test_group_codes_by_participant_count(people, expected):
    outcome = evaluate(medi_cal(), visit(participants=people, minutes=60), recommended(), Ledger())
    if expected:
        assert codes(outcome) == [(expected, 2)]
    else:
        assert not outcome.billable
        assert "Group codes need 2–4 or 5–8 participants" in outcome.problems[0].fix


def test_recommendation_missing_or_expired():
    missing = evaluate(medi_cal(), visit(), PersonRecord(), Ledger())
    assert (
        missing.problems[0].reason
        == "No written recommendation for CHW services on the date of service."
    )
    old = PersonRecord(recommendations=[(D(2024, 1, 1), D(2025, 1, 31))])
    expired = evaluate(medi_cal(), visit(), old, Ledger())
    assert expired.problems[0].reason == "The recommendation expired on 01/31/2025."


def test_every_reason_at_once_for_an_undocumented_visit():
    outcome = evaluate(
        medi_cal(),
        visit(services=["care_coordination"], worker="doula", diagnoses=()),
        PersonRecord(),
        Ledger(),
    )
    reasons = " | ".join(p.reason for p in outcome.problems)
    assert "not covered by Medi-Cal Community Health Worker benefit" in reasons
    assert "Doula is not a qualified worker" in reasons
    assert "No written recommendation" in reasons and "No diagnosis code." in reasons


def test_the_unconfirmed_daily_cap_of_medi_cal_is_off_unless_switched_on():
    def third_visit(rules):
        ledger = Ledger()
        ledger.record(MEDI_CAL_DAY, 90, "cpt", [Line("98960", (), 3, "")])
        planned = recommended(plans_of_care=[(D(2025, 1, 1), None)])
        return evaluate(rules, visit(minutes=90), planned, ledger)

    shipped = third_visit(medi_cal())
    assert codes(shipped) == [("98960", 3)] and not shipped.notes
    cap = medi_cal().limits[0].model_copy(update={"enabled": True})
    switched_on = third_visit(medi_cal().model_copy(update={"limits": [cap]}))
    assert codes(switched_on) == [("98960", 1)]
    assert switched_on.notes == [
        "2 units over the limit of 4 units a day (unconfirmed) were not claimed. "
        "Charge the rest of this work to a grant."
    ]


MICHIGAN_DAY = D(2025, 2, 3)


def michigan():
    return rule_set_for("michigan-chw", MICHIGAN_DAY)


def test_michigan_bills_up_to_the_daily_limit_and_sends_the_rest_to_authorization():
    outcome = evaluate(michigan(), visit(day=MICHIGAN_DAY, minutes=150), recommended(), Ledger())
    assert outcome.billable and codes(outcome) == [("98960", 4)]  # 120 of the 150 minutes
    assert outcome.notes == [
        "1 units over the limit of 120 minutes a day were not claimed. "
        "Get prior authorization from the payer for the rest, or charge it to a grant."
    ]
    ledger = Ledger()
    ledger.record(MICHIGAN_DAY, 100, "cpt", [])
    full = evaluate(michigan(), visit(day=MICHIGAN_DAY, minutes=30), recommended(), ledger)
    assert full.problems[0].reason == "The limit of 120 minutes a day is already reached."
    assert full.problems[0].fix.startswith("Get prior authorization from the payer")


def authorized(units=None, minutes=None, codes=(), start=D(2025, 1, 1), end=D(2025, 12, 31)):
    return recommended(
        authorizations=[
            Authorization("PA-77", "michigan-chw", start, end, frozenset(codes), units, minutes)
        ]
    )


def test_a_prior_authorization_with_room_bills_the_whole_visit_under_its_number():
    outcome = evaluate(
        michigan(), visit(day=MICHIGAN_DAY, minutes=150), authorized(units=10), Ledger()
    )
    assert codes(outcome) == [("98960", 5)] and outcome.authorization == "PA-77"
    assert outcome.notes == [
        "Over the limit of 120 minutes a day: billed under prior authorization PA-77."
    ]
    # Used up, out of its dates, or for other codes: it does not apply.
    ledger = Ledger()
    ledger.authorize("PA-77", 8, 240)
    for person, used in (
        (authorized(units=10), ledger),
        (authorized(units=10, end=D(2025, 1, 31)), Ledger()),
        (authorized(minutes=600, codes=["98961"]), Ledger()),
    ):
        capped = evaluate(michigan(), visit(day=MICHIGAN_DAY, minutes=150), person, used)
        assert codes(capped) == [("98960", 4)] and not capped.authorization


def test_a_visit_past_the_monthly_visit_limit_waits_for_authorization():
    ledger = Ledger()
    for day in range(1, 17):
        ledger.record(D(2025, 2, day), 30, "cpt", [Line("98960", (), 1, "")])
    over = evaluate(michigan(), visit(day=D(2025, 2, 20), minutes=30), recommended(), ledger)
    assert not over.billable
    assert over.problems[0].reason == "Over the limit of 16 visits a month."
    covered = evaluate(
        michigan(), visit(day=D(2025, 2, 20), minutes=30), authorized(units=4), ledger
    )
    assert codes(covered) == [("98960", 1)] and covered.authorization == "PA-77"


def test_connecticut_and_massachusetts_route_to_grants():
    for rule_set_id in ("connecticut-husky-chw", "masshealth-chw"):
        rules = rule_set_for(rule_set_id, MEDI_CAL_DAY)
        outcome = evaluate(rules, visit(), recommended(), Ledger())
        assert not outcome.billable and outcome.problems[0].fix.startswith(
            "Charge the work to a grant"
        )
    ct = evaluate(
        rule_set_for("connecticut-husky-chw", MEDI_CAL_DAY), visit(), recommended(), Ledger()
    )
    assert "not implemented" in ct.problems[0].reason


def test_medicare_monthly_time():
    rules = rule_set_for("medicare-chi-pin", D(2025, 3, 3))
    person = PersonRecord(
        initiating_visits=[(D(2025, 1, 10), "99214", NPI)], consents=[(D(2025, 1, 10), NPI)]
    )
    ledger = Ledger()
    first = evaluate(rules, visit(day=D(2025, 3, 3), minutes=20), person, ledger)
    # Below the first unit: waiting for more time, not refused.
    assert not first.lines and not first.problems and first.counts_toward_month
    assert first.notes[0] == "20 minutes this month so far: G0019 needs 31."
    ledger.wait(D(2025, 3, 3), 20, "chi")
    second = evaluate(rules, visit(day=D(2025, 3, 10), minutes=20), person, ledger)
    assert codes(second) == [("G0019", 1)]
    ledger.record(D(2025, 3, 10), 20, "chi", second.lines)
    third = evaluate(rules, visit(day=D(2025, 3, 17), minutes=40), person, ledger)
    assert codes(third) == [("G0022", 1)]  # 80 minutes: 60 + 20 passes a 30-minute midpoint
    no_visit = evaluate(rules, visit(day=D(2025, 3, 3)), PersonRecord(), Ledger())
    assert "needs an initiating visit" in no_visit.problems[0].reason


def test_g0136_every_six_months_and_not_in_2026():
    rules = rule_set_for("medicare-chi-pin", D(2025, 2, 1))
    screening = visit(day=D(2025, 2, 1), minutes=10, services=["screening"])
    outcome = evaluate(rules, screening, PersonRecord(), Ledger(), prefer=["sdoh_risk"])
    assert codes(outcome) == [("G0136", 1)]
    ledger = Ledger()
    ledger.record(D(2025, 2, 1), 10, "sdoh_risk", outcome.lines)
    again = evaluate(
        rules,
        visit(day=D(2025, 5, 1), minutes=10, services=["screening"]),
        PersonRecord(),
        ledger,
        prefer=["sdoh_risk"],
    )
    assert "at most once every 6 months" in " ".join(p.reason for p in again.problems)
    in_2026 = rule_set_for("medicare-chi-pin", D(2026, 2, 1))
    assert in_2026 is not None and in_2026.family("sdoh_risk") is None


def test_doula_initial_then_prenatal_visits():
    rules = rule_set_for("medi-cal-doula", D(2025, 2, 1))
    doula = visit(minutes=90, services=["perinatal"], worker="doula")
    ledger = Ledger()
    first = evaluate(rules, doula, recommended(), ledger)
    assert codes(first) == [("Z1032", 1)] and first.lines[0].modifiers == ("XP",)
    ledger.record(doula.day, 90, first.family, first.lines)
    assert codes(evaluate(rules, doula, recommended(), ledger)) == [("Z1034", 1)]


def test_reasons_come_in_the_readers_language():
    from django.utils import translation

    with translation.override("es"):
        outcome = evaluate(medi_cal(), visit(minutes=10), recommended(), Ledger())
    assert outcome.problems[0].reason == (
        "10 minutos no llegan a los 16 que necesita una unidad de 98960."
    )
    english = evaluate(medi_cal(), visit(minutes=10), recommended(), Ledger(), language="en")
    assert english.problems[0].reason.startswith("10 minutes is under")


def _year_of_visits(rules: RuleSet):
    """Every mix of minutes, group size, service, worker and place a year of visits under
    ``rules`` can bring, one every few days, so limits and monthly time fill up."""
    start = max(rules.effective_from, D(2024, 1, 1))
    minutes = [5, 10, 15, 16, 20, 30, 45, 46, 60, 90, 120]  # 11: coprime with the others
    work = [  # a service and who delivered it
        ("health_education", "promotor"),
        ("navigation", "chw"),
        ("screening", "promotor"),
        ("peer_support", "peer_support"),
        ("perinatal", "doula"),
        ("navigation", ""),
        ("care_coordination", "navigator"),
    ]
    found = []
    for n in range(300):
        service, worker = work[n % len(work)]
        found.append(
            visit(
                day=start + datetime.timedelta(days=n * 6 // 5),
                minutes=minutes[n % len(minutes)],
                participants=[1, 1, 1, 3, 6, 9][n % 6] if n % 5 == 0 else 1,
                services=(service,),
                worker=worker,
                pos="11" if n % 13 == 0 else "12",
                diagnoses=() if n % 17 == 0 else ("Z59.41",),
            )
        )
    return found


ALWAYS: list[Period] = [(D(2020, 1, 1), None)]
PEOPLE = {
    "recommended, plan of care, initiating visit": PersonRecord(
        recommendations=ALWAYS,
        plans_of_care=ALWAYS,
        initiating_visits=[(D(2020, 1, 2), "99214", NPI)],
        consents=[(D(2020, 1, 2), NPI)],
    ),
    "recommended only": PersonRecord(recommendations=ALWAYS),
    "nothing on record": PersonRecord(),
    "in ECM": PersonRecord(recommendations=ALWAYS, programs=[("ecm", D(2020, 1, 1), None)]),
}


@pytest.mark.parametrize("rules", rule_sets(), ids=lambda r: f"{r.id}-{r.version}")
@pytest.mark.parametrize("person", list(PEOPLE), ids=str)
def test_not_explaining_changes_no_billable_outcome(rules, person):
    """Batch generation asks the engine not to explain (explain=False): every visit must
    come out billable, or not, exactly as when explained, with the same lines, notes and
    family, while limits and monthly time fill the ledger."""
    record = PEOPLE[person]
    explained, unexplained = Ledger(), Ledger()
    billable = 0
    for each in _year_of_visits(rules):
        said = evaluate(rules, each, record, explained, language="en")
        quiet = evaluate(rules, each, record, unexplained, language="en", explain=False)
        assert quiet.billable == said.billable, each
        if said.billable:
            billable += 1
            assert (quiet.lines, quiet.notes, quiet.family) == (said.lines, said.notes, said.family)
            explained.record(each.day, each.minutes, said.family, said.lines)
            unexplained.record(each.day, each.minutes, quiet.family, quiet.lines)
        elif said.counts_toward_month:
            # Monthly time below a unit waits (said or not) and counts toward the month.
            assert quiet.counts_toward_month and quiet.family == said.family, each
            assert said.notes and not quiet.notes
            explained.wait(each.day, each.minutes, said.family)
            unexplained.wait(each.day, each.minutes, quiet.family)
        else:
            assert said.problems and all(p.reason for p in said.problems), each
            assert quiet.problems  # not billable, whether or not it says why
    if rules.billable and person == "recommended, plan of care, initiating visit":
        assert billable, "the grid should bill something under every payable rule set"
