"""The engine scores every instrument exactly as published."""

import itertools

import pytest

from puentes.screening.definitions import (
    DefinitionError,
    Instrument,
    instrument_find,
    load_file,
    registry,
)
from puentes.screening.scoring import AnswerError, check_answer, score


def _instrument(instrument_id: str) -> Instrument:
    instrument = instrument_find(instrument_id)
    assert instrument is not None
    return instrument


AHC = _instrument("ahc-hrsn-core")
HVS = _instrument("hunger-vital-sign")
PRAPARE = _instrument("prapare")
ASTHMA = _instrument("asthma-home")


def outcomes(instrument, answers):
    return {r.rule_id: r.outcome for r in score(instrument, answers)}


def result(instrument, answers, rule_id):
    return next(r for r in score(instrument, answers) if r.rule_id == rule_id)


def test_every_item_and_answer_has_english_and_spanish_text():
    for instrument in registry().values():
        assert instrument.title.en and instrument.title.es
        for item in instrument.items:
            assert item.text.en.strip() and item.text.es.strip(), item.id
            assert item.text.en != item.text.es or item.text.en in {"No"}, item.id
            for answer in item.answers:
                assert answer.text.en.strip() and answer.text.es.strip(), (item.id, answer.code)


def test_the_ahc_core_tool_has_ten_items_with_the_published_loinc_codes():
    assert AHC.loinc_panel == "96777-8"
    assert [item.loinc for item in AHC.items] == [
        "71802-3",
        "96778-6",
        "88122-7",
        "88123-5",
        "93030-5",
        "96779-4",
        "95618-5",
        "95617-7",
        "95616-9",
        "95615-1",
    ]


LIVING = {
    "LA31993-1": ("negative", "negative"),
    "LA31994-9": ("positive", "negative"),
    "LA31995-6": ("negative", "positive"),
}


@pytest.mark.parametrize("code", list(LIVING))
def test_ahc_living_situation(code):
    found = outcomes(AHC, {"living_situation": {"code": code}})
    assert (found["housing-instability"], found["homelessness"]) == LIVING[code]


@pytest.mark.parametrize(
    "code",
    [
        "LA31996-4",
        "LA28580-1",
        "LA31997-2",
        "LA31998-0",
        "LA31999-8",
        "LA32000-4",
        "LA32001-2",
        "LA9-3",
    ],
)
def test_ahc_housing_quality_is_positive_for_any_problem(code):
    expected = "negative" if code == "LA9-3" else "positive"
    assert outcomes(AHC, {"housing_problems": {"codes": [code]}})["housing-quality"] == expected


def test_ahc_housing_quality_with_several_problems_is_positive():
    answers = {"housing_problems": {"codes": ["LA28580-1", "LA32001-2"]}}
    assert outcomes(AHC, answers)["housing-quality"] == "positive"


FOOD = {"LA28397-0": "positive", "LA6729-3": "positive", "LA28398-8": "negative"}


@pytest.mark.parametrize(("first", "second"), itertools.product(FOOD, FOOD))
def test_ahc_food_is_positive_when_either_item_is_often_or_sometimes_true(first, second):
    expected = "positive" if "positive" in (FOOD[first], FOOD[second]) else "negative"
    answers = {"food_worry": {"code": first}, "food_ran_out": {"code": second}}
    assert outcomes(AHC, answers)["food-insecurity"] == expected


def test_one_food_item_unanswered_is_unknown_unless_the_other_is_positive():
    assert outcomes(AHC, {"food_worry": {"code": "LA28398-8"}})["food-insecurity"] == "unknown"
    assert outcomes(AHC, {"food_worry": {"code": "LA6729-3"}})["food-insecurity"] == "positive"
    declined = {"food_worry": {"code": "LA28398-8"}, "food_ran_out": {"declined": True}}
    assert outcomes(AHC, declined)["food-insecurity"] == "unknown"


@pytest.mark.parametrize(("code", "expected"), [("LA33-6", "positive"), ("LA32-8", "negative")])
def test_ahc_transportation(code, expected):
    assert (
        outcomes(AHC, {"transportation": {"code": code}})["transportation-insecurity"] == expected
    )


@pytest.mark.parametrize(
    ("code", "threat", "shut_off"),
    [
        ("LA33-6", "positive", "negative"),
        ("LA32-8", "negative", "negative"),
        ("LA32002-0", "negative", "positive"),
    ],
)
def test_ahc_utilities(code, threat, shut_off):
    found = outcomes(AHC, {"utilities": {"code": code}})
    assert (found["utility-shutoff-threat"], found["utility-shut-off"]) == (threat, shut_off)


SAFETY_ITEMS = ["safety_hurt", "safety_insult", "safety_threaten", "safety_scream"]
FREQUENCY = {"LA6270-8": 1, "LA10066-1": 2, "LA10082-8": 3, "LA16644-9": 4, "LA6482-9": 5}


@pytest.mark.parametrize("combination", list(itertools.product(FREQUENCY, repeat=4))[::7])
def test_ahc_safety_total_is_the_sum_and_positive_above_ten(combination):
    answers = {item: {"code": code} for item, code in zip(SAFETY_ITEMS, combination, strict=True)}
    found = result(AHC, answers, "interpersonal-safety")
    total = sum(FREQUENCY[code] for code in combination)
    assert found.total == total
    assert found.outcome == ("positive" if total > 10 else "negative")


