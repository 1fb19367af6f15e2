"""/api/v1 care endpoints: the same rules as the services, the one error shape."""

import datetime

from conftest import actor_for
from puentes.care.models import Encounter, FollowUp, Goal

from .conftest import today


def test_programs_and_enrollment_over_the_api(api_for, sam, ana, maria):
    created = api_for(sam).post(
        "/programs",
        {"name": "Diabetes self-management", "kind": "diabetes", "caseload_limit": 1},
    )
    assert created.status_code == 201, created.json()
    program = created.json()
    assert api_for(ana).get("/programs").json()["count"] == 1
    refused = api_for(ana).post("/programs", {"name": "Mine", "kind": "other"})
    assert refused.status_code == 403
    enrolled = api_for(ana).post(
        "/enrollments", {"person_id": str(maria.public_id), "program_id": program["id"]}
    )
    assert enrolled.status_code == 201
    body = enrolled.json()
    assert body["status"] == "enrolled" and body["workers"][0]["name"] == "Ana Tester"
    assert body["warnings"] == []
    second = api_for(ana).post(
        "/persons",
        {
            "given_name": "Rosa",
            "family_name": "Díaz",
            "date_of_birth": "1990-01-01",
            "allow_duplicate": True,
        },
    )
    over = api_for(ana).post(
        "/enrollments", {"person_id": second.json()["id"], "program_id": program["id"]}
    )
    assert over.json()["warnings"] == ["Diabetes self-management: 2 people, limit 1"]
    paused = api_for(ana).post(
        f"/enrollments/{body['id']}/status", {"version": 1, "status": "paused"}
    )
    assert paused.status_code == 400
    assert paused.json()["error"]["fields"] == {"reason": ["Say why."]}
    listed = api_for(ana).get(f"/enrollments?person_id={maria.public_id}").json()
    assert [e["program"]["name"] for e in listed["items"]] == ["Diabetes self-management"]


def test_goals_progress_and_care_plans(api_for, ana, maria, enrollment):
    no_date = api_for(ana).post(
        "/goals",
        {
            "person_id": str(maria.public_id),
            "description": "Lower my sugar",
            "measure": "HbA1c",
            "comparator": "lt",
            "target_value": 8,
            "unit": "%",
        },
    )
    assert no_date.status_code == 400
    assert no_date.json()["error"]["fields"] == {"target_date": ["A goal needs a target date."]}
    assert not Goal.objects.exists()
    goal = api_for(ana).post(
        "/goals",
        {
            "person_id": str(maria.public_id),
            "enrollment_id": str(enrollment.public_id),
            "description": "Lower my sugar",
            "measure": "HbA1c",
            "comparator": "lt",
            "target_value": 8,
            "unit": "%",
            "target_date": str(today() + datetime.timedelta(days=90)),
        },
    )
    assert goal.status_code == 201 and goal.json()["target"] == "HbA1c < 8 %"
    goal_id = goal.json()["id"]
    progress = api_for(ana).post(f"/goals/{goal_id}/progress", {"value": "7.4"})
    assert progress.json()["progress"][0]["meets_target"] is True
    plans = api_for(ana).get(f"/care-plans?person_id={maria.public_id}").json()
    assert plans[0]["program"] == "Asthma home visiting" and len(plans[0]["goals"]) == 1
    duplicate = api_for(ana).post(
        "/care-plans",
        {"person_id": str(maria.public_id), "enrollment_id": str(enrollment.public_id)},
    )
    assert duplicate.status_code == 409
    achieved = api_for(ana).patch(f"/goals/{goal_id}", {"version": 1, "status": "achieved"})
    assert achieved.json()["status"] == "achieved"


