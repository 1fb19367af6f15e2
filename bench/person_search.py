"""Person search at the scale of a large CHW program.

Builds N people per organization in a throwaway test database (SQLite in memory by default;
PostgreSQL when PUENTES_DATABASE_URL points at one — a `test_…` database is created and
dropped), then times the page's search (people.selectors.person_list, first page of 25 with
its count) against its floor: the same SQL run raw through the driver.

    uv run python bench/person_search.py [--people 100000] [--runs 30]
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puentes.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bench.machine import use_bench_database  # noqa: E402
from puentes.core.actor import Actor  # noqa: E402
from puentes.network.models import Organization  # noqa: E402
from puentes.people.models import Person  # noqa: E402
from puentes.people.selectors import build_search_text, person_list  # noqa: E402

GIVEN = [
    "María",
    "José",
    "Ana",
    "Luis",
    "Guadalupe",
    "John",
    "Mary",
    "Linh",
    "Pao",
    "Sara",
    "Carlos",
    "Rosa",
    "Juan",
    "Fatima",
    "Ali",
    "Mei",
    "Tou",
    "Grace",
    "David",
    "Lucía",
]
FAMILY = ["López", "Hernández", "García", "Martínez", "Smith", "Nguyen", "Vang", "Lee",
          "Johnson", "Rodríguez", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Kim",
          "Brown", "Díaz", "Cruz", "Morales", "Reyes", "Gutiérrez", "Ortiz", "Chávez"]  # fmt: skip


def build(people: int, organizations: int) -> Organization:
    rng = random.Random(7)  # noqa: S311 - benchmark data
    orgs = [Organization.objects.create(name=f"Org {i}", kind="cbo") for i in range(organizations)]
    for organization in orgs:
        batch = []
        for index in range(people):
            person = Person(
                organization=organization,
                given_name=rng.choice(GIVEN),
                family_name=f"{rng.choice(FAMILY)} {rng.choice(FAMILY)}",
                date_of_birth=date(
                    1940 + rng.randrange(80), 1 + rng.randrange(12), 1 + rng.randrange(28)
                ),
                phone=f"+1916{rng.randrange(10**7):07d}",
            )
            person.search_text = build_search_text(person, [f"9{index:07d}A"])
            batch.append(person)
        Person.objects.bulk_create(batch, batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE people_person")
    return orgs[0]


def search_page(actor: Actor, query: str) -> int:
    """What the people page does: the first 25 matches and how many there are."""
    results = person_list(actor=actor, query=query)
    list(results[:25])
    return results.count()


def raw_sql_page(actor: Actor, query: str) -> None:
    """The floor: the same two statements, run directly through the database driver."""
    queryset = person_list(actor=actor, query=query)
    page_sql, page_params = queryset[:25].query.sql_with_params()
    count_sql, count_params = queryset.order_by().values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(page_sql, page_params)
        cursor.fetchall()
        cursor.execute("SELECT COUNT(*) FROM (" + count_sql + ") AS matching", count_params)  # noqa: S608 - Django-generated SQL
        cursor.fetchone()


def timed(function: Any, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000, help="people per organization")
    parser.add_argument("--organizations", type=int, default=3)
    parser.add_argument("--runs", type=int, default=30)
    options = parser.parse_args()

    setup_test_environment()
    use_bench_database(connection, "people")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        started = time.perf_counter()
        organization = build(options.people, options.organizations)
        print(
            f"{options.people * options.organizations:,} people in {options.organizations} "
            f"organizations on {connection.vendor}, built in {time.perf_counter() - started:.1f} s"
        )
        actor = Actor(organization=organization, role="supervisor")
        print(f"{'search':<24}{'matches':>9}{'figure ms':>11}{'floor ms':>10}{'ratio':>7}")
        for query in ["maria lopez", "gutierrez", "9165", "90001234a"]:
            matches = search_page(actor, query)
            figure = timed(lambda q=query: search_page(actor, q), options.runs)
            floor_ms = timed(lambda q=query: raw_sql_page(actor, q), options.runs)
            ratio = figure / floor_ms
            print(f"{query!r:<24}{matches:>9,}{figure:>11.1f}{floor_ms:>10.1f}{ratio:>7.2f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
