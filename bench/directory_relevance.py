"""Directory search relevance: judged queries in English and Spanish over a small directory
written the way 211 listings are (bench/relevance/*.yaml), scored by precision@10 and
nDCG@10 (graded, 0-3), per query, per language and overall, beside the targets.

    uv run python bench/directory_relevance.py [--show 3]

Builds its own throwaway test database (SQLite in memory, or PostgreSQL when
PUENTES_DATABASE_URL points at one). Targets (directory-data issue): nDCG@10 >= 0.85
overall and >= 0.80 for the Spanish queries. Relevance, not speed: bench/directory_search.py
measures speed.
"""

import argparse
import csv
import math
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puentes.settings")

import django

django.setup()

import yaml  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bench.machine import use_bench_database  # noqa: E402
from puentes.directory.search import DirectoryQuery, search  # noqa: E402
from puentes.directory.services import directory_import  # noqa: E402

HERE = Path(__file__).resolve().parent / "relevance"
TARGET_ALL, TARGET_SPANISH, K = 0.85, 0.80, 10
CENTRES = {"95811": (38.5816, -121.4944), "95814": (38.5806, -121.4947),
           "95815": (38.6107, -121.4440), "95816": (38.5735, -121.4640),
           "95817": (38.5502, -121.4566), "95820": (38.5349, -121.4453),
           "95822": (38.5134, -121.4943), "95823": (38.4755, -121.4434)}  # fmt: skip


def write_directory(folder: Path, listings: list[dict[str, Any]]) -> None:
    """The judged directory as an HSDS 3.0 tabular package."""
    tables: dict[str, list[dict[str, Any]]] = {
        "organizations": [], "services": [], "locations": [], "addresses": [],
        "service_at_location": [], "taxonomy_terms": [], "attributes": [],
    }  # fmt: skip
    for code in sorted({str(item["oe"]) for item in listings}):
        tables["taxonomy_terms"].append(
            {"id": f"oe{code}", "code": code, "name": f"OE {code}", "taxonomy": "Open Eligibility"}
        )
    for item in listings:
        key = item["key"]
        latitude, longitude = CENTRES[item["zip"]]
        tables["organizations"].append(
            {"id": f"o-{key}", "name": item["name"], "description": item["text"]}
        )
        tables["services"].append({"id": key, "organization_id": f"o-{key}", "name": item["name"],
                                   "description": item["text"], "status": "active"})  # fmt: skip
        tables["locations"].append({"id": f"l-{key}", "location_type": "physical",
                                    "organization_id": f"o-{key}", "latitude": latitude,
                                    "longitude": longitude})  # fmt: skip
        tables["addresses"].append({"id": f"a-{key}", "location_id": f"l-{key}",
                                    "address_1": "1 Main St", "city": "Sacramento",
                                    "state_province": "CA", "postal_code": item["zip"],
                                    "country": "US", "address_type": "physical"})  # fmt: skip
        tables["service_at_location"].append({"id": f"s-{key}", "service_id": key,
                                              "location_id": f"l-{key}"})  # fmt: skip
        tables["attributes"].append({"id": f"t-{key}", "link_id": key, "link_type": "service",
                                     "link_entity": "service",
                                     "taxonomy_term_id": f"oe{item['oe']}"})  # fmt: skip
    for name, rows in tables.items():
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=sorted({k for row in rows for k in row}))
            writer.writeheader()
            writer.writerows(rows)


def dcg(grades: list[int]) -> float:
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades[:K]))


def score(found: list[str], grades: dict[str, int]) -> tuple[float, float]:
    """precision@10 (a listing graded 2 or 3 counts as relevant) and nDCG@10."""
    top = found[:K]
    relevant = sum(1 for key in top if grades.get(key, 0) >= 2)
    wanted = min(K, sum(1 for grade in grades.values() if grade >= 2)) or 1
    ideal = dcg(sorted(grades.values(), reverse=True)) or 1.0
    return relevant / min(K, max(len(top), wanted)), dcg([grades.get(k, 0) for k in top]) / ideal


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print each query's top results")
    options = parser.parse_args()
    listings = yaml.safe_load((HERE / "directory.yaml").read_text(encoding="utf-8"))
    judged = yaml.safe_load((HERE / "judgments.yaml").read_text(encoding="utf-8"))
    setup_test_environment()
    use_bench_database(connection, "relevance")
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        with tempfile.TemporaryDirectory() as folder:
            write_directory(Path(folder), listings)
            directory_import(path=Path(folder), source="relevance")
        rows: list[tuple[str, str, float, float, list[str]]] = []
        by_language: dict[str, list[float]] = {"en": [], "es": []}
        for item in judged["queries"]:
            page = search(
                DirectoryQuery(words=item["q"], postal_code=item.get("zip", ""), per_page=K)
            )
            found = [result.entry.service.original_id for result in page.results]
            precision, ndcg = score(found, item["grades"])
            rows.append((item["lang"], item["q"] + (f" @{item['zip']}" if "zip" in item else ""),
                         precision, ndcg, found))  # fmt: skip
            by_language[item["lang"]].append(ndcg)
        print(f"{len(rows)} judged queries over {len(listings)} listings on {connection.vendor}")
        print(f"{'lang':<5}{'query':<34}{'P@10':>6}{'nDCG@10':>9}")
        for language, query, precision, ndcg, found in rows:
            print(f"{language:<5}{query:<34}{precision:>6.2f}{ndcg:>9.2f}")
            if options.show:
                print(f"{'':<5}  {', '.join(found[: options.show]) or '(nothing)'}")
        overall = sum(row[3] for row in rows) / len(rows)
        spanish = sum(by_language["es"]) / len(by_language["es"])
        english = sum(by_language["en"]) / len(by_language["en"])
        precision_all = sum(row[2] for row in rows) / len(rows)
        print(f"\nP@10 overall {precision_all:.2f}")
        print(f"nDCG@10 English  {english:.3f}")
        print(f"nDCG@10 Spanish  {spanish:.3f}   target {TARGET_SPANISH:.2f}   "
              f"ratio {spanish / TARGET_SPANISH:.2f}")  # fmt: skip
        print(f"nDCG@10 overall  {overall:.3f}   target {TARGET_ALL:.2f}   "
              f"ratio {overall / TARGET_ALL:.2f}")  # fmt: skip
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
