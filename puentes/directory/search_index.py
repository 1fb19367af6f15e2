"""Build the search rows (SearchEntry) from the HSDS records."""

import re
from collections import Counter, defaultdict
from typing import Any

from django.db import connection, transaction
from django.db.models.functions import Floor
from django.utils import timezone

from puentes.core.validators import zip_centroid, zip_time_zone
from puentes.directory import models as m
from puentes.directory import spelling
from puentes.directory.areas import Area, place_fulltext_tokens, read_area
from puentes.directory.importing.loader import Progress
from puentes.directory.importing.writing import among, insert_rows
from puentes.directory.text import terms_of, words, written_in

_FREE = re.compile(r"\b(free|no cost|gratis|gratuito|sin costo)\b", re.IGNORECASE)
_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _hours(schedules: list[dict[str, Any]]) -> tuple[str, int | None, int | None]:
    """Days open and the widest opening hours of the weekly schedules."""
    days: set[str] = set()
    opens: list[int] = []
    closes: list[int] = []
    for schedule in schedules:
        if schedule["freq"] and schedule["freq"].upper() != "WEEKLY":
            continue
        days.update(
            d.strip().upper() for d in schedule["byday"].split(",") if d.strip().upper() in _DAYS
        )
        if schedule["opens_at"] and schedule["closes_at"]:
            opens.append(schedule["opens_at"].hour * 60 + schedule["opens_at"].minute)
            closes.append(schedule["closes_at"].hour * 60 + schedule["closes_at"].minute)
    day_text = f" {' '.join(d for d in _DAYS if d in days)} " if days else ""
    return day_text, (min(opens) if opens else None), (max(closes) if closes else None)


_SAL_FIELDS = [
    "id", "service_id", "location_id", "capacity_status", "service__name",
    "service__alternate_name",
    "service__description", "service__eligibility_description", "service__application_process",
    "service__interpretation_services", "service__organization_id", "service__organization__name",
    "service__minimum_age", "service__maximum_age", "service__fees", "service__fees_description",
    "service__capacity_status", "location__name", "location__latitude", "location__longitude",
]  # fmt: skip


def _by(rows: Any, key: str) -> dict[Any, list[dict[str, Any]]]:
    grouped: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row[key] is not None:
            grouped[row[key]].append(row)
    return grouped


class _Related:
    """Everything the rows of one chunk need, fetched in one query per kind."""

    def __init__(self, service_ids: list[Any], location_ids: list[Any]) -> None:
        active = {"is_active": True}
        languages = m.Language.objects.filter(**active).values("service_id", "location_id", "code")
        self.languages_by_service = _by(
            languages.filter(among(service_ids, m.Language, "service_id")), "service_id"
        )
        self.languages_by_location = _by(
            languages.filter(among(location_ids, m.Language, "location_id")), "location_id"
        )
        schedules = m.Schedule.objects.filter(**active).values(
            "service_id", "location_id", "freq", "byday", "opens_at", "closes_at"
        )
        self.schedules_by_service = _by(
            schedules.filter(among(service_ids, m.Schedule, "service_id")), "service_id"
        )
        self.schedules_by_location = _by(
            schedules.filter(among(location_ids, m.Schedule, "location_id")), "location_id"
        )
        self.costs = _by(
            m.CostOption.objects.filter(
                among(service_ids, m.CostOption, "service_id"), **active
            ).values("service_id", "amount"),
            "service_id",
        )
        self.addresses = _by(
            m.Address.objects.filter(among(location_ids, m.Address, "location_id"), **active)
            .order_by("address_type")
            .values("location_id", "postal_code", "city", "state_province"),
            "location_id",
        )
        self.areas = _by(
            m.ServiceArea.objects.filter(
                among(service_ids, m.ServiceArea, "service_id"), **active
            ).values("service_id", "name", "extent", "extent_type"),
            "service_id",
        )
        self.terms: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        attributes = m.Attribute.objects.filter(
            among(service_ids, m.Attribute, "link_id"), is_active=True
        )
        for row in attributes.values("link_id", "taxonomy_term__name", "taxonomy_term__code"):
            self.terms[row["link_id"]].append(dict(row))


