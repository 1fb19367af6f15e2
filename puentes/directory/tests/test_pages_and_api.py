"""The CHW search page and /api/v1/directory/search. The directory holds no personal data and
is shared by the network, so members of every organization see the same listings."""

import pytest
from django.test import Client

from puentes.directory.models import ServiceAtLocation
from puentes.directory.tests.test_search import directory  # noqa: F401 - shared fixture


def test_signed_out_visitors_are_sent_to_sign_in(db):
    assert Client().get("/directory/")["Location"].startswith("/sign-in/")
    assert Client().get("/api/v1/directory/search").status_code == 401


def test_the_search_page_finds_help_near_a_zip(client_for, ana, directory):  # noqa: F811
    page = client_for(ana).get("/directory/?q=&need=food-insecurity&zip=95815&radius_km=25")
    body = page.content.decode()
    assert page.status_code == 200
    assert "Despensa de alimentos San José" in body and "Senior meals" not in body
    assert "km" in body and "2 places found" in body


def test_the_search_page_in_spanish_and_htmx(client_for, ana, directory):  # noqa: F811
    ana.user.language = "es"
    ana.user.save()
    client = client_for(ana)
    body = client.get("/directory/?q=jose").content.decode()
    assert "Buscar ayuda" in body and "1 lugar encontrado" in body
    # "comida" finds the Spanish listing and, through the vocabulary, English food listings.
    body = client.get("/directory/?q=comida").content.decode()
    assert "lugares encontrados" in body and "Eastside Food Pantry" in body
    partial = client.get("/directory/?q=comida", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial and "Despensa" in partial


def test_a_bad_zip_is_shown_beside_the_field(client_for, ana, directory):  # noqa: F811
    body = client_for(ana).get("/directory/?zip=00000").content.decode()
    assert "is not a known US ZIP code" in body


def test_a_bad_page_number_is_said_not_ignored(client_for, ana, directory):  # noqa: F811
    page = client_for(ana).get("/directory/?q=food&page=abc").content.decode()
    assert "Page:" in page and "Enter a whole number." in page


def test_the_service_page_shows_everything(client_for, omar, directory):  # noqa: F811
    sal = ServiceAtLocation.objects.get(service__name="Eastside Food Pantry")
    body = client_for(omar).get(f"/directory/services/{sal.id}/").content.decode()
    assert "Weekly groceries for families" in body and "1 Main St" in body


def test_the_api_returns_results_with_distance(api_for, pat, directory):  # noqa: F811
    body = api_for(pat).get("/directory/search?need=food-insecurity&zip=95815&radius_km=300").json()
    assert [item["name"] for item in body["items"]] == [
        "Despensa de alimentos San José",
        "Eastside Food Pantry",
        "Senior meals",
    ]
    assert body["items"][0]["distance_km"] < 5 and body["items"][0]["free"] is True
    assert body["count"] == 3


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("need=boredom", "need"),
        ("zip=00000", "postal_code"),
        ("radius_km=0", "radius_km"),
        ("open_on=XX", "open_on"),
        ("per_page=1000", "per_page"),
    ],
)
def test_bad_api_queries_get_400(api_for, pat, directory, query, field):  # noqa: F811
    response = api_for(pat).get(f"/directory/search?{query}")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_a_need_on_the_person_page_links_to_help_for_it(client_for, ana, maria, directory):  # noqa: F811
    from conftest import actor_for
    from puentes.screening.services import need_record

    need_record(actor=actor_for(ana), person_id=maria.public_id, category="food-insecurity")
    body = client_for(ana).get(f"/people/{maria.public_id}/").content.decode()
    link = "/directory/?need=food-insecurity&amp;zip=95817&amp;language=es"
    assert link in body
    results = client_for(ana).get(link.replace("&amp;", "&")).content.decode()
    assert "Eastside Food Pantry" in results


def test_search_results_do_not_query_per_result(api_for, pat, directory):  # noqa: F811
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    api = api_for(pat)
    api.get("/directory/search?q=warm")  # loads the spelling vocabulary once
    with CaptureQueriesContext(connection) as one:
        assert api.get("/directory/search?q=senior&radius_km=500&zip=95815").json()["count"] == 1
    with CaptureQueriesContext(connection) as many:
        assert api.get("/directory/search?q=food&radius_km=500&zip=95815").json()["count"] == 4
    assert len(many) <= len(one)  # a known word skips the spelling lookup; nothing per result
