"""A phone retrying a submission while the first is still being saved, and two people
editing one encounter: never two encounters, never two edits from the same version.

Real concurrent transactions need PostgreSQL (SQLite's test database is one in-memory
connection); on SQLite these are skipped and the sequential tests cover the rules.
"""

import datetime
import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections
from django.utils import timezone

from conftest import actor_for
from puentes.care import services
from puentes.care.models import Encounter
from puentes.core.errors import DomainError

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions"
)


def _together(*calls: Callable[[], object]) -> list[object]:
    barrier = threading.Barrier(len(calls))
    outcomes: list[object] = []

    def run(call: Callable[[], object]) -> None:
        try:
            barrier.wait()
            outcomes.append(call())
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_the_same_submission_twice_at_once_logs_one_encounter(transactional_db, ana, maria):
    fields = {
        "person_id": str(maria.public_id),
        "occurred_on": timezone.localdate() - datetime.timedelta(days=1),
        "duration_minutes": 30,
        "modality": "phone",
        "place_of_service": "10",
        "services": ["navigation"],
    }

    def submit() -> object:
        encounter, _created = services.encounter_log(
            actor=actor_for(ana), fields=fields, idempotency_key="retry-1"
        )
        return encounter.pk

    outcomes = _together(submit, submit)
    assert Encounter.objects.count() == 1
    assert outcomes == [Encounter.objects.get().pk] * 2


def test_two_edits_of_the_same_version_never_both_succeed(
    transactional_db, ana, sam, maria, make_person
):
    encounter, _ = services.encounter_log(
        actor=actor_for(ana),
        fields={
            "person_id": str(maria.public_id),
            "occurred_on": timezone.localdate() - datetime.timedelta(days=1),
            "duration_minutes": 30,
            "modality": "phone",
            "place_of_service": "10",
            "services": ["navigation"],
        },
    )

    def edit(note: str) -> Callable[[], object]:
        return lambda: (
            services.encounter_update(
                actor=actor_for(ana),
                encounter_id=encounter.public_id,
                version=1,
                fields={"note": note},
            ).version
        )

    outcomes = _together(edit("first"), edit("second"))
    assert sorted(outcomes, key=str) == [2, "conflict"]
    encounter.refresh_from_db()
    assert encounter.version == 2 and encounter.revisions.count() == 1
