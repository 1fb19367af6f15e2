"""Time importing a synthetic tabular package (bench/directory_data.py) into a throwaway
test database and making it searchable, with the process's peak memory, against the
targets: 100,000 services imported in 60 s; import plus search index for a 1,000,000-service
package in 10 minutes (scaled to the size asked); peak memory 1 GB whatever the size.

    uv run python bench/directory_import.py [--services 100000]
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puentes.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bench.directory_data import generate  # noqa: E402
from bench.machine import machine_line, use_bench_database  # noqa: E402
from puentes.directory import search_index  # noqa: E402
from puentes.directory.importing.loader import load  # noqa: E402
from puentes.directory.importing.readers import read  # noqa: E402

TARGET_SECONDS_PER_100K = 60.0
SEARCHABLE_SECONDS_PER_1M = 600.0
MEMORY_LIMIT_MB = 1024.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=100_000)
    options = parser.parse_args()
    setup_test_environment()
    use_bench_database(connection, "import")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        with tempfile.TemporaryDirectory() as folder:
            generate(Path(folder), options.services)
            started = time.perf_counter()
            report = load(read(Path(folder)), source="bench")
            seconds = time.perf_counter() - started
            started = time.perf_counter()
            entries = search_index.rebuild()
            search_index.settle()
            index_seconds = time.perf_counter() - started
        floor = TARGET_SECONDS_PER_100K * options.services / 100_000
        rows = report.total(report.created)
        label = f"{options.services:,} services ({connection.vendor})"
        print(f"{'step':<40}{'rows':>10}{'seconds':>10}{'target s':>10}{'ratio':>7}")
        print(
            f"{'import ' + label:<40}{rows:>10,}{seconds:>10.1f}{floor:>10.1f}"
            f"{seconds / floor:>7.2f}"
        )
        print(f"{'search index ' + label:<40}{entries:>10,}{index_seconds:>10.1f}{'-':>10}{'-':>7}")
        searchable = seconds + index_seconds
        searchable_floor = SEARCHABLE_SECONDS_PER_1M * options.services / 1_000_000
        print(
            f"{'imported and searchable':<40}{rows:>10,}{searchable:>10.1f}"
            f"{searchable_floor:>10.1f}{searchable / searchable_floor:>7.2f}"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{'peak memory (MB)':<40}{'':>10}{peak:>10.0f}{MEMORY_LIMIT_MB:>10.0f}"
            f"{peak / MEMORY_LIMIT_MB:>7.2f}"
        )
        print(machine_line())
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
