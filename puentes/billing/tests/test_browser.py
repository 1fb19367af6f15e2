"""Billing in a real Chromium: bea sees ana's visit ready to bill and another blocked with
its fix, generates the Medi-Cal batch, approves it and downloads the 837P; ana sees on her
encounter that it was claimed."""

from pathlib import Path

import pytest

from conftest import sign_in
from puentes.billing.models import ClaimBatch
from puentes.billing.x12 import validate_with_pyx12

from .conftest import days_ago

pytestmark = pytest.mark.browser


def test_from_queue_to_837p(
    transactional_db, live_server, page, ana, bea, covered, medi_cal, log_visit
):
    visit = log_visit(minutes=45)
    log_visit(minutes=10, day=4)
    url = live_server.url
    sign_in(page, url, "bea")
    page.get_by_role("link", name="Billing").click()
    page.fill("#id_start", str(days_ago(30)))
    page.fill("#id_end", str(days_ago(1)))
    page.get_by_role("button", name="Show").click()
    page.get_by_text("1 encounter ready to bill").wait_for()
    assert "Only time spent with the person counts" in page.locator("table.blocked").inner_text()
    page.get_by_role("button", name="Generate the Medi-Cal batch").click()
    page.get_by_text("Batch generated: review and approve it.").wait_for()
    page.get_by_role("button", name="Approve").click()
    page.get_by_text("Batch updated.").wait_for()
    assert page.locator("#batch-status").inner_text() == "Approved"
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the 837P file").click()
    text = Path(download.value.path()).read_text(encoding="ascii")
    assert validate_with_pyx12(text)[0]
    assert ClaimBatch.objects.get().claims.count() == 1

    sign_in(page, url, "ana")
    page.goto(f"{url}/care/encounters/{visit.public_id}/")
    assert "Claimed" in page.locator("#billing-status").inner_text()
