"""Service areas are respected: a listing with an area is found wherever its area covers
the searcher (however far), and not where it does not (however near)."""

import json
import uuid

import pytest

from puentes.directory import models as m
from puentes.directory import search_index
from puentes.directory.areas import read_area
from puentes.directory.search import DirectoryQuery, search

DAVIS = "95616"  # Yolo County, about 20 km from downtown Sacramento
SACRAMENTO = "95815"


def _with_area(listing, name="", extent="", extent_type=""):
    m.ServiceArea.objects.create(
        id=uuid.uuid4(), service=listing.service, name=name, extent=extent, extent_type=extent_type
    )
    search_index.refresh([listing.pk])
    return listing


def _found(**query):
    return [r.entry.name for r in search(DirectoryQuery(**query)).results]


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Sacramento County", {"co-ca-sacramento"}),
        ("Serves Yolo and Sacramento counties", {"co-ca-yolo", "co-ca-sacramento"}),
        ("Condado de Fresno", {"co-ca-fresno"}),
        ("Statewide", {"st-ca"}),
        ("Oregon", {"st-or"}),
        ("Nationwide", {"us"}),
        ("City of Davis", {"ci-ca-davis"}),
        ("ZIP codes 95815, 95817", {"z-95815", "z-95817"}),
        ("Call us for details", set()),
    ],
)
def test_area_text_is_understood(name, tokens):
    assert read_area(name, "", "", "CA").tokens == tokens


def test_a_county_area_keeps_a_nearby_listing_from_another_county(make_listing):
    _with_area(make_listing(name="County rent help"), name="Sacramento County")
    make_listing(name="Open pantry")
    # Same place, so equally near: then by name.
    assert _found(postal_code=SACRAMENTO, radius_km=50) == ["County rent help", "Open pantry"]
    assert _found(postal_code=DAVIS, radius_km=50) == ["Open pantry"]


def test_a_statewide_hotline_is_found_far_beyond_the_radius(make_listing):
    _with_area(
        make_listing(
            name="State tenant hotline", latitude=34.05, longitude=-118.24, postal_code="90012"
        ),
        name="Statewide",
    )
    assert _found(postal_code=SACRAMENTO, radius_km=5) == ["State tenant hotline"]
    assert _found(postal_code="97201", radius_km=500) == []  # Portland, Oregon


def test_a_drawn_area_uses_its_bounding_box(make_listing):
    polygon = {
        "type": "Polygon",
        "coordinates": [[[-121.6, 38.4], [-121.3, 38.4], [-121.3, 38.7], [-121.6, 38.4]]],
    }
    _with_area(
        make_listing(name="Mobile clinic"), extent=json.dumps(polygon), extent_type="geojson"
    )
    assert _found(latitude=38.6, longitude=-121.45, radius_km=5) == ["Mobile clinic"]
    assert _found(postal_code=DAVIS, radius_km=100) == []


def test_an_area_nothing_can_be_read_from_does_not_hide_the_listing(make_listing):
    _with_area(make_listing(name="Vague pantry"), name="Call us for details")
    assert _found(postal_code=SACRAMENTO, radius_km=10) == ["Vague pantry"]
    assert _found(postal_code=DAVIS, radius_km=50) == ["Vague pantry"]


def test_words_near_a_place_cross_grid_cells_and_reach_covering_areas(make_listing):
    # The full-text index narrows words to grid cells around the searcher; a listing just
    # across a cell edge, or far away with an area covering the searcher, is still found.
    make_listing(name="Edge pantry", latitude=38.51, longitude=-121.49)
    make_listing(name="Far pantry", latitude=36.0, longitude=-119.0, postal_code="93274")
    _with_area(
        make_listing(name="Statewide pantry line", latitude=34.05, longitude=-118.24),
        name="Statewide",
    )
    found = _found(words="pantry", latitude=38.49, longitude=-121.49, radius_km=10)
    assert found == ["Edge pantry", "Statewide pantry line"]
