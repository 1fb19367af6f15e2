"""A package is read row by row and written a chunk at a time, so its size never decides
the memory an import takes. These tests make the chunks two rows long, so every check that
once saw the whole file (reused ids, references, parents in the same table, deactivation)
is proven to hold across chunk boundaries."""

import functools
import tracemalloc

import pytest

from puentes.directory import models as m
from puentes.directory.importing import prepare
from puentes.directory.importing import tables as table_loading
from puentes.directory.importing.loader import ImportFailed, load
from puentes.directory.importing.readers import read
from puentes.directory.tests.packages import tables, write_package


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(table_loading, "CHUNK", 2)


def test_a_package_is_streamed_from_its_files_not_held_in_memory(tmp_path):
    dataset = read(write_package(tmp_path / "p", tables(services=5)))
    assert not dataset.tables.get("service"), "rows of a CSV file are not read up front"
    assert [f.path.name for f in dataset.files["service"]] == ["services.csv"]
    assert dataset.estimate() >= 5
    assert len(list(dataset.rows("service"))) == 5


def test_every_row_is_written_across_chunks(db, tmp_path, small_chunks):
    report = load(read(write_package(tmp_path / "p", tables(services=7))), source="s")
    assert report.created["service"] == 7 and report.created["service_at_location"] == 7
    assert m.Service.objects.filter(source="s", is_active=True).count() == 7


def test_an_id_reused_in_a_later_chunk_is_rejected_naming_the_first_line(
    db, tmp_path, small_chunks
):
    data = tables(services=5)
    data["services"].append({**data["services"][0], "name": "Another service"})
    with pytest.raises(ImportFailed) as failure:
        load(read(write_package(tmp_path / "p", data)), source="s")
    reasons = [str(r) for r in failure.value.rejections]
    assert any("services.csv:7" in r and "duplicate id 21 (first at line 2)" in r for r in reasons)
    assert not m.Service.objects.exists(), "all or nothing"


def test_an_identical_row_repeated_in_a_later_chunk_is_not_an_error(db, tmp_path, small_chunks):
    data = tables(services=5)
    data["services"].append(dict(data["services"][0]))
    report = load(read(write_package(tmp_path / "p", data)), source="s")
    assert report.created["service"] == 5 and not report.rejections


def test_a_row_whose_parent_was_rejected_in_an_earlier_chunk_is_rejected_too(
    db, tmp_path, small_chunks
):
    data = tables(services=5)
    data["services"][0]["status"] = "sometimes"  # service 21: rejected
    report = load(read(write_package(tmp_path / "p", data)), source="s", skip_invalid=True)
    reasons = [str(r) for r in report.rejections]
    assert any("services.csv:2" in r and "status" in r for r in reasons), reasons
    assert any("service_at_location.csv" in r and "refers to a service" in r for r in reasons)
    assert report.created["service"] == 4 and report.created["service_at_location"] == 4


def test_a_parent_in_the_same_table_is_linked_whatever_chunk_it_is_in(db, tmp_path, small_chunks):
    data = tables(services=1)
    data["organizations"] += [
        {
            "id": str(n),
            "name": f"Branch {n}",
            "description": "A branch",
            "parent_organization_id": "9",
        }
        for n in range(2, 6)
    ]
    data["organizations"].append({"id": "9", "name": "Umbrella", "description": "The parent"})
    data["organizations"].append(
        {"id": "8", "name": "Orphan", "description": "x", "parent_organization_id": "404"}
    )
    report = load(read(write_package(tmp_path / "p", data)), source="s", skip_invalid=True)
    umbrella = m.Organization.objects.get(name="Umbrella")
    assert m.Organization.objects.filter(parent_organization=umbrella).count() == 4
    assert [r.line for r in report.rejections] == [8]
    assert "parent_organization_id refers to a organization" in report.rejections[0].reason
    assert not m.Organization.objects.filter(name="Orphan").exists()


def test_a_full_reimport_marks_inactive_what_the_file_no_longer_holds(db, tmp_path, small_chunks):
    load(read(write_package(tmp_path / "a", tables(services=6))), source="s")
    report = load(
        read(write_package(tmp_path / "b", tables(services=5))), source="s", allow_deactivate=True
    )
    assert report.deactivated["service"] == 1 and report.unchanged["service"] == 5
    assert m.Service.objects.filter(source="s", is_active=False).get().name == "Food box 6"


def test_memory_does_not_grow_with_the_package(db, tmp_path, monkeypatch):
    """With chunks of 100 rows, what the loader allocates for 3,000 services is close to
    what it allocates for 300: a chunk and the ids it has seen, not the rows. (The cache of
    stable ids is bounded too — at 262,144 ids — and is made small here to show the rest.)"""
    monkeypatch.setattr(table_loading, "CHUNK", 100)
    small_cache = functools.lru_cache(maxsize=500)(prepare.cached_stable_id.__wrapped__)
    monkeypatch.setattr(prepare, "cached_stable_id", small_cache)

    def peak(services: int) -> int:
        package = write_package(tmp_path / str(services), tables(services=services))
        tracemalloc.start()
        load(read(package), source=f"s{services}")
        peak_bytes = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak_bytes

    small, large = peak(300), peak(3000)
    # Ten times the rows: held in memory, the peak would grow about tenfold.
    assert large < small * 4, (small, large)
