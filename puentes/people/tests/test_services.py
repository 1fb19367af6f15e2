import datetime

import pytest

from conftest import actor_for, attach_records
from puentes.core.errors import DomainError
from puentes.core.models import AuditEvent
from puentes.people import selectors, services
from puentes.people.models import Household, HouseholdMember, Identifier, Person, PersonStatus


def test_registering_derives_phone_coordinates_and_search_text(maria, ana):
    assert maria.phone == "+19165550199"
    assert maria.latitude is not None and maria.longitude is not None
    assert "maria lopez" in maria.search_text
    assert maria.organization == ana.organization


def test_a_chw_who_registers_a_person_is_assigned_to_them(maria, ana):
    assert list(selectors.person_list(actor=actor_for(ana), assigned_to=ana)) == [maria]


def test_a_likely_duplicate_is_refused_with_the_matches(maria, ana):
    fields = {
        "given_name": "Maria",
        "family_name": "Lopez Hernandez",
        "date_of_birth": maria.date_of_birth,
    }
    with pytest.raises(DomainError) as caught:
        services.person_create(actor=actor_for(ana), fields=fields)
    assert caught.value.code == "duplicate"
    assert caught.value.extra["matches"][0]["id"] == str(maria.public_id)
    assert Person.objects.count() == 1


def test_a_duplicate_can_be_registered_after_checking(maria, ana):
    fields = {"given_name": "Maria", "family_name": "López", "date_of_birth": maria.date_of_birth}
    services.person_create(actor=actor_for(ana), fields=fields, allow_duplicate=True)
    assert Person.objects.count() == 2


def test_same_name_with_another_birth_date_is_not_a_duplicate(maria, ana):
    fields = {
        "given_name": "María",
        "family_name": "López",
        "date_of_birth": datetime.date(1990, 1, 1),
    }
    services.person_create(actor=actor_for(ana), fields=fields)
    assert Person.objects.count() == 2


def test_another_organizations_person_is_not_a_duplicate(maria, omar):
    fields = {"given_name": "María", "family_name": "López", "date_of_birth": maria.date_of_birth}
    services.person_create(actor=actor_for(omar), fields=fields)
    assert Person.objects.count() == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date_of_birth", datetime.date(2999, 1, 1)),
        ("date_of_birth", datetime.date(1850, 1, 1)),
        ("email", "not-an-email"),
        ("phone", "12"),
        ("preferred_language", "xx"),
        ("postal_code", "00000"),
        ("given_name", "x" * 101),
        ("state", "ZZ"),
        ("sex", "robot"),
    ],
)
def test_invalid_fields_are_named_and_nothing_is_written(ana, field, value):
    fields = {
        "given_name": "Rosa",
        "family_name": "Díaz",
        "date_of_birth": datetime.date(1970, 5, 5),
        field: value,
    }
    with pytest.raises(DomainError) as caught:
        services.person_create(actor=actor_for(ana), fields=fields)
    assert caught.value.code == "invalid"
    assert field in caught.value.fields
    assert Person.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_unknown_fields_are_refused_not_ignored(ana):
    with pytest.raises(DomainError) as caught:
        services.person_create(actor=actor_for(ana), fields={"given_name": "A", "shoe_size": 9})
    assert "shoe_size" in caught.value.fields


def test_a_stale_update_fails_cleanly_and_writes_nothing(maria, ana, sam):
    services.person_update(
        actor=actor_for(sam),
        person_id=maria.public_id,
        version=1,
        fields={"preferred_name": "Mari"},
    )
    with pytest.raises(DomainError) as caught:
        services.person_update(
            actor=actor_for(ana),
            person_id=maria.public_id,
            version=1,
            fields={"preferred_name": "Mary"},
        )
    assert caught.value.code == "conflict"
    assert caught.value.extra["current_version"] == 2
    maria.refresh_from_db()
    assert maria.preferred_name == "Mari"
    assert maria.version == 2


def test_an_update_is_audited_with_the_changed_fields(maria, ana):
    services.person_update(
        actor=actor_for(ana),
        person_id=maria.public_id,
        version=1,
        fields={"postal_code": "93701", "city": "Fresno"},
    )
    maria.refresh_from_db()
    assert 36 < maria.latitude < 37.5
    event = AuditEvent.objects.get(action="person.update")
    assert event.detail == {"fields": ["city", "postal_code"]}


def test_search_ignores_accents_and_finds_phone_and_identifiers(maria, ana, make_person):
    make_person(
        ana,
        given_name="John",
        family_name="Smith",
        phone="(916) 555-0142",
        date_of_birth=datetime.date(1960, 1, 1),
    )
    actor = actor_for(ana)
    services.identifier_add(
        actor=actor, person_id=maria.public_id, kind="medicaid", issuer="CA", value="91234567A"
    )
    assert list(selectors.person_list(actor=actor, query="maria LOPEZ")) == [maria]
    assert list(selectors.person_list(actor=actor, query="555-0199")) == [maria]
    assert list(selectors.person_list(actor=actor, query="91234567a")) == [maria]
    assert selectors.person_list(actor=actor, query="nobody").count() == 0


