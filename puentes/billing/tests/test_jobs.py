"""A claim batch always ends, whatever happens to its worker: leased by one worker at a time,
retried or ended as failed when the worker dies, cancellable from its page and the API."""

import datetime
import os
import signal
import sys
import time

import pytest
from django.db import connection, connections
from django.utils import timezone

from conftest import actor_for
from puentes.billing import services
from puentes.billing.models import ClaimBatch
from puentes.billing.tests.conftest import days_ago
from puentes.core import jobs
from puentes.core.models import AuditEvent


@pytest.fixture
def queued(bea, covered, medi_cal, log_visit, monkeypatch):
    """A batch waiting for its worker (its task not run)."""
    log_visit()
    with monkeypatch.context() as patched:
        patched.setattr(services.batches, "_enqueue_generation", lambda pk: None)
        batch = services.batch_request(
            actor=actor_for(bea), payer_id=medi_cal.public_id, start=days_ago(40), end=days_ago(1)
        )
    return batch


def _lapse(batch: ClaimBatch) -> None:
    """As if the worker holding it died a lease ago."""
    ClaimBatch.objects.filter(pk=batch.pk).update(
        lease_expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )


def test_one_worker_at_a_time_holds_a_job(queued):
    first = jobs.job_claim(services.BATCH_JOB, queued.pk)
    assert first is not None
    assert jobs.job_claim(services.BATCH_JOB, queued.pk) is None
    _lapse(queued)
    second = jobs.job_claim(services.BATCH_JOB, queued.pk)
    assert second not in (None, first)
    queued.refresh_from_db()
    assert queued.attempts == 2 and queued.lease_owner == second


def test_a_worker_that_lost_its_lease_commits_nothing(queued):
    """Cancelled while its worker was busy: the worker's final write finds the lease gone,
    and the claims it wrote roll back with it."""
    owner = jobs.job_claim(services.BATCH_JOB, queued.pk)
    assert jobs.job_cancel(services.BATCH_JOB, queued.pk, who="Alma")
    with pytest.raises(jobs.JobLost):
        services.batches._generate(queued.pk, owner)
    queued.refresh_from_db()
    assert queued.status == "failed" and queued.status_reason == "Cancelled by Alma."
    assert not queued.claims.exists()


def test_a_lapsed_job_is_retried_then_ended_with_a_reason(queued, bea):
    assert jobs.job_claim(services.BATCH_JOB, queued.pk)
    _lapse(queued)
    assert jobs.jobs_reap() == {"retried": 1, "failed": 0}  # the retry runs at once in tests
    queued.refresh_from_db()
    assert queued.status == "generated" and queued.claims.count() == 1
    assert queued.attempts == 2


def test_a_job_whose_attempts_ran_out_ends_failed_in_its_creators_language(queued, bea):
    bea.user.language = "es"
    bea.user.save()
    for _ in range(services.BATCH_JOB.max_attempts):
        ClaimBatch.objects.filter(pk=queued.pk).update(lease_owner="")
        assert jobs.job_claim(services.BATCH_JOB, queued.pk)
        _lapse(queued)
    assert jobs.jobs_reap() == {"retried": 0, "failed": 1}
    assert jobs.jobs_reap() == {"retried": 0, "failed": 0}  # reaping again changes nothing
    queued.refresh_from_db()
    assert queued.status == "failed" and not queued.lease_owner
    assert queued.status_reason.startswith("El proceso que hacía esto se detuvo")


def test_a_stuck_batch_is_cancelled_from_the_api_and_frees_the_payer(
    queued, api_for, bea, medi_cal
):
    assert jobs.job_claim(services.BATCH_JOB, queued.pk)  # a worker that hangs
    blocked = api_for(bea).post(
        "/billing/batches",
        {"payer_id": str(medi_cal.public_id), "start": str(days_ago(40)), "end": str(days_ago(1))},
    )
    assert blocked.status_code == 409
    cancelled = api_for(bea).post(f"/billing/batches/{queued.public_id}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "failed"
    assert AuditEvent.objects.filter(action="batch.cancel").count() == 1
    again = api_for(bea).post(f"/billing/batches/{queued.public_id}/cancel")
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"
    assert api_for(bea).post(
        "/billing/batches",
        {"payer_id": str(medi_cal.public_id), "start": str(days_ago(40)), "end": str(days_ago(1))},
    ).status_code in (201, 202)


def test_the_batch_page_cancels_a_stuck_batch(queued, client_for, bea):
    page = client_for(bea).get(f"/billing/batches/{queued.public_id}/")
    assert "Cancel this batch" in page.content.decode()
    done = client_for(bea).post(f"/billing/batches/{queued.public_id}/cancel/", follow=True)
    assert "Cancelled by" in done.content.decode()


def test_outsiders_cannot_cancel(queued, api_for, omar, client_for):
    assert api_for(omar).post(f"/billing/batches/{queued.public_id}/cancel").status_code == 404
    assert client_for(omar).post(f"/billing/batches/{queued.public_id}/cancel/").status_code == 404
    queued.refresh_from_db()
    assert queued.status == "queued"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a killed process needs a database of its own"
)
def test_a_worker_killed_mid_batch_leaves_a_batch_that_is_retried(
    transactional_db, queued, settings, monkeypatch
):
    """A real worker process is killed (SIGKILL) in the middle of generating: its
    transaction dies with it, its lease lapses, and the reaper runs the batch again."""
    settings.JOB_LEASE_SECONDS = 3
    child = os.fork()
    if child == 0:  # the worker: a connection of its own, then stuck mid-batch
        for alias in connections:
            connections[alias].connection = None  # never close the parent's socket
        monkeypatch.setattr(services.batches, "_fill", lambda *args, **kwargs: time.sleep(600))
        try:
            services.batch_generate_run(queued.pk)
        except BaseException as error:  # say why, for the parent's assertion message
            print(f"worker failed: {error!r}", file=sys.stderr, flush=True)
        finally:
            os._exit(0)
    try:
        deadline = time.monotonic() + 20
        while not ClaimBatch.objects.get(pk=queued.pk).lease_owner:
            assert time.monotonic() < deadline, "the worker never leased the batch"
            time.sleep(0.1)
        time.sleep(1.5)  # mid-job, with a heartbeat or two behind it
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    assert ClaimBatch.objects.get(pk=queued.pk).status == "queued"
    assert jobs.jobs_reap() == {"retried": 0, "failed": 0}  # the lease has not lapsed yet
    time.sleep(settings.JOB_LEASE_SECONDS + 0.5)
    assert jobs.jobs_reap() == {"retried": 1, "failed": 0}
    queued.refresh_from_db()
    assert queued.status == "generated" and queued.claims.count() == 1
