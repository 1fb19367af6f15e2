"""The clinic set up for Medi-Cal billing: billing profile, a payer, fees, María covered
with a recommendation and a food need (Z59.41), and helpers to log visits."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from conftest import actor_for
from puentes.billing import services
from puentes.care import services as care_services
from puentes.network.models import Organization
from puentes.screening import services as screening_services
from puentes.screening.models import Need
from puentes.workforce.tests.helpers import certify

FEES = {"98960": "50.00", "98961": "30.00", "98962": "20.00", "G0019": "80.00", "G0022": "40.00"}


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def billing_clinic(clinic, bea):
    Organization.objects.filter(pk=clinic.pk).update(
        tax_id="94-1234567",
        address_line1="2100 Stockton Blvd",
        city="Sacramento",
        state="CA",
        postal_code="95817",
    )
    clinic.refresh_from_db()
    actor = actor_for(bea)
    supervisor = services.provider_add(
        actor=actor,
        fields={
            "first_name": "Rosa",
            "last_name": "Kim",
            "npi": "1234567893",
            "role": "supervising",
        },
    )
    services.billing_profile_set(
        actor=actor,
        fields={
            "taxonomy_code": "251S00000X",
            "postal_code_9": "958171234",
            "submitter_id": "PUENTES01",
            "contact_name": "Bea Nguyen",
            "contact_phone": "9165550142",
            "supervising_provider_id": supervisor.public_id,
        },
    )
    for code, charge in FEES.items():
        services.fee_set(actor=actor, code=code, charge=charge)
    return clinic


@pytest.fixture
def medi_cal(billing_clinic, bea):
    return services.payer_create(
        actor=actor_for(bea),
        fields={
            "name": "Medi-Cal",
            "payer_identifier": "610442",
            "filing_indicator": "MC",
            "rule_set_id": "medi-cal-chw",
        },
    )


@pytest.fixture
def covered(ana, maria, medi_cal):
    """María: Medi-Cal since last year, a current recommendation, a food need."""
    actor = actor_for(ana)
    care_services_actor = actor
    services.coverage_add(
        actor=actor,
        person_id=maria.public_id,
        fields={
            "payer_id": medi_cal.public_id,
            "member_id": "91234567A",
            "start_date": days_ago(400),
            "plan_name": "Medi-Cal FFS",
        },
    )
    care_services.recommendation_record(
        actor=care_services_actor,
        person_id=maria.public_id,
        fields={
            "practitioner_name": "Dr. Rosa Kim",
            "practitioner_npi": "1234567893",
            "credential": "MD",
            "recommended_on": days_ago(300),
            "scope": "CHW services",
        },
    )
    maria.address_line1 = "12 Oak St"
    maria.save(update_fields=["address_line1"])
    need = screening_services.need_record(
        actor=actor, person_id=maria.public_id, category="food-insecurity", z_code="Z59.41"
    )
    # The need was found at her first screening, months ago.
    Need.objects.filter(pk=need.pk).update(identified_on=days_ago(200))
    return need


@pytest.fixture
def log_visit(ana, maria):
    def log(minutes: int = 45, day: int = 10, membership: Any = None, **fields: Any):
        encounter, _ = care_services.encounter_log(
            actor=actor_for(membership or ana),
            fields={
                "person_id": str(maria.public_id),
                "occurred_on": days_ago(day),
                "start_time": datetime.time(10, 0),
                "duration_minutes": minutes,
                "modality": "in_person",
                "place_of_service": "12",
                "services": ["health_education"],
                **fields,
            },
        )
        return encounter

    return log


@pytest.fixture
def medicare(billing_clinic, bea, ana, maria, covered):
    payer = services.payer_create(
        actor=actor_for(bea),
        fields={
            "name": "Medicare Part B",
            "payer_identifier": "01182",
            "filing_indicator": "MB",
            "rule_set_id": "medicare-chi-pin",
        },
    )
    actor = actor_for(ana)
    services.coverage_add(
        actor=actor,
        person_id=maria.public_id,
        fields={
            "payer_id": payer.public_id,
            "member_id": "1EG4TE5MK73",
            "start_date": datetime.date(2026, 1, 1),
            "priority": "primary",
        },
    )
    # Medicare is her primary coverage from 2026: end the Medi-Cal one the day before.
    maria.coverages.filter(payer__name="Medi-Cal").update(end_date=datetime.date(2025, 12, 31))
    services.initiating_visit_record(
        actor=actor,
        person_id=maria.public_id,
        fields={
            "visit_date": datetime.date(2026, 9, 1),
            "code": "99214",
            "practitioner_name": "Dr. Rosa Kim",
            "practitioner_npi": "1234567893",
        },
    )
    services.service_consent_record(
        actor=actor,
        person_id=maria.public_id,
        fields={
            "given_on": datetime.date(2026, 9, 1),
            "method": "verbal",
            "practitioner_name": "Dr. Rosa Kim",
            "practitioner_npi": "1234567893",
            "cost_sharing_explained": True,
            "one_practitioner_explained": True,
        },
    )
    return payer


@pytest.fixture
def ana(ana):
    """Ana qualifies for Medi-Cal's CHW benefit (a certificate, 6 hours of training a
    year): the billing tests bill her visits. tests/test_qualification.py takes it away."""
    return certify(ana)
