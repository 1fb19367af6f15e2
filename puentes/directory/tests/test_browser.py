"""Keeping a listing right, in a real Chromium at phone width: pat (the pantry) says it is
full; ana sees that in her search, misspells a word and is understood, and reports a wrong
phone number; pat fixes the number and closes the report."""

import pytest

from conftest import sign_in
from puentes.directory import models as m

pytestmark = pytest.mark.browser


def test_pantry_keeps_its_listing_right(
    transactional_db, live_server, page, ana, pat, pantry, make_listing
):
    listing = make_listing(maintainer=pantry)
    url = live_server.url

    sign_in(page, url, "pat")
    page.goto(f"{url}/directory/services/{listing.id}/")
    page.select_option("#id_capacity_status", "no-capacity")
    page.fill("#id_capacity_note", "Full until Monday")
    page.get_by_role("button", name="Save capacity").click()
    page.get_by_text("Capacity updated.").wait_for()

    sign_in(page, url, "ana")
    page.goto(f"{url}/directory/")
    page.fill("#id_q", "pantyr")
    page.get_by_role("button", name="Search").click()
    results = page.locator("#results")
    results.get_by_text("you typed “pantyr”").wait_for()
    assert "No capacity" in results.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    results.get_by_role("link", name="Eastside food pantry").click()
    assert page.get_by_role("link", name="Edit listing").count() == 0
    page.get_by_role("link", name="Report a problem").click()
    page.select_option("#id_kind", "phone")
    page.fill("#id_description", "The number rings a laundromat.")
    page.get_by_role("button", name="Send").click()
    page.get_by_text("Thank you.").wait_for()

    sign_in(page, url, "pat")
    page.get_by_role("link", name="Listing reports").click()
    report = page.locator("li.card", has_text="The number rings a laundromat.")
    report.get_by_role("link", name="Edit listing").click()
    page.fill("#id_phone", "916-555-0142")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Listing saved.").wait_for()
    page.get_by_role("link", name="Listing reports").click()
    report = page.locator("li.card", has_text="The number rings a laundromat.")
    report.get_by_label("Fixed").check()
    report.get_by_role("button", name="Close the report").click()
    page.get_by_text("Report closed.").wait_for()

    assert m.Correction.objects.get().status == "resolved"
    assert listing.service.phones.get(is_active=True).number == "916-555-0142"


# dora's words in each language: preview, preview ready, a repair kind, import, finished.
DORA = {
    "en": ("Preview", "Preview ready", "blank service status set to active", "Import this file",
           "Finished"),
    "es": ("Vista previa", "Vista previa lista", "estado del servicio en blanco puesto como activo",
           "Importar este archivo", "Terminado"),
}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "es"])
def test_dora_previews_then_confirms_and_ana_finds_a_zip_only_listing_in_spanish(
    transactional_db, live_server, page, tmp_path, dora, ana, maria, language
):
    """A 211 export with addresses but no coordinates: dora previews it (nothing written),
    imports it, in English or in Spanish; ana, working in Spanish, finds its pantry near
    María's ZIP code, shown as an approximate location."""
    preview, ready, repair, confirm, finished = DORA[language]
    dora.user.language = language
    dora.user.save()
    import zipfile

    from puentes.directory.tests.packages import messy_tables, write_package

    data = messy_tables()
    del data["locations"][0]["latitude"], data["locations"][0]["longitude"]
    folder = write_package(tmp_path / "export", data)
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for file in folder.iterdir():
            zipped.write(file, f"export/{file.name}")
    url = live_server.url

    sign_in(page, url, "dora")
    page.goto(f"{url}/directory/imports/")
    page.set_input_files("#id_upload", str(archive))
    page.fill("#id_source", "sac211")
    page.check("#id_skip_invalid")
    page.get_by_role("button", name=preview, exact=True).click()
    page.get_by_text(ready).wait_for()
    assert repair in page.content()
    assert not m.Service.objects.exists()
    page.get_by_role("button", name=confirm).click()
    page.locator("#import-status-badge", has_text=finished).wait_for()
    assert m.Service.objects.filter(is_active=True).count() == 2

    ana.user.language = "es"
    ana.user.save()
    sign_in(page, url, "ana")
    page.goto(f"{url}/directory/")
    page.fill("#id_zip", maria.postal_code)
    page.select_option("#id_need", "food-insecurity")
    page.get_by_role("button", name="Buscar").click()
    page.wait_for_url(f"**zip={maria.postal_code}**")
    results = page.locator("#results")
    results.get_by_text("Food box 1").wait_for()
    assert "ubicación aproximada" in results.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
