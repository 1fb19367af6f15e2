"""Everyday pages at an organization's real size: one clinic with 100,000 people, 50 CHWs
(one with 1,000 people on her caseload), 300,000 encounters, 20,000 referrals to a
partner pantry and 500,000 audit events. Times every page a CHW, supervisor, CBO or
billing user opens from the menu, and the list APIs, over HTTP against gunicorn (a signed-in
session for pages, an API key for the API), with 1 client and with 10 at once, and prints
p50/p95, the queries and the bytes of each beside the targets (p95 <= 300 ms with one
client, <= 600 ms with ten, at most 200 KB).

    PUENTES_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \\
        uv run python bench/pages.py [--people 100000] [--runs 12] [--keep]

Builds its own database, named after the one in PUENTES_DATABASE_URL with "_pages" added
(kept with --keep and reused when it holds the same number of people).
"""

import argparse
import datetime
import http.client
import os
import random
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puentes.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from bench.listings import network_listing  # noqa: E402
from bench.machine import machine_line, use_bench_database  # noqa: E402
from bench.server import start_gunicorn  # noqa: E402
from bench.workforce import certify_in_bulk  # noqa: E402

TODAY = datetime.date.today()
CHWS = 50
CASELOAD = 1_000
REFERRALS_PER_PERSON = 0.2  # 20,000 for 100,000 people
AUDIT_EVENTS_PER_PERSON = 5  # 500,000
ENCOUNTERS_PER_PERSON = 3
CHUNK = 10_000
TARGET_ONE, TARGET_TEN, TARGET_BYTES = 300, 600, 200_000


def _users(organization: Any, prefix: str, role: str, count: int, worker_type: str = "") -> list:
    from puentes.network.models import Membership, User

    users = User.objects.bulk_create(
        [
            User(username=f"{prefix}{n}", first_name=prefix.title(), last_name=str(n))
            for n in range(count)
        ]
    )
    return Membership.objects.bulk_create(
        [
            Membership(user=u, organization=organization, role=role, worker_type=worker_type)
            for u in users
        ]
    )


