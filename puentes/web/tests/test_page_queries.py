"""The pages staff open all day cost a fixed number of queries however big the
organization grows (an N+1 grows with the rows; at 100,000 people the referral inbox ran
215 queries and the team page 62). Each page is counted with a small organization and
again after it has grown: more people on the CHW's caseload, more referrals both ways,
more encounters, follow-ups and workers."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import _member, actor_for
from puentes.care import services as care_services
from puentes.people import services as people_services
from puentes.referrals import services as referral_services

TODAY = datetime.date.today


def _queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured), len(response.content)


@pytest.fixture
def organization(ana, sam, pat, pantry, make_person, make_listing):
    """A clinic that grows: each round adds people on ana's caseload (with consent to share
    with the pantry, an open need, a referral sent to the pantry, an enrollment, an
    encounter and a follow-up due), and another CHW with a person of her own."""
    listing = make_listing(maintainer=pantry)
    program = care_services.program_create(
        actor=actor_for(sam), fields={"name": "Asthma", "kind": "asthma", "follow_up_days": 7}
    )
    state = {"n": 0}

    def grow(rounds):
        actor, lead = actor_for(ana), actor_for(sam)
        for _ in range(rounds):
            index = state["n"] = state["n"] + 1
            # Registered by ana, so on her caseload.
            person = make_person(ana, given_name=f"Person{index}", family_name="Grow")
            people_services.consent_record(
                actor=actor, person_id=person.public_id, organization_ids=[pantry.public_id],
                fields={"scope": "named", "purpose": "referral", "method": "verbal",
                        "given_on": TODAY() - datetime.timedelta(days=3)},
            )  # fmt: skip
            from puentes.screening.services import need_record

            need = need_record(actor=actor, person_id=person.public_id, category="food-insecurity")
            referral_services.referral_create(
                actor=actor, person_id=person.public_id, service_at_location_id=listing.id,
                need_ids=[need.public_id], send=True,
            )  # fmt: skip
            care_services.enrollment_create(
                actor=actor, person_id=person.public_id,
                fields={"program_id": str(program.public_id), "status": "enrolled",
                        "worker_ids": [str(ana.public_id)]},
            )  # fmt: skip
            care_services.encounter_log(
                actor=actor,
                fields={"person_id": str(person.public_id), "occurred_on": TODAY(),
                        "duration_minutes": 30, "modality": "in_person",
                        "place_of_service": "12", "services": ["health_education"]},
            )  # fmt: skip
            care_services.follow_up_create(
                actor=actor, person_id=person.public_id,
                fields={"title": f"Call {index}", "due_on": TODAY()},
            )  # fmt: skip
            other = _member(f"chw{index}", ana.organization, "chw", "chw")
            theirs = make_person(ana, given_name=f"Theirs{index}", family_name="Grow")
            people_services.caseload_assign(
                actor=lead, person_id=theirs.public_id, member_id=other.public_id
            )
        return state["n"]

    return grow


# (page, who opens it); {person} is ana's first person, {member} is ana.
PAGES = [
    ("/", "ana"),
    ("/people/", "ana"),
    ("/people/{person}/", "ana"),
    ("/referrals/", "ana"),
    ("/referrals/inbox/", "pat"),
    ("/care/follow-ups/", "ana"),
    ("/care/team/", "sam"),
    ("/care/team/{member}/", "sam"),
]


@pytest.mark.parametrize(("path", "reader"), PAGES)
def test_a_page_costs_the_same_queries_as_the_organization_grows(
    request, client_for, organization, ana, path, reader
):
    from puentes.people.models import Person

    organization(2)
    first = Person.objects.for_organization(ana.organization).order_by("id").first()
    client = client_for(request.getfixturevalue(reader))
    url = path.format(person=first.public_id, member=ana.public_id)
    small, _size = _queries(client, url)
    organization(6)
    large, _size = _queries(client, url)
    assert large == small, f"{path}: {small} queries with 2 rounds, {large} with 8"


def test_the_chw_home_shows_a_page_of_her_caseload_and_the_first_of_her_day(
    client_for, ana, make_person
):
    from puentes.care import selectors

    actor = actor_for(ana)
    for index in range(30):
        person = make_person(ana, given_name=f"P{index:02d}", family_name="Home")
        care_services.follow_up_create(
            actor=actor, person_id=person.public_id,
            fields={"title": f"Call {index}", "due_on": TODAY() - datetime.timedelta(days=1)},
        )  # fmt: skip
    day = selectors.my_day(actor=actor, limit=20)
    assert len(day["overdue"]) == 20 and day["overdue_count"] == 30
    page = client_for(ana).get("/").content.decode()
    assert page.count('class="people"') == 1 and "Page 1 of 2" in page
    assert "See all 30 due today or overdue" in page
    assert page.count(">Call ") == 10  # a screenful of her day
