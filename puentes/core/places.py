"""Where a US ZIP code is (state, county, city), and the ZIP nearest a point — from the
bundled `zipcodes` table, read once per process."""

import math
from collections import defaultdict
from functools import cache

import zipcodes  # type: ignore[import-untyped]

from puentes.core.text import normalize


def _slug(text: str) -> str:
    return "-".join(normalize(text).replace(".", "").replace("'", "").split())


def county_key(name: str) -> str:
    """'Sacramento County' and 'sacramento' give the same key."""
    words = normalize(name).split()
    if words and words[-1] in {"county", "parish", "borough", "municipio"}:
        words = words[:-1]
    return _slug(" ".join(words))


@cache
def _places() -> dict[str, tuple[str, str, str]]:
    """ZIP -> (state code, county key, city key)."""
    return {
        entry["zip_code"]: (
            entry["state"],
            county_key(entry.get("county") or ""),
            _slug(entry["city"]),
        )
        for entry in zipcodes.list_all()
    }


def zip_place(zip5: str) -> tuple[str, str, str] | None:
    return _places().get((zip5 or "")[:5])


@cache
def counties_by_state() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for state, county, _city in _places().values():
        if county:
            found[state].add(county)
    return {state: frozenset(names) for state, names in found.items()}


@cache
def cities_by_state() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for state, _county, city in _places().values():
        found[state].add(city)
    return {state: frozenset(names) for state, names in found.items()}


@cache
def _grid() -> dict[tuple[int, int], list[tuple[float, float, str]]]:
    cells: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for entry in zipcodes.list_all():
        if entry.get("lat") and entry.get("long"):
            lat, lon = float(entry["lat"]), float(entry["long"])
            cells[(math.floor(lat), math.floor(lon))].append((lat, lon, entry["zip_code"]))
    return cells


def nearest_zip(latitude: float, longitude: float) -> str | None:
    """The ZIP whose centroid is nearest, looking in the surrounding one-degree cells."""
    cells = _grid()
    row, column = math.floor(latitude), math.floor(longitude)
    best: tuple[float, str] | None = None
    scale = math.cos(math.radians(latitude)) ** 2
    for d_row in (-1, 0, 1):
        for d_column in (-1, 0, 1):
            for lat, lon, zip5 in cells.get((row + d_row, column + d_column), []):
                distance = (lat - latitude) ** 2 + scale * (lon - longitude) ** 2
                if best is None or distance < best[0]:
                    best = (distance, zip5)
    return best[1] if best else None


def place_tokens(zip5: str) -> list[str]:
    """The area tokens a point in this ZIP lies in, broadest first."""
    place = zip_place(zip5)
    if place is None:
        return ["us"]
    state, county, city = place
    tokens = ["us", f"st-{state.lower()}"]
    if county:
        tokens.append(f"co-{state.lower()}-{county}")
    tokens += [f"ci-{state.lower()}-{city}", f"z-{zip5[:5]}"]
    return tokens
