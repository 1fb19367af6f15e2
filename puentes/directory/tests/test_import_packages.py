"""Packages as 211s publish them: read by what datapackage.json says (files under data/),
never "imported 0", never a silent mass deactivation, and a dry run that writes nothing."""

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from puentes.directory import models as m
from puentes.directory.importing.loader import ImportFailed
from puentes.directory.services import directory_import
from puentes.directory.tests.packages import SKIP_REASON, STANDARDS, tables, write_package


def _under_data(folder: Path, data=None, resources=None) -> Path:
    """A package whose CSV files live in data/, listed by datapackage.json with HSDS 3.0's
    resource names (singular table names)."""
    flat = write_package(folder / "flat", data)
    (folder / "pkg" / "data").mkdir(parents=True)
    listed = []
    for csv_file in sorted(flat.glob("*.csv")):
        shutil.copy(csv_file, folder / "pkg" / "data" / csv_file.name)
        listed.append({"name": csv_file.stem.rstrip("s"), "path": f"data/{csv_file.name}"})
    descriptor = {"name": "sac211", "resources": resources if resources is not None else listed}
    (folder / "pkg" / "datapackage.json").write_text(json.dumps(descriptor))
    return folder / "pkg"


def test_a_package_is_read_by_what_its_datapackage_says(db, tmp_path):
    report = directory_import(path=_under_data(tmp_path), source="sac211")
    assert report.created["service"] == 2 and report.created["organization"] == 1
    assert m.SearchEntry.objects.count() == 2


def test_files_the_datapackage_names_but_lacks_are_named(db, tmp_path):
    resources = [
        {"name": "service", "path": "data/services.csv"},
        {"name": "x", "path": "gone.csv"},
    ]
    with pytest.raises(ImportFailed) as failure:
        directory_import(path=_under_data(tmp_path, resources=resources), source="sac211")
    reasons = [str(r) for r in failure.value.rejections]
    assert any("gone.csv" in r and "not in the package" in r for r in reasons), reasons
    assert not m.Service.objects.exists()


def test_a_package_that_reads_no_rows_is_an_error_naming_what_was_looked_for(db, tmp_path):
    empty = tmp_path / "empty"
    (empty / "data").mkdir(parents=True)
    (empty / "data" / "notes.txt").write_text("nothing here")
    with pytest.raises(ImportFailed) as failure:
        directory_import(path=empty, source="sac211")
    assert "No rows were found (looked for: *.csv, */*.csv)" in failure.value.rejections[-1].reason


def test_the_command_never_reports_importing_nothing(db, tmp_path):
    empty = tmp_path / "export"
    empty.mkdir()
    (empty / "datapackage.json").write_text(json.dumps({"resources": [{"path": "x/services.csv"}]}))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_hsds", str(empty), source="sac211", stdout=io.StringIO())


def test_a_mass_deactivation_stops_before_writing_until_allowed(db, tmp_path):
    call_command("import_hsds", str(write_package(tmp_path / "v1")), source="sac211",
                 stdout=io.StringIO())  # fmt: skip
    smaller = {"organizations": tables()["organizations"]}
    with pytest.raises(CommandError, match="would mark 14 of the source's 15 active records"):
        call_command("import_hsds", str(write_package(tmp_path / "v2", smaller)),
                     source="sac211", stdout=io.StringIO())  # fmt: skip
    assert m.Service.objects.filter(is_active=True).count() == 2
    out = io.StringIO()
    call_command("import_hsds", str(write_package(tmp_path / "v2", smaller)), source="sac211",
                 allow_deactivate=True, stdout=out)  # fmt: skip
    assert "14 marked inactive" in out.getvalue()
    assert not m.Service.objects.filter(is_active=True).exists()


def test_a_dry_run_says_what_would_change_and_writes_nothing(db, tmp_path):
    out = io.StringIO()
    call_command("import_hsds", str(write_package(tmp_path / "v1")), source="sac211",
                 dry_run=True, stdout=out)  # fmt: skip
    text = out.getvalue()
    assert "Would import sac211: 15 created" in text and "Dry run: nothing was written" in text
    assert "created service: Food box 1; Food box 2" in text
    assert "  metadata " not in text  # tables with nothing to say are left out
    assert not m.Service.objects.exists() and not m.Metadata.objects.exists()
    assert not m.SearchEntry.objects.exists()


