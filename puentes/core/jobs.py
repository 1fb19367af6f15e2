"""Background jobs that end, whatever happens to the worker running them.

A job is a row (a claim batch, a directory import) whose task runs in ``db_worker``. The
worker *leases* the row before working: a conditional UPDATE that succeeds only while the
job is waiting and nobody holds a live lease (the healthchecks ``sendalerts`` pattern), so
two workers never run one job. While it works, a heartbeat thread renews the lease. If the
worker dies (killed, out of memory, machine lost) the heartbeats stop and the lease lapses;
``jobs_reap`` then queues the job again, or, after ``max_attempts``, ends it as failed with
a reason. Every way a job ends — done, refused, crashed, lapsed, cancelled — goes through
this module, so none is left "running" forever.

A job's own last write (its final status) is ``job_finish``: conditional on still holding
the lease, inside the job's transaction, so a job that was cancelled or reaped while it
worked commits nothing.
"""

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import OperationalError, connections, models, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.errors import DomainError

logger = logging.getLogger(__name__)

CRASHED = _("The work stopped with an error (the worker's log says why). Start it again.")
LAPSED = _(
    "The worker doing this stopped (tried %(attempts)s times). Start it again; if it keeps "
    "stopping, tell your administrator."
)
CANCELLED = _("Cancelled by %(who)s.")


class JobLost(Exception):
    """The job's lease is no longer this worker's (cancelled or reaped): commit nothing."""


@dataclass(frozen=True)
class JobKind:
    """How one app's job rows are leased and ended."""

    name: str
    model: type[models.Model]
    waiting: tuple[str, ...]  # statuses of a job not yet ended
    failed: str  # the status of a job that ended in failure
    reason_field: str  # where the reason of a failure is written
    enqueue: Callable[[int], None]  # queue the job's task again (a retry)
    language: Callable[[Any], str]  # the language its reasons are written in
    running: str | None = None  # the status a claimed job shows, if it has one
    max_attempts: int = 2
    ended: Callable[[int], None] | None = None  # clean up once it has ended (after commit)


_KINDS: dict[str, JobKind] = {}


def job_kind_register(kind: JobKind) -> None:
    """Apps register their job kinds in ``AppConfig.ready`` (core imports no app)."""
    _KINDS[kind.name] = kind


def job_kinds() -> list[JobKind]:
    return list(_KINDS.values())


def _lease() -> timedelta:
    return timedelta(seconds=settings.JOB_LEASE_SECONDS)


def _new_owner() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _open(kind: JobKind) -> Q:
    return Q(status__in=kind.waiting)


def job_claim(kind: JobKind, pk: int) -> str | None:
    """Lease the job for this process; None when it has ended or another worker holds a
    live lease. Runs in its own transaction so other workers see the lease at once."""
    owner, now = _new_owner(), timezone.now()
    changes: dict[str, Any] = {
        "lease_owner": owner,
        "lease_expires_at": now + _lease(),
        "attempts": F("attempts") + 1,
    }
    if kind.running:
        changes["status"] = kind.running
    with transaction.atomic():
        claimed = (
            kind.model._default_manager.filter(_open(kind), pk=pk)
            .filter(Q(lease_owner="") | Q(lease_expires_at__lt=now))
            .update(**changes)
        )
    return owner if claimed else None


def job_finish(kind: JobKind, pk: int, owner: str, **fields: Any) -> None:
    """The job's final write, only while this worker still holds its lease. Call it inside
    the job's transaction: raising JobLost there rolls the job's work back."""
    done = kind.model._default_manager.filter(_open(kind), pk=pk, lease_owner=owner).update(
        lease_owner="", lease_expires_at=None, **fields
    )
    if not done:
        raise JobLost(f"{kind.name} {pk} is no longer leased by {owner}")
    _after_end(kind, pk)


def _after_end(kind: JobKind, pk: int) -> None:
    if kind.ended is not None:
        ended = kind.ended
        transaction.on_commit(lambda: ended(pk))


def _fail(kind: JobKind, pk: int, reason: Any, condition: Q) -> bool:
    row = kind.model._default_manager.filter(pk=pk).first()
    if row is None:
        return False
    with translation.override(kind.language(row)):
        text = str(reason)[:500]
    ended = kind.model._default_manager.filter(condition, _open(kind), pk=pk).update(
        status=kind.failed,
        lease_owner="",
        lease_expires_at=None,
        updated_at=timezone.now(),
        **{kind.reason_field: text},
    )
    if ended:
        _after_end(kind, pk)
    return bool(ended)


