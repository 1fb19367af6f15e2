"""Maintaining listings: edits, capacity and verification by the owning organization or a
directory admin; "report a problem" and its queue; uploads imported in the background."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from conftest import actor_for
from puentes.core.errors import DomainError
from puentes.core.models import AuditEvent
from puentes.directory import models as m
from puentes.directory import services
from puentes.directory.search import DirectoryQuery, search
from puentes.directory.tests.packages import tables, write_package


@pytest.fixture
def pantry_listing(make_listing, pantry):
    return make_listing(maintainer=pantry)


@pytest.fixture
def other_listing(make_listing):
    return make_listing(name="Northside shelter", description="Beds for the night.")


def _names(**query):
    return [r.entry.name for r in search(DirectoryQuery(**query)).results]


def test_owner_edits_its_listing_logged_and_searchable(pat, pantry_listing, api_for):
    service = pantry_listing.service
    response = api_for(pat).patch(
        f"/directory/services/{service.id}",
        {"version": 1, "name": "Eastside groceries", "phone": "916-555-0199"},
    )
    assert response.status_code == 200, response.json()
    assert response.json()["version"] == 2
    service.refresh_from_db()
    assert service.name == "Eastside groceries"
    assert service.phones.get(is_active=True).number == "916-555-0199"
    changes = {
        (r.field_name, r.previous_value, r.replacement_value)
        for r in m.Metadata.objects.filter(resource_id=service.id)
    }
    assert ("name", "Eastside food pantry", "Eastside groceries") in changes
    assert ("phone", "916-555-0100", "916-555-0199") in changes
    assert AuditEvent.objects.filter(action="directory.service.update").count() == 1
    assert _names(words="groceries") == ["Eastside groceries"]


def test_only_the_owner_or_a_directory_admin_may_edit(
    pat, ana, dora, pantry_listing, other_listing, api_for
):
    other = other_listing.service
    refused = api_for(pat).patch(f"/directory/services/{other.id}", {"version": 1, "name": "X"})
    assert refused.status_code == 403
    assert "maintains this listing" in refused.json()["error"]["message"]
    # A CHW's role does not maintain listings, even its own organization's.
    chw = api_for(ana).patch(
        f"/directory/services/{pantry_listing.service.id}", {"version": 1, "name": "X"}
    )
    assert chw.status_code == 403
    other.refresh_from_db()
    assert other.name == "Northside shelter" and other.version == 1
    admin = api_for(dora).patch(f"/directory/services/{other.id}", {"version": 1, "name": "Y"})
    assert admin.status_code == 200


def test_stale_version_and_bad_values_change_nothing(pat, pantry_listing, api_for):
    url = f"/directory/services/{pantry_listing.service.id}"
    api = api_for(pat)
    assert api.patch(url, {"version": 1, "description": "New"}).status_code == 200
    stale = api.patch(url, {"version": 1, "name": "Lost update"})
    assert stale.status_code == 409
    bad = api.patch(url, {"version": 2, "status": "open-ish"})
    assert bad.status_code == 400 and "status" in bad.json()["error"]["fields"]
    unknown = api.patch(url, {"version": 2, "capacity_status": "available"})
    assert unknown.status_code == 400
    pantry_listing.service.refresh_from_db()
    assert pantry_listing.service.name == "Eastside food pantry"
    assert pantry_listing.service.version == 2


def test_capacity_is_set_by_the_owner_and_filters_search(pat, omar, pantry_listing, api_for):
    url = f"/directory/service-at-locations/{pantry_listing.id}/capacity"
    body = {"version": 1, "capacity_status": "no-capacity", "capacity_note": "Full until May"}
    assert api_for(omar).post(url, body).status_code == 403
    response = api_for(pat).post(url, body)
    assert response.status_code == 200, response.json()
    assert response.json()["capacity_status"] == "no-capacity"
    assert response.json()["capacity_updated_at"]
    assert _names(capacity=("no-capacity",)) == ["Eastside food pantry"]
    assert _names(capacity=("available",)) == []
    bad = api_for(pat).post(url, {"version": 2, "capacity_status": "maybe"})
    assert bad.status_code == 400


def test_verify_records_who_and_when(pat, pantry_listing, api_for):
    response = api_for(pat).post(
        f"/directory/service-at-locations/{pantry_listing.id}/verify", {"version": 1}
    )
    assert response.status_code == 200
    pantry_listing.refresh_from_db()
    assert pantry_listing.last_verified_on == timezone.localdate()
    assert pantry_listing.verified_by == pat.user
    assert (
        pantry_listing.service.__class__.objects.get(pk=pantry_listing.service_id).last_verified_on
        == timezone.localdate()
    )


def test_unknown_listing_is_404(pat, api_for):
    missing = "6b0f3cb1-7a55-4f0e-9d34-5e6b4c1a2d11"
    assert api_for(pat).patch(f"/directory/services/{missing}", {"version": 1}).status_code == 404
    response = api_for(pat).post(
        f"/directory/service-at-locations/{missing}/corrections",
        {"kind": "phone", "description": "x"},
    )
    assert response.status_code == 404


# Report a problem ----------------------------------------------------------------------


def _report(api, listing, **body):
    return api.post(
        f"/directory/service-at-locations/{listing.id}/corrections",
        {"kind": "phone", "description": "The number rings a laundromat.", **body},
    )


def test_a_report_reaches_the_owner_and_admins_not_outsiders(
    ana, pat, dora, omar, pantry_listing, api_for
):
    created = _report(api_for(ana), pantry_listing)
    assert created.status_code == 201, created.json()
    correction_id = created.json()["id"]
    for member in (ana, pat, dora):
        listed = api_for(member).get("/directory/corrections?status=open").json()["items"]
        assert [c["id"] for c in listed] == [correction_id], member.user.username
    assert api_for(omar).get("/directory/corrections").json()["items"] == []
    assert api_for(omar).get(f"/directory/corrections/{correction_id}").status_code == 404


def test_resolving_a_report(ana, pat, pantry_listing, api_for):
    correction_id = _report(api_for(ana), pantry_listing).json()["id"]
    url = f"/directory/corrections/{correction_id}/resolve"
    # The reporter's organization can follow its report but not close it.
    assert api_for(ana).post(url, {"version": 1, "status": "resolved"}).status_code == 403
    no_reason = api_for(pat).post(url, {"version": 1, "status": "dismissed"})
    assert no_reason.status_code == 400 and "note" in no_reason.json()["error"]["fields"]
    fixed = api_for(pat).post(url, {"version": 1, "status": "resolved", "note": "New number"})
    assert fixed.status_code == 200 and fixed.json()["status"] == "resolved"
    again = api_for(pat).post(url, {"version": 2, "status": "resolved"})
    assert again.status_code == 409


def test_a_report_needs_a_kind_and_words(ana, pantry_listing, api_for):
    assert _report(api_for(ana), pantry_listing, kind="rude").status_code == 400
    empty = _report(api_for(ana), pantry_listing, description="   ")
    assert empty.status_code == 400 and "description" in empty.json()["error"]["fields"]
    assert not m.Correction.objects.exists()


# Uploads ---------------------------------------------------------------------------


def _zip_of(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in folder.iterdir():
            archive.write(path, f"export/{path.name}")
    return buffer.getvalue()


@pytest.fixture
def upload(django_capture_on_commit_callbacks):
    """Post a file; the queued task runs when the request's transaction commits (the test
    backend runs it at once; in production a worker picks it up)."""

    def post(api, name, content, source="sac211", **form):
        with django_capture_on_commit_callbacks(execute=True):
            response = api.client.post(
                "/api/v1/directory/imports",
                {"upload": SimpleUploadedFile(name, content), "source": source, **form},
            )
        if response.status_code != 202:
            return response
        return api.get(f"/directory/imports/{response.json()['id']}")

    return post


def test_directory_admin_uploads_a_zipped_package(dora, tmp_path, api_for, upload):
    package = _zip_of(write_package(tmp_path / "pkg"))
    response = upload(api_for(dora), "export.zip", package)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "succeeded", body
    assert body["counts"]["created"]["service"] == 2
    assert body["finished_at"]
    assert m.SearchEntry.objects.count() == 2


def test_a_broken_package_fails_whole_with_every_reason_in_the_admins_language(
    dora, tmp_path, api_for, upload
):
    dora.user.language = "es"
    dora.user.save()
    data = tables()
    data["locations"][0]["latitude"] = "123"
    data["services"][0]["name"] = ""  # a blank status is repaired; a blank name is not
    package = _zip_of(write_package(tmp_path / "pkg", data))
    body = upload(api_for(dora), "export.zip", package).json()
    assert body["status"] == "failed"
    reasons = [r["reason"] for r in body["rejections"]]
    assert any("fuera de" in reason for reason in reasons), reasons
    assert any("obligatorio" in reason for reason in reasons), reasons
    assert not m.Service.objects.exists()


def test_uploads_are_for_directory_admins_and_checked(pat, dora, api_for, upload):
    assert upload(api_for(pat), "a.json", b"[]").status_code == 403
    wrong = upload(api_for(dora), "a.exe", b"MZ")
    assert wrong.status_code == 400 and "upload" in wrong.json()["error"]["fields"]
    nameless = upload(api_for(dora), "a.json", b"[]", source="")
    assert nameless.status_code == 400
    not_zip = upload(api_for(dora), "a.zip", b"not a zip").json()
    assert not_zip["status"] == "failed" and "ZIP" in not_zip["error"]
    assert not m.Service.objects.exists()


def test_zip_members_cannot_escape_the_folder(tmp_path):
    from puentes.directory.importing.uploads import unpack_upload

    archive_path = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive_path, "w") as archive:
        archive.writestr("../../escaped.csv", "id\n1\n")
        archive.writestr("pkg/organizations.csv", "id,name\n1,A\n")
    unpacked = unpack_upload(archive_path, tmp_path / "out")
    assert unpacked == (tmp_path / "out" / "pkg").resolve() or unpacked.name == "pkg"
    assert not (tmp_path.parent / "escaped.csv").exists()


def test_service_layer_refuses_a_role_without_the_right(ana, pantry_listing):
    with pytest.raises(DomainError) as caught:
        services.listing_verify(
            actor=actor_for(ana), service_at_location_id=pantry_listing.id, version=1
        )
    assert caught.value.code == "forbidden"


def test_an_import_that_breaks_while_indexing_keeps_nothing_and_ends(
    dora, tmp_path, api_for, upload, monkeypatch
):
    """The search rows are rebuilt inside the import's transaction: listings are never
    committed unsearchable, and the import ends as failed rather than staying 'running'."""

    def broken(*args, **kwargs):
        raise RuntimeError("killed while indexing")

    monkeypatch.setattr(services.search_index, "rebuild", broken)
    package = _zip_of(write_package(tmp_path / "pkg"))
    upload(api_for(dora), "export.zip", package)  # the task fails; its log says why
    imported = m.DirectoryImport.objects.get()
    assert imported.status == "failed" and "Start it again" in imported.error
    assert not imported.lease_owner
    assert not m.Service.objects.exists() and not m.SearchEntry.objects.exists()


def test_a_stuck_import_is_cancelled_from_its_page_and_the_api(
    dora, pat, tmp_path, api_for, client_for, monkeypatch
):
    monkeypatch.setattr(services, "_enqueue_import", lambda pk: None)  # no worker comes
    package = _zip_of(write_package(tmp_path / "pkg"))
    response = api_for(dora).client.post(
        "/api/v1/directory/imports",
        {"upload": SimpleUploadedFile("export.zip", package), "source": "sac211"},
    )
    import_id = response.json()["id"]
    page = client_for(dora).get(f"/directory/imports/{import_id}/")
    assert "Cancel this import" in page.content.decode()
    assert api_for(pat).post(f"/directory/imports/{import_id}/cancel").status_code == 403
    done = client_for(dora).post(f"/directory/imports/{import_id}/cancel/", follow=True)
    assert "Cancelled by" in done.content.decode()
    again = api_for(dora).post(f"/directory/imports/{import_id}/cancel")
    assert again.status_code == 409
    services.directory_import_run(m.DirectoryImport.objects.get().pk)  # a late worker
    assert m.DirectoryImport.objects.get().status == "failed"
    assert not m.Service.objects.exists()


def test_a_zip_bomb_is_refused_before_it_fills_the_disk(dora, tmp_path, api_for, upload):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("export/services.csv", b"id,name\n" + b"0" * (20 * 1024 * 1024))
    body = upload(api_for(dora), "export.zip", buffer.getvalue()).json()
    assert body["status"] == "failed" and "times its size" in body["error"], body
    assert not list((tmp_path).rglob("services.csv"))


def test_a_zip_larger_than_allowed_unpacked_is_refused(dora, api_for, upload, settings):
    settings.DIRECTORY_UNPACKED_MAX_MB = 1
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("export/services.csv", b"id,name\n" + b"x" * (2 * 1024 * 1024))
    body = upload(api_for(dora), "export.zip", buffer.getvalue()).json()
    assert body["status"] == "failed" and "more than 1 MB" in body["error"], body


def test_an_upload_is_stopped_while_it_streams_in(dora, api_for, upload, settings):
    settings.UPLOAD_MAX_MB = 1
    response = upload(api_for(dora), "export.zip", b"x" * (2 * 1024 * 1024))
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
    assert not m.DirectoryImport.objects.exists()


def test_an_ended_imports_upload_is_removed(dora, tmp_path, api_for, upload):
    package = _zip_of(write_package(tmp_path / "pkg"))
    assert upload(api_for(dora), "export.zip", package).json()["status"] == "succeeded"
    imported = m.DirectoryImport.objects.get()
    assert not imported.upload.storage.exists(imported.upload.name)
