"""Search for CHWs: words (English and Spanish), need, distance, language, cost, age,
opening days and hours, capacity, organization.

Candidate rows come from the full-text index (FTS5 or tsvector); ranking and distance are
computed in SQL that both databases evaluate identically, so a query returns the same
results in the same order on SQLite and on PostgreSQL.
"""

import datetime
import math
import uuid
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    FloatField,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    Window,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.core.errors import invalid
from puentes.core.places import nearest_zip, place_tokens
from puentes.core.validators import us_time_zones, zip_centroid
from puentes.directory import models as m
from puentes.directory import spelling, vocabulary
from puentes.directory.areas import area_fulltext_token, cell_tokens_covering
from puentes.directory.selectors import distance_m
from puentes.directory.text import MAX_WORDS, stems, words

NEED_TAXONOMY_FILE = Path(__file__).resolve().parent / "definitions" / "need_taxonomy.yaml"
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
KM_PER_DEGREE = 111.32


@cache
def need_taxonomy() -> dict[str, list[str]]:
    """Gravity category -> taxonomy codes (Open Eligibility and AIRS) that serve it."""
    data = yaml.safe_load(NEED_TAXONOMY_FILE.read_text(encoding="utf-8"))
    return {
        need: [*codes.get("open_eligibility", []), *codes.get("airs", [])]
        for need, codes in data.items()
    }


@dataclass(frozen=True)
class DirectoryQuery:
    words: str = ""
    need: str = ""
    postal_code: str = ""
    latitude: float | None = None
    longitude: float | None = None
    radius_km: float = 25.0
    language: str = ""
    free: bool = False
    age: int | None = None
    open_now: bool = False
    open_on: str = ""  # MO..SU
    capacity: tuple[str, ...] = ()
    organization_id: uuid.UUID | None = None
    page: int = 1
    per_page: int = 20


@dataclass
class Result:
    entry: m.SearchEntry
    distance_km: float | None
    hours_today: str = ""
    phone: str = ""
    languages: list[str] = field(default_factory=list)


@dataclass
class ResultPage:
    results: list[Result]
    total: int
    page: int
    per_page: int
    corrected: dict[str, str] = field(default_factory=dict)  # misspelt word -> searched as
    # No listing held every word, so these hold at least one ("homeless shelter" finds the
    # shelters that never say "homeless"); the page says so.
    any_word: bool = False

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def _origin(query: DirectoryQuery) -> tuple[float, float] | None:
    if query.latitude is not None and query.longitude is not None:
        if not (-90 <= query.latitude <= 90 and -180 <= query.longitude <= 180):
            raise invalid({"latitude": [_("Coordinates are out of range.")]})
        return query.latitude, query.longitude
    if query.postal_code:
        centre = zip_centroid(query.postal_code.strip()[:5])
        if centre is None:
            raise invalid(
                {
                    "postal_code": [
                        _("%(value)s is not a known US ZIP code.") % {"value": query.postal_code}
                    ]
                }
            )
        return centre
    return None


def _origin_tokens(query: DirectoryQuery, latitude: float, longitude: float) -> list[str]:
    zip5 = query.postal_code.strip()[:5] if query.postal_code else nearest_zip(latitude, longitude)
    return place_tokens(zip5 or "")


def _area_covered_ids(origin_tokens: list[str], latitude: float, longitude: float) -> list[int]:
    """Search rows whose service area covers the searcher's place (their ZIP's city, county,
    state, or the bounding box of a drawn area) — found however far away they are. Read
    first through the token index: few listings have an area, and a plain list keeps the
    main query's distance index usable."""
    tokens = m.SearchAreaToken.objects.filter(token__in=origin_tokens).values_list("entry_id")
    boxes = m.SearchEntry.objects.filter(
        id__in=m.SearchAreaToken.objects.filter(token="bbox").values("entry_id"),
        area_min_lat__lte=latitude,
        area_max_lat__gte=latitude,
        area_min_lon__lte=longitude,
        area_max_lon__gte=longitude,
    )
    # One round trip for both (UNION also drops the duplicates).
    return sorted(pk for (pk,) in tokens.union(boxes.values_list("id")))


