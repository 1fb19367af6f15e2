"""Search gives the expected results, in the same order on SQLite and PostgreSQL."""

import datetime
from unittest import mock

import pytest

from puentes.core.errors import DomainError
from puentes.directory.search import DirectoryQuery, search
from puentes.directory.services import directory_import
from puentes.directory.tests.packages import write_package

SACRAMENTO, FRESNO = ("38.5900", "-121.4400", "95815"), ("36.7400", "-119.7800", "93701")
LISTINGS = [
    # id, name, description, place, code, languages, free, min age, days, opens, closes
    ("1", "Eastside Food Pantry", "Weekly groceries for families", SACRAMENTO, "102", ["en", "es"], True, None, "MO,WE,FR", "09:00", "17:00"),
    ("2", "Despensa de alimentos San José", "Comida gratis para familias; se habla español", SACRAMENTO, "102", ["es"], True, None, "SA", "10:00", "14:00"),
    ("3", "Senior meals", "Hot food and groceries for seniors", FRESNO, "102", ["en"], False, 60, "MO,TU,WE,TH,FR", "11:00", "13:00"),
    ("4", "Rental assistance", "Help paying rent; food vouchers sometimes", SACRAMENTO, "103", ["en"], False, 18, "MO,TU,WE,TH,FR", "08:00", "16:00"),
    ("5", "Albergue familiar", "Vivienda de emergencia para familias", FRESNO, "103", ["es", "en"], True, None, "MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59"),
]  # fmt: skip


def _package():
    data = {
        "organizations": [
            {"id": "o", "name": "Network of helpers", "description": "Many programs"}
        ],
        "taxonomy_terms": [
            {"id": "t102", "code": "102", "name": "Food", "description": "Food"},
            {"id": "t103", "code": "103", "name": "Housing", "description": "Housing"},
        ],
        "services": [],
        "locations": [],
        "addresses": [],
        "service_at_location": [],
        "languages": [],
        "schedules": [],
        "attributes": [],
        "cost_options": [],
    }
    for sid, name, description, (
        lat,
        lon,
        zip_code,
    ), code, languages, free, min_age, days, opens, closes in LISTINGS:
        data["services"].append(
            {
                "id": sid,
                "organization_id": "o",
                "name": name,
                "description": description,
                "status": "active",
                **({"minimum_age": min_age} if min_age else {}),
            }
        )
        data["locations"].append(
            {
                "id": f"l{sid}",
                "location_type": "physical",
                "organization_id": "o",
                "name": name,
                "latitude": lat,
                "longitude": lon,
            }
        )
        data["addresses"].append(
            {
                "id": f"a{sid}",
                "location_id": f"l{sid}",
                "address_1": "1 Main St",
                "city": "X",
                "state_province": "CA",
                "postal_code": zip_code,
                "country": "US",
                "address_type": "physical",
            }
        )
        data["service_at_location"].append(
            {"id": f"s{sid}", "service_id": sid, "location_id": f"l{sid}"}
        )
        data["attributes"].append(
            {
                "id": f"at{sid}",
                "link_id": sid,
                "link_type": "service",
                "link_entity": "service",
                "taxonomy_term_id": f"t{code}",
            }
        )
        for lang in languages:
            data["languages"].append(
                {"id": f"lang{sid}{lang}", "service_id": sid, "name": lang, "code": lang}
            )
        data["schedules"].append(
            {
                "id": f"h{sid}",
                "service_id": sid,
                "freq": "WEEKLY",
                "byday": days,
                "opens_at": opens,
                "closes_at": closes,
            }
        )
        if free:
            data["cost_options"].append(
                {"id": f"c{sid}", "service_id": sid, "amount": "0", "currency": "USD"}
            )
    return data


@pytest.fixture
def directory(db, tmp_path):
    directory_import(path=write_package(tmp_path / "pkg", _package()), source="test")


def names(query):
    return [r.entry.name for r in search(query).results]


