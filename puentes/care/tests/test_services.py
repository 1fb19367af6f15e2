"""The rules of care management, through the services: what is written, what is refused
(and that a refusal writes nothing)."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from conftest import actor_for
from puentes.care import selectors, services
from puentes.care.models import (
    Encounter,
    EncounterRevision,
    Enrollment,
    FollowUp,
    Goal,
    Program,
    Recommendation,
)
from puentes.core.errors import DomainError
from puentes.people import services as people_services

from .conftest import today


def fields_of(error: pytest.ExceptionInfo[DomainError]) -> set[str]:
    return set(error.value.fields)


# Programs ------------------------------------------------------------------------------


def test_program_rules(sam, ana, asthma):
    assert asthma.worker_type_labels() == ["Community health worker", "Promotor(a)"]
    with pytest.raises(DomainError) as duplicate:
        services.program_create(
            actor=actor_for(sam), fields={"name": "Asthma home visiting", "kind": "asthma"}
        )
    assert duplicate.value.code == "duplicate"
    with pytest.raises(DomainError) as bad:
        services.program_create(
            actor=actor_for(sam),
            fields={
                "name": "X",
                "kind": "juggling",
                "follow_up_days": -1,
                "worker_types": ["cook"],
            },
        )
    assert fields_of(bad) == {"kind", "follow_up_days", "worker_types"}
    with pytest.raises(DomainError) as forbidden:
        services.program_create(actor=actor_for(ana), fields={"name": "Mine", "kind": "other"})
    assert forbidden.value.code == "forbidden"
    updated = services.program_update(
        actor=actor_for(sam), program_id=asthma.public_id, version=1, fields={"caseload_limit": 30}
    )
    assert updated.caseload_limit == 30 and updated.version == 2
    with pytest.raises(DomainError) as stale:
        services.program_update(
            actor=actor_for(sam), program_id=asthma.public_id, version=1, fields={"name": "Y"}
        )
    assert stale.value.code == "conflict"
    assert Program.objects.count() == 1


# Enrollments ---------------------------------------------------------------------------


def test_enrolling_schedules_the_first_check_in_of_the_program_cadence(ana, maria, enrollment):
    assert enrollment.status == "enrolled" and enrollment.start_date == today()
    assert list(enrollment.workers.all()) == [ana]
    follow_up = FollowUp.objects.get()
    assert follow_up.source == "cadence" and follow_up.assignee == ana
    assert follow_up.due_on == today() + datetime.timedelta(days=14)
    assert follow_up.title == "Asthma home visiting check-in"


def test_enrollment_refusals_write_nothing(ana, maria, omar, enrollment, asthma, ecm):
    elsewhere_program = services.program_create(
        actor=actor_for(omar), fields={"name": "Theirs", "kind": "other"}
    )
    cases = [
        ({"program_id": elsewhere_program.public_id}, {"program_id"}),
        ({"program_id": asthma.public_id}, {"program_id"}),  # already in it
        ({"program_id": ecm.public_id}, {"ecm_populations"}),  # ECM needs a population
        ({"program_id": ecm.public_id, "ecm_populations": ["astronauts"]}, {"ecm_populations"}),
        (
            {
                "program_id": ecm.public_id,
                "ecm_populations": ["homelessness"],
                "status": "completed",
            },
            {"status"},
        ),
    ]
    for fields, bad in cases:
        with pytest.raises(DomainError) as error:
            services.enrollment_create(
                actor=actor_for(ana), person_id=maria.public_id, fields=fields
            )
        assert fields_of(error) == bad, fields
    assert Enrollment.objects.count() == 1


def test_a_closed_program_takes_no_one(sam, ana, maria, asthma):
    services.program_update(
        actor=actor_for(sam), program_id=asthma.public_id, version=1, fields={"is_active": False}
    )
    with pytest.raises(DomainError) as closed:
        services.enrollment_create(
            actor=actor_for(ana), person_id=maria.public_id, fields={"program_id": asthma.public_id}
        )
    assert closed.value.fields == {"program_id": ["This program is closed for enrollment."]}


def test_ecm_enrollment_records_populations_and_supports_and_marks_the_person(
    ana, maria, ecm, asthma
):
    enrollment = services.enrollment_create(
        actor=actor_for(ana),
        person_id=maria.public_id,
        fields={
            "program_id": ecm.public_id,
            "status": "active",
            "ecm_populations": ["homelessness", "utilization"],
            "community_supports": ["housing_navigation", "sobering"],
        },
    )
    assert enrollment.ecm_population_labels()[0] == "Experiencing homelessness"
    assert selectors.in_ecm(maria, today())
    assert not selectors.in_ecm(maria, today() - datetime.timedelta(days=1))
    with pytest.raises(DomainError) as misplaced:
        services.enrollment_create(
            actor=actor_for(ana),
            person_id=maria.public_id,
            fields={"program_id": asthma.public_id, "ecm_populations": ["homelessness"]},
        )
    assert fields_of(misplaced) == {"ecm_populations"}
    services.enrollment_change_status(
        actor=actor_for(ana),
        enrollment_id=enrollment.public_id,
        version=1,
        status="disenrolled",
        reason="Moved out of county",
    )
    assert not selectors.in_ecm(maria, today() + datetime.timedelta(days=1))


def test_enrollment_moves(ana, enrollment):
    actor = actor_for(ana)
    with pytest.raises(DomainError) as no_reason:
        services.enrollment_change_status(
            actor=actor, enrollment_id=enrollment.public_id, version=1, status="disenrolled"
        )
    assert fields_of(no_reason) == {"reason"}
    paused = services.enrollment_change_status(
        actor=actor,
        enrollment_id=enrollment.public_id,
        version=1,
        status="paused",
        reason="Travelling for a month",
    )
    assert FollowUp.objects.get().status == "cancelled"
    active = services.enrollment_change_status(
        actor=actor, enrollment_id=enrollment.public_id, version=paused.version, status="active"
    )
    assert FollowUp.objects.filter(status="open").count() == 1
    done = services.enrollment_change_status(
        actor=actor,
        enrollment_id=enrollment.public_id,
        version=active.version,
        status="completed",
    )
    assert done.end_date == today()
    assert not FollowUp.objects.filter(status="open").exists()
    with pytest.raises(DomainError) as closed:
        services.enrollment_change_status(
            actor=actor, enrollment_id=enrollment.public_id, version=done.version, status="active"
        )
    assert fields_of(closed) == {"status"}
    assert [e.to_status for e in done.events.all()] == ["enrolled", "paused", "active", "completed"]


# Goals ---------------------------------------------------------------------------------

GOAL = {
    "description": "Breathe well enough to play football with my kids",
    "measure": "Asthma control test",
    "comparator": "ge",
    "target_value": "20",
    "unit": "points",
}


def test_goal_with_progress(ana, maria, enrollment, food_need):
    goal = services.goal_create(
        actor=actor_for(ana),
        person_id=maria.public_id,
        enrollment_id=enrollment.public_id,
        fields={
            **GOAL,
            "target_date": today() + datetime.timedelta(days=90),
            "need_ids": [food_need.public_id],
        },
    )
    assert goal.care_plan.title == "Asthma home visiting care plan"
    assert goal.target_text() == "Asthma control test ≥ 20 points"
    low = services.goal_progress_add(
        actor=actor_for(ana), goal_id=goal.public_id, fields={"value": "16"}
    )
    high = services.goal_progress_add(
        actor=actor_for(ana), goal_id=goal.public_id, fields={"value": 21}
    )
    assert (low.meets_target, high.meets_target) == (False, True)
    with pytest.raises(DomainError) as future:
        services.goal_progress_add(
            actor=actor_for(ana),
            goal_id=goal.public_id,
            fields={"value": 1, "recorded_on": today() + datetime.timedelta(days=1)},
        )
    assert fields_of(future) == {"recorded_on"}


def test_blood_pressure_goal_needs_both_numbers(ana, maria):
    goal = services.goal_create(
        actor=actor_for(ana),
        person_id=maria.public_id,
        fields={
            "description": "Keep my pressure down",
            "measure": "Blood pressure",
            "comparator": "lt",
            "target_value": 130,
            "target_value_2": 80,
            "unit": "mmHg",
            "target_date": today() + datetime.timedelta(days=180),
        },
    )
    assert goal.target_text() == "Blood pressure < 130/80 mmHg"
    assert goal.care_plan.enrollment is None
    with pytest.raises(DomainError) as missing:
        services.goal_progress_add(
            actor=actor_for(ana), goal_id=goal.public_id, fields={"value": 128}
        )
    assert fields_of(missing) == {"value_2"}
    reading = services.goal_progress_add(
        actor=actor_for(ana), goal_id=goal.public_id, fields={"value": 128, "value_2": 84}
    )
    assert not reading.meets_target and reading.value_text() == "128/84"
    assert goal.is_met_by(Decimal(125), Decimal(78))


def test_goal_refusals_write_nothing(ana, maria, make_person, food_need):
    other = make_person(ana, given_name="Rosa", family_name="Díaz")
    cases = [
        ({**GOAL}, {"target_date"}),
        ({**GOAL, "target_date": today() - datetime.timedelta(days=1)}, {"target_date"}),
        ({**GOAL, "target_date": today(), "comparator": "about"}, {"comparator"}),
        ({**GOAL, "target_date": today(), "target_value": "lots"}, {"target_value"}),
        ({**GOAL, "target_date": today(), "description": ""}, {"description"}),
    ]
    for fields, bad in cases:
        with pytest.raises(DomainError) as error:
            services.goal_create(actor=actor_for(ana), person_id=maria.public_id, fields=fields)
        assert fields_of(error) == bad, fields
    with pytest.raises(DomainError) as wrong_need:
        services.goal_create(
            actor=actor_for(ana),
            person_id=other.public_id,
            fields={**GOAL, "target_date": today(), "need_ids": [food_need.public_id]},
        )
    assert fields_of(wrong_need) == {"need_ids"}
    assert not Goal.objects.exists()


# Payer documents ------------------------------------------------------------------------

DOCTOR = {"practitioner_name": "Dr. Rosa Kim", "practitioner_npi": "1234567893", "credential": "MD"}


def test_recommendation_and_plan_of_care(ana, bea, maria):
    scan = SimpleUploadedFile("rec.pdf", b"%PDF-1.4 scan", content_type="application/pdf")
    recommendation = services.recommendation_record(
        actor=actor_for(ana),
        person_id=maria.public_id,
        attachment=scan,
        fields={
            **DOCTOR,
            "recommended_on": today(),
            "scope": "Health education, navigation",
            "expires_on": today() + datetime.timedelta(days=365),
        },
    )
    assert recommendation.is_current_on(today()) and recommendation.attachment_name == "rec.pdf"
    assert recommendation.attachment.read() == b"%PDF-1.4 scan"
    plan = services.plan_of_care_record(
        actor=actor_for(bea),
        person_id=maria.public_id,
        fields={**DOCTOR, "signed_on": today(), "summary": "Asthma education, 6 visits"},
    )
    with pytest.raises(DomainError) as already:
        services.document_attach(
            actor=actor_for(ana),
            kind="recommendation",
            document_id=recommendation.public_id,
            upload=SimpleUploadedFile("again.pdf", b"x"),
        )
    assert already.value.code == "conflict"
    attached = services.document_attach(
        actor=actor_for(ana),
        kind="plan_of_care",
        document_id=plan.public_id,
        upload=SimpleUploadedFile("plan.png", b"png"),
    )
    assert attached.attachment_name == "plan.png"


def test_document_refusals(ana, maria):
    cases = [
        ({**DOCTOR, "practitioner_npi": "1234567890"}, {"practitioner_npi"}),
        ({**DOCTOR, "credential": "shaman"}, {"credential"}),
        ({**DOCTOR, "recommended_on": today() + datetime.timedelta(days=2)}, {"recommended_on"}),
        ({**DOCTOR, "expires_on": today() - datetime.timedelta(days=2)}, {"expires_on"}),
    ]
    for overrides, bad in cases:
        fields = {"recommended_on": today(), "scope": "Navigation", **overrides}
        with pytest.raises(DomainError) as error:
            services.recommendation_record(
                actor=actor_for(ana), person_id=maria.public_id, fields=fields
            )
        assert fields_of(error) == bad, overrides
    with pytest.raises(DomainError) as bad_file:
        services.recommendation_record(
            actor=actor_for(ana),
            person_id=maria.public_id,
            fields={**DOCTOR, "recommended_on": today(), "scope": "Navigation"},
            attachment=SimpleUploadedFile("virus.exe", b"MZ"),
        )
    assert fields_of(bad_file) == {"attachment"}
    assert not Recommendation.objects.exists()


# Follow-ups ------------------------------------------------------------------------------


def test_follow_up_by_hand_shows_in_my_day_until_done(ana, sam, maria, food_need):
    follow_up = services.follow_up_create(
        actor=actor_for(ana),
        person_id=maria.public_id,
        fields={
            "title": "Call about the pantry",
            "due_on": today(),
            "need_id": food_need.public_id,
        },
    )
    overdue = services.follow_up_create(
        actor=actor_for(ana),
        person_id=maria.public_id,
        fields={"title": "Bring the spacer", "due_on": today() - datetime.timedelta(days=3)},
    )
    day = selectors.my_day(actor=actor_for(ana))
    assert day["today"] == [follow_up] and day["overdue"] == [overdue]
    assert selectors.my_day(actor=actor_for(sam)) == {"overdue": [], "today": []}
    services.follow_up_close(actor=actor_for(ana), follow_up_id=follow_up.public_id, version=1)
    with pytest.raises(DomainError) as twice:
        services.follow_up_close(actor=actor_for(ana), follow_up_id=follow_up.public_id, version=2)
    assert twice.value.code == "conflict"
    moved = services.follow_up_update(
        actor=actor_for(ana),
        follow_up_id=overdue.public_id,
        version=1,
        fields={"due_on": today() + datetime.timedelta(days=1)},
    )
    assert moved.version == 2
    assert selectors.my_day(actor=actor_for(ana)) == {"overdue": [], "today": []}
    with pytest.raises(DomainError) as no_date:
        services.follow_up_create(
            actor=actor_for(ana), person_id=maria.public_id, fields={"title": "x"}
        )
    assert fields_of(no_date) == {"due_on"}


def test_a_referral_with_a_wanted_by_date_becomes_a_follow_up_closed_with_it(
    ana, pat, maria, pantry, food_need, make_listing
):
    from puentes.referrals import services as referral_services

    people_services.consent_record(
        actor=actor_for(ana),
        person_id=maria.public_id,
        organization_ids=[pantry.public_id],
        fields={
            "scope": "named",
            "purpose": "referral",
            "method": "verbal",
            "given_on": datetime.date(2026, 1, 1),
        },
    )
    wanted = today() + datetime.timedelta(days=10)
    referral = referral_services.referral_create(
        actor=actor_for(ana),
        person_id=maria.public_id,
        service_at_location_id=make_listing(maintainer=pantry).id,
        need_ids=[food_need.public_id],
        requested_by=wanted,
        send=True,
    )
    follow_up = FollowUp.objects.get(referral=referral)
    assert (follow_up.due_on, follow_up.assignee, follow_up.source) == (wanted, ana, "referral")
    referral_services.referral_transition(
        actor=actor_for(pat),
        referral_id=referral.public_id,
        version=referral.version,
        status="rejected",
        reason="Outside our area",
    )
    follow_up.refresh_from_db()
    assert follow_up.status == "done"


# Encounters -----------------------------------------------------------------------------


def test_logging_a_visit_moves_the_program_cadence(ana, maria, enrollment, food_need, visit):
    goal = services.goal_create(
        actor=actor_for(ana),
        person_id=maria.public_id,
        enrollment_id=enrollment.public_id,
        fields={**GOAL, "target_date": today() + datetime.timedelta(days=60)},
    )
    encounter = visit(
        enrollment_id=str(enrollment.public_id),
        need_ids=[str(food_need.public_id)],
        goal_ids=[str(goal.public_id)],
        topics=["asthma", "home_environment"],
    )
    assert encounter.end_time == datetime.time(10, 45)
    assert list(encounter.goals.all()) == [goal] and list(encounter.needs.all()) == [food_need]
    follow_ups = FollowUp.objects.filter(enrollment=enrollment)
    assert [(f.status, f.due_on) for f in follow_ups.order_by("id")] == [
        ("done", today() + datetime.timedelta(days=14)),
        ("open", encounter.occurred_on + datetime.timedelta(days=14)),
    ]


def test_a_retried_submission_logs_one_encounter(ana, visit):
    first = visit(key="phone-123")
    again = visit(key="phone-123", duration_minutes=50)
    assert first.pk == again.pk and again.duration_minutes == 45
    assert Encounter.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"start_time": datetime.time(11, 0), "end_time": datetime.time(10, 0)}, "end_time"),
        ({"occurred_on": today() + datetime.timedelta(days=1)}, "occurred_on"),
        ({"place_of_service": "98"}, "place_of_service"),
        ({"modality": "telepathy"}, "modality"),
        ({"services": []}, "services"),
        ({"services": ["juggling"]}, "services"),
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"start_time": None, "duration_minutes": None}, "duration_minutes"),
        (
            {
                "start_time": datetime.time(9, 0),
                "end_time": datetime.time(10, 0),
                "duration_minutes": 30,
            },
            "duration_minutes",
        ),
        ({"is_group": True, "person_id": None, "participant_ids": []}, "participant_ids"),
        ({"is_group": True, "group_size": 1}, "group_size"),
        ({"note": "x" * 5001}, "note"),
    ],
)
def test_bad_encounters_are_refused_and_write_nothing(ana, visit, overrides, field):
    with pytest.raises(DomainError) as error:
        visit(**overrides)
    assert field in error.value.fields, error.value.fields
    assert not Encounter.objects.exists()


def test_a_visit_starting_later_today_is_refused(visit):
    later = timezone.localtime() + datetime.timedelta(hours=1)
    if later.date() != today():
        pytest.skip("an hour from now is tomorrow; the date check above covers it")
    with pytest.raises(DomainError) as error:
        visit(
            occurred_on=today(), start_time=later.time().replace(microsecond=0), duration_minutes=1
        )
    assert set(error.value.fields) == {"occurred_on"}


def test_group_session(ana, maria, make_person, visit):
    rosa = make_person(ana, given_name="Rosa", family_name="Díaz")
    session = visit(
        is_group=True,
        participant_ids=[str(maria.public_id), str(rosa.public_id)],
        group_size=6,
        services=["health_education"],
        place_of_service="99",
    )
    assert session.is_group and session.group_size == 6
    assert set(session.participants.all()) == {maria, rosa}
    assert list(selectors.encounter_list(actor=actor_for(ana), person=rosa)) == [session]


def test_another_organizations_person_cannot_be_logged(omar, maria, visit):
    with pytest.raises(DomainError) as error:
        visit(membership=omar)
    assert error.value.code == "not_found"


def test_edits_keep_history_and_a_billed_encounter_is_locked(ana, visit, bill):
    encounter = visit(note="First note")
    edited = services.encounter_update(
        actor=actor_for(ana),
        encounter_id=encounter.public_id,
        version=1,
        fields={"note": "Better note", "duration_minutes": 60},
    )
    assert (edited.version, edited.duration_minutes, edited.end_time) == (2, 60, datetime.time(11))
    revision = EncounterRevision.objects.get()
    assert revision.snapshot["note"] == "First note"
    assert revision.changed_fields == ["duration_minutes", "note"]
    with pytest.raises(DomainError) as stale:
        services.encounter_update(
            actor=actor_for(ana), encounter_id=encounter.public_id, version=1, fields={"note": "x"}
        )
    assert stale.value.code == "conflict"
    with pytest.raises(DomainError) as not_billed:
        services.encounter_amend(
            actor=actor_for(ana), encounter_id=encounter.public_id, reason="x", fields={}
        )
    assert not_billed.value.code == "invalid"

    bill(encounter)
    with pytest.raises(DomainError) as locked:
        services.encounter_update(
            actor=actor_for(ana), encounter_id=encounter.public_id, version=2, fields={"note": "x"}
        )
    assert locked.value.code == "locked" and locked.value.status == 423
    with pytest.raises(DomainError) as no_reason:
        services.encounter_amend(
            actor=actor_for(ana), encounter_id=encounter.public_id, reason=" ", fields={}
        )
    assert fields_of(no_reason) == {"reason"}
    amendment = services.encounter_amend(
        actor=actor_for(ana),
        encounter_id=encounter.public_id,
        reason="Visit was 50 minutes",
        fields={"duration_minutes": 50},
    )
    encounter.refresh_from_db()
    assert encounter.status == "amended" and encounter.duration_minutes == 60
    assert amendment.amends == encounter and amendment.duration_minutes == 50
    assert amendment.note == "Better note" and not selectors.encounter_billed(amendment)
    assert list(selectors.encounter_list(actor=actor_for(ana))) == [amendment]
    with pytest.raises(DomainError) as twice:
        services.encounter_amend(
            actor=actor_for(ana), encounter_id=encounter.public_id, reason="again", fields={}
        )
    assert twice.value.code == "conflict"


def test_recent_choices_come_first(ana, visit):
    visit(services=["navigation"], topics=["housing"], place_of_service="27")
    visit(services=["navigation", "advocacy"], topics=["housing"], place_of_service="27")
    choices = selectors.recent_choices(actor=actor_for(ana), worker=ana)
    assert [code for code, _label in choices["services"][:2]] == ["navigation", "advocacy"]
    assert choices["topics"][0][0] == "housing" and choices["place_of_service"] == "27"


# Timeline and caseloads ----------------------------------------------------------------------


def test_the_timeline_shows_every_kind(ana, maria, enrollment, food_need, visit):
    services.goal_create(
        actor=actor_for(ana),
        person_id=maria.public_id,
        fields={**GOAL, "target_date": today() + datetime.timedelta(days=60)},
    )
    visit()
    kinds = {entry.kind for entry in selectors.person_timeline(actor=actor_for(ana), person=maria)}
    assert kinds == {"need", "enrollment", "goal", "follow_up", "encounter"}


def test_team_caseloads_and_reassignment(ana, sam, clinic, maria, make_person, asthma, visit):
    from conftest import MembershipFactory

    luz = MembershipFactory(organization=clinic, role="chw", worker_type="chw")
    rosa = make_person(ana, given_name="Rosa", family_name="Díaz")
    # Both were registered by ana, so both are on her caseload.
    people_services.caseload_assign(
        actor=actor_for(sam), person_id=rosa.public_id, member_id=luz.public_id
    )
    for person in (maria, rosa):
        services.enrollment_create(
            actor=actor_for(ana),
            person_id=person.public_id,
            fields={"program_id": asthma.public_id, "worker_ids": [luz.public_id]},
        )
    visit()  # María was seen yesterday; Rosa not in 30 days
    services.follow_up_create(
        actor=actor_for(ana),
        person_id=rosa.public_id,
        fields={"title": "Call", "due_on": today() - datetime.timedelta(days=2)},
    )
    rows = {row.member: row for row in selectors.team_caseloads(actor=actor_for(sam))}
    assert set(rows) == {ana, luz}
    assert (rows[ana].people, rows[ana].without_contact, rows[ana].overdue_follow_ups) == (2, 1, 1)
    assert rows[luz].people == 1 and rows[luz].over_limit == []
    people = list(selectors.caseload_people(actor=actor_for(sam), member=ana))
    assert [(p, p.last_contact, p.overdue) for p in people] == [
        (maria, today() - datetime.timedelta(days=1), 0),
        (rosa, None, 1),
    ] or [(p.pk, p.overdue) for p in people] == [(rosa.pk, 1), (maria.pk, 0)]

    warnings = services.caseload_reassign(
        actor=actor_for(sam),
        person_id=maria.public_id,
        from_member_id=ana.public_id,
        to_member_id=luz.public_id,
    )
    assert warnings == []  # luz carries 2 in asthma, the limit is 2
    assert list(
        maria.assignments.filter(ended_at__isnull=True).values_list("worker", flat=True)
    ) == [luz.pk]
    services.caseload_reassign(
        actor=actor_for(sam),
        person_id=rosa.public_id,
        from_member_id=ana.public_id,
        to_member_id=luz.public_id,
    )
    assert FollowUp.objects.get(person=rosa, source="manual").assignee == luz
    third = make_person(ana, given_name="Ines", family_name="Paz")
    services.enrollment_create(
        actor=actor_for(ana),
        person_id=third.public_id,
        fields={"program_id": asthma.public_id, "worker_ids": [luz.public_id]},
    )
    assert selectors.over_limit(actor=actor_for(sam), member=luz) == [
        "Asthma home visiting: 3 people, limit 2"
    ]
    with pytest.raises(DomainError) as forbidden:
        services.caseload_reassign(
            actor=actor_for(ana),
            person_id=rosa.public_id,
            from_member_id=luz.public_id,
            to_member_id=ana.public_id,
        )
    assert forbidden.value.code == "forbidden"
