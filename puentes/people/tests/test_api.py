import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import actor_for
from puentes.core.models import AuditEvent
from puentes.network.services import apikey_create
from puentes.people.models import Person

NEW_PERSON = {
    "given_name": "Rosa",
    "family_name": "Díaz",
    "date_of_birth": "1970-05-05",
    "preferred_language": "es",
    "phone": "916-555-0101",
    "postal_code": "95818",
}


def test_a_program_registers_reads_updates_and_finds_a_person(api_for, ana):
    api = api_for(ana)
    created = api.post("/persons", NEW_PERSON)
    assert created.status_code == 201, created.json()
    person = created.json()
    assert person["phone"] == "+19165550101" and person["version"] == 1
    assert api.get(f"/persons/{person['id']}").json()["given_name"] == "Rosa"
    patched = api.patch(f"/persons/{person['id']}", {"version": 1, "preferred_name": "Rosi"})
    assert patched.status_code == 200 and patched.json()["version"] == 2
    found = api.get("/persons?q=rosi&per_page=10").json()
    assert found["count"] == 1 and found["items"][0]["preferred_name"] == "Rosi"
    assert api.get("/persons?mine=true").json()["count"] == 1


def test_the_api_reports_likely_duplicates_until_confirmed(api_for, ana, maria):
    api = api_for(ana)
    body = {"given_name": "Maria", "family_name": "Lopez", "date_of_birth": "1985-03-14"}
    refused = api.post("/persons", body)
    assert refused.status_code == 409
    error = refused.json()["error"]
    assert error["code"] == "duplicate" and error["matches"][0]["id"] == str(maria.public_id)
    assert api.post("/persons", {**body, "allow_duplicate": True}).status_code == 201


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**NEW_PERSON, "date_of_birth": "1970-13-45"}, "date_of_birth"),
        ({**NEW_PERSON, "date_of_birth": "2990-01-01"}, "date_of_birth"),
        ({**NEW_PERSON, "email": "rosa@"}, "email"),
        ({**NEW_PERSON, "preferred_language": "xx"}, "preferred_language"),
        ({**NEW_PERSON, "given_name": "R" * 500}, "given_name"),
        ({**NEW_PERSON, "postal_code": "1234"}, "postal_code"),
        ({**NEW_PERSON, "favourite_colour": "blue"}, "favourite_colour"),
        ({k: v for k, v in NEW_PERSON.items() if k != "family_name"}, "family_name"),
    ],
)
def test_bad_input_gets_a_field_error_and_writes_nothing(api_for, ana, body, field):
    response = api_for(ana).post("/persons", body)
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid"
    assert field in error["fields"], error
    assert Person.objects.count() == 0