def test_documents_with_a_scan(api_for, client_for, bea, ana, maria):
    created = api_for(bea).post(
        "/recommendations",
        {
            "person_id": str(maria.public_id),
            "practitioner_name": "Dr. Kim",
            "practitioner_npi": "1234567893",
            "credential": "NP",
            "recommended_on": str(today()),
            "scope": "Health navigation",
        },
    )
    assert created.status_code == 201 and created.json()["has_attachment"] is False
    doc = created.json()["id"]
    client = client_for(bea)
    upload = client.post(
        f"/api/v1/recommendations/{doc}/attachment",
        {"file": _file("signed.pdf", b"%PDF-1.4 signed")},
    )
    assert upload.status_code == 200 and upload.json()["attachment_name"] == "signed.pdf"
    download = client.get(f"/api/v1/recommendations/{doc}/attachment")
    assert (
        download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 signed"
    )
    assert "attachment" in download["Content-Disposition"]
    bad_npi = api_for(bea).post(
        "/plans-of-care",
        {
            "person_id": str(maria.public_id),
            "practitioner_name": "Dr. Kim",
            "practitioner_npi": "123",
            "credential": "MD",
            "signed_on": str(today()),
            "summary": "Six visits",
        },
    )
    assert bad_npi.status_code == 400 and "practitioner_npi" in bad_npi.json()["error"]["fields"]
    assert api_for(ana).get(f"/recommendations?person_id={maria.public_id}").json()[0]["scope"] == (
        "Health navigation"
    )


