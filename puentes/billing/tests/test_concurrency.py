"""Two billers generating the same payer's batch at the same moment: the payer row makes
the second wait, then it finds nothing left to bill — a service is never claimed twice.
Needs PostgreSQL's concurrent transactions (skipped on SQLite)."""

import threading

import pytest
from django.db import connection, connections

from conftest import actor_for
from puentes.billing import services
from puentes.billing.models import ClaimLine
from puentes.core.errors import DomainError

from .conftest import days_ago

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions"
)


def test_concurrent_batch_generation_never_bills_twice(
    transactional_db, bea, alma, covered, medi_cal, log_visit
):
    for day in (3, 5, 7, 9):
        log_visit(day=day)
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def generate(member) -> None:
        try:
            barrier.wait()
            batch = services.batch_generate(
                actor=actor_for(member),
                payer_id=medi_cal.public_id,
                start=days_ago(30),
                end=days_ago(1),
            )
            outcomes.append(ClaimLine.objects.filter(claim__batch=batch).count())
        except DomainError as error:
            outcomes.append(error.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=generate, args=(m,)) for m in (bea, alma)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes, key=str) == [4, "Nothing in this period is ready to bill to Medi-Cal."]
    assert ClaimLine.objects.filter(is_current=True).count() == 4
    pairs = list(ClaimLine.objects.values_list("encounter_id", "person_id"))
    assert len(pairs) == len(set(pairs))
