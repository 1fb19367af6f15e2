"""Care and billing lists read a page in a fixed number of queries, however many rows it
holds (an N+1 would grow with the rows): each list is counted with one row and with six."""

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


def _grow(ana, bea, maria, medi_cal, log_visit, n):
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


PATHS = [
    "/encounters?person_id={person}",
    "/encounters",
    "/follow-ups?when=all",
    "/programs",
    "/persons/{person}/coverages",
    "/billing/payers",
    "/billing/funding",
]


@pytest.mark.parametrize("path", PATHS)
def test_a_list_page_costs_the_same_queries_for_one_row_and_six(
    api_for, ana, bea, maria, covered, medi_cal, log_visit, path
):
    client = api_for(ana if not path.startswith("/billing") else bea).client
    url = "/api/v1" + path.format(person=maria.public_id)
    _grow(ana, bea, maria, medi_cal, log_visit, 1)
    one = _queries(client, url)
    _grow(ana, bea, maria, medi_cal, log_visit, 5)
    six = _queries(client, url)
    assert six == one, f"{path}: {one} queries with one row, {six} with six"
