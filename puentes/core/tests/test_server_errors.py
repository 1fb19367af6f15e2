"""Inputs that used to be server errors are answered as the one error shape, naming the field;
every failure under /api/ and /hsds/ is JSON, whatever Django or the server ran into."""

import pytest
from django.test import Client
from django.utils import timezone

from conftest import actor_for
from puentes.care.models import Encounter
from puentes.network.services import apikey_create
from puentes.people.models import Person

HUGE = 9223372036854775807


def _is_error(response, code, status):
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    assert {"code", "message", "fields"} <= set(body["error"])
    return body["error"]


def test_the_open_needs_report_answers_by_month_by_default(api_for, ana, maria):
    from puentes.screening import services as screening_services

    screening_services.need_record(
        actor=actor_for(ana), person_id=maria.public_id, category="food-insecurity"
    )
    rows = api_for(ana).get("/reports/open-needs").json()
    assert rows == [
        {"month": timezone.localdate().isoformat()[:7], "category": "food-insecurity", "count": 1,
         "zip": None}
    ] or rows[0]["count"] == 1  # fmt: skip


@pytest.mark.parametrize("path", ["/persons", "/encounters", "/referrals", "/households"])
def test_a_page_number_past_any_list_is_refused_not_a_crash(api_for, sam, path):
    error = _is_error(api_for(sam).get(f"{path}?page={HUGE}"), "invalid", 400)
    assert "page" in error["fields"]


def test_an_hsds_page_past_the_end_is_empty(client, db):
    response = client.get(f"/hsds/services?page={HUGE}")
    assert response.status_code == 200 and response.json()["contents"] == []


def test_an_encounter_time_with_a_utc_offset_is_refused_naming_the_field(api_for, ana, maria):
    response = api_for(ana).post(
        "/encounters",
        {"person_id": str(maria.public_id), "occurred_on": str(timezone.localdate()),
         "start_time": "07:37:52-03:42", "duration_minutes": 30, "modality": "in_person",
         "place_of_service": "12", "services": ["health_education"]},
    )  # fmt: skip
    error = _is_error(response, "invalid", 400)
    assert "start_time" in error["fields"]
    assert not Encounter.objects.exists()


@pytest.mark.parametrize("text", ["A\u0000B", "A\ud800"])
def test_unstorable_text_in_a_body_is_refused_naming_the_field(api_for, ana, text):
    import json

    raw = json.dumps(
        {"given_name": text, "family_name": "Paz", "date_of_birth": "1980-01-01"},
        ensure_ascii=True,
    )
    error = _is_error(api_for(ana).post("/persons", raw=raw), "invalid", 400)
    assert "given_name" in error["fields"]
    assert not Person.objects.exists()


def test_unstorable_text_in_a_query_is_refused_naming_the_field(api_for, client_for, ana):
    error = _is_error(api_for(ana).get("/persons?q=%00"), "invalid", 400)
    assert error["fields"] == {"q": [error["fields"]["q"][0]]}
    assert client_for(ana).get("/people/?q=%00").status_code == 400
    assert Client().get("/hsds/services?search=%00").status_code == 400


def test_records_written_with_an_api_key_show_on_the_pages(api_with_key, client_for, alma, sam):
    _key, raw = apikey_create(actor=actor_for(alma), name="EHR", scope="read_write")
    api = api_with_key(raw)
    person = api.post(
        "/persons", {"given_name": "Rosa", "family_name": "Paz", "date_of_birth": "1980-01-01"}
    ).json()
    api.patch(f"/persons/{person['id']}", {"version": 1, "city": "Davis"})
    page = client_for(sam).get(f"/people/{person['id']}/")
    assert page.status_code == 200 and "Rosa" in page.content.decode()
    encounter = api.post(
        "/encounters",
        {"person_id": person["id"], "occurred_on": str(timezone.localdate()),
         "duration_minutes": 30, "modality": "in_person", "place_of_service": "12",
         "services": ["health_education"], "worker_id": str(sam.public_id)},
    )  # fmt: skip
    assert encounter.status_code == 201, encounter.json()
    api.patch(f"/encounters/{encounter.json()['id']}", {"version": 1, "note": "Edited"})
    assert client_for(sam).get(f"/care/encounters/{encounter.json()['id']}/").status_code == 200


def test_unknown_routes_wrong_methods_and_server_errors_are_json(api_for, ana, monkeypatch):
    api = api_for(ana)
    _is_error(api.get("/no-such-thing"), "not_found", 404)
    _is_error(api.client.get("/hsds/no-such-thing"), "not_found", 404)
    wrong = _is_error(api.put("/persons", {}), "method_not_allowed", 405)
    assert "GET" in wrong["message"]

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    from puentes.people import api as people_api

    monkeypatch.setattr(people_api.selectors, "person_list", broken)
    api.client.raise_request_exception = False
    _is_error(api.get("/persons"), "server_error", 500)


def test_malformed_and_oversized_bodies_are_json(api_for, ana, settings):
    api = api_for(ana)
    bad_multipart = api.client.post(
        "/api/v1/directory/imports",
        data=b"--x\r\nnonsense",
        content_type="multipart/form-data; boundary=x",
    )
    assert bad_multipart["Content-Type"].startswith("application/json")
    assert bad_multipart.status_code in (400, 403)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    _is_error(api.post("/persons", {"given_name": "x" * 200}), "too_large", 413)


def test_a_csrf_failure_is_the_one_shape(client_for, ana):
    client = client_for(ana)
    client.handler.enforce_csrf_checks = True
    response = client.post("/api/v1/persons", data="{}", content_type="application/json")
    error = _is_error(response, "forbidden", 403)
    assert "CSRF" in error["message"]


def test_a_large_ndjson_export_streams(client, db, make_listing):
    for n in range(3):
        make_listing(name=f"Pantry {n}")
    response = client.get("/hsds/organizations?format=ndjson&full_service=true")
    assert response.streaming
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert len(lines) == 3 and all(line.startswith("{") for line in lines)
