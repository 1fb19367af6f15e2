"""Care and billing lists read a page in a fixed number of queries, however many rows it
holds (an N+1 would grow with the rows): each list is counted with one row and with six.
(People, screening, referrals, directory, network and notifications count theirs in their
own tests.)"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import actor_for
from puentes.billing import services
from puentes.care import services as care_services

from .conftest import days_ago


def _queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(captured)


DOCTOR = {"practitioner_name": "Dr. Rosa Kim", "practitioner_npi": "1234567893"}


def _grow(ana, bea, maria, medi_cal, log_visit, n):
    actor = actor_for(ana)
    person = maria.public_id
    for day in range(n):
        log_visit(minutes=30, day=day + 2, services=["health_education", "navigation"])
        care_services.follow_up_create(
            actor=actor_for(ana),
            person_id=maria.public_id,
            fields={"title": f"Call back {day}", "due_on": datetime.date.today()},
        )
        services.coverage_add(
            actor=actor_for(ana),
            person_id=maria.public_id,
            fields={
                "payer_id": medi_cal.public_id,
                "member_id": f"9123456{day}A",
                "start_date": days_ago(500 + day),
                "end_date": days_ago(450 + day),
            },
        )
        coverage = services.coverage_add(
            actor=actor,
            person_id=person,
            fields={
                "payer_id": medi_cal.public_id,
                "member_id": f"8123456{day}A",
                "start_date": days_ago(400 + day),
                "end_date": days_ago(350 + day),
            },
        )
        services.prior_authorization_record(
            actor=actor,
            person_id=person,
            fields={
                "coverage_id": str(coverage.public_id),
                "number": f"PA-{day}",
                "codes": "98960",
                "units": 4,
                "start_date": days_ago(400 + day),
                "end_date": days_ago(350 + day),
            },
        )
        services.service_consent_record(
            actor=actor,
            person_id=person,
            fields={
                **DOCTOR,
                "given_on": days_ago(10 + day),
                "method": "verbal",
                "cost_sharing_explained": True,
                "one_practitioner_explained": True,
            },
        )
        services.serious_condition_record(
            actor=actor,
            person_id=person,
            fields={
                "diagnosis_code": "C50.911",
                "diagnosed_on": days_ago(30 + day),
                "expected_months": 12,
                "practitioner_name": "Dr. Rosa Kim",
            },
        )
        care_services.recommendation_record(
            actor=actor,
            person_id=person,
            fields={
                **DOCTOR,
                "credential": "MD",
                "recommended_on": days_ago(200 + day),
                "scope": f"CHW services {day}",
            },
        )
        care_services.plan_of_care_record(
            actor=actor,
            person_id=person,
            fields={
                **DOCTOR,
                "credential": "MD",
                "signed_on": days_ago(200 + day),
                "summary": f"Visits {day}",
            },
        )
        care_services.goal_create(
            actor=actor,
            person_id=person,
            fields={
                "description": f"Goal {day}",
                "measure": "ACT",
                "comparator": "ge",
                "target_value": 20,
                "target_date": datetime.date.today() + datetime.timedelta(days=30),
            },
        )


PATHS = [
    "/encounters?person_id={person}",
    "/encounters",
    "/follow-ups?when=all",
    "/programs",
    "/care-plans?person_id={person}",
    "/recommendations?person_id={person}",
    "/plans-of-care?person_id={person}",
    "/persons/{person}/timeline",
    "/team/caseloads",
    "/persons/{person}/coverages",
    "/persons/{person}/prior-authorizations",
    "/persons/{person}/service-consents",
    "/persons/{person}/serious-conditions",
    "/billing/payers",
    "/billing/funding",
    "/billing/batches",
]


@pytest.mark.parametrize("path", PATHS)
def test_a_list_page_costs_the_same_queries_for_one_row_and_six(
    api_for, ana, bea, sam, maria, covered, medi_cal, log_visit, path
):
    reader = bea if path.startswith("/billing") else sam if path.startswith("/team") else ana
    client = api_for(reader).client
    url = "/api/v1" + path.format(person=maria.public_id)
    _grow(ana, bea, maria, medi_cal, log_visit, 1)
    one = _queries(client, url)
    _grow(ana, bea, maria, medi_cal, log_visit, 5)
    six = _queries(client, url)
    assert six == one, f"{path}: {one} queries with one row, {six} with six"
