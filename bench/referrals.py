"""Referral transitions under load: 10 concurrent clients, each running create -> send ->
accept -> start -> complete cycles over HTTP against gunicorn on PostgreSQL. Prints
transitions per second and p95 latency per transition, beside the floor (the same SQL
statements issued directly through the driver) and the ratio.

    PUENTES_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \\
        uv run python bench/referrals.py [--clients 10] [--cycles 10] [--workers 4]

Builds a throwaway database (`<database>_referrals`), starts gunicorn on it, and drops it
afterwards. Target (the organization-size issue): p95 <= 50 ms per transition at 10
concurrent clients on a 2-core machine. (50 clients with no pause between requests
measures saturation, not latency: try it with --clients 50 to see throughput.)
"""

import argparse
import datetime
import http.client
import json
import os
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puentes.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from bench.listings import network_listing  # noqa: E402
from bench.machine import machine_line, use_bench_database  # noqa: E402
from bench.server import start_gunicorn  # noqa: E402
from puentes.core.actor import Actor  # noqa: E402
from puentes.network.models import Organization  # noqa: E402
from puentes.network.services import apikey_create, membership_create, user_create  # noqa: E402
from puentes.people import services as people_services  # noqa: E402
from puentes.referrals import services as referral_services  # noqa: E402
from puentes.screening import services as screening_services  # noqa: E402

STEPS = ["create", "send", "accept", "start", "complete"]


def _member(organization: Organization, username: str, role: str) -> Actor:
    user = user_create(
        username=username, password="bench-password-1234", email=f"{username}@example.org",
        first_name=username, last_name="Bench", language="en",
    )  # fmt: skip
    worker_type = "chw" if role == "chw" else ""
    member = membership_create(
        user=user, organization=organization, role=role, worker_type=worker_type
    )
    return Actor(organization=organization, role=role, user=user, membership=member)


def build(people: int) -> dict[str, Any]:
    clinic = Organization.objects.create(name="Bench clinic", kind="health_center")
    pantry = Organization.objects.create(name="Bench pantry", kind="cbo")
    ana = _member(clinic, "bench-chw", "chw")
    pat = _member(pantry, "bench-cbo", "cbo_staff")
    sal = network_listing(pantry, name="Pantry")
    persons = []
    for number in range(people):
        person = people_services.person_create(
            actor=ana,
            allow_duplicate=True,
            fields={
                "given_name": f"Person{number}",
                "family_name": "Bench",
                "date_of_birth": datetime.date(1980, 1, 1) + datetime.timedelta(days=number),
            },
        )
        people_services.consent_record(
            actor=ana, person_id=person.public_id, organization_ids=[pantry.public_id],
            fields={"scope": "named", "purpose": "referral", "method": "verbal",
                    "given_on": datetime.date(2026, 1, 1)},
        )  # fmt: skip
        need = screening_services.need_record(
            actor=ana, person_id=person.public_id, category="food-insecurity"
        )
        persons.append((str(person.public_id), str(need.public_id)))
    # API keys are created by an administrator of each organization.
    keys = [
        apikey_create(actor=_member(org, f"bench-admin-{n}", "org_admin"), name="bench",
                      scope="read_write")[1]
        for n, org in enumerate((clinic, pantry))
    ]  # fmt: skip
    referring_key, receiving_key = keys
    return {
        "ana": ana, "pat": pat, "sal": str(sal.pk), "persons": persons,
        "referring_key": referring_key, "receiving_key": receiving_key,
    }  # fmt: skip


def _cycle(
    world: dict[str, Any], person_id: str, need_id: str
) -> list[tuple[str, Callable[[Any], Any]]]:
    """One referral's create -> send -> accept -> start -> complete, through the services."""
    ana, pat = world["ana"], world["pat"]

    def move(status: str, **extra: Any) -> Callable[[Any], Any]:
        return lambda r: referral_services.referral_transition(
            actor=pat, referral_id=r.public_id, version=r.version, status=status, **extra
        )

    return [
        ("create", lambda _r: referral_services.referral_create(
            actor=ana, person_id=person_id, service_at_location_id=world["sal"],
            need_ids=[need_id])),
        ("send", lambda r: referral_services.referral_send(
            actor=ana, referral_id=r.public_id, version=r.version)),
        ("accept", move("accepted")),
        ("start", move("in-progress")),
        ("complete", move("completed", outcome="food")),
    ]  # fmt: skip


def floor(world: dict[str, Any], runs: int) -> dict[str, list[float]]:
    """Record the SQL each transition issues (through the services, once per run), then time
    the same statements issued directly, one client, rolled back so every run starts alike."""
    samples: dict[str, list[float]] = defaultdict(list)
    for run in range(runs):
        recorded = _recorded_cycle(world, *world["persons"][-(run + 1)])
        for name, ms in _replay(recorded).items():
            samples[name].append(ms)
    return samples


def _replay(plan: dict[str, list[str]]) -> dict[str, float]:
    """Milliseconds each step's recorded statements take, issued directly in one
    transaction that is rolled back."""
    timings = {}
    with transaction.atomic(), connection.cursor() as cursor:
        for name in STEPS:
            started = time.perf_counter()
            for sql in plan[name]:
                cursor.execute(sql)
            timings[name] = (time.perf_counter() - started) * 1000
        transaction.set_rollback(True)
    return timings


