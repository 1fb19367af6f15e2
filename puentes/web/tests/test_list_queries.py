"""The lists of people, network, notifications and the directory's maintenance read a page
in a fixed number of queries however many rows it holds (an N+1 grows with the rows):
each is counted with one row of each kind and with six. Care and billing count theirs in
billing/tests/test_list_queries.py; referrals, screening and directory search in their
own tests."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import _member, actor_for
from puentes.care import services as care_services
from puentes.directory import services as directory_services
from puentes.directory.models import DirectoryImport
from puentes.notifications.services import notify
from puentes.people import services as people_services

TODAY = datetime.date.today


def _queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.fixture
def grow(ana, sam, maria, pantry, make_listing):
    listing = make_listing(maintainer=pantry)
    programs = []
    made = {"n": 0}

    def more(n):
        actor = actor_for(ana)
        for _ in range(n):
            index = made["n"] = made["n"] + 1
            worker = _member(f"chw{index}", ana.organization, "chw", "chw")
            people_services.identifier_add(
                actor=actor, person_id=maria.public_id, kind="mrn", issuer="Clinic",
                value=f"MRN-{index}",
            )  # fmt: skip
            people_services.consent_record(
                actor=actor, person_id=maria.public_id,
                fields={"scope": "named", "purpose": "referral", "method": "written",
                        "given_on": TODAY() - datetime.timedelta(days=index)},
                organization_ids=[pantry.public_id],
            )  # fmt: skip
            people_services.household_create(actor=actor, name=f"Household {index}")
            people_services.caseload_assign(
                actor=actor_for(sam), person_id=maria.public_id, member_id=worker.public_id
            )
            program = care_services.program_create(
                actor=actor_for(sam), fields={"name": f"Program {index}", "kind": "asthma"}
            )
            programs.append(program)
            care_services.enrollment_create(
                actor=actor, person_id=maria.public_id,
                fields={"program_id": str(program.public_id), "status": "enrolled"},
            )  # fmt: skip
            notify(
                recipients=[ana.user], organization=ana.organization, kind="referral.status",
                params={"service": f"Service {index}", "status": "accepted"},
            )  # fmt: skip
            directory_services.correction_report(
                actor=actor_for(ana), service_at_location_id=listing.id, kind="phone",
                description=f"Report {index}",
            )  # fmt: skip
            DirectoryImport.objects.create(source=f"src{index}", file_name=f"{index}.zip")

    return more


# (path, who reads it)
PATHS = [
    ("/organization/members", "sam"),
    ("/organizations", "ana"),
    ("/audit", "alma"),
    ("/notifications", "ana"),
    ("/persons", "ana"),
    ("/households", "ana"),
    ("/persons/{person}/identifiers", "ana"),
    ("/persons/{person}/consents", "ana"),
    ("/persons/{person}/workers", "ana"),
    ("/enrollments", "ana"),
    ("/enrollments?person_id={person}", "ana"),
    ("/directory/corrections", "pat"),
    ("/directory/imports", "dora"),
]


@pytest.mark.parametrize(("path", "reader"), PATHS)
def test_a_list_costs_the_same_queries_for_one_row_and_six(
    request, api_for, grow, maria, path, reader
):
    client = api_for(request.getfixturevalue(reader)).client
    url = "/api/v1" + path.format(person=maria.public_id)
    grow(1)
    one = _queries(client, url)
    grow(5)
    six = _queries(client, url)
    assert six == one, f"{path}: {one} queries with one row, {six} with six"
