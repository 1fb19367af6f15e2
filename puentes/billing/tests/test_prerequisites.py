"""The records payers' prerequisites are written in — consent to a monthly service, a
serious condition, an initiating visit of a real visit code, diagnosis codes valid on
their date — recorded from the API and the pages, and refused, naming the field and
writing nothing, when they are wrong."""

import datetime

import pytest

from conftest import actor_for
from puentes.billing import services
from puentes.billing.models import InitiatingVisit, SeriousCondition, ServiceConsent
from puentes.care import services as care_services
from puentes.core.errors import DomainError
from puentes.screening import services as screening_services

from .conftest import days_ago

CONSENT = {
    "given_on": days_ago(3),
    "method": "verbal",
    "practitioner_name": "Dr. Rosa Kim",
    "practitioner_npi": "1234567893",
    "cost_sharing_explained": True,
    "one_practitioner_explained": True,
}
CONDITION = {
    "diagnosis_code": "C50.911",
    "diagnosed_on": days_ago(30),
    "expected_months": 12,
    "practitioner_name": "Dr. Rosa Kim",
}


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"given_on": days_ago(-2)}, "given_on", "cannot be in the future"),
        ({"method": "telepathy"}, "method", "Choose verbal or written."),
        ({"practitioner_npi": "1234567890"}, "practitioner_npi", ""),
        ({"cost_sharing_explained": False}, "cost_sharing_explained", "must be told"),
        ({"one_practitioner_explained": None}, "one_practitioner_explained", "must be told"),
    ],
)
def test_a_wrong_consent_is_refused(ana, maria, change, field, message):
    with pytest.raises(DomainError) as refused:
        services.service_consent_record(
            actor=actor_for(ana), person_id=maria.public_id, fields={**CONSENT, **change}
        )
    assert message in " ".join(refused.value.fields[field])
    assert not ServiceConsent.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"diagnosis_code": "C50"}, "diagnosis_code", "is a category, not a billable code"),
        ({"diagnosis_code": "Q99.999"}, "diagnosis_code", "is not an ICD-10-CM code"),
        ({"diagnosis_code": "Z59.861", "diagnosed_on": datetime.date(2025, 6, 1)},
         "diagnosis_code", "did not exist yet on 2025-06-01"),
        ({"expected_months": 2}, "expected_months", "3 months or more"),
        ({"expected_months": ""}, "expected_months", "how many months"),
        ({"ended_on": days_ago(60)}, "ended_on", "on or after the diagnosis"),
    ],
)  # fmt: skip
def test_a_wrong_condition_is_refused(ana, maria, change, field, message):
    with pytest.raises(DomainError) as refused:
        services.serious_condition_record(
            actor=actor_for(ana), person_id=maria.public_id, fields={**CONDITION, **change}
        )
    assert message in " ".join(refused.value.fields[field])
    assert not SeriousCondition.objects.exists()


@pytest.mark.parametrize("code", ["99999", "G0019", "12345", "9921"])
def test_an_initiating_visit_needs_a_real_visit_code(ana, maria, code):
    with pytest.raises(DomainError) as refused:
        services.initiating_visit_record(
            actor=actor_for(ana),
            person_id=maria.public_id,
            fields={
                "visit_date": days_ago(3),
                "code": code,
                "practitioner_name": "Dr. Rosa Kim",
                "practitioner_npi": "1234567893",
            },
        )
    assert "code" in refused.value.fields
    assert not InitiatingVisit.objects.exists()


def test_diagnosis_codes_must_exist_on_their_date(ana, maria):
    actor = actor_for(ana)
    with pytest.raises(DomainError) as refused:
        care_services.recommendation_record(
            actor=actor,
            person_id=maria.public_id,
            fields={
                "practitioner_name": "Dr. Rosa Kim",
                "practitioner_npi": "1234567893",
                "credential": "MD",
                "recommended_on": datetime.date(2025, 6, 1),
                "scope": "CHW services",
                "diagnosis_code": "Z59.868",
            },
        )
    assert refused.value.fields["diagnosis_code"] == ["Z59.868 did not exist yet on 2025-06-01."]
    with pytest.raises(DomainError) as refused:
        screening_services.need_record(
            actor=actor, person_id=maria.public_id, category="food-insecurity", z_code="Z59.4"
        )
    assert "is a category" in refused.value.fields["z_code"][0]


def test_the_api_and_the_pages(api_for, client_for, ana, maria):
    api = api_for(ana)
    consent = api.post(
        f"/persons/{maria.public_id}/service-consents",
        {**CONSENT, "given_on": str(CONSENT["given_on"])},
    )
    assert consent.status_code == 201 and consent.json()["method"] == "verbal"
    condition = api.post(
        f"/persons/{maria.public_id}/serious-conditions",
        {**CONDITION, "diagnosed_on": str(CONDITION["diagnosed_on"]), "diagnosis_code": "C509"},
    )
    assert condition.status_code == 400  # C50.9 is a category: the error names the field
    assert "diagnosis_code" in condition.json()["error"]["fields"]
    condition = api.post(
        f"/persons/{maria.public_id}/serious-conditions",
        {**CONDITION, "diagnosed_on": str(CONDITION["diagnosed_on"])},
    )
    assert condition.status_code == 201 and condition.json()["diagnosis_code"] == "C50.911"
    assert len(api.get(f"/persons/{maria.public_id}/service-consents").json()) == 1
    assert len(api.get(f"/persons/{maria.public_id}/serious-conditions").json()) == 1
    client = client_for(ana)
    page = client.get(f"/people/{maria.public_id}/").content.decode()
    assert "Consent to a monthly service" in page and "C50.911" in page
    posted = client.post(
        f"/billing/people/{maria.public_id}/service-consents/new/",
        {
            "given_on": str(days_ago(1)),
            "method": "written",
            "practitioner_name": "Dr. Rosa Kim",
            "practitioner_npi": "1234567893",
            "cost_sharing_explained": "on",
        },
    )
    assert posted.status_code == 200  # one box left unticked: the form says so
    assert "must be told" in posted.content.decode()
    posted = client.post(
        f"/billing/people/{maria.public_id}/service-consents/new/",
        {
            **CONSENT,
            "given_on": str(days_ago(1)),
            "cost_sharing_explained": "on",
            "one_practitioner_explained": "on",
        },
    )
    assert posted.status_code == 302 and ServiceConsent.objects.count() == 2


def test_the_pages_in_spanish(client_for, ana, maria):
    ana.user.language = "es"
    ana.user.save()
    client = client_for(ana)
    form = client.get(f"/billing/people/{maria.public_id}/serious-conditions/new/")
    body = form.content.decode()
    assert "Registrar una condición grave" in body and "Duración esperada (meses)" in body
