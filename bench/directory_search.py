"""Directory search at national scale: a fixed mix of realistic queries (words + radius +
need + language + open now), timed in the service layer and over HTTP, beside the floor
(the same SQL run raw) and the ratio.

    uv run python bench/directory_search.py [--services 200000] [--runs 20]

Builds its own throwaway test database (SQLite in memory, or PostgreSQL when
PUENTES_DATABASE_URL points at one). Targets (directory issue): p95 <= 25 ms in the service
layer (PostgreSQL 1,000,000 rows; SQLite 200,000 rows), <= 50 ms over HTTP.
"""

import argparse
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puentes.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bench.directory_data import generate  # noqa: E402
from bench.machine import use_bench_database  # noqa: E402
from puentes.core.actor import Actor  # noqa: E402
from puentes.directory import search_index  # noqa: E402
from puentes.directory.importing.loader import load  # noqa: E402
from puentes.directory.importing.readers import read  # noqa: E402
from puentes.directory.models import SearchEntry  # noqa: E402
from puentes.directory.search import (  # noqa: E402
    DirectoryQuery,
    page_statement,
    search,
    search_queryset,
)
from puentes.network.models import Organization  # noqa: E402
from puentes.network.services import apikey_create, membership_create, user_create  # noqa: E402

QUERIES = [
    DirectoryQuery(words="food pantry", postal_code="95815", radius_km=25),
    DirectoryQuery(need="food-insecurity", postal_code="10001", radius_km=10, language="es"),
    DirectoryQuery(words="ayuda renta", postal_code="60601", radius_km=25),
    DirectoryQuery(need="housing-instability", postal_code="77002", radius_km=50, open_now=True),
    DirectoryQuery(words="clinic", postal_code="93701", radius_km=25, free=False, age=40),
    DirectoryQuery(
        words="comida familias", need="food-insecurity", postal_code="33125", radius_km=25
    ),
    DirectoryQuery(postal_code="98101", radius_km=10),
    DirectoryQuery(words="legal aid", language="es", postal_code="85004", radius_km=50),
]


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    last = len(ordered) - 1
    return tuple(ordered[min(last, round(p * last))] for p in (0.50, 0.95, 0.99))  # type: ignore[return-value]


def timed(function: Callable[[], object], runs: int) -> list[float]:
    function()  # warm caches
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def raw_sql(query: DirectoryQuery) -> None:
    """The ranked statement the service runs for a page (ids and the window count), run
    raw: the floor no layer above the database can go under."""
    entries, _origin = search_queryset(query)
    page_sql, page_params = page_statement(entries, query).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(page_sql, page_params)
        cursor.fetchall()


def http_client() -> tuple[Client, dict[str, str]]:
    organization = Organization.objects.create(name="Bench", kind="cbo")
    user = user_create(
        username=f"bench-{uuid.uuid4().hex[:8]}",  # a kept database may hold earlier runs
        password="bench-password-1234",
        email="b@example.org",
        first_name="",
        last_name="",
        language="en",
    )
    member = membership_create(user=user, organization=organization, role="org_admin")
    actor = Actor(organization=organization, role=member.role, user=user, membership=member)
    _key, raw = apikey_create(actor=actor, name="bench", scope="read")
    return Client(), {"Authorization": f"Bearer {raw}"}


def as_params(query: DirectoryQuery) -> dict[str, str]:
    params: dict[str, object] = {
        "q": query.words,
        "need": query.need,
        "zip": query.postal_code,
        "radius_km": query.radius_km,
        "language": query.language,
        "free": query.free,
        "open_now": query.open_now,
    }
    if query.age is not None:
        params["age"] = query.age
    return {
        k: str(v).lower() if isinstance(v, bool) else str(v)
        for k, v in params.items()
        if v not in ("", False, None)
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="PostgreSQL: keep the built database, and reuse it when it has the same size "
        "(a 1,000,000-row build takes about 20 minutes)",
    )
    options = parser.parse_args()
    setup_test_environment()
    keep = options.keep and connection.vendor == "postgresql"
    use_bench_database(connection, "search")
    old_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=keep, serialize=False
    )
    try:
        started = time.perf_counter()
        rows = SearchEntry.objects.count() if keep else 0
        if rows != options.services:
            SearchEntry.objects.all().delete()
            with tempfile.TemporaryDirectory() as folder:
                generate(Path(folder), options.services)
                load(read(Path(folder)), source="bench")
            rows = search_index.rebuild()
        search_index.settle()  # what a rebuild ends with (a kept database may predate it)
        print(
            f"{rows:,} service-at-locations on {connection.vendor}, built in "
            f"{time.perf_counter() - started:.0f} s; {options.runs} runs per query"
        )
        client, headers = http_client()
        service, floor, http = [], [], []
        per_query = []
        for query in QUERIES:
            samples = timed(partial(search, query), options.runs)
            service += samples
            floor += timed(partial(raw_sql, query), options.runs)
            http += timed(
                partial(client.get, "/api/v1/directory/search", as_params(query), headers=headers),
                options.runs,
            )
            per_query.append((as_params(query), percentiles(samples)[1], search(query).total))
        print(f"{'layer':<16}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'floor p95':>11}{'ratio':>7}")
        floor_p95 = percentiles(floor)[1]
        for name, samples in (
            ("raw SQL floor", floor),
            ("service layer", service),
            ("HTTP API", http),
        ):
            p50, p95, p99 = percentiles(samples)
            print(
                f"{name:<16}{p50:>9.1f}{p95:>9.1f}{p99:>9.1f}{floor_p95:>11.1f}"
                f"{p95 / floor_p95:>7.2f}"
            )
        print("\nservice layer p95 by query (matches):")
        for params, p95, total in sorted(per_query, key=lambda row: -row[1]):
            print(f"  {p95:>7.1f} ms  {total:>7,}  {params}")
    finally:
        if not keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
