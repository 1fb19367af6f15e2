import pytest

from conftest import actor_for
from puentes.network.services import apikey_create
from puentes.screening.models import Need, Screening

ANSWERS = {"living_situation": {"code": "LA31994-9"}, "food_worry": {"code": "LA28397-0"}}


def test_a_program_lists_instruments_and_reads_a_definition(api_for, ana):
    api = api_for(ana)
    ids = [i["id"] for i in api.get("/instruments").json()]
    assert ids == ["ahc-hrsn-core", "asthma-home", "hunger-vital-sign", "prapare"]
    definition = api.get("/instruments/ahc-hrsn-core").json()
    assert definition["loinc_panel"] == "96777-8" and len(definition["items"]) == 10
    assert definition["items"][0]["text"]["es"].startswith("¿Cuál")
    missing = api.get("/instruments/ahc-hrsn-core?version=1999")
    assert missing.status_code == 400 and "instrument" in missing.json()["error"]["fields"]


def test_start_save_partially_and_submit_through_the_api(api_for, ana, maria):
    api = api_for(ana)
    started = api.post(f"/persons/{maria.public_id}/screenings", {"instrument": "ahc-hrsn-core"})
    assert started.status_code == 201
    screening = started.json()
    saved = api.patch(
        f"/screenings/{screening['id']}", {"version": screening["version"], "answers": ANSWERS}
    )
    assert saved.status_code == 200 and saved.json()["answers"] == ANSWERS
    stale = api.patch(
        f"/screenings/{screening['id']}", {"version": screening["version"], "answers": {}}
    )
    assert stale.status_code == 409
    done = api.post(f"/screenings/{screening['id']}/submit", {"idempotency_key": "k1"}).json()
    assert done["status"] == "completed"
    positive = {f["category"] for f in done["findings"] if f["outcome"] == "positive"}
    assert positive == {"housing-instability", "food-insecurity"}
    assert (
        api.post(f"/screenings/{screening['id']}/submit", {"idempotency_key": "k1"}).status_code
        == 200
    )
    assert api.post(f"/screenings/{screening['id']}/submit", {}).status_code == 409
    needs = api.get(f"/persons/{maria.public_id}/needs?open=true").json()
    assert needs["count"] == 2
    bundle = api.get(f"/screenings/{screening['id']}/fhir").json()
    assert bundle["entry"][0]["resource"]["resourceType"] == "QuestionnaireResponse"


def test_an_offline_screening_is_recorded_once_with_its_key(api_with_key, alma, maria):
    _key, raw = apikey_create(actor=actor_for(alma), name="Tablet", scope="read_write")
    api = api_with_key(raw)
    body = {
        "instrument": "ahc-hrsn-core",
        "answers": ANSWERS,
        "submit": True,
        "idempotency_key": "tablet-3-000017",
    }
    first = api.post(f"/persons/{maria.public_id}/screenings", body)
    again = api.post(f"/persons/{maria.public_id}/screenings", body)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert Screening.objects.count() == 1 and Need.objects.count() == 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"instrument": "nope"}, "instrument"),
        (
            {"instrument": "ahc-hrsn-core", "answers": {"transportation": {"code": "maybe"}}},
            "answers.transportation",
        ),
        ({"instrument": "prapare", "answers": {"income": {"value": -3}}}, "answers.income"),
        ({"instrument": "ahc-hrsn-core", "language": "fr"}, "language"),
        ({"instrument": "ahc-hrsn-core", "surprise": 1}, "surprise"),
    ],
)
def test_bad_screenings_get_field_errors_and_write_nothing(api_for, ana, maria, body, field):
    response = api_for(ana).post(f"/persons/{maria.public_id}/screenings", body)
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"], response.json()
    assert Screening.objects.count() == 0


def test_needs_are_recorded_updated_and_exported(api_for, ana, sam, maria):
    api = api_for(ana)
    need = api.post(
        f"/persons/{maria.public_id}/needs",
        {"category": "inadequate-housing", "note": "No place to store insulin"},
    ).json()
    assert need["status"] == "identified"
    bad = api.post(f"/persons/{maria.public_id}/needs", {"category": "boredom"})
    assert bad.status_code == 400 and "category" in bad.json()["error"]["fields"]
    declined = api.patch(f"/needs/{need['id']}", {"version": 1, "status": "declined"})
    assert declined.status_code == 400 and "reason" in declined.json()["error"]["fields"]
    done = (
        api_for(sam)
        .patch(
            f"/needs/{need['id']}",
            {"version": 1, "status": "declined", "reason": "Prefers to handle it"},
        )
        .json()
    )
    assert done["status"] == "declined" and done["history"][0]["user"] == "sam"
    condition = api.get(f"/needs/{need['id']}/fhir").json()
    assert condition["clinicalStatus"]["coding"][0]["code"] == "inactive"


def test_reports_through_the_api(api_for, ana, maria):
    api_for(ana).post(
        f"/persons/{maria.public_id}/screenings",
        {"instrument": "ahc-hrsn-core", "answers": ANSWERS, "submit": True},
    )
    rows = api_for(ana).get("/reports/positive-screens?by=zip").json()
    assert {"zip": "95817", "month": None, "category": "food-insecurity", "count": 1} in rows
    assert api_for(ana).get("/reports/open-needs?by=week").status_code == 400


def test_only_admins_choose_instruments(api_for, ana, alma):
    assert (
        api_for(ana).put("/organization/instruments", {"instrument_ids": ["prapare"]}).status_code
        == 403
    )
    chosen = api_for(alma).put(
        "/organization/instruments", {"instrument_ids": ["prapare", "hunger-vital-sign"]}
    )
    assert chosen.json() == ["hunger-vital-sign", "prapare"]
    assert [i["id"] for i in api_for(ana).get("/instruments").json()] == [
        "hunger-vital-sign",
        "prapare",
    ]


def test_screening_and_need_lists_do_not_grow_queries_with_size(api_for, ana, maria):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    api = api_for(ana)

    def record():
        api.post(
            f"/persons/{maria.public_id}/screenings",
            {"instrument": "ahc-hrsn-core", "answers": ANSWERS, "submit": True},
        )

    record()
    with CaptureQueriesContext(connection) as one:
        api.get(f"/persons/{maria.public_id}/screenings")
        api.get(f"/persons/{maria.public_id}/needs")
    for _ in range(4):
        record()
    with CaptureQueriesContext(connection) as five:
        assert api.get(f"/persons/{maria.public_id}/screenings").json()["count"] == 5
        api.get(f"/persons/{maria.public_id}/needs")
    assert len(five) == len(one)
