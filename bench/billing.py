"""Billing at scale: 1,000,000 encounters of 100,000 persons across two payers (Medi-Cal
and Medicare), a year of work. Times what billing staff and the workers do — each payer's
batch queued, then generated (every rule evaluated, claims written) and its 837P written by
worker processes (two on PostgreSQL, as one `manage.py db_worker` a core would) — and
prints the figure, the floor (writing the same bytes to disk) and the ratio, and the peak
memory of a worker.

    PUENTES_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \\
        uv run python bench/billing.py [--persons 100000] [--per-person 10] [--workers 2] [--keep]

The data is built in a child process into its own database (`<database>_billing` on
PostgreSQL, kept with --keep). Target (billing issue): 60 s and 500 MB for 1,000,000
encounters.
"""

import argparse
import datetime
import multiprocessing
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puentes.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402

# The bench plays the workers itself: queued tasks are kept, not run or stored.
settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

from django.db import connection, connections, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bench.machine import machine_line, use_bench_database  # noqa: E402

TARGET_SECONDS = 60.0
TARGET_MB = 500.0
YEAR = 2025
SERVICES = ["health_education", "navigation", "screening", "advocacy"]


def build(persons: int, per_person: int) -> None:
    """The clinic set up for billing, the people with coverage, a recommendation and a food
    need, and their encounters — written with bulk inserts."""
    from bench.workforce import certify_in_bulk
    from puentes.billing.models import BillingProfile, Coverage, FeeScheduleEntry, Payer
    from puentes.care.models import Encounter, Recommendation
    from puentes.network.models import Membership, Organization, User
    from puentes.people.models import Person
    from puentes.screening.models import Need

    rng = random.Random(2025)  # noqa: S311 - synthetic data
    clinic = Organization.objects.create(
        name="Bench clinic",
        kind="health_center",
        npi="1234567893",
        tax_id="94-1234567",
        address_line1="1 Main St",
        city="Sacramento",
        state="CA",
        postal_code="95817",
    )
    BillingProfile.objects.create(
        organization=clinic,
        taxonomy_code="251S00000X",
        postal_code_9="958171234",
        submitter_id="BENCH01",
        contact_name="Billing",
        contact_phone="9165550100",
    )
    user = User.objects.create(username="bench-chw")
    worker = Membership.objects.create(
        user=user, organization=clinic, role="chw", worker_type="promotor"
    )
    certify_in_bulk([worker], YEAR)
    payers = [
        Payer.objects.create(
            organization=clinic,
            name="Medi-Cal",
            payer_identifier="610442",
            filing_indicator="MC",
            rule_set_id="medi-cal-chw",
        ),
        Payer.objects.create(
            organization=clinic,
            name="Medicare",
            payer_identifier="MCR01",
            filing_indicator="MB",
            rule_set_id="medicare-chi-pin",
        ),
    ]
    for code, charge in {
        "98960": 50,
        "98961": 30,
        "98962": 20,
        "G0019": 80,
        "G0022": 40,
        "G0023": 80,
        "G0024": 40,
        "G0136": 20,
    }.items():
        FeeScheduleEntry.objects.create(organization=clinic, code=code, charge=charge)
    from puentes.billing.models import InitiatingVisit, ServiceConsent

    start = datetime.date(YEAR, 1, 1)
    chunk = 5000
    for first in range(0, persons, chunk):
        people = Person.objects.bulk_create(
            [
                Person(
                    organization=clinic,
                    given_name=f"Given{i}",
                    family_name=f"Family{i}",
                    date_of_birth=datetime.date(1950 + i % 50, 1 + i % 12, 1 + i % 28),
                    sex="female" if i % 2 else "male",
                    address_line1=f"{i} Oak St",
                    city="Sacramento",
                    state="CA",
                    postal_code="95817",
                )
                for i in range(first, min(first + chunk, persons))
            ]
        )
        Coverage.objects.bulk_create(
            [
                Coverage(
                    organization=clinic,
                    person=p,
                    payer=payers[p.pk % 2],
                    member_id=f"M{p.pk:09d}",
                    start_date=start,
                )
                for p in people
            ]
        )
        Recommendation.objects.bulk_create(
            [
                Recommendation(
                    organization=clinic,
                    person=p,
                    practitioner_name="Dr. Kim",
                    practitioner_npi="1234567893",
                    credential="MD",
                    recommended_on=start,
                    scope="CHW services",
                )
                for p in people
            ]
        )
        InitiatingVisit.objects.bulk_create(
            [
                InitiatingVisit(
                    organization=clinic,
                    person=p,
                    visit_date=start,
                    code="99214",
                    practitioner_name="Dr. Kim",
                    practitioner_npi="1234567893",
                )
                for p in people
            ]
        )
        ServiceConsent.objects.bulk_create(
            [
                ServiceConsent(
                    organization=clinic,
                    person=p,
                    given_on=start,
                    method="verbal",
                    practitioner_name="Dr. Kim",
                    practitioner_npi="1234567893",
                    recorded_by=user,
                )
                for p in people
            ]
        )
        Need.objects.bulk_create(
            [
                Need(
                    organization=clinic,
                    person=p,
                    category="food-insecurity",
                    z_code="Z59.41",
                    status="identified",
                    identified_on=start,
                )
                for p in people
            ]
        )
        Encounter.objects.bulk_create(
            [
                Encounter(
                    organization=clinic,
                    person=p,
                    worker=worker,
                    occurred_on=start + datetime.timedelta(days=rng.randrange(360)),
                    start_time=datetime.time(9 + n % 8, 0),
                    duration_minutes=rng.choice([20, 30, 45, 60]),
                    modality="in_person",
                    place_of_service="12",
                    services=[SERVICES[(p.pk + n) % len(SERVICES)]],
                )
                for p in people
                for n in range(per_person)
            ],
            batch_size=10_000,
        )
        print(f"  built {min(first + chunk, persons):,} persons", flush=True)


