"""Every read that returns a person's data is audited: one event per request, naming who,
which organization, which people, when and from where. Refused attempts are recorded too."""

import pytest

from puentes.core.models import AuditEvent

PERSON_READS = [
    "/api/v1/persons/{person}",
    "/api/v1/persons/{person}/timeline",
    "/api/v1/persons/{person}/needs",
    "/api/v1/persons/{person}/screenings",
    "/api/v1/persons/{person}/identifiers",
    "/api/v1/persons/{person}/consents",
    "/api/v1/persons/{person}/coverages",
    "/api/v1/persons/{person}/workers",
    "/api/v1/encounters?person_id={person}",
    "/api/v1/care-plans?person_id={person}",
    "/api/v1/recommendations?person_id={person}",
    "/api/v1/plans-of-care?person_id={person}",
    "/people/{person}/",
    "/people/{person}/edit/",
    "/care/people/{person}/timeline/",
]


@pytest.mark.parametrize("path", PERSON_READS)
def test_each_read_of_a_person_records_one_event_naming_them(client_for, sam, maria, path):
    response = client_for(sam).get(path.format(person=maria.public_id))
    assert response.status_code == 200, response.content[:300]
    events = AuditEvent.objects.filter(user=sam.user)
    assert events.count() == 1
    event = events.get()
    assert event.action == "person.read"
    assert event.subject_person_id == maria.public_id
    assert event.organization == sam.organization
    assert event.client_ip == "127.0.0.1"
    assert event.detail["where"] == path.format(person=maria.public_id).split("?")[0]


def test_a_search_records_one_event_naming_every_person_it_returned(api_for, sam, ana, make_person):
    people = [make_person(ana, given_name=f"Rosa{n}", family_name="Paz") for n in range(30)]
    before = AuditEvent.objects.count()
    response = api_for(sam).get("/persons?q=paz&per_page=25")
    assert response.status_code == 200 and len(response.json()["items"]) == 25
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.filter(user=sam.user).get()
    assert event.action == "people.read" and event.detail["count"] == 25
    returned = {item["id"] for item in response.json()["items"]}
    assert set(event.detail["people"]) == returned
    assert returned < {str(p.public_id) for p in people}


def test_the_people_page_records_the_people_it_shows(client_for, sam, ana, make_person):
    make_person(ana, given_name="Rosa", family_name="Paz")
    make_person(ana, given_name="Luz", family_name="Paz")
    assert client_for(sam).get("/people/?q=paz").status_code == 200
    event = AuditEvent.objects.filter(user=sam.user).get()
    assert event.action == "people.read" and event.detail["count"] == 2


def test_a_list_that_shows_nobody_records_nothing(api_for, omar, maria):
    assert api_for(omar).get("/persons").json()["count"] == 0
    assert not AuditEvent.objects.filter(user=omar.user).exists()


def test_writes_are_audited_by_their_service_not_as_reads(api_for, sam, maria):
    response = api_for(sam).patch(f"/persons/{maria.public_id}", {"version": 1, "city": "Davis"})
    assert response.status_code == 200
    actions = list(AuditEvent.objects.filter(user=sam.user).values_list("action", flat=True))
    assert actions == ["person.update"]


def test_refused_attempts_on_anothers_records_are_recorded(api_for, client_for, omar, maria):
    for _ in range(3):
        assert api_for(omar).get(f"/persons/{maria.public_id}").status_code == 404
    assert client_for(omar).get(f"/people/{maria.public_id}/").status_code == 404
    denied = AuditEvent.objects.filter(user=omar.user, action="access.denied")
    assert denied.count() == 4
    assert all(e.organization == omar.organization for e in denied)
    assert {e.detail["status"] for e in denied} == {404}
    assert not AuditEvent.objects.filter(action="person.read").exists()
