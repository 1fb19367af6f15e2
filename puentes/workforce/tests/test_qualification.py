"""Each requirement set's rules at their boundaries, through the pure check."""

import datetime
from decimal import Decimal

import pytest

from puentes.core.dates import add_months
from puentes.workforce.definitions import definitions, frameworks, requirement_ids
from puentes.workforce.qualification import Held, WorkerFacts, qualify

D = datetime.date
MEDI_CAL = "ca-medi-cal-chw"


def chw(**facts: object) -> WorkerFacts:
    return WorkerFacts(worker_types=frozenset({"chw"}), **facts)  # type: ignore[arg-type]


def test_every_definition_loads_with_sources_and_names_known_certificates() -> None:
    loaded = definitions()
    assert {d.id for d in loaded} >= {
        "ca-medi-cal-chw", "ca-hcai-chw", "ca-medi-cal-doula", "ma-chw", "ri-chw",
        "ri-medicaid-chw", "mn-chw", "mn-medicaid-chw", "ct-chw", "ct-husky-chw", "nm-chw",
        "or-chw",
    }  # fmt: skip
    assert all(d.sources for d in loaded)
    assert len(frameworks()["c3"].roles) == 10 and len(frameworks()["c3"].skills) == 11
    assert len(frameworks()["ma-core"].competencies) == 10
    # What the sources leave open is labelled, not asserted.
    assert not next(d for d in loaded if d.id == "ca-hcai-chw").confirmed
    assert not next(d for d in loaded if d.id == "ct-chw").confirmed
    assert set(requirement_ids()) >= {"ca-medi-cal-chw", "ri-medicaid-chw", "ct-husky-chw"}


def test_a_current_certificate_qualifies_and_an_expired_one_says_when_it_lapsed() -> None:
    held = [Held("ca-hcai-chw", D(2025, 3, 1), D(2027, 2, 28))]
    assert qualify(MEDI_CAL, chw(held=held), D(2025, 6, 1)).qualified
    lapsed = qualify(MEDI_CAL, chw(held=held), D(2027, 3, 1))
    assert not lapsed.qualified
    assert any("expired" in r.reason for r in lapsed.reasons)


def test_no_certificate_and_no_pathway_gives_every_reason_with_its_fix() -> None:
    result = qualify(MEDI_CAL, chw(), D(2026, 3, 1))
    assert not result.qualified
    assert len(result.reasons) >= 2  # one per pathway
    assert all(r.fix for r in result.reasons)


def test_the_wrong_worker_type_is_refused_whatever_they_hold() -> None:
    doula = WorkerFacts(
        worker_types=frozenset({"doula"}), held=[Held("ca-hcai-chw", D(2020, 1, 1), None)]
    )
    result = qualify(MEDI_CAL, doula, D(2026, 3, 1))
    assert not result.qualified and "worker type" in result.reasons[0].reason


@pytest.mark.parametrize(("hours", "qualified"), [(1999, False), (2000, True), (2001, True)])
def test_experience_pathway_needs_2000_hours_in_the_3_years_before_the_start(
    hours, qualified
) -> None:
    start = D(2026, 1, 15)
    facts = chw(
        pathways={(MEDI_CAL, "work_experience"): start},
        experience=[(D(2023, 2, 1), D(2025, 12, 31), Decimal(hours))],
    )
    assert qualify(MEDI_CAL, facts, D(2026, 2, 1)).qualified is qualified


def test_experience_older_than_3_years_before_the_start_does_not_count() -> None:
    facts = chw(
        pathways={(MEDI_CAL, "work_experience"): D(2026, 1, 15)},
        experience=[(D(2021, 1, 1), D(2022, 12, 31), Decimal(3000))],
    )
    assert not qualify(MEDI_CAL, facts, D(2026, 2, 1)).qualified


def test_the_18_months_to_certify_end_on_the_day_exactly() -> None:
    start = D(2025, 1, 15)
    facts = chw(
        pathways={(MEDI_CAL, "work_experience"): start},
        experience=[(D(2023, 1, 1), D(2024, 12, 31), Decimal(2100))],
        trainings=[(D(2026, 1, 10), Decimal(6), Decimal(0))],
    )
    deadline = add_months(start, 18)
    assert deadline == D(2026, 7, 15)
    assert qualify(MEDI_CAL, facts, deadline).qualified
    late = qualify(MEDI_CAL, facts, deadline + datetime.timedelta(days=1))
    assert not late.qualified and any("18 months" in r.reason for r in late.reasons)
    # A certificate by then keeps the worker qualified.
    facts.held.append(Held("ca-hcai-chw", D(2026, 7, 1), None))
    assert qualify(MEDI_CAL, facts, deadline + datetime.timedelta(days=1)).qualified


