"""Service areas (HSDS service_area) read into tokens a search origin can be tested against.

An area is understood from its name and extent: GeoJSON gives a bounding box; text gives
ZIP codes, "nationwide", state names, "statewide" (the location's state), counties ("Yolo
and Sacramento counties", "Condado de Fresno") and cities ("City of Davis", or a name that
is exactly a city of the state). Tokens look like ``us``, ``st-ca``, ``co-ca-sacramento``,
``ci-ca-davis``, ``z-95815`` — the same tokens core.places gives for the searcher's ZIP.
An area nothing can be understood from does not restrict the listing (better shown than
silently hidden).
"""

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from puentes.core.places import cities_by_state, counties_by_state, zip_place
from puentes.core.text import normalize
from puentes.core.validators import US_STATES

_ZIP = re.compile(r"\b(\d{5})\b")
_NATIONWIDE = re.compile(r"\b(nationwide|united states|usa|todo el pais|a nivel nacional)\b")
_STATEWIDE = re.compile(r"\b(statewide|entire state|todo el estado)\b")
_COUNTY_WORD = re.compile(r"\b(county|counties|condado|condados|parish|borough)\b")
_CITY_OF = re.compile(r"\b(?:city of|ciudad de)\s+([a-z .'-]+)")
_STATE_NAMES = {normalize(name): code for code, name in US_STATES.items()}
_STATE_NAME = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _STATE_NAMES), key=len, reverse=True)) + r")\b"
)


@dataclass
class Area:
    tokens: set[str] = field(default_factory=set)
    bbox: tuple[float, float, float, float] | None = None  # min lat, max lat, min lon, max lon

    def add_bbox(self, box: tuple[float, float, float, float]) -> None:
        if self.bbox is None:
            self.bbox = box
        else:
            a, b = self.bbox, box
            self.bbox = (min(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), max(a[3], b[3]))

    @property
    def understood(self) -> bool:
        return bool(self.tokens) or self.bbox is not None


@cache
def _county_pattern(state: str) -> re.Pattern[str] | None:
    names = counties_by_state().get(state)
    if not names:
        return None
    spoken = sorted((name.replace("-", " ") for name in names), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, spoken)) + r")\b")


def _geojson_bbox(extent: str) -> tuple[float, float, float, float] | None:
    try:
        document = json.loads(extent)
    except (json.JSONDecodeError, TypeError):
        return None
    points: list[tuple[float, float]] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key in ("geometry", "geometries", "features", "coordinates"):
                if key in value:
                    walk(value[key])
        elif isinstance(value, list):
            if len(value) >= 2 and all(isinstance(v, int | float) for v in value[:2]):
                lon, lat = float(value[0]), float(value[1])
                if -90 <= lat <= 90 and -180 <= lon <= 180:
                    points.append((lat, lon))
            else:
                for item in value:
                    walk(item)

    walk(document)
    if not points:
        return None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return min(lats), max(lats), min(lons), max(lons)


def read_area(
    name: str, extent: str, extent_type: str, home_state: str, area: Area | None = None
) -> Area:
    """Add what one service_area row says to ``area``."""
    area = area if area is not None else Area()
    kind = (extent_type or "").strip().lower()
    if kind == "geojson" and extent:
        box = _geojson_bbox(extent)
        if box is not None:
            area.add_bbox(box)
    text = normalize(f"{name} {extent if kind not in {'geojson', 'topojson', 'kml'} else ''}")
    _read_text(text, home_state.upper(), area)
    return area


def _read_text(text: str, home_state: str, area: Area) -> None:
    for zip5 in _ZIP.findall(text):
        if zip_place(zip5) is not None:
            area.tokens.add(f"z-{zip5}")
    if _NATIONWIDE.search(text):
        area.tokens.add("us")
    states = {_STATE_NAMES[m] for m in _STATE_NAME.findall(text)}
    if text.strip().upper() in US_STATES:
        states.add(text.strip().upper())
    in_state = states or ({home_state} if home_state in US_STATES else set())
    counties_mentioned = bool(_COUNTY_WORD.search(text))
    for state in in_state:
        pattern = _county_pattern(state)
        if counties_mentioned and pattern is not None:
            for county in pattern.findall(text):
                area.tokens.add(f"co-{state.lower()}-{county.replace(' ', '-')}")
        for city in _CITY_OF.findall(text):
            slug = "-".join(city.split())
            if slug in cities_by_state().get(state, frozenset()):
                area.tokens.add(f"ci-{state.lower()}-{slug}")
        if "-".join(text.split()) in cities_by_state().get(state, frozenset()):
            area.tokens.add(f"ci-{state.lower()}-{'-'.join(text.split())}")
    if _STATEWIDE.search(text) and home_state in US_STATES:
        area.tokens.add(f"st-{home_state.lower()}")
    counted = {t for t in area.tokens if t.startswith(("co-", "ci-"))}
    if not counted:
        # A state named on its own ("California") serves the whole state.
        area.tokens.update(f"st-{state.lower()}" for state in states)


# Place tokens in the full-text index. A query with words and a place asks the index for
# rows with the words AND in one of the grid cells around the place (or with an area that
# covers it), so the words are never matched across the whole country first. Tokens are
# letters and digits only, as both full-text tokenizers keep them whole.
CELLS_PER_DEGREE = 2
MAX_QUERY_CELLS = 36


def cell_token(latitude: float, longitude: float) -> str:
    row = math.floor(latitude * CELLS_PER_DEGREE) + 200
    column = math.floor(longitude * CELLS_PER_DEGREE) + 400
    return f"zzg{row}x{column}"


def cell_tokens_covering(
    min_lat: float, max_lat: float, min_lon: float, max_lon: float
) -> list[str] | None:
    """The cells a bounding box touches, or None when there are too many to list."""
    rows = range(math.floor(min_lat * CELLS_PER_DEGREE), math.floor(max_lat * CELLS_PER_DEGREE) + 1)
    columns = range(
        math.floor(min_lon * CELLS_PER_DEGREE), math.floor(max_lon * CELLS_PER_DEGREE) + 1
    )
    if len(rows) * len(columns) > MAX_QUERY_CELLS:
        return None
    return [f"zzg{row + 200}x{column + 400}" for row in rows for column in columns]


def area_fulltext_token(token: str) -> str:
    """'co-ca-sacramento' -> 'zzacocasacramento'."""
    return "zza" + "".join(ch for ch in token if ch.isalnum())


def place_fulltext_tokens(entry: dict[str, Any]) -> str:
    """The place tokens a search row adds to its full-text terms."""
    tokens = []
    if entry["latitude"] is not None and entry["longitude"] is not None:
        tokens.append(cell_token(entry["latitude"], entry["longitude"]))
    tokens += [area_fulltext_token(t) for t in entry["area_tokens"].split()]
    if entry["area_min_lat"] is not None:
        tokens.append(area_fulltext_token("bbox"))
    return f"{' '.join(tokens)} " if tokens else ""