def run(out_dir: Path, workers: int) -> dict[str, Any]:
    """What is measured: each payer's batch queued as billing staff do, then generated and
    its 837P written by background workers (``workers`` processes, as `manage.py db_worker`
    runs one a core), from the first request to the last file."""
    from puentes.billing import services
    from puentes.billing.models import Payer
    from puentes.core.actor import Actor
    from puentes.network.models import Membership

    member = Membership.objects.select_related("organization", "user").get(
        user__username="bench-chw"
    )
    actor = Actor(organization=member.organization, role="billing", user=member.user)
    started = time.perf_counter()
    jobs = []
    for payer in Payer.objects.filter(organization=member.organization).order_by("name"):
        batch = services.batch_request(
            actor=actor,
            payer_id=payer.public_id,
            start=datetime.date(YEAR, 1, 1),
            end=datetime.date(YEAR, 12, 31),
        )
        jobs.append((batch.pk, str(out_dir / f"{payer.name}.837")))
    connections.close_all()  # each worker process opens its own connection
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, maxtasksperchild=1) as pool:
        done = pool.map(_work, jobs, chunksize=1)
    return {
        "seconds": time.perf_counter() - started,
        "claims": sum(d["claims"] for d in done),
        "bytes": sum(d["bytes"] for d in done),
        "files": [Path(path) for _pk, path in jobs],
        "peak": max(d["peak"] for d in done),
    }


def _work(job: tuple[int, str]) -> dict[str, Any]:
    """A worker's part: generate one queued batch (the task's work), then write its 837P
    (a download's work)."""
    from puentes.billing import services
    from puentes.billing.exports import batch_837p
    from puentes.billing.models import ClaimBatch

    batch_pk, path = job
    services.batch_generate_run(batch_pk)
    batch = ClaimBatch.objects.select_related("organization", "payer").get(pk=batch_pk)
    if batch.status != "generated":
        raise RuntimeError(f"batch {batch_pk}: {batch.status} {batch.status_reason}")
    with open(path, "w", encoding="ascii") as handle:
        for chunk in batch_837p(batch):
            handle.write(chunk)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"claims": batch.claims.count(), "bytes": os.path.getsize(path), "peak": peak}