def test_words_match_stems_without_accents_and_rank_names_first(directory):
    # In the name (3) before the taxonomy (2) before only the description (1); then by name.
    assert names(DirectoryQuery(words="food")) == [
        "Eastside Food Pantry",
        "Despensa de alimentos San José",
        "Senior meals",
        "Rental assistance",
    ]
    assert names(DirectoryQuery(words="FAMILY")) == [
        "Albergue familiar",
        "Despensa de alimentos San José",
        "Eastside Food Pantry",
    ]
    assert names(DirectoryQuery(words="jose")) == ["Despensa de alimentos San José"]
    assert names(DirectoryQuery(words="comidas gratis")) == ["Despensa de alimentos San José"]
    # No listing has both words: those with one of them are shown, and the page says so.
    fallback = search(DirectoryQuery(words="food unicorn"))
    assert fallback.any_word and [r.entry.name for r in fallback.results] == names(
        DirectoryQuery(words="food")
    )


def test_misspelt_words_are_corrected_to_words_the_directory_has(directory):
    page = search(DirectoryQuery(words="pantyr"))  # two letters swapped
    assert page.corrected == {"pantyr": "pantry"}
    # The English listing as typed first, then the Spanish one meaning the same ("despensa").
    assert [r.entry.name for r in page.results] == [
        "Eastside Food Pantry",
        "Despensa de alimentos San José",
    ]
    assert names(DirectoryQuery(words="grocries")) == names(DirectoryQuery(words="groceries"))
    assert search(DirectoryQuery(words="despenza")).corrected == {"despenza": "despensa"}
    # Words the directory has (by any stem) are never "corrected"; short words are left alone.
    assert search(DirectoryQuery(words="pantries")).corrected == {}
    assert search(DirectoryQuery(words="fod")).corrected == {}
    # Too far from anything: no guess, no results.
    assert search(DirectoryQuery(words="xylophone")).results == []


def test_new_words_from_an_edit_are_known_at_once(directory, make_listing):
    assert search(DirectoryQuery(words="lavanderia")).results == []
    make_listing(name="Lavandería comunitaria", description="Laundry")
    assert names(DirectoryQuery(words="lavanderia")) == ["Lavandería comunitaria"]
    assert search(DirectoryQuery(words="lavendaria")).corrected == {"lavendaria": "lavanderia"}


def test_a_need_finds_its_services_without_typing(directory):
    assert names(DirectoryQuery(need="food-insecurity")) == [
        "Despensa de alimentos San José",
        "Eastside Food Pantry",
        "Senior meals",
    ]
    assert names(DirectoryQuery(need="housing-instability")) == [
        "Albergue familiar",
        "Rental assistance",
    ]


def test_distance_from_a_zip_orders_nearest_first_within_the_radius(directory):
    page = search(DirectoryQuery(postal_code="95815", radius_km=30))
    assert [r.entry.name for r in page.results] == [
        "Despensa de alimentos San José",
        "Eastside Food Pantry",
        "Rental assistance",
    ]
    assert all(r.distance_km is not None and r.distance_km < 30 for r in page.results)
    wide = search(DirectoryQuery(postal_code="95815", radius_km=300, need="food-insecurity"))
    assert [r.entry.name for r in wide.results][-1] == "Senior meals"
    assert wide.results[-1].distance_km > 200


def test_a_point_works_like_a_zip(directory):
    assert names(DirectoryQuery(latitude=36.74, longitude=-119.78, radius_km=5)) == [
        "Albergue familiar",
        "Senior meals",
    ]


