"""The workforce over the API: records, standing, bad input refused with nothing written,
and the billing engine refusing an unqualified worker's visit until the training is in."""

import datetime
from decimal import Decimal

import pytest

from conftest import actor_for
from puentes.billing import selectors as billing_selectors
from puentes.billing.tests.conftest import days_ago
from puentes.workforce.models import Certification, TrainingRecord, WorkerProfile
from puentes.workforce.tests.helpers import certify


def test_a_supervisor_keeps_a_workers_record_and_sees_the_standing(api_for, ana, sam):
    api = api_for(sam)
    wid = ana.public_id
    response = api.put(
        f"/workforce/workers/{wid}/profile",
        {
            "worker_types": ["chw", "promotor"],
            "hire_date": "2024-02-01",
            "languages": [{"language": "es", "level": "native"}],
            "caseload_capacity": 60,
            "supervisor_id": str(sam.public_id),
        },
    )
    assert response.status_code == 200, response.json()
    assert response.json()["supervisor"] == sam.user.get_full_name()
    response = api.post(
        f"/workforce/workers/{wid}/certifications",
        {
            "programme": "ca-hcai-chw",
            "number": "CHW-1234",
            "issued_on": str(days_ago(100)),
            "expires_on": str(days_ago(-600)),
        },
    )
    assert response.status_code == 201
    record = api.get(f"/workforce/workers/{wid}").json()
    assert record["certifications"][0]["number"] == "CHW-1234"
    medi_cal_standing = next(s for s in record["standing"] if s["requirement"] == "ca-medi-cal-chw")
    assert medi_cal_standing["qualified"] is True
    team = api.get("/workforce/workers").json()
    assert team["count"] == 1 and team["items"][0]["name"] == ana.user.get_full_name()
    answer = api.get(
        f"/workforce/workers/{wid}/qualification?rule_set=medi-cal-chw&on={days_ago(101)}"
    )
    assert answer.json()["qualified"] is False and answer.json()["reasons"]


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (
            "certifications",
            {"programme": "ca-hcai-chw", "issued_on": "2026-01-10", "expires_on": "2025-01-01"},
            "expires_on",
        ),
        (
            "certifications",
            {"programme": "tx-chw-imaginary", "issued_on": "2025-01-10"},
            "programme",
        ),
        (
            "certifications",
            {"programme": "cpr_adult_infant", "issued_on": "2025-01-10"},
            "expires_on",
        ),
        ("trainings", {"title": "CE", "completed_on": "2025-01-10", "hours": "-2"}, "hours"),
        ("trainings", {"title": "CE", "completed_on": "2025-01-10", "hours": "25"}, "hours"),
        ("trainings", {"title": "CE", "completed_on": "2099-01-10", "hours": "2"}, "completed_on"),
        (
            "experience",
            {"started_on": "2025-01-01", "ended_on": "2025-01-02", "hours": "49"},
            "hours",
        ),
        (
            "pathways",
            {"definition": "ca-medi-cal-chw", "pathway": "nope", "started_on": "2025-01-01"},
            "pathway",
        ),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(api_for, ana, sam, path, body, field):
    response = api_for(sam).post(f"/workforce/workers/{ana.public_id}/{path}", body)
    assert response.status_code == 400, response.json()
    assert field in response.json()["error"]["fields"]
    assert not Certification.objects.exists() and not TrainingRecord.objects.exists()


def test_attendance_for_a_session_in_the_future_is_refused(api_for, ana, sam):
    api = api_for(sam)
    course = api.post(
        "/workforce/courses",
        {
            "title": "Motivational interviewing",
            "provider": "Valle",
            "hours": "6",
            "modality": "online",
            "language": "es",
            "competencies": ["communication"],
        },
    ).json()
    later = str(datetime.date.today() + datetime.timedelta(days=7))
    session = api.post(
        f"/workforce/courses/{course['id']}/sessions",
        {"kind": "training", "held_on": later, "hours": "6"},
    ).json()
    response = api.post(
        f"/workforce/sessions/{session['id']}/attendance", {"worker_ids": [str(ana.public_id)]}
    )
    assert response.status_code == 400 and "session" in response.json()["error"]["fields"]
    assert not TrainingRecord.objects.exists()


def test_a_worker_sees_and_adds_to_their_own_record_only(api_for, ana, sam, clinic):
    from conftest import _member

    other = _member("ines", clinic, "chw", "chw")
    api = api_for(ana)
    assert api.get(f"/workforce/workers/{ana.public_id}").status_code == 200
    assert api.get(f"/workforce/workers/{other.public_id}").status_code == 404
    assert api.get("/workforce/workers").status_code == 403
    response = api.post(
        f"/workforce/workers/{ana.public_id}/trainings",
        {"title": "Diabetes basics", "completed_on": "2025-03-01", "hours": "3"},
    )
    assert response.status_code == 201
    refused = api.post(
        f"/workforce/workers/{ana.public_id}/certifications",
        {"programme": "ca-hcai-chw", "issued_on": "2025-01-01"},
    )
    assert refused.status_code == 403