def build(people: int) -> None:
    """The organization, written in bulk (models' own fields, no per-row services)."""
    from puentes.billing.models import Coverage, Payer
    from puentes.care.models import Encounter, Enrollment, FollowUp, Program
    from puentes.core.models import AuditEvent
    from puentes.network.models import Organization
    from puentes.people.models import CaseloadAssignment, Consent, Person
    from puentes.people.selectors import build_search_text
    from puentes.referrals.models import Referral
    from puentes.screening.models import Need

    rng = random.Random(18)  # noqa: S311 - synthetic data
    clinic = Organization.objects.create(name="Bench clinic", kind="health_center")
    pantry = Organization.objects.create(name="Bench pantry", kind="cbo")
    chws = _users(clinic, "chw", "chw", CHWS, "chw")
    certify_in_bulk(chws, datetime.date.today().year)
    _users(clinic, "lead", "supervisor", 1)
    _users(clinic, "bill", "billing", 1)
    _users(pantry, "cbo", "cbo_staff", 1)
    sal = network_listing(pantry)
    programs = [
        Program.objects.create(organization=clinic, name=name, kind=kind, follow_up_days=14)
        for name, kind in (("Asthma", "asthma"), ("Diabetes", "diabetes"),
                           ("Perinatal", "perinatal"))
    ]  # fmt: skip
    payer = Payer.objects.create(
        organization=clinic, name="Medi-Cal", payer_identifier="610442",
        filing_indicator="MC", rule_set_id="medi-cal-chw",
    )  # fmt: skip
    first_names = ["María", "José", "Ana", "Luis", "Rosa", "John", "Mary", "Linh", "Pao", "Sara"]
    families = ["López", "García", "Nguyen", "Vang", "Smith", "Pérez", "Kim", "Díaz", "Cruz"]
    for first in range(0, people, CHUNK):
        batch = []
        for i in range(first, min(first + CHUNK, people)):
            person = Person(
                organization=clinic, given_name=rng.choice(first_names),
                family_name=f"{rng.choice(families)}{i}", date_of_birth=datetime.date(
                    1940 + i % 70, 1 + i % 12, 1 + i % 28), phone=f"+1916555{i % 10000:04d}",
                postal_code="95817", preferred_language="es" if i % 2 else "en",
            )  # fmt: skip
            person.search_text = build_search_text(person, [])
            batch.append(person)
        made = Person.objects.bulk_create(batch)
        worker_of = {
            p.pk: chws[0] if i + first < CASELOAD else chws[1 + (i + first) % (CHWS - 1)]
            for i, p in enumerate(made)
        }
        CaseloadAssignment.objects.bulk_create(
            [CaseloadAssignment(person=p, worker=worker_of[p.pk]) for p in made]
        )
        enrollments = Enrollment.objects.bulk_create(
            [
                Enrollment(organization=clinic, person=p, program=programs[p.pk % 3],
                           status="active", start_date=TODAY - datetime.timedelta(days=200))
                for p in made
            ]
        )  # fmt: skip
        Enrollment.workers.through.objects.bulk_create(
            [
                Enrollment.workers.through(enrollment=e, membership=worker_of[e.person_id])
                for e in enrollments
            ]
        )
        FollowUp.objects.bulk_create(
            [
                FollowUp(organization=clinic, person=p, enrollment=e, title="Check-in",
                         assignee=worker_of[p.pk], source="cadence",
                         due_on=TODAY + datetime.timedelta(days=rng.randrange(-20, 30)))
                for p, e in zip(made, enrollments, strict=True)
            ]
        )  # fmt: skip
        Encounter.objects.bulk_create(
            [
                Encounter(organization=clinic, person=p, worker=worker_of[p.pk],
                          occurred_on=TODAY - datetime.timedelta(days=rng.randrange(1, 365)),
                          duration_minutes=rng.choice([20, 30, 45, 60]), modality="in_person",
                          place_of_service="12", services=["health_education"])
                for p in made for _ in range(ENCOUNTERS_PER_PERSON)
            ],
            batch_size=CHUNK,
        )  # fmt: skip
        Coverage.objects.bulk_create(
            [
                Coverage(organization=clinic, person=p, payer=payer, member_id=f"9{p.pk:08d}A",
                         start_date=TODAY - datetime.timedelta(days=400))
                for p in made
            ]
        )  # fmt: skip
        print(f"  {min(first + CHUNK, people):,} people", flush=True)
    referrals_wanted = int(people * REFERRALS_PER_PERSON)
    audit_events = people * AUDIT_EVENTS_PER_PERSON
    referred = list(
        Person.objects.filter(organization=clinic).order_by("id").values_list("pk", flat=True)
    )[:referrals_wanted]
    consents = Consent.objects.bulk_create(
        [
            Consent(organization=clinic, person_id=pk, scope="network", purpose="referral",
                    method="verbal", given_on=TODAY - datetime.timedelta(days=300))
            for pk in referred
        ]
    )  # fmt: skip
    needs = Need.objects.bulk_create(
        [
            Need(organization=clinic, person_id=pk, category="food-insecurity",
                 status="in-progress", identified_on=TODAY - datetime.timedelta(days=100))
            for pk in referred
        ]
    )  # fmt: skip
    statuses = ["requested", "accepted", "in-progress", "completed", "rejected"]
    referrals = Referral.objects.bulk_create(
        [
            Referral(person_id=pk, service_at_location=sal, referring_organization=clinic,
                     referring_member=chws[0] if n < CASELOAD else chws[1],
                     receiving_organization=pantry, consent=consent,
                     status=statuses[n % len(statuses)],
                     sent_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=n % 300),
                     response_due_on=TODAY - datetime.timedelta(days=n % 300 - 2))
            for n, (pk, consent) in enumerate(zip(referred, consents, strict=True))
        ],
        batch_size=CHUNK,
    )  # fmt: skip
    Referral.needs.through.objects.bulk_create(
        [
            Referral.needs.through(referral=r, need=need)
            for r, need in zip(referrals, needs, strict=True)
        ],
        batch_size=CHUNK,
    )
    public_ids = list(
        Person.objects.filter(organization=clinic)
        .order_by("id")
        .values_list("public_id", flat=True)
    )
    for first in range(0, audit_events, CHUNK * 5):
        AuditEvent.objects.bulk_create(
            [
                AuditEvent(organization=clinic, user=chws[n % CHWS].user, action="person.view",
                           object_type="people.person",
                           # The first person has a long history: 2,000 events.
                           subject_person_id=public_ids[0] if n % 250 == 0
                           else public_ids[n % len(public_ids)])
                for n in range(first, min(first + CHUNK * 5, audit_events))
            ],
            batch_size=CHUNK,
        )  # fmt: skip
    print(f"  {referrals_wanted:,} referrals, {audit_events:,} audit events", flush=True)


def _session_cookie(username: str) -> str:
    from puentes.network.models import User

    user = User.objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session["_refreshed"] = int(time.time())
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _api_key() -> str:
    from puentes.core.actor import Actor
    from puentes.network.models import Membership
    from puentes.network.services import apikey_create

    member = Membership.objects.get(user__username="lead0")
    member.role = "org_admin"
    actor = Actor(organization=member.organization, role="org_admin", user=member.user,
                  membership=member)  # fmt: skip
    return apikey_create(actor=actor, name="bench", scope="read")[1]


