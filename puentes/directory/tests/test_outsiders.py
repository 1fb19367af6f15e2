"""Directory listings are public, but changing them and the reports about them are not:
omar (administrator of Elsewhere, which maintains none of these listings) and Elsewhere's
API key are refused every write (403) and cannot see reports about others' listings (404)."""

import pytest

from puentes.core.actor import Actor
from puentes.directory import models as m
from puentes.network.services import apikey_create

MISSING = "6b0f3cb1-7a55-4f0e-9d34-5e6b4c1a2d11"


@pytest.fixture
def records(make_listing, pantry, ana, api_for, dora):
    listing = make_listing(maintainer=pantry)
    correction = api_for(ana).post(
        f"/directory/service-at-locations/{listing.id}/corrections",
        {"kind": "hours", "description": "Closed on Mondays"},
    )
    imported = m.DirectoryImport.objects.create(
        source="x", file_name="x.json", started_by=dora.user
    )
    return {"sal": listing.id, "service": listing.service_id, "correction": correction.json()["id"],
            "import": imported.public_id}  # fmt: skip


API = [
    ("patch", "/directory/services/{service}", {"version": 1, "name": "Mine"}, 403),
    ("post", "/directory/service-at-locations/{sal}/capacity",
     {"version": 1, "capacity_status": "waitlist"}, 403),
    ("post", "/directory/service-at-locations/{sal}/verify", {"version": 1}, 403),
    ("get", "/directory/corrections/{correction}", None, 404),
    ("post", "/directory/corrections/{correction}/resolve",
     {"version": 1, "status": "dismissed", "note": "no"}, 404),
    ("get", "/directory/imports", None, 403),
    ("get", "/directory/imports/{import}", None, 403),
]  # fmt: skip


@pytest.mark.parametrize(("method", "path", "body", "status"), API)
def test_omar_is_refused_by_every_directory_endpoint(
    api_for, api_with_key, omar, records, method, path, body, status
):
    _key, raw = apikey_create(
        actor=Actor(organization=omar.organization, role=omar.role, user=omar.user),
        name="elsewhere",
        scope="read_write",
    )
    for api in (api_for(omar), api_with_key(raw)):
        response = getattr(api, method)(path.format(**records), *([body] if body else []))
        assert response.status_code == status, (path, response.json())
        assert "error" in response.json()


def test_omar_lists_no_reports_of_others(api_for, omar, records):
    assert api_for(omar).get("/directory/corrections").json()["items"] == []
    correction = m.Correction.objects.get()
    assert correction.status == "open" and correction.version == 1


PAGES = [
    ("get", "/directory/services/{sal}/edit/", 403),
    ("post", "/directory/services/{sal}/capacity/", 403),
    ("post", "/directory/services/{sal}/verify/", 403),
    ("post", "/directory/corrections/{correction}/resolve/", 404),
    ("get", "/directory/imports/", 403),
    ("get", "/directory/imports/{import}/", 403),
]


@pytest.mark.parametrize(("method", "path", "status"), PAGES)
def test_omar_is_refused_by_every_directory_page(client_for, omar, records, method, path, status):
    data = {"version": 1, "capacity_status": "waitlist", "status": "dismissed", "note": "no"}
    client = client_for(omar)
    response = (
        client.post(path.format(**records), data)
        if method == "post"
        else client.get(path.format(**records))
    )
    assert response.status_code == status
    listing = m.ServiceAtLocation.objects.get(pk=records["sal"])
    assert listing.version == 1 and listing.capacity_status == ""


def test_the_corrections_page_shows_omar_nothing(client_for, omar, records):
    assert (
        "Closed on Mondays" not in client_for(omar).get("/directory/corrections/").content.decode()
    )
