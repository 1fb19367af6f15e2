"""`manage.py worker`: django-tasks' db_worker, plus a reaper that ends or retries the jobs
of workers that died (core.jobs). Run one or more; every reap is a conditional UPDATE, so
any number of workers reap safely together."""

import logging
import threading
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from puentes.core.jobs import jobs_reap

logger = logging.getLogger(__name__)


def _reap_forever(stop: threading.Event) -> None:
    interval = settings.JOB_LEASE_SECONDS / 2
    while not stop.wait(interval):
        try:
            moved = jobs_reap()
        except DatabaseError:
            logger.warning("reaper: the database was busy; trying again", exc_info=True)
            continue
        finally:
            connections.close_all()
        if any(moved.values()):
            logger.warning("reaper: jobs whose worker died: %s", moved)


class Command(DbWorkerCommand):
    help = "Run background tasks, and retry or end the jobs of workers that died."

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        reaper = threading.Thread(target=_reap_forever, args=(stop,), daemon=True)
        reaper.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