def test_malformed_json_is_answered_in_the_error_shape(api_for, ana):
    response = api_for(ana).post("/persons", raw="{not json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert Person.objects.count() == 0


def test_a_stale_version_gets_409_and_changes_nothing(api_for, ana, maria):
    api = api_for(ana)
    api.patch(f"/persons/{maria.public_id}", {"version": 1, "city": "Fresno"})
    stale = api.patch(f"/persons/{maria.public_id}", {"version": 1, "city": "Davis"})
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "conflict"
    maria.refresh_from_db()
    assert maria.city == "Fresno"


def test_lists_are_paginated_and_do_not_grow_queries_with_size(api_for, ana, make_person):
    api = api_for(ana)
    for index in range(3):
        make_person(ana, given_name=f"P{index}")
    with CaptureQueriesContext(connection) as small:
        assert api.get("/persons?per_page=2").json()["pages"] == 2
    for index in range(3, 12):
        make_person(ana, given_name=f"P{index}")
    with CaptureQueriesContext(connection) as large:
        page = api.get("/persons?per_page=10&page=2").json()
    assert page["count"] == 12 and len(page["items"]) == 2 and page["page"] == 2
    assert len(large) == len(small)
    assert api.get("/persons?per_page=1000").status_code == 400


def test_identifiers_consents_workers_and_households_through_the_api(
    api_for, ana, sam, maria, pantry
):
    api = api_for(sam)
    pid = maria.public_id
    ident = api.post(
        f"/persons/{pid}/identifiers", {"kind": "medicaid", "issuer": "ca", "value": "9123-4567a"}
    )
    assert ident.status_code == 201 and ident.json()["value"] == "91234567A"
    assert api.get(f"/persons/{pid}/identifiers").json()["count"] == 1
    bad = api.post(f"/persons/{pid}/identifiers", {"kind": "medicare_mbi", "value": "nope"})
    assert bad.status_code == 400 and "value" in bad.json()["error"]["fields"]
    assert api.delete(f"/identifiers/{ident.json()['id']}").status_code == 204

    consent = api.post(
        f"/persons/{pid}/consents",
        {
            "scope": "named",
            "organization_ids": [str(pantry.public_id)],
            "purpose": "referral",
            "method": "verbal",
            "given_on": "2026-01-02",
        },
    )
    assert consent.status_code == 201, consent.json()
    sharing = api.get(f"/persons/{pid}/sharing?organization_id={pantry.public_id}").json()
    assert sharing["allowed"] is True
    revoked = api.post(f"/consents/{consent.json()['id']}/revoke", {"reason": "Changed mind"})
    assert revoked.json()["active"] is False
    assert (
        api.get(f"/persons/{pid}/sharing?organization_id={pantry.public_id}").json()["allowed"]
        is False
    )

    assert api.post(f"/persons/{pid}/workers", {"member_id": str(sam.public_id)}).status_code == 201
    workers = api.get(f"/persons/{pid}/workers").json()
    assert {w["name"] for w in workers["items"]} == {"Ana Tester", "Sam Tester"}
    assert api.delete(f"/persons/{pid}/workers/{ana.public_id}").status_code == 204

    household = api.post("/households", {"name": "López"}).json()
    added = api.post(
        f"/households/{household['id']}/members", {"person_id": str(pid), "relationship": "self"}
    )
    assert added.status_code == 201 and added.json()["members"][0]["name"] == "María López"
    renamed = api.patch(f"/households/{household['id']}", {"version": 1, "name": "López Díaz"})
    assert renamed.json()["name"] == "López Díaz"
    assert api.delete(f"/persons/{pid}/household").status_code == 204


def test_api_keys_act_for_their_organization_within_their_scope(api_with_key, alma, maria):
    _key, read_only = apikey_create(actor=actor_for(alma), name="EHR", scope="read")
    _key, read_write = apikey_create(actor=actor_for(alma), name="Sync", scope="read_write")
    assert api_with_key(read_only).get(f"/persons/{maria.public_id}").status_code == 200
    refused = api_with_key(read_only).post("/persons", NEW_PERSON)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    assert api_with_key(read_write).post("/persons", NEW_PERSON).status_code == 201
    event = AuditEvent.objects.filter(action="person.read").get()
    assert event.api_key is not None and event.user is None


def test_unknown_or_revoked_keys_are_unauthenticated(api_with_key, alma):
    from puentes.network.services import apikey_revoke

    key, raw = apikey_create(actor=actor_for(alma), name="Old", scope="read")
    apikey_revoke(actor=actor_for(alma), key_id=key.public_id)
    for token in [raw, raw[:-2] + "xx", "pk_nonsense"]:
        response = api_with_key(token).get("/persons")
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthenticated"


def test_merge_through_the_api(api_for, sam, ana, make_person):
    keep, duplicate = make_person(ana), make_person(ana, email="x@example.org")
    merged = api_for(sam).post(
        f"/persons/{keep.public_id}/merge", {"duplicate_id": str(duplicate.public_id)}
    )
    assert merged.status_code == 200 and merged.json()["email"] == "x@example.org"
    gone = api_for(sam).get(f"/persons/{duplicate.public_id}").json()
    assert gone["status"] == "merged" and gone["merged_into"] == str(keep.public_id)
