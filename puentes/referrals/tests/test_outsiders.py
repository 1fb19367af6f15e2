"""omar (administrator of Elsewhere, neither side of the referral) gets 404 from every
referral endpoint and page, and lists none of them; so does Elsewhere's API key."""

import pytest

from puentes.core.actor import Actor
from puentes.network.services import apikey_create
from puentes.referrals.models import Referral


@pytest.fixture
def sent(refer, consent):
    return refer()


API = [
    ("get", "/referrals/{id}", None),
    ("get", "/referrals/{id}/history", None),
    ("get", "/referrals/{id}/summary", None),
    ("get", "/referrals/{id}/fhir", None),
    ("post", "/referrals/{id}/send", {"version": 2}),
    ("post", "/referrals/{id}/status", {"version": 2, "status": "accepted"}),
    ("post", "/referrals/{id}/fhir/task",
     {"resourceType": "Task", "meta": {"versionId": "2"}, "status": "accepted"}),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "body"), API)
def test_omar_gets_404_from_every_referral_endpoint(
    api_for, api_with_key, omar, sent, method, path, body
):
    _key, raw = apikey_create(
        actor=Actor(organization=omar.organization, role=omar.role, user=omar.user),
        name="elsewhere",
        scope="read_write",
    )
    for api in (api_for(omar), api_with_key(raw)):
        response = getattr(api, method)(path.format(id=sent.public_id), *([body] if body else []))
        assert response.status_code == 404, (path, response.json())
    sent.refresh_from_db()
    assert sent.status == "requested" and sent.version == 2


def test_omar_lists_no_referrals_and_cannot_refer_others_people(
    api_for, omar, sent, maria, pantry_listing
):
    for box in ("all", "sent", "inbox"):
        assert api_for(omar).get(f"/referrals?box={box}").json()["items"] == []
    response = api_for(omar).post(
        "/referrals",
        {"person_id": str(maria.public_id), "service_at_location_id": str(pantry_listing.id)},
    )
    assert response.status_code == 404
    assert Referral.objects.count() == 1


PAGES = [
    ("get", "/referrals/{id}/"),
    ("post", "/referrals/{id}/act/"),
    ("get", "/referrals/new/?service={sal}&person={person}"),
]


@pytest.mark.parametrize(("method", "path"), PAGES)
def test_omar_gets_404_from_every_referral_page(client_for, omar, sent, method, path):
    url = path.format(
        id=sent.public_id, sal=sent.service_at_location_id, person=sent.person.public_id
    )
    client = client_for(omar)
    data = {"version": 2, "status": "accepted"}
    response = client.post(url, data) if method == "post" else client.get(url)
    assert response.status_code == 404
    sent.refresh_from_db()
    assert sent.status == "requested"


def test_omars_inbox_and_sent_pages_show_nothing(client_for, omar, sent):
    for url in ("/referrals/inbox/?tab=all", "/referrals/?tab=open"):
        page = client_for(omar).get(url).content.decode()
        assert "María" not in page and "Eastside food pantry" not in page