def _is_free(row: dict[str, Any], costs: list[dict[str, Any]]) -> bool:
    if any(cost["amount"] == 0 for cost in costs):
        return True
    return not costs and bool(
        _FREE.search(f"{row['service__fees']} {row['service__fees_description']}")
    )


def _entry(row: dict[str, Any], related: _Related) -> dict[str, Any]:
    service_id, location_id = row["service_id"], row["location_id"]
    addresses = related.addresses.get(location_id, [])
    address = addresses[0] if addresses else None
    postal_code = (address["postal_code"] if address else "")[:10]
    language_rows = related.languages_by_service.get(
        service_id, []
    ) + related.languages_by_location.get(location_id, [])
    languages = {lang["code"].lower()[:3] for lang in language_rows if lang["code"]}
    terms = related.terms.get(service_id, [])
    organization_name = row["service__organization__name"] or ""
    names = f"{row['service__name']} {row['service__alternate_name']} {organization_name}"
    text = " ".join(
        [
            row["service__description"],
            row["service__eligibility_description"],
            row["service__application_process"],
            row["service__interpretation_services"],
            row["location__name"],
            address["city"] if address else "",
        ]
    )
    days, opens, closes = _hours(
        related.schedules_by_service.get(service_id, [])
        + related.schedules_by_location.get(location_id, [])
    )
    taxonomy_text = " ".join(t["taxonomy_term__name"] for t in terms)
    name_words, taxonomy_words, text_words = words(names), words(taxonomy_text), words(text)
    name_terms = terms_of(name_words)
    taxonomy_terms = terms_of(taxonomy_words)
    text_terms = terms_of(text_words)
    codes = sorted({t["taxonomy_term__code"] for t in terms if t["taxonomy_term__code"]})
    return {
        # Not a column: the words the spelling vocabulary gains from this row.
        "_words": {
            w
            for w in (*name_words, *taxonomy_words, *text_words)
            if w.isalpha() and 3 <= len(w) <= 60
        },
        "service_at_location_id": row["id"],
        "service_id": service_id,
        "location_id": location_id,
        "organization_id": row["service__organization_id"],
        "name": row["service__name"][:500],
        "name_terms": name_terms,
        "taxonomy_terms": taxonomy_terms,
        "text_terms": text_terms,
        "all_terms": f"{name_terms}{taxonomy_terms}{text_terms}",
        "taxonomy_codes": f" {' '.join(codes)} ",
        **_position(row["location__latitude"], row["location__longitude"], postal_code),
        "postal_code": postal_code,
        "time_zone": zip_time_zone(postal_code),
        "languages": f" {' '.join(sorted(languages))} ",
        "written_in": " ".join(written_in(f"{names} {text}")),
        "free": _is_free(row, related.costs.get(service_id, [])),
        "minimum_age": row["service__minimum_age"],
        "maximum_age": row["service__maximum_age"],
        "open_days": days,
        "opens_minute": opens,
        "closes_minute": closes,
        "capacity_status": row["capacity_status"] or row["service__capacity_status"],
        **_area_columns(
            related.areas.get(service_id, []), address["state_province"] if address else ""
        ),
    }


def _with_place_terms(entry: dict[str, Any]) -> dict[str, Any]:
    entry["all_terms"] = f"{entry['all_terms'] or ' '}{place_fulltext_tokens(entry)}"
    return entry


def _area_columns(rows: list[dict[str, Any]], home_state: str) -> dict[str, Any]:
    area = Area()
    for row in rows:
        read_area(row["name"], row["extent"], row["extent_type"], home_state, area)
    box = area.bbox or (None, None, None, None)
    return {
        "has_area": area.understood,
        "area_tokens": f" {' '.join(sorted(area.tokens))} " if area.tokens else "",
        "area_min_lat": box[0],
        "area_max_lat": box[1],
        "area_min_lon": box[2],
        "area_max_lon": box[3],
    }


def _active_listings() -> Any:
    return m.ServiceAtLocation.objects.filter(
        is_active=True, service__is_active=True, location__is_active=True
    ).order_by("id")