def _among(ids: list[int]) -> Any:
    """The rows with these ids. On PostgreSQL one array parameter, not a placeholder per id
    (a thousand listings covering a state would make the statement a thousand parameters
    longer, to parse and send with every search)."""
    if connection.vendor == "postgresql":
        return RawSQL("directory_searchentry.id = ANY(%s)", [ids], output_field=BooleanField())
    return Q(id__in=ids)


def _place_group(
    origin_tokens: list[str], box: tuple[float, float, float, float]
) -> list[str] | None:
    """Full-text tokens of the places a result can be in: the grid cells the radius
    touches, or an area covering the searcher (None when the radius spans too many cells)."""
    cells = cell_tokens_covering(*box)
    if cells is None:
        return None
    return [*cells, *(area_fulltext_token(t) for t in [*origin_tokens, "bbox"])]


def _word_group(word: str) -> list[str]:
    """The stems a query word matches: its own and those of the words that mean the same in
    English or Spanish (directory/vocabulary.py). A stem of three letters or fewer that is
    not the word itself is left out: Spanish "comida" stems to "com", which English words
    ("come", "community") share without meaning food."""
    found: set[str] = set()
    for equivalent in vocabulary.equivalents(word):
        for stem in stems(equivalent):
            if len(stem) > 3 or stem == equivalent:
                found.add(stem)
    return sorted(found or stems(word))


def _match(
    queryset: QuerySet[m.SearchEntry],
    groups: list[list[str]],
    place_group: list[str] | None,
    *,
    any_word: bool = False,
) -> QuerySet[m.SearchEntry]:
    """Rows containing, for every query word (or, with ``any_word``, for at least one), one
    of its stems; and, when given, one of the place tokens."""
    if connection.vendor == "postgresql":
        joiner = " | " if any_word else " & "
        expression = "(" + joiner.join("(" + " | ".join(group) + ")" for group in groups) + ")"
        if place_group:
            expression += " & (" + " | ".join(place_group) + ")"
        return queryset.annotate(
            matches=RawSQL(
                "search_vector @@ to_tsquery('simple', %s)",
                [expression],
                output_field=BooleanField(),
            )
        ).filter(matches=True)
    joiner = " OR " if any_word else " AND "
    expression = (
        "("
        + joiner.join("(" + " OR ".join(f'"{stem}"' for stem in group) + ")" for group in groups)
        + ")"
    )
    if place_group:
        expression += " AND (" + " OR ".join(f'"{token}"' for token in place_group) + ")"
    return queryset.filter(
        id__in=RawSQL(
            "SELECT rowid FROM directory_search_fts WHERE directory_search_fts MATCH %s",
            [expression],
        )
    )


def _score(groups: list[list[str]], own: list[set[str]], *, any_word: bool = False) -> Any:
    """Name matches weigh most, then taxonomy, then other text; within each, the word as
    typed weighs more than a word that means the same in the other language (``own``: each
    word's own stems). The same arithmetic on both databases. When every word matched
    somewhere, a word found in neither name nor taxonomy is in the text; with ``any_word``
    that must be checked, and a word found nowhere counts nothing."""
    total: Any = Value(0)
    columns = [("name_terms", 6), ("taxonomy_terms", 4)]
    if any_word:
        columns.append(("text_terms", 1))
    for group, typed in zip(groups, own, strict=True):
        tiers: list[tuple[Q, int]] = []
        for column, weight in columns:
            literal, translated = Q(), Q()
            for stem in group:
                condition = Q(**{f"{column}__contains": f" {stem}"})
                if stem in typed:
                    literal |= condition
                else:
                    translated |= condition
            tiers.append((literal, weight))
            if translated and weight > 1:
                tiers.append((translated, weight - 1))
            elif translated:
                tiers.append((translated, weight))
        total = total + Case(
            *(When(condition, then=Value(weight)) for condition, weight in tiers if condition),
            default=Value(0 if any_word else 1),
            output_field=IntegerField(),
        )
    return total