def test_merge_moves_everything_and_keeps_history(ana, sam, make_person, pantry):
    keep = make_person(ana, phone="", email="")
    duplicate = make_person(ana, given_name="Maria", family_name="Lopez", email="m@example.org")
    attach_records(ana, duplicate, pantry)

    services.person_merge(
        actor=actor_for(sam), duplicate_id=duplicate.public_id, keep_id=keep.public_id
    )

    keep.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.status == PersonStatus.MERGED and duplicate.merged_into == keep
    assert keep.email == "m@example.org"
    assert Identifier.objects.get().person == keep
    assert keep.consents.count() == 1
    assert HouseholdMember.objects.get().person == keep
    assert keep.assignments.filter(ended_at__isnull=True).count() == 1
    history = selectors.person_history(actor=actor_for(sam), person=keep)
    assert history.filter(action="identifier.add").exists()
    assert list(selectors.person_list(actor=actor_for(sam))) == [keep]


def test_only_supervisors_and_admins_merge(ana, make_person):
    a, b = make_person(ana), make_person(ana)
    with pytest.raises(DomainError) as caught:
        services.person_merge(actor=actor_for(ana), duplicate_id=a.public_id, keep_id=b.public_id)
    assert caught.value.code == "forbidden"


def test_identifiers_are_checked_by_kind_and_unique_per_issuer(maria, ana, make_person):
    actor = actor_for(ana)
    other = make_person(ana, given_name="Rosa")
    services.identifier_add(
        actor=actor,
        person_id=maria.public_id,
        kind="medicare_mbi",
        issuer="",
        value="1eg4-te5-mk73",
    )
    assert Identifier.objects.get().value == "1EG4TE5MK73"
    with pytest.raises(DomainError) as caught:
        services.identifier_add(
            actor=actor,
            person_id=other.public_id,
            kind="medicare_mbi",
            issuer="CMS",
            value="1EG4TE5MK73",
        )
    assert "value" in caught.value.fields or "__all__" in caught.value.fields
    with pytest.raises(DomainError) as caught:
        services.identifier_add(
            actor=actor, person_id=other.public_id, kind="medicaid", issuer="XX", value="9123"
        )
    assert set(caught.value.fields) == {"issuer", "value"}
    assert Identifier.objects.count() == 1


def test_a_person_lives_in_one_household_at_a_time(maria, ana):
    actor = actor_for(ana)
    first = services.household_create(actor=actor, name="One")
    second = services.household_create(actor=actor, name="Two")
    services.household_add_member(
        actor=actor, household_id=first.public_id, person_id=maria.public_id, relationship="self"
    )
    with pytest.raises(DomainError) as caught:
        services.household_add_member(
            actor=actor,
            household_id=second.public_id,
            person_id=maria.public_id,
            relationship="child",
        )
    assert caught.value.code == "conflict"
    services.household_remove_member(actor=actor, person_id=maria.public_id)
    services.household_add_member(
        actor=actor, household_id=second.public_id, person_id=maria.public_id, relationship="child"
    )
    assert HouseholdMember.objects.get().household == second


def test_caseload_assignment_and_its_end_are_kept(maria, ana, sam, bea):
    actor = actor_for(sam)
    services.caseload_assign(actor=actor, person_id=maria.public_id, member_id=sam.public_id)
    with pytest.raises(DomainError):
        services.caseload_assign(actor=actor, person_id=maria.public_id, member_id=sam.public_id)
    services.caseload_unassign(actor=actor, person_id=maria.public_id, member_id=ana.public_id)
    assignments = selectors.assignment_list(actor=actor, person=maria)
    assert assignments.count() == 2
    assert [a.worker for a in assignments.filter(ended_at__isnull=True)] == [sam]


def test_reading_a_person_is_audited(maria, bea):
    selectors.person_read(actor=actor_for(bea), public_id=maria.public_id)
    event = AuditEvent.objects.get(action="person.read")
    assert event.user == bea.user and event.subject_person_id == maria.public_id


def test_joining_a_new_household_keeps_nothing_when_the_person_is_already_housed(maria, ana):
    actor = actor_for(ana)
    services.household_join(
        actor=actor, person_id=maria.public_id, relationship="self", new_household_name="First"
    )
    with pytest.raises(DomainError) as caught:
        services.household_join(
            actor=actor, person_id=maria.public_id, relationship="self", new_household_name="Second"
        )
    assert caught.value.code == "conflict"
    assert list(Household.objects.values_list("name", flat=True)) == ["First"]
