"""The demo's resource directory: a few hundred listings in Sacramento and Fresno, in English
and Spanish, written as an HSDS 3.0 tabular package and loaded through the real importer."""

import csv
import random
import tempfile
from pathlib import Path
from typing import Any

from puentes.core.validators import zip_centroid
from puentes.directory.models import Organization as DirectoryOrganization
from puentes.directory.services import directory_import, directory_organization_link
from puentes.network.models import Organization

DEMO_SOURCE = "puentes-demo"
PLACES = {"Sacramento": ["95815", "95817", "95818", "95820", "95823", "95824", "95828", "95838"],
          "Fresno": ["93701", "93702", "93706", "93721", "93725", "93727"]}  # fmt: skip
KINDS = [
    ("Food pantry", "Despensa de alimentos", "102", "Food", "Groceries every week", "Alimentos cada semana"),
    ("Hot meals", "Comidas calientes", "102", "Food", "Free lunch for anyone", "Almuerzo gratis para todos"),
    ("Emergency shelter", "Albergue de emergencia", "103", "Housing", "Beds for tonight", "Camas para esta noche"),
    ("Rental assistance", "Ayuda con la renta", "103", "Housing", "Help with back rent", "Ayuda con renta atrasada"),
    ("Community clinic", "Clínica comunitaria", "106", "Health", "Primary care on a sliding scale", "Atención primaria a bajo costo"),
    ("Bus passes", "Pases de autobús", "105", "Transit", "Reduced-fare passes", "Pases con descuento"),
    ("Utility bill help", "Ayuda con la luz y el gas", "107", "Money", "Help with PG&E bills", "Ayuda con facturas de PG&E"),
    ("Job training", "Capacitación laboral", "110", "Work", "Training and placement", "Capacitación y empleo"),
    ("Legal aid", "Asistencia legal", "111", "Legal", "Tenant and immigration help", "Ayuda para inquilinos e inmigración"),
    ("Child care", "Cuidado infantil", "108", "Care", "Subsidized child care", "Cuidado infantil subsidiado"),
]  # fmt: skip
# AIRS/211 LA County Taxonomy codes for food pantries, broadest first (211taxonomy.org).
AIRS_FOOD = [("BD", "Food"), ("BD-1800", "Emergency Food"), ("BD-1800.2000", "Food Pantries")]

COLUMNS = {
    "organizations": ["id", "name", "description"],
    "services": ["id", "organization_id", "name", "description", "status", "minimum_age"],
    "locations": ["id", "location_type", "organization_id", "name", "latitude", "longitude"],
    "addresses": ["id", "location_id", "address_1", "city", "state_province", "postal_code",
                  "country", "address_type"],
    "service_at_location": ["id", "service_id", "location_id"],
    "schedules": ["id", "service_id", "freq", "byday", "opens_at", "closes_at"],
    "languages": ["id", "service_id", "name", "code"],
    "phones": ["id", "service_id", "number"],
    "cost_options": ["id", "service_id", "amount", "currency"],
    "taxonomy_terms": ["id", "code", "name", "description", "taxonomy"],
    "attributes": ["id", "link_id", "link_type", "link_entity", "taxonomy_term_id"],
}  # fmt: skip


def _rows(count: int) -> dict[str, list[list[Any]]]:
    rng = random.Random(311)  # noqa: S311 - demo data
    rows: dict[str, list[list[Any]]] = {name: [] for name in COLUMNS}
    for code, label in sorted({(k[2], k[3]) for k in KINDS}):
        rows["taxonomy_terms"].append([f"oe-{code}", code, label, label, "Open Eligibility"])
    # 211s tag listings with AIRS/211 LA codes: the pantry carries one, with its broader codes.
    for code, label in AIRS_FOOD:
        rows["taxonomy_terms"].append([f"airs-{code}", code, label, label, "AIRS"])
    rows["organizations"].append(
        ["pantry", "Eastside Food Pantry", "Groceries for families in East Sacramento"]
    )
    for number in range(count):
        city = rng.choice(list(PLACES))
        zip_code = rng.choice(PLACES[city])
        lat, lon = zip_centroid(zip_code) or (0.0, 0.0)
        en, es, code, _label, en_text, es_text = rng.choice(KINDS)
        spanish = rng.random() < 0.35
        sid = f"s{number}"
        org = "pantry" if number == 0 else f"o{number}"
        if number == 0:
            en, es, code, en_text, es_text, zip_code, city = (
                "Food pantry",
                "Despensa",
                "102",
                "Groceries every Tuesday and Friday",
                "Alimentos los martes y viernes",
                "95815",
                "Sacramento",
            )
            lat, lon = zip_centroid("95815") or (0.0, 0.0)
        else:
            rows["organizations"].append(
                [
                    org,
                    f"{rng.choice(['Valley', 'River', 'Sunrise', 'Unity', 'Esperanza'])} {en if not spanish else es} {number}",
                    f"Community organization in {city}",
                ]
            )
        name = es if spanish else en
        description = f"{es_text}. Se habla español." if spanish else f"{en_text} in {city}."
        rows["services"].append(
            [sid, org, name if number else "Eastside Food Pantry", description, "active", ""]
        )
        rows["locations"].append(
            [
                f"l{number}",
                "physical",
                org,
                name,
                f"{lat + rng.uniform(-0.01, 0.01):.5f}",
                f"{lon + rng.uniform(-0.01, 0.01):.5f}",
            ]
        )
        rows["addresses"].append(
            [
                f"a{number}",
                f"l{number}",
                f"{rng.randrange(100, 9999)} {rng.choice(['Main', 'Oak', 'Stockton', 'Broadway', 'Ventura'])} St",
                city,
                "CA",
                zip_code,
                "US",
                "physical",
            ]
        )
        rows["service_at_location"].append([f"sal{number}", sid, f"l{number}"])
        rows["schedules"].append(
            [
                f"h{number}",
                sid,
                "WEEKLY",
                rng.choice(["MO,TU,WE,TH,FR", "TU,FR", "MO,WE,FR", "SA"]),
                rng.choice(["08:00", "09:00", "10:00"]),
                rng.choice(["14:00", "17:00", "19:00"]),
            ]
        )
        rows["languages"].append([f"en{number}", sid, "English", "en"])
        if spanish or rng.random() < 0.5:
            rows["languages"].append([f"es{number}", sid, "Spanish", "es"])
        rows["phones"].append(
            [
                f"p{number}",
                sid,
                f"({'916' if city == 'Sacramento' else '559'}) 555-{rng.randrange(1000, 9999)}",
            ]
        )
        if rng.random() < 0.6:
            rows["cost_options"].append([f"c{number}", sid, "0", "USD"])
        rows["attributes"].append([f"at{number}", sid, "service", "service", f"oe-{code}"])
        if number == 0:
            pantry_code = f"airs-{AIRS_FOOD[-1][0]}"
            rows["attributes"].append(["at-airs", sid, "service", "service", pantry_code])
    return rows


def load_demo_directory(pantry: Organization, count: int = 300) -> int:
    with tempfile.TemporaryDirectory() as folder:
        for name, rows in _rows(count).items():
            with (Path(folder) / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(COLUMNS[name])
                writer.writerows(rows)
        report = directory_import(path=Path(folder), source=DEMO_SOURCE)
    listing = DirectoryOrganization.objects.get(source=DEMO_SOURCE, original_id="pantry")
    directory_organization_link(listing=listing, organization=pantry)
    return report.total(report.created)