def test_filters_language_cost_age_day_and_capacity(directory):
    assert names(DirectoryQuery(language="es")) == [
        "Albergue familiar",
        "Despensa de alimentos San José",
        "Eastside Food Pantry",
    ]
    assert names(DirectoryQuery(free=True, need="food-insecurity")) == [
        "Despensa de alimentos San José",
        "Eastside Food Pantry",
    ]
    assert "Senior meals" not in names(DirectoryQuery(age=30))
    assert "Rental assistance" not in names(DirectoryQuery(age=12))
    assert names(DirectoryQuery(open_on="SA")) == [
        "Albergue familiar",
        "Despensa de alimentos San José",
    ]
    assert names(DirectoryQuery(capacity=("waitlist",))) == []


def test_open_now_uses_the_locations_time_zone(directory):
    # Monday 2026-11-23 10:30 in California is 18:30 UTC.
    monday = datetime.datetime(2026, 11, 23, 18, 30, tzinfo=datetime.UTC)
    with mock.patch("puentes.directory.search.timezone.now", return_value=monday):
        assert names(DirectoryQuery(open_now=True)) == [
            "Albergue familiar",
            "Eastside Food Pantry",
            "Rental assistance",
        ]
        result = search(DirectoryQuery(words="pantry")).results[0]
        assert result.hours_today == "09:00–17:00"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        (DirectoryQuery(need="boredom"), "need"),
        (DirectoryQuery(postal_code="00000"), "postal_code"),
        (DirectoryQuery(postal_code="95815", radius_km=0), "radius_km"),
        (DirectoryQuery(latitude=95, longitude=0), "latitude"),
        (DirectoryQuery(age=300), "age"),
        (DirectoryQuery(open_on="XX"), "open_on"),
    ],
)
def test_bad_queries_name_the_field(directory, query, field):
    with pytest.raises(DomainError) as caught:
        search(query)
    assert field in caught.value.fields


def test_inactive_listings_leave_the_index(directory, tmp_path):
    data = _package()
    data["services"] = [s for s in data["services"] if s["id"] != "1"]
    for key in ("service_at_location", "schedules", "languages", "attributes", "cost_options"):
        data[key] = [row for row in data[key] if not row["id"].endswith("1") or row["id"] == "t102"]
    directory_import(path=write_package(tmp_path / "v2", data), source="test")
    assert "Eastside Food Pantry" not in names(DirectoryQuery(words="pantry"))


def test_the_count_is_right_on_every_page_and_past_the_last(directory):
    first = search(DirectoryQuery(words="food", per_page=2))
    second = search(DirectoryQuery(words="food", per_page=2, page=2))
    beyond = search(DirectoryQuery(words="food", per_page=2, page=9))
    assert first.total == second.total == beyond.total == 4
    assert len(first.results) == len(second.results) == 2 and beyond.results == []
    assert search(DirectoryQuery(words="unicornio")).total == 0


def test_open_now_groups_zones_that_read_the_same_time():
    """Zones on the same clock share one condition, and each zone is still asked about its
    own hour: 15:30 UTC on a Monday in July is 08:30 in Los Angeles and in Phoenix (which
    keeps no summer time), 09:30 in Denver and 11:30 in New York."""
    from puentes.directory.search import _open_now

    now = datetime.datetime(2026, 7, 6, 15, 30, tzinfo=datetime.UTC)
    zones = ["America/Los_Angeles", "America/Phoenix", "America/Denver", "America/New_York"]
    condition = str(_open_now(now, zones))
    assert condition.count("time_zone__in") == 3
    assert "['America/Los_Angeles', 'America/Phoenix']" in condition
    assert "('opens_minute__lte', 510)" in condition and "('opens_minute__lte', 690)" in condition


@pytest.mark.django_db
def test_a_rebuild_leaves_the_index_settled_on_postgresql():
    """The full-text index's pending list is merged after a rebuild (a bulk write leaves it
    full, and every search would scan it)."""
    from django.db import connection

    from puentes.directory import search_index

    if connection.vendor != "postgresql":
        pytest.skip("the GIN pending list is PostgreSQL's")
    search_index.settle()  # runs, and leaves nothing pending
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list('directory_search_vector'::regclass)")
        assert cursor.fetchone()[0] == 0
