"""Progress of long work that runs in one transaction (a directory import, a claim batch):
its own row cannot show how far it is until it commits, so the worker writes the latest
figures to the shared "progress" cache, which every process can read."""

import time

from django.core.cache import caches


class Progress:
    """Called as the work advances; keeps the latest figures (at most twice a second, and
    always the last) under ``key``."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.last_write = 0.0

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last_write < 0.5 and done < total:
            return
        self.last_write = now
        caches["progress"].set(self.key, {"phase": phase, "done": done, "total": total})

    def clear(self) -> None:
        caches["progress"].delete(self.key)


def progress_of(key: str) -> dict[str, object] | None:
    value = caches["progress"].get(key)
    return value if isinstance(value, dict) else None