def _open_now(now: datetime.datetime, time_zones: list[str]) -> Q:
    """Open at this moment, in each location's own time zone. Zones whose clocks read the
    same day and minute now share one condition (the few dozen US zones are a handful of
    offsets), which keeps the statement short to build and to plan."""
    zones_at: dict[tuple[int, int], list[str]] = {}
    for name in time_zones:
        try:
            local = now.astimezone(zoneinfo.ZoneInfo(name))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            continue
        zones_at.setdefault((local.weekday(), local.hour * 60 + local.minute), []).append(name)
    condition = Q(pk__in=[])
    for (weekday, minute), names in sorted(zones_at.items()):
        condition |= Q(
            time_zone__in=sorted(names),
            open_days__contains=f" {DAYS[weekday]} ",
            opens_minute__lte=minute,
            closes_minute__gt=minute,
        )
    return condition


def _filtered(query: DirectoryQuery) -> QuerySet[m.SearchEntry]:
    entries = m.SearchEntry.objects.all()
    if query.need:
        codes = need_taxonomy().get(query.need)
        if codes is None:
            raise invalid({"need": [_("Choose a valid need.")]})
        by_code = Q()
        for code in codes:
            by_code |= Q(taxonomy_codes__contains=f" {code}")
        entries = entries.filter(by_code)
    if query.language:
        entries = entries.filter(languages__contains=f" {query.language.lower()} ")
    if query.free:
        entries = entries.filter(free=True)
    if query.age is not None:
        entries = entries.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=query.age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=query.age),
        )
    if query.open_on:
        if query.open_on not in DAYS:
            raise invalid({"open_on": [_("Choose a day of the week.")]})
        entries = entries.filter(open_days__contains=f" {query.open_on} ")
    if query.open_now:
        # The zones come from the ZIP table (a handful), not a scan of every search row.
        entries = entries.filter(_open_now(timezone.now(), list(us_time_zones())))
    if query.capacity:
        entries = entries.filter(capacity_status__in=query.capacity)
    if query.organization_id:
        entries = entries.filter(organization_id=query.organization_id)
    return entries


def search_queryset(
    query: DirectoryQuery, corrected: dict[str, str] | None = None, *, any_word: bool = False
) -> tuple[QuerySet[m.SearchEntry], tuple[float, float] | None]:
    """The ordered rows a query selects, and the point distances are measured from.
    Misspelt words are searched as corrected, and reported in ``corrected`` if given. Rows
    must hold every word, or with ``any_word`` at least one."""
    if query.radius_km <= 0 or query.radius_km > 500:
        raise invalid({"radius_km": [_("The radius must be between 0 and 500 km.")]})
    if query.age is not None and not 0 <= query.age <= 120:
        raise invalid({"age": [_("The age must be between 0 and 120.")]})
    entries = _filtered(query)
    query_words = words(query.words)[:MAX_WORDS]
    fixes = spelling.corrections([word for word in query_words if not vocabulary.known(word)])
    if corrected is not None:
        corrected.update(fixes)
    groups = [_word_group(fixes.get(word, word)) for word in query_words]
    origin = _origin(query)
    place_group = None
    order: list[Any] = []
    if origin is not None:
        lat0, lon0 = origin
        scale = math.cos(math.radians(lat0))
        # Equirectangular distance in degrees²: exact enough to rank and cut at a radius.
        approx = (F("latitude") - lat0) * (F("latitude") - lat0) + (
            F("longitude") - lon0
        ) * scale * (F("longitude") - lon0) * scale
        limit_deg = query.radius_km / KM_PER_DEGREE
        lon_limit = limit_deg / max(scale, 0.01)
        near = Q(
            has_area=False,
            latitude__range=(lat0 - limit_deg, lat0 + limit_deg),
            longitude__range=(lon0 - lon_limit, lon0 + lon_limit),
            approx__lte=limit_deg * limit_deg,
        )
        origin_tokens = _origin_tokens(query, lat0, lon0)
        covered = _area_covered_ids(origin_tokens, lat0, lon0)
        entries = entries.annotate(approx=Case(default=approx, output_field=FloatField())).filter(
            near | _among(covered) if covered else near
        )
        order.append("approx")
        box = (lat0 - limit_deg, lat0 + limit_deg, lon0 - lon_limit, lon0 + lon_limit)
        place_group = _place_group(origin_tokens, box)
    if groups:
        entries = _match(entries, groups, place_group, any_word=any_word)
        own = [set(stems(fixes.get(word, word))) for word in query_words]
        entries = entries.annotate(score=_score(groups, own, any_word=any_word))
        order.insert(0 if origin is None else 1, "-score")
    return entries.order_by(*order, "name", "id"), origin