def _recorded_cycle(world: dict[str, Any], person_id: str, need_id: str) -> dict[str, list[str]]:
    """The SQL of one cycle through the services, per step, rolled back."""
    recorded: dict[str, list[str]] = {}
    with transaction.atomic():
        referral = None
        for name, step in _cycle(world, person_id, need_id):
            with CaptureQueriesContext(connection) as captured:
                referral = step(referral)
            recorded[name] = [
                q["sql"]
                for q in captured.captured_queries
                if not q["sql"].startswith(("SAVEPOINT", "RELEASE", "ROLLBACK"))
            ]
        transaction.set_rollback(True)
    return recorded


def floor_concurrent(world: dict[str, Any], clients: int, cycles: int) -> dict[str, list[float]]:
    """The floor under the same load: ``clients`` threads, each with its own connection,
    issuing one cycle's recorded statements ``cycles`` times at once (each run rolled back),
    timed per step. What the database alone can do for as many clients on this machine."""
    plans = [_recorded_cycle(world, *world["persons"][-(i + 1)]) for i in range(clients)]
    samples: dict[str, list[float]] = defaultdict(list)
    lock = threading.Lock()

    def client(plan: dict[str, list[str]]) -> None:
        mine: dict[str, list[float]] = defaultdict(list)
        for _ in range(cycles):
            for name, ms in _replay(plan).items():
                mine[name].append(ms)
        connection.close()
        with lock:
            for name, values in mine.items():
                samples[name].extend(values)

    threads = [threading.Thread(target=client, args=(plan,)) for plan in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples


def client_loop(
    port: int, world: dict[str, Any], work: list[tuple[str, str]],
    samples: dict[str, list[float]], errors: list[str], lock: threading.Lock,
) -> None:  # fmt: skip
    connection_ = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(key: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
        connection_.request(
            "POST", f"/api/v1{path}", json.dumps(body),
            {"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        )  # fmt: skip
        response = connection_.getresponse()
        payload = json.loads(response.read() or b"{}")
        if response.status >= 300:
            raise RuntimeError(f"{path}: {response.status} {payload}")
        return payload

    for person_id, need_id in work:
        try:
            timings = {}
            started = time.perf_counter()
            referral = call(world["referring_key"], "/referrals", {
                "person_id": person_id, "service_at_location_id": world["sal"],
                "need_ids": [need_id]})  # fmt: skip
            timings["create"] = time.perf_counter() - started
            rid = referral["id"]
            for name, key, path, body in [
                ("send", "referring_key", f"/referrals/{rid}/send", {}),
                ("accept", "receiving_key", f"/referrals/{rid}/status", {"status": "accepted"}),
                ("start", "receiving_key", f"/referrals/{rid}/status", {"status": "in-progress"}),
                ("complete", "receiving_key", f"/referrals/{rid}/status",
                 {"status": "completed", "outcome": "food"}),
            ]:  # fmt: skip
                started = time.perf_counter()
                referral = call(world[key], path, {"version": referral["version"], **body})
                timings[name] = time.perf_counter() - started
            with lock:
                for name, seconds in timings.items():
                    samples[name].append(seconds * 1000)
        except Exception as error:
            with lock:
                errors.append(str(error)[:300])


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--cycles", type=int, default=10, help="cycles per client")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker")
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run on PostgreSQL: set PUENTES_DATABASE_URL=postgres://…")
    setup_test_environment()
    use_bench_database(connection, "referrals")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    server = None
    try:
        world = build(options.clients * options.cycles + options.workers * 8 + 20)
        floor_samples = floor(world, 20)
        loaded_floor = floor_concurrent(world, options.clients, options.cycles)
        server, port = start_gunicorn(connection, options.workers, options.threads)
        errors: list[str] = []
        lock = threading.Lock()
        # Warm every gunicorn worker (imports, URL and schema set-up) before timing.
        warm = world["persons"][-(options.workers * 8 + 20) : -20]
        warmers = [
            threading.Thread(
                target=client_loop,
                args=(port, world, warm[i :: options.workers * 2], defaultdict(list), errors, lock),
            )
            for i in range(options.workers * 2)
        ]
        for thread in warmers:
            thread.start()
        for thread in warmers:
            thread.join()
        samples: dict[str, list[float]] = defaultdict(list)
        persons = world["persons"][: options.clients * options.cycles]
        threads = [
            threading.Thread(
                target=client_loop,
                args=(port, world, persons[i :: options.clients], samples, errors, lock),
            )
            for i in range(options.clients)
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        transitions = sum(len(v) for v in samples.values())
        print(
            f"{options.clients} clients x {options.cycles} cycles on PostgreSQL, gunicorn "
            f"{options.workers} workers x {options.threads} threads: {transitions} transitions in "
            f"{elapsed:.1f} s = {transitions / elapsed:.0f} transitions/s; errors: {len(errors)}"
        )
        print(
            f"{'transition':<10} {'p50 ms':>8} {'p95 ms':>8} {'floor p95':>10} {'ratio':>7} "
            f"{'floor p95 at ' + str(options.clients) + ' clients':>24}"
        )
        for name in STEPS:
            values = sorted(samples[name])
            p50 = values[len(values) // 2] if values else 0.0
            bottom = p95(floor_samples[name])
            print(
                f"{name:<10} {p50:8.1f} {p95(values):8.1f} {bottom:10.2f} "
                f"{p95(values) / bottom if bottom else 0:7.1f} {p95(loaded_floor[name]):24.1f}"
            )
        print(
            f"all       {'':>8} {p95([v for vs in samples.values() for v in vs]):8.1f}  (target 50)"
        )
        print(machine_line())
        for error in errors[:5]:
            print("error:", error)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
