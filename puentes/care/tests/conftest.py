"""The clinic's asthma home-visiting program, María enrolled in it by ana, and helpers to
log encounters through the real services."""

import datetime
from typing import Any

import pytest
from django.utils import timezone

from conftest import actor_for
from puentes.care import selectors, services
from puentes.screening import services as screening_services


@pytest.fixture
def asthma(sam):
    return services.program_create(
        actor=actor_for(sam),
        fields={
            "name": "Asthma home visiting",
            "kind": "asthma",
            "target_population": "Children and adults with poorly controlled asthma",
            "worker_types": ["chw", "promotor"],
            "follow_up_days": 14,
            "caseload_limit": 2,
        },
    )


@pytest.fixture
def ecm(sam):
    return services.program_create(
        actor=actor_for(sam), fields={"name": "ECM", "kind": "ecm", "follow_up_days": 7}
    )


@pytest.fixture
def enrollment(ana, maria, asthma):
    return services.enrollment_create(
        actor=actor_for(ana), person_id=maria.public_id, fields={"program_id": asthma.public_id}
    )


@pytest.fixture
def food_need(ana, maria):
    return screening_services.need_record(
        actor=actor_for(ana), person_id=maria.public_id, category="food-insecurity"
    )


def today() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def visit(ana, maria):
    """Log an encounter with María as ana (a 45-minute home visit yesterday by default)."""

    def log(key: str = "", membership: Any = None, **overrides: Any):
        fields = {
            "person_id": str(maria.public_id),
            "occurred_on": today() - datetime.timedelta(days=1),
            "start_time": datetime.time(10, 0),
            "duration_minutes": 45,
            "modality": "in_person",
            "place_of_service": "12",
            "services": ["health_education"],
            **overrides,
        }
        encounter, _created = services.encounter_log(
            actor=actor_for(membership or ana), fields=fields, idempotency_key=key
        )
        return encounter

    return log


DOCTOR_FIELDS = {
    "practitioner_name": "Dr. Rosa Kim",
    "practitioner_npi": "1234567893",
    "credential": "MD",
}


@pytest.fixture
def bill(monkeypatch):
    """Mark encounters as standing on a claim, as billing would, without a claim: a holder
    added beside the registered ones (see care.selectors.encounter_holder_register)."""
    held: set[int] = set()
    monkeypatch.setattr(selectors, "_HOLDERS", [*selectors._HOLDERS, lambda ids: held & set(ids)])
    return lambda encounter: held.add(encounter.pk)