def _insert_entries(
    ids: list[Any], batch: int, vocabulary: Counter[str], progress: Progress | None = None
) -> int:
    sals = _active_listings()
    total = 0
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        position = {record_id: n for n, record_id in enumerate(chunk)}
        rows = sorted(
            sals.filter(among(chunk, m.ServiceAtLocation)).values(*_SAL_FIELDS),
            key=lambda r: position[r["id"]],
        )
        related = _Related(
            list({r["service_id"] for r in rows}), list({r["location_id"] for r in rows})
        )
        entries = [_with_place_terms(_entry(row, related)) for row in rows]
        for entry in entries:
            vocabulary.update(entry.pop("_words"))
        insert_rows(m.SearchEntry, entries, timezone.now())
        _insert_area_tokens(entries)
        total += len(rows)
        if progress:
            progress("search_index", total, len(ids))
    return total


def _insert_area_tokens(entries: list[dict[str, Any]]) -> None:
    """Index the area tokens of the rows just inserted (few rows have an area)."""
    with_area = {e["service_at_location_id"]: e for e in entries if e["has_area"]}
    if not with_area:
        return
    ids = m.SearchEntry.objects.filter(service_at_location_id__in=list(with_area)).values_list(
        "service_at_location_id", "id"
    )
    rows = []
    for sal_id, entry_id in ids:
        entry = with_area[sal_id]
        tokens = entry["area_tokens"].split() + (
            ["bbox"] if entry["area_min_lat"] is not None else []
        )
        rows += [{"entry_id": entry_id, "token": token} for token in tokens]
    insert_rows(m.SearchAreaToken, rows, timezone.now())


def _position(latitude: Any, longitude: Any, postal_code: str) -> dict[str, Any]:
    """Where a listing is searched from: its coordinates, else its ZIP code's centre (many
    211 exports give an address but no coordinates), flagged as approximate."""
    if latitude is not None and longitude is not None:
        return {"latitude": latitude, "longitude": longitude, "location_approximate": False}
    centre = zip_centroid(postal_code) if postal_code else None
    if centre is None:
        return {"latitude": None, "longitude": None, "location_approximate": False}
    return {"latitude": centre[0], "longitude": centre[1], "location_approximate": True}


def rebuild(batch: int = 5000, progress: Progress | None = None) -> int:
    """Rebuild every search row from the active HSDS records. Returns the number of rows."""
    vocabulary: Counter[str] = Counter()
    with transaction.atomic():
        m.SearchAreaToken.objects.all().delete()
        m.SearchEntry.objects.all().delete()
        # Rows are written grid cell by grid cell, so the rows a place search reads sit
        # together on disk instead of one per page.
        ids = list(
            _active_listings()
            .order_by(Floor("location__latitude"), Floor("location__longitude"), "id")
            .values_list("id", flat=True)
        )
        total = _insert_entries(ids, batch, vocabulary, progress)
        m.SearchWord.objects.all().delete()
        insert_rows(
            m.SearchWord,
            [{"word": w, "frequency": n} for w, n in sorted(vocabulary.items())],
            timezone.now(),
        )
        spelling.bump_generation()
        transaction.on_commit(settle)
    return total


def settle() -> None:
    """After a rebuild, on PostgreSQL: merge the full-text index's pending list and refresh
    the planner's statistics. Rows written in bulk wait in the GIN index's pending list,
    which every search then scans row by row (at 1,000,000 listings a search took 14 ms in
    the index instead of 3) until autovacuum gets to it."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list('directory_search_vector'::regclass)")
        cursor.execute("ANALYZE directory_searchentry, directory_searchareatoken")


def refresh(service_at_location_ids: list[Any]) -> int:
    """Rebuild the search rows of a few listings after an edit (inactive ones drop out)."""
    vocabulary: Counter[str] = Counter()
    with transaction.atomic():
        stale = m.SearchEntry.objects.filter(service_at_location_id__in=service_at_location_ids)
        m.SearchAreaToken.objects.filter(entry_id__in=stale.values("id")).delete()
        stale.delete()
        total = _insert_entries(list(service_at_location_ids), 5000, vocabulary)
        m.SearchWord.objects.bulk_create(
            [m.SearchWord(word=w, frequency=n) for w, n in sorted(vocabulary.items())],
            ignore_conflicts=True,
        )
        spelling.bump_generation()
    return total
