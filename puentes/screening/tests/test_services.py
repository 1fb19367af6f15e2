import datetime

import pytest

from conftest import actor_for
from puentes.core.errors import DomainError
from puentes.core.models import AuditEvent
from puentes.screening import selectors, services
from puentes.screening.models import Finding, Need, NeedEvent, NeedStatus, Screening

POSITIVE_FOOD_AND_HOUSING = {
    "living_situation": {"code": "LA31994-9"},
    "food_worry": {"code": "LA6729-3"},
    "food_ran_out": {"code": "LA28398-8"},
    "transportation": {"code": "LA32-8"},
}


def screen(member, person, answers, instrument="ahc-hrsn-core", key=""):
    return services.screening_record(
        actor=actor_for(member),
        person_id=person.public_id,
        instrument_id=instrument,
        answers=answers,
        idempotency_key=key,
    )


def test_a_screening_is_saved_partially_resumed_and_submitted(ana, maria):
    actor = actor_for(ana)
    screening = services.screening_start(
        actor=actor, person_id=maria.public_id, instrument_id="ahc-hrsn-core"
    )
    assert screening.language == "es"  # María's preferred language
    screening = services.screening_answer(
        actor=actor,
        screening_id=screening.public_id,
        version=1,
        answers={"living_situation": {"code": "LA31994-9"}},
    )
    screening = services.screening_answer(
        actor=actor,
        screening_id=screening.public_id,
        version=2,
        answers={"food_worry": {"code": "LA6729-3"}},
        language="en",
    )
    assert (
        set(screening.answers) == {"living_situation", "food_worry"} and screening.language == "en"
    )
    submitted = services.screening_submit(actor=actor, screening_id=screening.public_id)
    assert submitted.status == "completed" and submitted.completed_by == ana.user
    needs = {n.category: n for n in Need.objects.filter(person=maria)}
    assert set(needs) == {"housing-instability", "food-insecurity"}
    assert needs["food-insecurity"].z_code == "Z59.41"
    assert needs["housing-instability"].z_code == "Z59.811"
    assert Finding.objects.filter(screening=submitted).count() == 8


def test_rescreening_updates_needs_instead_of_duplicating(ana, maria):
    first = screen(ana, maria, POSITIVE_FOOD_AND_HOUSING)
    second = screen(ana, maria, {"food_worry": {"code": "LA28397-0"}})
    food = Need.objects.get(person=maria, category="food-insecurity")
    assert Need.objects.filter(person=maria).count() == 2
    assert food.screening == second
    assert [e.screening for e in NeedEvent.objects.filter(need=food).order_by("id")] == [
        first,
        second,
    ]


def test_a_declined_need_stays_declined_when_screened_again(ana, maria):
    screen(ana, maria, POSITIVE_FOOD_AND_HOUSING)
    food = Need.objects.get(category="food-insecurity")
    services.need_set_status(
        actor=actor_for(ana),
        need_id=food.public_id,
        version=food.version,
        status=NeedStatus.DECLINED,
        reason="Has family support",
    )
    screen(ana, maria, {"food_worry": {"code": "LA28397-0"}})
    food.refresh_from_db()
    assert (
        food.status == "declined" and Need.objects.filter(category="food-insecurity").count() == 1
    )


def test_a_resolved_need_that_returns_is_a_new_need(ana, maria):
    screen(ana, maria, POSITIVE_FOOD_AND_HOUSING)
    food = Need.objects.get(category="food-insecurity")
    services.need_set_status(
        actor=actor_for(ana),
        need_id=food.public_id,
        version=food.version,
        status=NeedStatus.RESOLVED,
    )
    screen(ana, maria, {"food_worry": {"code": "LA28397-0"}})
    assert Need.objects.filter(category="food-insecurity").count() == 2


def test_need_status_changes_keep_who_when_and_why(ana, sam, maria):
    need = services.need_record(
        actor=actor_for(ana),
        person_id=maria.public_id,
        category="inadequate-housing",
        note="No place to store insulin",
    )
    with pytest.raises(DomainError) as caught:
        services.need_set_status(
            actor=actor_for(sam), need_id=need.public_id, version=1, status=NeedStatus.UNABLE
        )
    assert "reason" in caught.value.fields
    services.need_set_status(
        actor=actor_for(sam), need_id=need.public_id, version=1, status=NeedStatus.IN_PROGRESS
    )
    with pytest.raises(DomainError) as stale:
        services.need_set_status(
            actor=actor_for(ana), need_id=need.public_id, version=1, status=NeedStatus.RESOLVED
        )
    assert stale.value.code == "conflict"
    events = list(selectors.need_history(actor=actor_for(ana), need=need))
    assert [(e.from_status, e.to_status, e.user) for e in events] == [
        ("identified", "in-progress", sam.user),
        ("", "identified", ana.user),
    ]


