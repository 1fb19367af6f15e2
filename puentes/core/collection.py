"""Garbage collection for batch work. A claim batch allocates tens of millions of small
objects (visits, outcomes, rows) and keeps tens of thousands alive at a time (a chunk's
people and the claims being written); Python's cyclic collector would walk those, and every
long-lived object of the process, again and again: a fifth of a batch's time. None of them
form reference cycles (a collection after each of a batch's writes found nothing to
collect), so reference counting frees them all, and the work runs with the cyclic
collector paused."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off for the block, and the objects alive before it set aside
    (gc.freeze: in a forked worker this also keeps the collector from touching, so
    copying, the parent's memory). Nested blocks leave it to the outermost."""
    if not gc.isenabled():
        yield
        return
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.enable()