def _zip(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in folder.rglob("*"):
            if path.is_file():
                archive.write(path, f"export/{path.relative_to(folder)}")
    return buffer.getvalue()


def test_an_upload_is_previewed_then_confirmed(
    dora, tmp_path, api_for, django_capture_on_commit_callbacks
):
    api = api_for(dora)
    with django_capture_on_commit_callbacks(execute=True):
        started = api.client.post(
            "/api/v1/directory/imports",
            {"upload": SimpleUploadedFile("export.zip", _zip(_under_data(tmp_path))),
             "source": "sac211", "dry_run": True},
        )  # fmt: skip
    preview = api.get(f"/directory/imports/{started.json()['id']}").json()
    assert preview["status"] == "succeeded" and preview["dry_run"] is True
    assert preview["counts"]["created"]["service"] == 2
    assert len(preview["samples"]["created"]["service"]) == 2
    assert not m.Service.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = api.post(f"/directory/imports/{preview['id']}/confirm", {})
    assert confirmed.status_code == 202
    done = api.get(f"/directory/imports/{confirmed.json()['id']}").json()
    assert done["status"] == "succeeded" and done["dry_run"] is False
    assert m.Service.objects.count() == 2
    again = api.post(f"/directory/imports/{done['id']}/confirm", {})
    assert again.status_code == 409


def test_the_upload_page_previews(dora, tmp_path, client_for, django_capture_on_commit_callbacks):
    client = client_for(dora)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/directory/imports/",
            {"upload": SimpleUploadedFile("export.zip", _zip(_under_data(tmp_path))),
             "source": "sac211", "preview": "1"},
        )  # fmt: skip
    response = client.get(response["Location"])
    page = response.content.decode()
    assert "Preview ready" in page and "Import this file" in page
    assert not m.Service.objects.exists()


def test_a_csv_in_another_encoding_is_read_and_the_guess_reported(db, tmp_path):
    data = tables()
    data["services"][0]["name"] = "Despensa de la Iglesia San José, comida para niños y familias"
    data["services"][0]["description"] = "Comida caliente. Atención en español, café gratis."
    folder = write_package(tmp_path / "pkg", data)
    services = folder / "services.csv"
    services.write_bytes(services.read_text(encoding="utf-8").encode("cp1252"))
    report = directory_import(path=folder, source="sac211")
    assert any("services.csv is not UTF-8: read as" in note for note in report.notes)
    assert m.Service.objects.filter(name__startswith="Despensa de la Iglesia San José").exists()


def test_a_zip_with_nothing_recognisable_is_refused(dora, api_for, upload_zip):
    body = upload_zip(api_for(dora), {"readme.txt": b"hello", "data/notes.md": b"# notes"})
    assert body["status"] == "failed"
    assert "no csv or json" in (body["error"] or str(body["rejections"])).lower()
    assert not m.Service.objects.exists()


@pytest.fixture
def upload_zip(django_capture_on_commit_callbacks):
    def post(api, members: dict[str, bytes]):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, content in members.items():
                archive.writestr(name, content)
        with django_capture_on_commit_callbacks(execute=True):
            started = api.client.post(
                "/api/v1/directory/imports",
                {"upload": SimpleUploadedFile("x.zip", buffer.getvalue()), "source": "sac211"},
            )
        return api.get(f"/directory/imports/{started.json()['id']}").json()

    return post


@pytest.mark.skipif(not STANDARDS.exists(), reason=SKIP_REASON)
def test_the_official_datapackage_is_read_by_its_resources(tmp_path):
    """The official HSDS 3.0 datapackage.json, with the official example CSVs moved under
    data/ and its paths pointed there: every resource is found by its name and path."""
    official = json.loads((STANDARDS / "hsds-3.0" / "datapackage.json").read_text())
    (tmp_path / "data").mkdir()
    for resource in official["resources"]:
        shutil.copy(
            STANDARDS / "hsds-3.0" / "examples" / "csv" / resource["path"], tmp_path / "data"
        )
        resource["path"] = f"data/{resource['path']}"
    (tmp_path / "datapackage.json").write_text(json.dumps(official))
    from puentes.directory.importing.readers import read

    dataset = read(tmp_path)
    assert not [r for r in dataset.rejections if "not in the package" in r.reason]
    assert len(dataset.looked_for) == len(official["resources"]) == 21
    assert dataset.files["service"] and dataset.files["organization"]
    assert dataset.files["service_at_location"] and dataset.hold("taxonomy_term")