def test_billing_refuses_an_unqualified_workers_visit_and_a_training_makes_it_billable(
    billing_clinic, covered, medi_cal, log_visit, ana, bea
):
    # Certified since 2015 with a training every January; without the visit year's training
    # she lacks continuing training.
    certify(ana)
    visit_day = log_visit().occurred_on
    TrainingRecord.objects.filter(worker=ana, completed_on__year=visit_day.year).delete()
    [queue] = billing_selectors.work_queue(
        actor=actor_for(bea), start=days_ago(30), end=days_ago(0)
    )
    assert not queue.ready
    problem = queue.blocked[0].outcome.problems[0]
    assert "does not qualify" in problem.reason and "continuing training" in problem.reason
    assert "h more training" in problem.fix
    TrainingRecord.objects.create(
        organization=ana.organization,
        worker=ana,
        title="CE",
        completed_on=visit_day,
        hours=Decimal(6),
    )
    [queue] = billing_selectors.work_queue(
        actor=actor_for(bea), start=days_ago(30), end=days_ago(0)
    )
    assert queue.ready and not queue.blocked


def test_an_intermediary_credits_members_workers_and_sees_hours_only(
    api_for, ana, clinic, elsewhere, omar, sam
):
    from puentes.workforce.services import affiliation_create

    affiliation_create(intermediary=elsewhere, member=clinic, since=datetime.date(2025, 1, 1))
    api = api_for(omar)
    course = api.post(
        "/workforce/courses",
        {
            "title": "CHW core competencies",
            "provider": "Regional association",
            "hours": "20",
            "modality": "hybrid",
            "language": "en",
            "open_to_members": True,
        },
    ).json()
    session = api.post(
        f"/workforce/courses/{course['id']}/sessions",
        {"kind": "learning_collaborative", "held_on": str(days_ago(3)), "hours": "6"},
    ).json()
    response = api.post(
        f"/workforce/sessions/{session['id']}/attendance", {"worker_ids": [str(ana.public_id)]}
    )
    assert response.status_code == 201, response.json()
    record = TrainingRecord.objects.get(worker=ana)
    assert record.organization == clinic and record.credited_by == elsewhere
    credited = api.get("/workforce/credited").json()
    assert [(c["member_organization"], c["worker_id"], c["name"]) for c in credited] == [
        (clinic.name, str(ana.public_id), ana.user.get_full_name())
    ]
    assert Decimal(credited[0]["hours"]) == 6
    # The intermediary reaches no member worker's record, and the member sees the hours.
    assert api.get(f"/workforce/workers/{ana.public_id}").status_code == 404
    trainings = api_for(sam).get(f"/workforce/workers/{ana.public_id}").json()["trainings"]
    assert trainings[0]["credited_by"] == elsewhere.name
    # The member's own courses list shows the intermediary's open course.
    assert any(
        c["title"] == "CHW core competencies"
        for c in api_for(sam).get("/workforce/courses").json()["items"]
    )


def test_an_unrelated_organization_cannot_credit_the_clinics_workers(api_for, ana, omar):
    api = api_for(omar)
    course = api.post(
        "/workforce/courses",
        {
            "title": "X",
            "provider": "Y",
            "hours": "2",
            "modality": "online",
            "language": "en",
            "open_to_members": True,
        },
    ).json()
    session = api.post(
        f"/workforce/courses/{course['id']}/sessions",
        {"kind": "training", "held_on": str(days_ago(1)), "hours": "2"},
    ).json()
    response = api.post(
        f"/workforce/sessions/{session['id']}/attendance", {"worker_ids": [str(ana.public_id)]}
    )
    assert response.status_code == 400 and not TrainingRecord.objects.exists()


def test_supervision_hours_are_counted_for_the_team(api_for, ana, sam):
    api = api_for(sam)
    response = api.post(
        "/workforce/supervision",
        {
            "held_on": str(days_ago(1)),
            "minutes": 90,
            "kind": "individual",
            "topics": "Caseload review",
            "worker_ids": [str(ana.public_id)],
        },
    )
    assert response.status_code == 201, response.json()
    team = api.get("/workforce/workers").json()["items"]
    if days_ago(1).year == days_ago(0).year:
        assert team[0]["supervision_hours_this_year"] == "1.50"
    bad = api.post(
        "/workforce/supervision",
        {
            "held_on": str(days_ago(1)),
            "minutes": 2000,
            "kind": "individual",
            "worker_ids": [str(ana.public_id)],
        },
    )
    assert bad.status_code == 400 and "minutes" in bad.json()["error"]["fields"]


def test_deadlines_list_expiring_certificates_and_closing_pathways(api_for, ana, sam):
    certify(ana)
    Certification.objects.filter(worker=ana).update(expires_on=days_ago(-40))
    deadlines = api_for(sam).get("/workforce/deadlines?within_days=60").json()
    assert [d["kind"] for d in deadlines] == ["expires"]
    assert api_for(sam).get("/workforce/deadlines?within_days=30").json() == []
    assert not WorkerProfile.objects.exists()