def test_a_retried_submission_with_the_same_key_creates_nothing_new(ana, maria):
    first = screen(ana, maria, POSITIVE_FOOD_AND_HOUSING, key="device-7-0001")
    again = screen(ana, maria, POSITIVE_FOOD_AND_HOUSING, key="device-7-0001")
    assert again.pk == first.pk
    assert Screening.objects.count() == 1 and Need.objects.count() == 2
    again = services.screening_submit(
        actor=actor_for(ana), screening_id=first.public_id, idempotency_key="device-7-0001"
    )
    assert again.pk == first.pk


def test_submitting_twice_without_the_key_is_refused(ana, maria):
    screening = screen(ana, maria, POSITIVE_FOOD_AND_HOUSING)
    with pytest.raises(DomainError) as caught:
        services.screening_submit(actor=actor_for(ana), screening_id=screening.public_id)
    assert caught.value.code == "conflict"
    with pytest.raises(DomainError):
        services.screening_answer(
            actor=actor_for(ana),
            screening_id=screening.public_id,
            version=screening.version,
            answers={},
        )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"instrument_id": "made-up"}, "instrument"),
        ({"instrument_id": "ahc-hrsn-core", "version": "1999"}, "instrument"),
        ({"answers": {"transportation": {"code": "LA9-3"}}}, "answers.transportation"),
        ({"answers": {"nonsense": {"code": "x"}}}, "answers.nonsense"),
        ({"answers": {"transportation": "yes"}}, "answers.transportation"),
        ({"language": "fr"}, "language"),
    ],
)
def test_bad_screenings_are_refused_and_change_nothing(ana, maria, kwargs, field):
    data = {"instrument_id": "ahc-hrsn-core", "answers": {}, **kwargs}
    with pytest.raises(DomainError) as caught:
        services.screening_record(actor=actor_for(ana), person_id=maria.public_id, **data)
    assert field in caught.value.fields
    assert Screening.objects.count() == 0 and Need.objects.count() == 0
    assert not AuditEvent.objects.filter(action__startswith="screening").exists()


def test_out_of_range_values_are_refused(ana, maria):
    with pytest.raises(DomainError) as caught:
        screen(ana, maria, {"income": {"value": -5}}, instrument="prapare")
    assert "answers.income" in caught.value.fields


def test_a_person_of_another_organization_cannot_be_screened(omar, maria):
    with pytest.raises(DomainError) as caught:
        screen(omar, maria, POSITIVE_FOOD_AND_HOUSING)
    assert caught.value.code == "not_found"
    assert Screening.objects.count() == 0


def test_an_organization_chooses_its_instruments(alma, ana, maria):
    services.instrument_choices_set(actor=actor_for(alma), instrument_ids=["hunger-vital-sign"])
    assert [i.id for i in selectors.instrument_list_for(actor=actor_for(ana))] == [
        "hunger-vital-sign"
    ]
    with pytest.raises(DomainError) as caught:
        screen(ana, maria, POSITIVE_FOOD_AND_HOUSING)
    assert "instrument" in caught.value.fields
    with pytest.raises(DomainError):
        services.instrument_choices_set(actor=actor_for(ana), instrument_ids=["prapare"])
    with pytest.raises(DomainError):
        services.instrument_choices_set(actor=actor_for(alma), instrument_ids=["made-up"])


def test_answers_the_skip_logic_no_longer_asks_are_dropped_on_submit(ana, maria):
    screening = screen(
        ana,
        maria,
        {"gas_stove": {"code": "no"}, "gas_stove_heat": {"code": "yes"}},
        instrument="asthma-home",
    )
    assert "gas_stove_heat" not in screening.answers
    assert not Need.objects.filter(category="inadequate-housing").exists()


def test_reports_count_positive_screens_and_open_needs_by_domain(ana, maria, make_person):
    rosa = make_person(ana, given_name="Rosa", postal_code="93701")
    screen(ana, maria, POSITIVE_FOOD_AND_HOUSING)
    screen(ana, rosa, {"food_worry": {"code": "LA28397-0"}})
    month = datetime.date.today().isoformat()[:7]
    by_month = selectors.report_positive_screens(actor=actor_for(ana), by="month")
    assert {"month": month, "category": "food-insecurity", "count": 2} in by_month
    by_zip = selectors.report_open_needs(actor=actor_for(ana), by="zip")
    assert {"zip": "93701", "category": "food-insecurity", "count": 1} in by_zip
    assert {"zip": "95817", "category": "housing-instability", "count": 1} in by_zip


def test_reading_a_screening_or_a_need_is_audited(ana, bea, maria):
    screening = screen(ana, maria, POSITIVE_FOOD_AND_HOUSING)
    selectors.screening_read(actor=actor_for(bea), public_id=screening.public_id)
    need = Need.objects.first()
    selectors.need_read(actor=actor_for(bea), public_id=need.public_id)
    reads = AuditEvent.objects.filter(user=bea.user).values_list("action", "subject_person_id")
    assert sorted(reads) == [("need.read", maria.public_id), ("screening.read", maria.public_id)]