def floor(files: list[Path], out_dir: Path) -> float:
    """Writing the same bytes, in the same-sized pieces, to new files."""
    contents = [path.read_text(encoding="ascii") for path in files]
    started = time.perf_counter()
    for index, text in enumerate(contents):
        with (out_dir / f"floor-{index}.837").open("w", encoding="ascii") as handle:
            for offset in range(0, len(text), 64 * 1024):
                handle.write(text[offset : offset + 64 * 1024])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--per-person", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="PostgreSQL: keep the database")
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="worker processes (default: 2 on PostgreSQL, "
        "1 on SQLite, whose single writer would make a second wait)",
    )
    parser.add_argument("--build", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.build:  # the child process: fill the database the parent created
        connection.settings_dict["NAME"] = os.environ["PUENTES_BENCH_DB"]
        with transaction.atomic():
            build(options.persons, options.per_person)
        return
    setup_test_environment()
    keep = options.keep and connection.vendor == "postgresql"
    if connection.vendor == "postgresql":
        use_bench_database(connection, "billing")
    else:
        sqlite_file = Path(tempfile.gettempdir()) / "puentes_bench_billing.sqlite3"
        connection.settings_dict["TEST"]["NAME"] = str(sqlite_file)
    wanted = options.persons * options.per_person
    old_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=keep, serialize=False
    )
    try:
        from puentes.care.models import Encounter

        if keep and Encounter.objects.count() == wanted:
            _reset_claims()
        else:
            if Encounter.objects.exists():  # a kept database of another size: start over
                connection.creation.destroy_test_db(old_name, verbosity=0)
                old_name = connection.creation.create_test_db(
                    verbosity=0, autoclobber=True, serialize=False
                )
            print(f"Building {options.persons:,} persons and {wanted:,} encounters…", flush=True)
            connection.close()
            env = {**os.environ, "PUENTES_BENCH_DB": str(connection.settings_dict["NAME"])}
            command = [
                sys.executable,
                __file__,
                "--build",
                f"--persons={options.persons}",
                f"--per-person={options.per_person}",
            ]
            subprocess.run(command, check=True, env=env)  # noqa: S603 - this very script
            _analyze()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers = options.workers or (2 if connection.vendor == "postgresql" else 1)
        with tempfile.TemporaryDirectory() as out:
            result = run(Path(out), workers)
            floor_seconds = floor(result["files"], Path(out))
        report(options, wanted, result, floor_seconds, before, workers)
    finally:
        if not keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def report(
    options: Any,
    wanted: int,
    result: dict[str, Any],
    floor_seconds: float,
    before: float,
    workers: int,
) -> None:
    seconds = result["seconds"]
    ratio = seconds / max(floor_seconds, 1e-9)
    print(f"\nBilling run: {wanted:,} encounters, {options.persons:,} persons, 2 payers")
    print(f"  database              {connection.vendor}, {workers} worker process(es)")
    print(f"  claims written        {result['claims']:>12,}")
    print(f"  837P bytes            {result['bytes']:>12,}")
    print(f"  figure                {seconds:>10.1f} s   target {TARGET_SECONDS:.0f} s")
    print(f"  of the target         {seconds / TARGET_SECONDS:>10.2f}")
    print(f"  floor (same bytes)    {floor_seconds:>10.2f} s   ratio {ratio:,.0f}")
    peak = result["peak"]
    print(f"  peak memory a worker  {peak:>10.0f} MB  target {TARGET_MB:.0f} MB")
    print(f"  memory before the run {before:>10.0f} MB (shared with the workers, forked from it)")
    print(machine_line())


def _reset_claims() -> None:
    """A kept database is measured again from no claims (deleted in SQL, not loaded)."""
    from puentes.billing.models import Claim, ClaimBatch, ClaimEvent, ClaimLine

    with connection.cursor() as cursor:
        for model in (ClaimLine, ClaimEvent, Claim, ClaimBatch):
            cursor.execute(f"DELETE FROM {model._meta.db_table}")  # noqa: S608 - model names
    _analyze()


def _analyze() -> None:
    """PostgreSQL plans from statistics: gather them after the bulk writes, as autovacuum
    would in a running deployment (it may be off where the bench runs), so the run is
    measured on tables as a live database has them."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    main()