def _file(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


ENCOUNTER = {
    "occurred_on": None,
    "duration_minutes": 45,
    "modality": "in_person",
    "place_of_service": "12",
    "services": ["health_education"],
}


def test_encounters_over_the_api(api_for, ana, maria, enrollment, food_need, bill):
    body = {
        **ENCOUNTER,
        "person_id": str(maria.public_id),
        "occurred_on": str(today()),
        "start_time": "00:00",
        "enrollment_id": str(enrollment.public_id),
        "need_ids": [str(food_need.public_id)],
        "idempotency_key": "tablet-7",
    }
    first = api_for(ana).post("/encounters", body)
    assert first.status_code == 201, first.json()
    again = api_for(ana).post("/encounters", body)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert Encounter.objects.count() == 1
    encounter = first.json()
    assert encounter["end_time"] == "00:45:00" and encounter["need_ids"] == [
        str(food_need.public_id)
    ]
    assert FollowUp.objects.filter(
        enrollment=enrollment, status="open"
    ).get().due_on == today() + datetime.timedelta(days=14)
    edited = api_for(ana).patch(f"/encounters/{encounter['id']}", {"version": 1, "note": "Spacer"})
    assert edited.json()["version"] == 2
    history = api_for(ana).get(f"/encounters/{encounter['id']}/history").json()
    assert history[0]["changed_fields"] == ["note"]
    bill(Encounter.objects.get())
    locked = api_for(ana).patch(f"/encounters/{encounter['id']}", {"version": 2, "note": "x"})
    assert locked.status_code == 423 and locked.json()["error"]["code"] == "locked"
    amended = api_for(ana).post(
        f"/encounters/{encounter['id']}/amendments",
        {"reason": "It was a phone call", "modality": "phone", "place_of_service": "10"},
    )
    assert amended.status_code == 201 and amended.json()["amends"] == encounter["id"]
    original = api_for(ana).get(f"/encounters/{encounter['id']}").json()
    assert original["status"] == "amended" and original["amended_by"] == amended.json()["id"]
    listed = api_for(ana).get(f"/encounters?person_id={maria.public_id}").json()
    assert [e["id"] for e in listed["items"]] == [amended.json()["id"]]


def test_bad_encounters_name_each_field(api_for, ana, maria):
    response = api_for(ana).post(
        "/encounters",
        {
            **ENCOUNTER,
            "person_id": str(maria.public_id),
            "occurred_on": str(today() + datetime.timedelta(days=2)),
            "place_of_service": "98",
            "services": [],
        },
    )
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {
        "occurred_on",
        "place_of_service",
        "services",
    }
    group = api_for(ana).post(
        "/encounters", {**ENCOUNTER, "occurred_on": str(today()), "is_group": True}
    )
    assert group.json()["error"]["fields"]["participant_ids"] == [
        "A group session needs the people who were present."
    ]
    extra = api_for(ana).post("/encounters", {**ENCOUNTER, "occurred_on": str(today()), "x": 1})
    assert extra.status_code == 400
    assert not Encounter.objects.exists()


def test_follow_ups_my_day_timeline_and_team(api_for, ana, sam, maria, enrollment, visit):
    created = api_for(ana).post(
        "/follow-ups", {"person_id": str(maria.public_id), "title": "Call", "due_on": str(today())}
    )
    assert created.status_code == 201
    mine = api_for(ana).get("/follow-ups?mine=true&when=today").json()
    assert [f["title"] for f in mine["items"]] == ["Call"]
    assert api_for(sam).get("/follow-ups?mine=true").json()["count"] == 0
    assert api_for(ana).get("/follow-ups?when=someday").status_code == 400
    closed = api_for(ana).post(f"/follow-ups/{created.json()['id']}/close", {"version": 1})
    assert closed.json()["status"] == "done"
    visit()
    timeline = api_for(ana).get(f"/persons/{maria.public_id}/timeline").json()
    assert {"encounter", "enrollment", "follow_up"} <= {e["kind"] for e in timeline}
    team = api_for(sam).get("/team/caseloads?quiet_days=7").json()
    assert team == [
        {
            "member": {"id": str(ana.public_id), "name": "Ana Tester"},
            "people": 1,
            "overdue_follow_ups": 0,
            "without_contact": 0,
            "over_limit": [],
        }
    ]
    assert api_for(ana).get("/team/caseloads").status_code == 403
    assert api_for(sam).get("/team/caseloads?quiet_days=0").status_code == 400


def test_reassign_over_the_api(api_for, sam, ana, clinic, maria):
    from conftest import MembershipFactory

    luz = MembershipFactory(organization=clinic, role="chw", worker_type="chw")
    response = api_for(sam).post(
        "/team/reassign",
        {
            "person_id": str(maria.public_id),
            "from_member_id": str(ana.public_id),
            "to_member_id": str(luz.public_id),
        },
    )
    assert response.status_code == 200 and response.json() == {"warnings": []}
    wrong = api_for(sam).post(
        "/team/reassign",
        {
            "person_id": str(maria.public_id),
            "from_member_id": str(ana.public_id),
            "to_member_id": str(luz.public_id),
        },
    )
    assert wrong.status_code == 404  # ana no longer carries María
    assert actor_for(sam)  # the supervisor acted; ana's caseload is empty now


def test_the_api_description_lists_the_care_endpoints(client_for, ana):
    schema = client_for(ana).get("/api/v1/openapi.json").json()
    for path in (
        "/api/v1/encounters",
        "/api/v1/enrollments/{enrollment_id}/status",
        "/api/v1/goals/{goal_id}/progress",
        "/api/v1/team/caseloads",
        "/api/v1/recommendations/{document_id}/attachment",
    ):
        assert path in schema["paths"], path


def test_the_encounter_list_says_which_are_billed_asking_once_a_page(
    api_for, ana, visit, bill, monkeypatch
):
    from puentes.care import selectors as care_selectors

    billed_one = visit(occurred_on=today() - datetime.timedelta(days=3))
    visit(occurred_on=today() - datetime.timedelta(days=2))
    visit(occurred_on=today() - datetime.timedelta(days=1))
    bill(billed_one)
    asked: list[int] = []
    ask = care_selectors.encounters_billed

    def counted(ids):
        asked.append(len(ids))
        return ask(ids)

    monkeypatch.setattr(care_selectors, "encounters_billed", counted)
    monkeypatch.setattr("puentes.care.presenters.encounters_billed", counted)
    page = api_for(ana).get("/encounters").json()
    flags = {item["id"]: item["billed"] for item in page["items"]}
    assert flags[str(billed_one.public_id)] is True and sum(flags.values()) == 1
    assert asked == [3]  # one question for the page, not one an encounter