def pages() -> list[tuple[str, str]]:
    """(path, who opens it): the menu's pages for each role, and the list APIs."""
    from puentes.network.models import Membership
    from puentes.people.models import Person

    first = Person.objects.order_by("id").values_list("public_id", flat=True).first()
    chw0 = Membership.objects.get(user__username="chw0").public_id
    return [
        ("/", "chw0"),
        ("/people/", "chw0"),
        ("/people/?q=garcia", "chw0"),
        (f"/people/{first}/", "chw0"),
        ("/care/follow-ups/", "chw0"),
        ("/referrals/", "chw0"),
        ("/notifications/", "chw0"),
        ("/care/programs/", "lead0"),
        ("/care/team/", "lead0"),
        (f"/care/team/{chw0}/", "lead0"),
        ("/referrals/inbox/", "cbo0"),
        ("/billing/", "bill0"),
        ("/billing/batches/", "bill0"),
        ("/api/v1/persons", "key"),
        ("/api/v1/encounters", "key"),
        ("/api/v1/follow-ups", "key"),
        ("/api/v1/referrals", "key"),
        ("/api/v1/enrollments", "key"),
        ("/api/v1/households", "key"),
    ]


def _measure_in_process(path: str, headers: dict[str, str]) -> tuple[int, int]:
    """Queries and bytes of one request, through Django's handler."""
    client = Client()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, headers=headers)
    if response.status_code != 200:
        raise RuntimeError(f"{path}: {response.status_code}")
    return len(captured), len(response.content)


def _get(port: int, path: str, header: tuple[str, str]) -> float:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    started = time.perf_counter()
    conn.request("GET", path, headers={header[0]: header[1], "Host": "127.0.0.1"})
    response = conn.getresponse()
    response.read()
    elapsed = (time.perf_counter() - started) * 1000
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status}")
    return elapsed


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=12, help="requests per page and client")
    # As docs/operations.md advises: a sync process for each request expected at once (with
    # one thread gunicorn keeps its sync worker; threads share a process's interpreter lock,
    # and a page's many short database waits each queued behind the other threads' work).
    parser.add_argument("--workers", type=int, default=10, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run on PostgreSQL: set PUENTES_DATABASE_URL=postgres://…")
    setup_test_environment()
    use_bench_database(connection, "pages")
    old_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=options.keep, serialize=False
    )
    server = None
    try:
        from puentes.people.models import Person

        if Person.objects.count() != options.people:
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                tables = [t for (t,) in cursor.fetchall() if not t.startswith("django_migrations")]
                cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE")
            build(options.people)
            print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        call_command("collectstatic", interactive=False, verbosity=0)  # the server's pages
        key = _api_key()
        cookies = {who: _session_cookie(who) for who in ("chw0", "lead0", "cbo0", "bill0")}

        def header(who: str) -> tuple[str, str]:
            return ("Authorization", f"Bearer {key}") if who == "key" else ("Cookie", cookies[who])

        plan = pages()
        sizes = {}
        for path, who in plan:
            name, value = header(who)
            sizes[path] = _measure_in_process(path, {name: value})
        server, port = start_gunicorn(connection, options.workers, options.threads)
        for path, who in plan:  # warm every worker
            for _ in range(options.workers * 2):
                _get(port, path, header(who))
        one: dict[str, list[float]] = defaultdict(list)
        for _ in range(options.runs):
            for path, who in plan:
                one[path].append(_get(port, path, header(who)))
        ten: dict[str, list[float]] = defaultdict(list)
        lock = threading.Lock()

        def client(offset: int) -> None:
            for run in range(options.runs):
                for index in range(len(plan)):
                    path, who = plan[(index + offset + run) % len(plan)]
                    elapsed = _get(port, path, header(who))
                    with lock:
                        ten[path].append(elapsed)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(
            f"\n{options.people:,} people, {CHWS} CHWs (one with {CASELOAD:,}), "
            f"{options.people * ENCOUNTERS_PER_PERSON:,} encounters, "
            f"{int(options.people * REFERRALS_PER_PERSON):,} referrals, "
            f"{options.people * AUDIT_EVENTS_PER_PERSON:,} audit events; "
            f"gunicorn {options.workers} workers x {options.threads} threads"
        )
        print(
            f"{'page':<46}{'1: p50':>8}{'p95':>7}{'10: p50':>9}{'p95':>7}{'queries':>9}{'KB':>7}"
            f"  targets {TARGET_ONE}/{TARGET_TEN} ms, {TARGET_BYTES // 1000} KB"
        )
        over = 0
        for path, who in plan:
            queries, size = sizes[path]
            p95_one, p95_ten = p(one[path], 0.95), p(ten[path], 0.95)
            late = p95_one > TARGET_ONE or p95_ten > TARGET_TEN or size > TARGET_BYTES
            over += late
            label = (path if len(path) < 40 else path[:37] + "…") + f" ({who})"
            print(
                f"{label:<46}{p(one[path], 0.5):8.0f}{p95_one:7.0f}{p(ten[path], 0.5):9.0f}"
                f"{p95_ten:7.0f}{queries:9d}{size / 1000:7.0f}{'  OVER' if late else ''}"
            )
        print(f"{over} of {len(plan)} pages over a target")
        print(machine_line())
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if not options.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
