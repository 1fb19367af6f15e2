"""Care records never leave the organization: omar (Elsewhere's administrator), Elsewhere's
API key and even pat (the pantry, which María was referred to with consent) get 404 from
every care endpoint and page, and list nothing."""

import datetime

import pytest

from conftest import actor_for
from puentes.care import services
from puentes.care.models import Encounter, Enrollment, FollowUp, Goal
from puentes.network.services import apikey_create

from .conftest import DOCTOR_FIELDS, today


@pytest.fixture
def records(ana, maria, enrollment, visit):
    actor = actor_for(ana)
    goal = services.goal_create(
        actor=actor,
        person_id=maria.public_id,
        fields={
            "description": "Breathe",
            "measure": "ACT",
            "comparator": "ge",
            "target_value": 20,
            "target_date": today() + datetime.timedelta(days=30),
        },
    )
    recommendation = services.recommendation_record(
        actor=actor,
        person_id=maria.public_id,
        fields={**DOCTOR_FIELDS, "recommended_on": today(), "scope": "Education"},
    )
    plan = services.plan_of_care_record(
        actor=actor,
        person_id=maria.public_id,
        fields={**DOCTOR_FIELDS, "signed_on": today(), "summary": "Visits"},
    )
    return {
        "person": maria.public_id,
        "program": enrollment.program.public_id,
        "enrollment": enrollment.public_id,
        "goal": goal.public_id,
        "plan": goal.care_plan.public_id,
        "recommendation": recommendation.public_id,
        "plan_of_care": plan.public_id,
        "follow_up": FollowUp.objects.filter(status="open").first().public_id,
        "encounter": visit().public_id,
        "ana": ana.public_id,
    }


API = [
    ("get", "/enrollments/{enrollment}", None),
    ("patch", "/enrollments/{enrollment}", {"version": 1, "worker_ids": []}),
    ("post", "/enrollments/{enrollment}/status", {"version": 1, "status": "active"}),
    ("get", "/enrollments?person_id={person}", None),
    ("post", "/enrollments", {"person_id": "{person}", "program_id": "{program}"}),
    ("patch", "/programs/{program}", {"version": 1, "name": "Mine now"}),
    ("get", "/care-plans?person_id={person}", None),
    ("get", "/care-plans/{plan}", None),
    ("post", "/care-plans", {"person_id": "{person}"}),
    ("get", "/goals/{goal}", None),
    ("patch", "/goals/{goal}", {"version": 1, "status": "cancelled"}),
    ("post", "/goals/{goal}/progress", {"value": 1}),
    (
        "post",
        "/goals",
        {
            "person_id": "{person}",
            "description": "x",
            "measure": "x",
            "comparator": "ge",
            "target_value": 1,
            "target_date": "2030-01-01",
        },
    ),
    ("get", "/recommendations?person_id={person}", None),
    ("get", "/recommendations/{recommendation}/attachment", None),
    ("get", "/plans-of-care?person_id={person}", None),
    ("get", "/plans-of-care/{plan_of_care}/attachment", None),
    ("get", "/follow-ups/{follow_up}", None),
    ("patch", "/follow-ups/{follow_up}", {"version": 1, "title": "x"}),
    ("post", "/follow-ups/{follow_up}/close", {"version": 1}),
    ("post", "/follow-ups", {"person_id": "{person}", "title": "x", "due_on": "2030-01-01"}),
    ("get", "/follow-ups?person_id={person}", None),
    ("get", "/encounters/{encounter}", None),
    ("get", "/encounters/{encounter}/history", None),
    ("patch", "/encounters/{encounter}", {"version": 1, "note": "x"}),
    ("post", "/encounters/{encounter}/amendments", {"reason": "x"}),
    ("get", "/encounters?person_id={person}", None),
    ("get", "/persons/{person}/timeline", None),
    (
        "post",
        "/team/reassign",
        {"person_id": "{person}", "from_member_id": "{ana}", "to_member_id": "{ana}"},
    ),
]


def _fill(value, records):
    if isinstance(value, dict):
        return {k: _fill(v, records) for k, v in value.items()}
    return value.format(**records) if isinstance(value, str) else value


def _state():
    return (
        [(e.pk, e.version, e.note) for e in Encounter.objects.all()]
        + [(g.pk, g.version) for g in Goal.objects.all()]
        + [(e.pk, e.version) for e in Enrollment.objects.all()]
        + [(f.pk, f.version, f.status) for f in FollowUp.objects.all()]
    )


@pytest.mark.parametrize(("method", "path", "body"), API)
def test_outsiders_get_404_from_every_care_endpoint(
    api_for, api_with_key, omar, pat, records, method, path, body
):
    _key, raw = apikey_create(actor=actor_for(omar), name="elsewhere", scope="read_write")
    before = _state()
    callers = [(api_for(omar), 404), (api_with_key(raw), 404), (api_for(pat), _for_pat(path))]
    for api, expected in callers:
        args = [_fill(body, records)] if body is not None else []
        response = getattr(api, method)(path.format(**records), *args)
        assert response.status_code == expected, (path, response.status_code, response.content)
    assert _state() == before


# Staff of a community organization may not manage programs or see team caseloads anywhere:
# their role is refused (403) before any record is looked up, which reveals nothing.
ROLE_REFUSED_FOR_PAT = ("/programs", "/team", "/care/programs", "/care/team")


def _for_pat(path: str) -> int:
    return 403 if path.startswith(ROLE_REFUSED_FOR_PAT) else 404


def test_outsiders_list_nothing(api_for, omar, pat, records):
    for member in (omar, pat):
        api = api_for(member)
        for path in ("/programs", "/enrollments", "/follow-ups?open_only=false", "/encounters"):
            assert api.get(path).json()["items"] == [], (member, path)
    assert api_for(omar).get("/team/caseloads").json() == []


PAGES = [
    "/care/programs/{program}/edit/",
    "/care/people/{person}/enroll/",
    "/care/people/{person}/timeline/",
    "/care/enrollments/{enrollment}/",
    "/care/enrollments/{enrollment}/status/",
    "/care/people/{person}/goals/new/",
    "/care/goals/{goal}/",
    "/care/goals/{goal}/status/",
    "/care/people/{person}/documents/recommendation/new/",
    "/care/documents/recommendation/{recommendation}/attachment/",
    "/care/documents/plan_of_care/{plan_of_care}/attachment/",
    "/care/people/{person}/follow-ups/new/",
    "/care/follow-ups/{follow_up}/",
    "/care/follow-ups/{follow_up}/close/",
    "/care/people/{person}/encounters/new/",
    "/care/encounters/{encounter}/",
    "/care/encounters/{encounter}/edit/",
    "/care/team/{ana}/",
]


@pytest.mark.parametrize("path", PAGES)
def test_outsiders_get_404_from_every_care_page(client_for, omar, pat, records, path):
    url = path.format(**records)
    before = _state()
    for member, expected in ((omar, 404), (pat, _for_pat(path))):
        client = client_for(member)
        assert client.get(url).status_code in (expected, 405), url
        assert (
            client.post(url, {"version": 1, "status": "done", "note": "x"}).status_code == expected
        )
    assert _state() == before


def test_outsiders_lists_pages_show_nothing(client_for, omar, records):
    client = client_for(omar)
    for url in ("/care/programs/", "/care/follow-ups/?tab=today", "/care/team/"):
        page = client.get(url).content.decode()
        assert "María" not in page and "Asthma" not in page, url
