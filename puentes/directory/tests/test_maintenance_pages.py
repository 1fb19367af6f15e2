"""The directory maintenance pages: who sees which action, and that each one works."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from puentes.directory import models as m
from puentes.directory.tests.packages import write_package


@pytest.fixture
def pantry_listing(make_listing, pantry):
    return make_listing(maintainer=pantry)


def test_service_page_offers_maintenance_only_to_the_maintainer(
    pat, ana, pantry_listing, client_for
):
    url = f"/directory/services/{pantry_listing.id}/"
    owner_page = client_for(pat).get(url).content.decode()
    assert "Edit listing" in owner_page and "Mark verified today" in owner_page
    chw_page = client_for(ana).get(url).content.decode()
    assert "Report a problem" in chw_page
    assert "Edit listing" not in chw_page and "Save capacity" not in chw_page


def test_edit_page_saves_only_what_changed(pat, pantry_listing, client_for):
    client = client_for(pat)
    url = f"/directory/services/{pantry_listing.id}/edit/"
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["description"] = "Groceries on Tuesdays."
    response = client.post(url, data)
    assert response.status_code == 302
    service = m.Service.objects.get(pk=pantry_listing.service_id)
    assert service.description == "Groceries on Tuesdays."
    assert service.minimum_age is None  # untouched blank stays NULL
    changed = m.Metadata.objects.filter(resource_id=service.id).values_list("field_name", flat=True)
    assert list(changed) == ["description"]


def test_edit_page_shows_a_conflict_instead_of_overwriting(pat, pantry_listing, client_for):
    client = client_for(pat)
    url = f"/directory/services/{pantry_listing.id}/edit/"
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    m.Service.objects.filter(pk=pantry_listing.service_id).update(version=2)
    data["name"] = "Mine"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Someone else changed this record" in response.content.decode()
    assert m.Service.objects.get(pk=pantry_listing.service_id).name == "Eastside food pantry"


def test_outsiders_cannot_use_the_maintenance_pages(omar, ana, pantry_listing, client_for):
    for member in (omar, ana):
        client = client_for(member)
        assert client.get(f"/directory/services/{pantry_listing.id}/edit/").status_code == 403
        capacity = client.post(
            f"/directory/services/{pantry_listing.id}/capacity/",
            {"version": 1, "capacity_status": "no-capacity"},
        )
        assert capacity.status_code == 403
        assert client.get("/directory/imports/").status_code == 403
    pantry_listing.refresh_from_db()
    assert pantry_listing.capacity_status == "" and pantry_listing.version == 1


def test_capacity_and_verify_from_the_page(pat, pantry_listing, client_for):
    client = client_for(pat)
    base = f"/directory/services/{pantry_listing.id}"
    client.post(f"{base}/capacity/", {"version": 1, "capacity_status": "waitlist"})
    client.post(f"{base}/verify/", {"version": 2})
    pantry_listing.refresh_from_db()
    assert pantry_listing.capacity_status == "waitlist"
    assert pantry_listing.last_verified_on is not None
    page = client.get(f"{base}/").content.decode()
    assert "Waitlist" in page


def test_report_and_review_a_problem(ana, pat, omar, pantry_listing, client_for):
    sent = client_for(ana).post(
        f"/directory/services/{pantry_listing.id}/report/",
        {"kind": "hours", "description": "Closed on Mondays now."},
    )
    assert sent.status_code == 302
    correction = m.Correction.objects.get()
    assert (
        "Closed on Mondays now." in client_for(pat).get("/directory/corrections/").content.decode()
    )
    assert (
        "Closed on Mondays" not in client_for(omar).get("/directory/corrections/").content.decode()
    )
    resolve = f"/directory/corrections/{correction.public_id}/resolve/"
    assert client_for(omar).post(resolve, {"version": 1, "status": "resolved"}).status_code == 404
    client_for(pat).post(resolve, {"version": 1, "status": "resolved", "note": "Updated"})
    correction.refresh_from_db()
    assert correction.status == "resolved" and correction.resolved_by == pat.user


def test_empty_report_shows_the_error_and_saves_nothing(ana, pantry_listing, client_for):
    response = client_for(ana).post(
        f"/directory/services/{pantry_listing.id}/report/", {"kind": "hours", "description": ""}
    )
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert not m.Correction.objects.exists()


def test_upload_page_runs_the_import_and_shows_its_outcome(
    dora, tmp_path, client_for, django_capture_on_commit_callbacks
):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in write_package(tmp_path / "pkg").iterdir():
            archive.write(path, path.name)
    client = client_for(dora)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/directory/imports/",
            {"upload": SimpleUploadedFile("sac.zip", buffer.getvalue()), "source": "sac211"},
        )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Finished" in page and "service_at_location" in page
    assert "sac.zip" in client.get("/directory/imports/").content.decode()
