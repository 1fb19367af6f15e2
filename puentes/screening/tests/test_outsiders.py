"""omar (Elsewhere) can reach none of Clinic's screenings or needs, by any door."""

import pytest

from conftest import actor_for
from puentes.screening import services
from puentes.screening.models import Need, Screening


@pytest.fixture
def clinic_screening(ana, maria):
    done = services.screening_record(
        actor=actor_for(ana),
        person_id=maria.public_id,
        instrument_id="ahc-hrsn-core",
        answers={"food_worry": {"code": "LA28397-0"}},
    )
    open_one = services.screening_start(
        actor=actor_for(ana), person_id=maria.public_id, instrument_id="hunger-vital-sign"
    )
    return {
        "person": maria.public_id,
        "done": done.public_id,
        "open": open_one.public_id,
        "need": Need.objects.get().public_id,
    }


def _snapshot():
    return (
        list(Screening.objects.values_list("version", "status", "answers")),
        list(Need.objects.values_list("version", "status")),
    )


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/persons/{person}/screenings", None),
        ("post", "/persons/{person}/screenings", {"instrument": "ahc-hrsn-core"}),
        ("get", "/screenings/{done}", None),
        ("get", "/screenings/{done}/fhir", None),
        ("patch", "/screenings/{open}", {"version": 1, "answers": {}}),
        ("post", "/screenings/{open}/submit", {}),
        ("get", "/persons/{person}/needs", None),
        ("post", "/persons/{person}/needs", {"category": "stress"}),
        ("get", "/needs/{need}", None),
        ("patch", "/needs/{need}", {"version": 1, "status": "resolved"}),
        ("get", "/needs/{need}/fhir", None),
    ],
)
def test_omar_gets_404_from_every_screening_endpoint(
    api_for, omar, clinic_screening, method, path, body
):
    before = _snapshot()
    api = api_for(omar)
    url = path.format(**clinic_screening)
    response = getattr(api, method)(url, body) if body is not None else getattr(api, method)(url)
    assert response.status_code == 404, response.content
    assert _snapshot() == before


def test_omars_reports_count_nothing_of_clinics(api_for, omar, clinic_screening):
    assert api_for(omar).get("/reports/positive-screens").json() == []
    assert api_for(omar).get("/reports/open-needs?by=zip").json() == []


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/screening/person/{person}/start/"),
        ("post", "/screening/person/{person}/start/"),
        ("get", "/screening/{done}/"),
        ("get", "/screening/{open}/q/1/"),
        ("post", "/screening/{open}/q/1/"),
        ("get", "/screening/{open}/review/"),
        ("post", "/screening/{open}/review/"),
        ("get", "/screening/person/{person}/needs/new/"),
        ("post", "/screening/person/{person}/needs/new/"),
        ("get", "/screening/needs/{need}/"),
        ("post", "/screening/needs/{need}/"),
    ],
)
def test_omar_gets_404_from_every_screening_page(client_for, omar, clinic_screening, method, path):
    before = _snapshot()
    client = client_for(omar)
    url = path.format(**clinic_screening)
    data = {
        "instrument": "ahc-hrsn-core",
        "language": "en",
        "version": 1,
        "answer": "LA28397-0",
        "category": "stress",
        "status": "resolved",
    }
    response = client.get(url) if method == "get" else client.post(url, data)
    assert response.status_code == 404
    assert _snapshot() == before