@pytest.mark.parametrize(("hours", "qualified"), [("5.5", False), ("6", True)])
def test_six_hours_of_training_in_the_visits_year(hours, qualified) -> None:
    facts = chw(
        held=[Held("ca-hcai-chw", D(2024, 1, 10), None)],
        trainings=[
            (D(2025, 9, 1), Decimal(10), Decimal(0)),
            (D(2026, 9, 1), Decimal(hours), Decimal(0)),
        ],
    )
    # Hours recorded later in the year count for the year's earlier visits.
    result = qualify(MEDI_CAL, facts, D(2026, 3, 1))
    assert result.qualified is qualified
    if not qualified:
        assert "6 h of continuing training needed in 2026" in result.reasons[0].reason
        assert "5.5 h recorded" in result.reasons[0].reason
        assert "0.5 h more" in result.reasons[0].fix


def test_no_continuing_training_is_asked_in_the_year_the_worker_qualified() -> None:
    facts = chw(held=[Held("ca-hcai-chw", D(2025, 6, 1), None)])
    assert qualify(MEDI_CAL, facts, D(2025, 12, 31)).qualified
    assert not qualify(MEDI_CAL, facts, D(2026, 1, 1)).qualified


def test_doula_training_pathway_needs_16_hours_cpr_hipaa_and_three_births() -> None:
    doula = WorkerFacts(
        worker_types=frozenset({"doula"}),
        held=[
            Held("cpr_adult_infant", D(2024, 1, 1), D(2026, 1, 1)),
            Held("hipaa_training", D(2024, 1, 1), None),
        ],
        trainings=[(D(2024, 2, 1), Decimal(16), Decimal(0))],
    )
    missing = qualify("ca-medi-cal-doula", doula, D(2025, 3, 1))
    assert not missing.qualified and any("3 or more births" in r.reason for r in missing.reasons)
    doula.held.append(Held("births_supported_3", D(2024, 3, 1), None))
    assert qualify("ca-medi-cal-doula", doula, D(2025, 3, 1)).qualified
    assert not qualify("ca-medi-cal-doula", doula, D(2026, 1, 2)).qualified  # CPR lapsed


def test_doula_experience_pathway_counts_years_within_seven() -> None:
    doula = WorkerFacts(
        worker_types=frozenset({"doula"}),
        held=[
            Held(c, D(2024, 1, 1), None)
            for c in ("cpr_adult_infant", "hipaa_training", "doula_letters_3")
        ],
        experience=[(D(2019, 1, 1), D(2023, 12, 31), Decimal(4000))],
    )
    assert qualify("ca-medi-cal-doula", doula, D(2024, 6, 1)).qualified
    doula.experience = [(D(2020, 1, 1), D(2023, 12, 31), Decimal(4000))]  # 4 years
    assert not qualify("ca-medi-cal-doula", doula, D(2024, 6, 1)).qualified


def test_rhode_island_plan_to_certify_within_18_months() -> None:
    facts = chw(pathways={("ri-medicaid-chw", "plan"): D(2025, 6, 1)})
    assert qualify("ri-medicaid-chw", facts, D(2026, 12, 1)).qualified
    assert not qualify("ri-medicaid-chw", facts, D(2026, 12, 2)).qualified


def test_connecticut_pays_only_certified_workers() -> None:
    assert not qualify("ct-husky-chw", chw(), D(2026, 3, 1)).qualified
    held = [Held("ct-chw", D(2025, 1, 1), None)]
    assert qualify("ct-husky-chw", chw(held=held), D(2026, 3, 1)).qualified


def test_unconfirmed_figures_are_named_when_relied_on() -> None:
    facts = chw(pathways={(MEDI_CAL, "work_experience"): D(2026, 1, 15)},
                experience=[(D(2024, 1, 1), D(2025, 12, 31), Decimal(2500))])  # fmt: skip
    result = qualify(MEDI_CAL, facts, D(2026, 2, 1))
    assert result.qualified and result.unconfirmed  # the yearly window is Puentes's reading


def test_add_months_keeps_the_day_or_takes_the_months_last() -> None:
    assert add_months(D(2024, 8, 31), 18) == D(2026, 2, 28)
    assert add_months(D(2026, 3, 1), -12) == D(2025, 3, 1)


def test_a_single_unconfirmed_figure_is_named_when_a_pathway_relies_on_it() -> None:
    # Oregon's training pathway: the 80 hours are labelled unconfirmed in a confirmed file.
    facts = WorkerFacts(
        worker_types=frozenset({"chw"}),
        held=[Held(c, D(2025, 1, 1), None) for c in ("oral_health_training", "background_check")],
        trainings=[(D(2025, 2, 1), Decimal(80), Decimal(0))],
    )
    result = qualify("or-chw", facts, D(2025, 3, 1))
    assert result.qualified and result.unconfirmed
