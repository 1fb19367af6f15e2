"""omar (administrator of Elsewhere) can reach none of Clinic's people, by any door."""

import pytest

from conftest import actor_for, attach_records
from puentes.core.models import AuditEvent
from puentes.people.models import Consent, HouseholdMember, Identifier, Person


@pytest.fixture
def clinic_records(ana, sam, maria, pantry):
    records = attach_records(ana, maria, pantry)
    return {**records, "person": maria.public_id, "member": ana.public_id}


def _snapshot():
    return (
        list(Person.objects.values_list("version", "given_name", "status")),
        Identifier.objects.count(),
        Consent.objects.filter(revoked_at__isnull=True).count(),
        HouseholdMember.objects.count(),
    )


API_CALLS = [
    ("get", "/persons/{person}", None),
    ("patch", "/persons/{person}", {"version": 1, "given_name": "Hacked"}),
    ("post", "/persons/{person}/merge", {"duplicate_id": "{person}"}),
    ("get", "/persons/{person}/identifiers", None),
    ("post", "/persons/{person}/identifiers", {"kind": "mrn", "issuer": "X", "value": "1"}),
    ("delete", "/identifiers/{identifier}", None),
    ("get", "/persons/{person}/consents", None),
    (
        "post",
        "/persons/{person}/consents",
        {"scope": "network", "purpose": "referral", "method": "verbal", "given_on": "2026-01-01"},
    ),
    ("post", "/consents/{consent}/revoke", {"reason": "x"}),
    ("get", "/persons/{person}/sharing?organization_id={own_org}", None),
    ("get", "/persons/{person}/workers", None),
    ("post", "/persons/{person}/workers", {"member_id": "{own_member}"}),
    ("delete", "/persons/{person}/workers/{member}", None),
    ("get", "/households/{household}", None),
    ("patch", "/households/{household}", {"version": 1, "name": "x"}),
    ("post", "/households/{household}/members", {"person_id": "{person}", "relationship": "self"}),
    ("delete", "/persons/{person}/household", None),
]


def _fill(template, ids):
    if isinstance(template, dict):
        return {k: _fill(v, ids) for k, v in template.items()}
    return template.format(**ids) if isinstance(template, str) else template


@pytest.mark.parametrize(("method", "path", "body"), API_CALLS)
def test_omar_gets_404_from_every_api_endpoint(api_for, omar, clinic_records, method, path, body):
    ids = {**clinic_records, "own_org": omar.organization.public_id, "own_member": omar.public_id}
    before = _snapshot()
    api = api_for(omar)
    args = [_fill(path, ids)] + ([_fill(body, ids)] if body is not None else [])
    response = getattr(api, method)(*args)
    assert response.status_code == 404, (response.status_code, response.content)
    assert response.json()["error"]["code"] == "not_found"
    assert _snapshot() == before


def test_omar_lists_none_of_clinics_people_or_households(api_for, omar, clinic_records):
    api = api_for(omar)
    assert api.get("/persons").json()["count"] == 0
    assert api.get("/persons?q=maria").json()["count"] == 0
    assert api.get("/households").json()["count"] == 0
    assert not AuditEvent.objects.filter(user=omar.user, action="person.read").exists()


def test_omars_api_key_gets_404_too(api_with_key, omar, clinic_records):
    from puentes.network.services import apikey_create

    _key, raw = apikey_create(actor=actor_for(omar), name="x", scope="read_write")
    assert api_with_key(raw).get(f"/persons/{clinic_records['person']}").status_code == 404


PAGES = [
    ("get", "/people/{person}/"),
    ("get", "/people/{person}/edit/"),
    ("post", "/people/{person}/edit/"),
    ("get", "/people/{person}/merge/"),
    ("get", "/people/{person}/identifiers/new/"),
    ("post", "/people/{person}/identifiers/new/"),
    ("post", "/people/identifiers/{identifier}/remove/"),
    ("get", "/people/{person}/consents/new/"),
    ("post", "/people/{person}/consents/new/"),
    ("get", "/people/consents/{consent}/revoke/"),
    ("post", "/people/consents/{consent}/revoke/"),
    ("get", "/people/{person}/household/"),
    ("post", "/people/{person}/household/leave/"),
    ("get", "/people/households/{household}/"),
    ("get", "/people/{person}/workers/"),
    ("post", "/people/{person}/workers/{member}/remove/"),
]


@pytest.mark.parametrize(("method", "path"), PAGES)
def test_omar_gets_404_from_every_page(client_for, omar, clinic_records, method, path):
    before = _snapshot()
    client = client_for(omar)
    url = path.format(**clinic_records)
    data = {"reason": "x", "given_name": "Hacked", "kind": "mrn", "issuer": "x", "value": "1"}
    response = client.get(url) if method == "get" else client.post(url, data)
    assert response.status_code == 404
    assert _snapshot() == before


def test_omars_people_page_does_not_list_clinics_people(client_for, omar, clinic_records):
    response = client_for(omar).get("/people/?q=Mar")
    assert response.status_code == 200
    assert "López" not in response.content.decode()


def test_omar_cannot_assign_clinic_members_to_his_own_people(api_for, omar, ana, make_person):
    his_person = make_person(omar, given_name="Zed")
    response = api_for(omar).post(
        f"/persons/{his_person.public_id}/workers", {"member_id": str(ana.public_id)}
    )
    assert response.status_code == 404
