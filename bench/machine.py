"""How fast this machine runs Python right now, printed beside each benchmark's figure so
runs on different days (or shared machines under other load) can be compared."""

import time
from typing import Any


def python_loop_seconds(steps: int = 3_000_000) -> float:
    """The best of three timings of a fixed pure-Python loop."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(steps):
            total += i * i
        best = min(best, time.perf_counter() - started)
    return best


def machine_line() -> str:
    return (
        f"  machine               a 3,000,000-step Python loop takes {python_loop_seconds():.2f} s"
    )


def use_bench_database(connection: Any, purpose: str) -> None:
    """On PostgreSQL, build this benchmark's database beside the one PUENTES_DATABASE_URL
    names (``<name>_<purpose>``), so benches on different servers or databases never
    collide and two different benches never share one. SQLite keeps its own default."""
    if connection.vendor == "postgresql":
        connection.settings_dict["TEST"]["NAME"] = f"{connection.settings_dict['NAME']}_{purpose}"
