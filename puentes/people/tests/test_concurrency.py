"""Two people saving the same record at once: exactly one wins, the other gets a conflict.

Real concurrent transactions need PostgreSQL (SQLite's test database is one in-memory
connection); on SQLite this test is skipped and the stale-version tests cover the rule.
"""

import threading

import pytest
from django.db import connection, connections

from conftest import actor_for
from puentes.core.errors import DomainError
from puentes.people import services


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
def test_simultaneous_updates_with_the_same_version_never_both_succeed(
    transactional_db, ana, sam, make_person
):
    person = make_person(ana)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def save(member, city):
        try:
            barrier.wait()
            services.person_update(
                actor=actor_for(member),
                person_id=person.public_id,
                version=1,
                fields={"city": city},
            )
            outcomes.append("saved")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(m, c)) for m, c in [(ana, "A"), (sam, "B")]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "saved"]
    person.refresh_from_db()
    assert person.version == 2