def search(query: DirectoryQuery) -> ResultPage:
    """One page of results, nearest (or best matching) first, and how many there are."""
    corrected: dict[str, str] = {}
    entries, origin = search_queryset(query, corrected)
    rows, total = _page_of(entries, query)
    any_word = not total and len(words(query.words)) > 1
    if any_word:
        entries, origin = search_queryset(query, any_word=True)
        rows, total = _page_of(entries, query)
    return ResultPage(
        [_result(entry, origin) for entry in rows],
        total,
        max(query.page, 1),
        query.per_page,
        corrected,
        any_word=any_word,
    )


def page_statement(entries: QuerySet[m.SearchEntry], query: DirectoryQuery) -> QuerySet[Any]:
    """The ranked statement of one page: its ids and the number of matches in one statement
    (the matching rows are ranked anyway, and a separate COUNT would find them all a second
    time). Only ids: every match is sorted, and narrow rows sort faster."""
    start = (max(query.page, 1) - 1) * query.per_page
    ranked = entries.annotate(matches=Window(Count("id"))).values_list("id", "matches")
    return ranked[start : start + query.per_page]


def _page_of(entries: QuerySet[m.SearchEntry], query: DirectoryQuery) -> tuple[list[Any], int]:
    ranked = list(page_statement(entries, query))
    ids = [pk for pk, _matches in ranked]
    # The page's records are read afterwards by id, with what they show joined in: joined
    # into the ranked statement they would be joined for every match, not just the page.
    records = m.SearchEntry.objects.filter(id__in=ids).select_related(
        "service_at_location", "service__organization", "location"
    )
    by_id = {entry.id: entry for entry in records}
    rows = [by_id[pk] for pk in ids]
    prefetch_related_objects(
        rows,
        Prefetch("service__phones", queryset=m.Phone.objects.filter(is_active=True)),
        Prefetch("location__addresses", queryset=m.Address.objects.filter(is_active=True)),
    )
    return rows, _matches(ranked, entries, query.page)


def _matches(ranked: Sequence[Any], entries: QuerySet[m.SearchEntry], page: int) -> int:
    """The window count of the page's rows; past the last page, a plain count says how many."""
    if ranked:
        return int(ranked[0][1])
    return entries.count() if page > 1 else 0


def _result(entry: m.SearchEntry, origin: tuple[float, float] | None) -> Result:
    distance = None
    if origin is not None and entry.latitude is not None and entry.longitude is not None:
        distance = distance_m(*origin, entry.latitude, entry.longitude) / 1000
    phones = list(entry.service.phones.all())  # prefetched, active only
    phone = phones[0].number if phones else ""
    return Result(
        entry=entry,
        distance_km=distance,
        hours_today=_hours_today(entry),
        phone=phone,
        languages=entry.languages.split(),
    )


def _hours_today(entry: m.SearchEntry) -> str:
    if entry.opens_minute is None or not entry.open_days.strip():
        return ""
    try:
        local = (
            timezone.now().astimezone(zoneinfo.ZoneInfo(entry.time_zone))
            if entry.time_zone
            else timezone.now()
        )
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        local = timezone.now()
    if f" {DAYS[local.weekday()]} " not in entry.open_days:
        return _("Closed today")
    opens, closes = entry.opens_minute, entry.closes_minute or 0
    return f"{opens // 60:02d}:{opens % 60:02d}–{closes // 60:02d}:{closes % 60:02d}"