def test_safety_boundary_ten_is_negative_eleven_positive():
    ten = dict(
        zip(
            SAFETY_ITEMS,
            [
                {"code": "LA10082-8"},
                {"code": "LA10082-8"},
                {"code": "LA10066-1"},
                {"code": "LA10066-1"},
            ],
            strict=True,
        )
    )
    eleven = {**ten, "safety_scream": {"code": "LA10082-8"}}
    assert (
        result(AHC, ten, "interpersonal-safety").total,
        result(AHC, ten, "interpersonal-safety").outcome,
    ) == (10, "negative")
    assert (
        result(AHC, eleven, "interpersonal-safety").total,
        result(AHC, eleven, "interpersonal-safety").outcome,
    ) == (11, "positive")


@pytest.mark.parametrize("missing", SAFETY_ITEMS)
def test_no_safety_total_unless_all_four_are_answered(missing):
    answers = {item: {"code": "LA6482-9"} for item in SAFETY_ITEMS if item != missing}
    found = result(AHC, answers, "interpersonal-safety")
    assert (found.total, found.outcome) == (None, "unknown")
    answers[missing] = {"declined": True}
    found = result(AHC, answers, "interpersonal-safety")
    assert (found.total, found.outcome) == (None, "unknown")


def test_nothing_answered_is_never_negative():
    assert set(outcomes(AHC, {}).values()) == {"unknown"}
    assert set(outcomes(PRAPARE, {}).values()) == {"unknown"}


HVS_ANSWERS = {
    "LA28397-0": "positive",
    "LA6729-3": "positive",
    "LA28398-8": "negative",
    "LA15775-2": "unknown",
}


@pytest.mark.parametrize(("first", "second"), itertools.product(HVS_ANSWERS, HVS_ANSWERS))
def test_hunger_vital_sign_risk_and_derived_item(first, second):
    pair = (HVS_ANSWERS[first], HVS_ANSWERS[second])
    expected = "positive" if "positive" in pair else "unknown" if "unknown" in pair else "negative"
    found = result(
        HVS,
        {"food_worry": {"code": first}, "food_ran_out": {"code": second}},
        "food-insecurity-risk",
    )
    assert found.outcome == expected
    assert (
        found.derived_code
        == {"positive": "LA19952-3", "negative": "LA19983-8", "unknown": None}[expected]
    )


@pytest.mark.parametrize("rule", PRAPARE.rules, ids=lambda r: r.id)
def test_every_prapare_rule_is_positive_for_its_answers_and_negative_otherwise(rule):
    (item_id,) = rule.items
    item = PRAPARE.item(item_id)
    for answer in item.answers:
        payload = {"codes": [answer.code]} if item.type == "multiple" else {"code": answer.code}
        found = result(PRAPARE, {item_id: payload}, rule.id).outcome
        if answer.declines:
            assert found == "unknown"
        else:
            assert found == ("positive" if answer.code in rule.positive_answers else "negative"), (
                answer.code
            )


def test_asthma_skip_logic_asks_about_heating_only_with_a_gas_stove():
    no_triggers = {
        item.id: {"code": "no"} for item in ASTHMA.items if item.id != "medication_access"
    }
    no_triggers.pop("gas_stove_heat")
    assert outcomes(ASTHMA, no_triggers)["home-triggers"] == "negative"
    with_gas = {**no_triggers, "gas_stove": {"code": "yes"}}
    assert outcomes(ASTHMA, with_gas)["home-triggers"] == "unknown"
    with_gas["gas_stove_heat"] = {"code": "yes"}
    assert outcomes(ASTHMA, with_gas)["home-triggers"] == "positive"
    assert (
        outcomes(ASTHMA, {"medication_access": {"code": "no"}})["medication-access"] == "positive"
    )


@pytest.mark.parametrize(
    ("item_id", "answer", "message"),
    [
        ("transportation", {"code": "LA9-3"}, "not one of"),
        ("transportation", {"codes": ["LA33-6"]}, "takes 'code'"),
        ("housing_problems", {"codes": ["LA9-3", "LA28580-1"]}, "cannot be combined"),
        ("housing_problems", {"codes": []}, "at least one"),
        ("housing_problems", {"codes": ["LA28580-1", "LA28580-1"]}, "twice"),
        ("transportation", {"declined": False}, "declined must be true"),
        ("transportation", {"code": "LA33-6", "declined": True}, "exactly one"),
    ],
)
def test_answers_that_do_not_fit_are_refused(item_id, answer, message):
    with pytest.raises(AnswerError, match=message):
        check_answer(AHC.item(item_id), answer)


def test_integer_answers_are_range_checked():
    income = PRAPARE.item("income")
    assert check_answer(income, {"value": 24000}) == {"value": 24000}
    for bad in [-1, 10_000_001, "24000", 2.5, True]:
        with pytest.raises(AnswerError):
            check_answer(income, {"value": bad})


def test_a_definition_with_a_broken_reference_is_refused(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "id: broken\nversion: '1'\ntitle: {en: B, es: B}\nsource: test\ncode_system: urn:x\n"
        "items:\n  - id: a\n    type: choice\n    text: {en: A, es: A}\n"
        "    answers: [{code: y, text: {en: Y, es: S}}, {code: n, text: {en: N, es: N}}]\n"
        "rules:\n  - {id: r, items: [a], positive_answers: [maybe], need: stress}\n"
    )
    with pytest.raises(DefinitionError, match=r"(?s)broken\.yaml.*maybe"):
        load_file(broken)
    assert isinstance(AHC, Instrument)
