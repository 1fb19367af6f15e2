"""Generate a synthetic HSDS 3.0 tabular package: N services, each at one location near a
real US ZIP centroid, with English/Spanish names, taxonomy, schedules, languages, phones
and, for some, a service area (a county, or statewide).

    uv run python bench/directory_data.py OUT_FOLDER [--services 100000]
"""

import argparse
import csv
import json
import random
import uuid
from pathlib import Path

import zipcodes  # type: ignore[import-untyped]

KINDS = [
    ("Food pantry", "Despensa de alimentos", "102", "Food"),
    ("Emergency shelter", "Albergue de emergencia", "103", "Housing"),
    ("Rental assistance", "Ayuda con la renta", "103", "Housing"),
    ("Free clinic", "Clínica gratuita", "106", "Health"),
    ("Bus passes", "Pases de autobús", "105", "Transit"),
    ("Utility bill help", "Ayuda con facturas de luz", "107", "Money"),
    ("Job training", "Capacitación laboral", "110", "Work"),
    ("Legal aid", "Asistencia legal", "111", "Legal"),
    ("Child care", "Cuidado infantil", "108", "Care"),
    ("Diabetes classes", "Clases sobre diabetes", "106", "Health"),
]  # fmt: skip
WORDS = ["community", "family", "neighborhood", "county", "faith", "united", "hope", "valley"]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA"]


def generate(out: Path, services: int, seed: int = 11) -> None:
    rng = random.Random(seed)  # noqa: S311 - synthetic data
    zips = [z for z in zipcodes.list_all() if z.get("lat") and z["zip_code_type"] == "STANDARD"]
    out.mkdir(parents=True, exist_ok=True)
    files = {
        name: (out / f"{name}.csv").open("w", newline="", encoding="utf-8")
        for name in [
            "organizations",
            "services",
            "locations",
            "addresses",
            "service_at_location",
            "schedules",
            "languages",
            "phones",
            "taxonomies",
            "taxonomy_terms",
            "attributes",
            "service_areas",
        ]
    }
    writers = {name: csv.writer(handle) for name, handle in files.items()}
    headers = {
        "organizations": ["id", "name", "description"],
        "services": ["id", "organization_id", "name", "description", "status", "minimum_age",
                     "maximum_age"],
        "locations": ["id", "location_type", "organization_id", "name", "latitude", "longitude"],
        "addresses": ["id", "location_id", "address_1", "city", "state_province", "postal_code",
                      "country", "address_type"],
        "service_at_location": ["id", "service_id", "location_id"],
        "schedules": ["id", "service_id", "freq", "byday", "opens_at", "closes_at"],
        "languages": ["id", "service_id", "name", "code"],
        "phones": ["id", "service_id", "number"],
        "taxonomies": ["id", "name", "description"],
        "taxonomy_terms": ["id", "code", "name", "description", "taxonomy_id"],
        "attributes": ["id", "link_id", "link_type", "link_entity", "taxonomy_term_id"],
        "service_areas": ["id", "service_id", "name", "extent_type"],
    }  # fmt: skip
    for name, header in headers.items():
        writers[name].writerow(header)
    taxonomy_id = str(uuid.UUID(int=rng.getrandbits(128)))
    writers["taxonomies"].writerow([taxonomy_id, "Open Eligibility", "Open Eligibility taxonomy"])
    terms = {}
    for _en, _es, code, label in KINDS:
        if code not in terms:
            terms[code] = str(uuid.UUID(int=rng.getrandbits(128)))
            writers["taxonomy_terms"].writerow([terms[code], code, label, label, taxonomy_id])

    def new_id() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128)))

    for number in range(services):
        place = rng.choice(zips)
        en, es, code, _label = rng.choice(KINDS)
        spanish = rng.random() < 0.3
        org, svc, loc, sal = new_id(), new_id(), new_id(), new_id()
        area = f"{rng.choice(WORDS).title()} {place['city'].title()}"
        writers["organizations"].writerow(
            [
                org,
                f"{area} {'Centro' if spanish else 'Center'} {number}",
                f"Serving {place['city']}",
            ]
        )
        description = (
            f"{es} para familias de {place['city'].title()}. Se habla español."
            if spanish
            else f"{en} for families in {place['city'].title()}."
        )
        writers["services"].writerow(
            [
                svc,
                org,
                es if spanish else en,
                description,
                "active",
                rng.choice(["", "18", "0"]),
                rng.choice(["", "64", "120"]),
            ]
        )
        lat = float(place["lat"]) + rng.uniform(-0.02, 0.02)
        lon = float(place["long"]) + rng.uniform(-0.02, 0.02)
        writers["locations"].writerow([loc, "physical", org, area, f"{lat:.5f}", f"{lon:.5f}"])
        writers["addresses"].writerow(
            [
                new_id(),
                loc,
                f"{rng.randrange(1, 9999)} Main St",
                place["city"].title(),
                place["state"],
                place["zip_code"],
                "US",
                "physical",
            ]
        )
        writers["service_at_location"].writerow([sal, svc, loc])
        opens = rng.choice(["08:00", "09:00", "10:00"])
        writers["schedules"].writerow(
            [
                new_id(),
                svc,
                "WEEKLY",
                ",".join(rng.sample(DAYS, rng.randrange(2, 6))),
                opens,
                rng.choice(["16:00", "17:00", "19:00"]),
            ]
        )
        writers["languages"].writerow([new_id(), svc, "English", "en"])
        if spanish or rng.random() < 0.4:
            writers["languages"].writerow([new_id(), svc, "Spanish", "es"])
        writers["phones"].writerow(
            [new_id(), svc, f"({rng.randrange(200, 999)}) 555-{rng.randrange(1000, 9999)}"]
        )
        writers["attributes"].writerow([new_id(), svc, "service", "service", terms[code]])
        # Some services say whom they serve: a county (8%), or the whole state (0.5%).
        chance = rng.random()
        if chance < 0.08 and place.get("county"):
            writers["service_areas"].writerow([new_id(), svc, place["county"], "text"])
        elif chance < 0.085:
            writers["service_areas"].writerow([new_id(), svc, "Statewide", "text"])
    for handle in files.values():
        handle.close()
    (out / "datapackage.json").write_text(
        json.dumps({"name": "synthetic-directory", "resources": []})
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--services", type=int, default=100_000)
    options = parser.parse_args()
    generate(options.out, options.services)
    print(f"wrote {options.services:,} services to {options.out}")


if __name__ == "__main__":
    main()