def job_run(kind: JobKind, pk: int, work: Callable[[str], Any]) -> Any:
    """Lease the job, keep the lease alive while ``work(owner)`` runs, and end the job as
    failed (with CRASHED) if the work raises. Returns the work's result, or None when the
    job was not this worker's to run (ended already, or leased elsewhere)."""
    owner = job_claim(kind, pk)
    if owner is None:
        logger.info("%s %s: ended or leased elsewhere; nothing to do", kind.name, pk)
        return None
    with _heartbeat(kind, pk, owner):
        try:
            return work(owner)
        except JobLost:
            logger.warning("%s %s: cancelled or reaped while it ran; rolled back", kind.name, pk)
            return None
        except Exception:
            _fail(kind, pk, CRASHED, Q(lease_owner=owner))
            raise


@contextmanager
def _heartbeat(kind: JobKind, pk: int, owner: str) -> Iterator[None]:
    stop = threading.Event()
    beat = threading.Thread(target=_beat, args=(kind, pk, owner, stop), daemon=True)
    beat.start()
    try:
        yield
    finally:
        stop.set()
        beat.join()


def _beat(kind: JobKind, pk: int, owner: str, stop: threading.Event) -> None:
    """Renew the lease every third of its length, on this thread's own connection. While
    SQLite's only writer is the job itself a beat waits and may fail; the next one tries
    again, and the job's final write is what counts."""
    interval = settings.JOB_LEASE_SECONDS / 3
    try:
        while not stop.wait(interval):
            try:
                kind.model._default_manager.filter(pk=pk, lease_owner=owner).update(
                    lease_expires_at=timezone.now() + _lease()
                )
            except OperationalError:
                logger.info("%s %s: heartbeat waited for the database; retrying", kind.name, pk)
    finally:
        connections.close_all()


def job_cancel(kind: JobKind, pk: int, *, who: str) -> bool:
    """End a job that has not ended, whoever holds it; its worker's final write then finds
    the lease gone and rolls back. False when it had already ended."""
    return _fail(kind, pk, _lazy_format(CANCELLED, who=who), Q())


def job_settle(kind: JobKind, row: Any) -> Any:
    """A job a page is showing while it has not ended: reap lapsed jobs now, so a job whose
    worker died says so instead of "in progress". Returns the row as it now is."""
    if row.status in kind.waiting and jobs_reap()["failed"]:
        row.refresh_from_db()
    return row


def job_cancel_by(kind: JobKind, row: Any, *, actor: Actor, ended: str, action: str) -> Any:
    """A person cancels a job from its page or the API: audited; ``conflict`` with the
    ``ended`` message when it had already ended. Returns the row as it now is."""
    if not job_cancel(kind, row.pk, who=actor.label):
        raise DomainError("conflict", ended)
    audit_record(actor=actor, action=action, obj=row)
    row.refresh_from_db()
    return row


class _lazy_format:
    def __init__(self, text: Any, **values: Any) -> None:
        self.text, self.values = text, values

    def __str__(self) -> str:
        return str(self.text) % self.values


def jobs_reap() -> dict[str, int]:
    """Jobs whose lease lapsed: queued again while attempts remain, else ended as failed.
    Safe to run anywhere, any number of times: each move is a conditional UPDATE."""
    now = timezone.now()
    moved = {"retried": 0, "failed": 0}
    for kind in job_kinds():
        lapsed = kind.model._default_manager.filter(_open(kind), lease_expires_at__lt=now).exclude(
            lease_owner=""
        )
        for pk, owner, attempts in lapsed.values_list("pk", "lease_owner", "attempts"):
            same = Q(lease_owner=owner, lease_expires_at__lt=now)
            if attempts < kind.max_attempts:
                released = kind.model._default_manager.filter(same, _open(kind), pk=pk).update(
                    status=kind.waiting[0], lease_owner="", lease_expires_at=None
                )
                if released:
                    kind.enqueue(pk)
                    moved["retried"] += 1
            elif _fail(kind, pk, _lazy_format(LAPSED, attempts=attempts), same):
                moved["failed"] += 1
    return moved
