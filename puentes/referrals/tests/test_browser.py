"""The closed loop in a real Chromium at phone width: ana refers María (food insecurity) to
the pantry; pat accepts and completes it from the inbox; ana sees the loop closed and the
need resolved; omar sees none of it."""

import uuid

import pytest

from conftest import sign_in
from puentes.directory.models import Attribute, Language, TaxonomyTerm
from puentes.directory.search_index import refresh
from puentes.referrals.models import Referral

pytestmark = pytest.mark.browser


def test_the_loop_closes(
    transactional_db, live_server, page, ana, pat, omar, maria, food_need, consent, pantry_listing
):
    term = TaxonomyTerm.objects.create(id=uuid.uuid4(), code="102", name="Food")
    Attribute.objects.create(id=uuid.uuid4(), link_id=pantry_listing.service_id, taxonomy_term=term)
    Language.objects.create(id=uuid.uuid4(), service=pantry_listing.service, code="es")
    refresh([pantry_listing.pk])
    url = live_server.url

    sign_in(page, url, "ana")
    page.goto(f"{url}/people/{maria.public_id}/")
    page.locator("#h-needs").locator("..").get_by_role("link", name="Find help").click()
    page.get_by_text("Finding help for María López").wait_for()
    page.locator("#results").get_by_role("link", name="Eastside food pantry").click()
    page.get_by_role("link", name="Refer María López here").click()
    page.fill("#id_note", "Family of four, no car.")
    page.get_by_role("button", name="Send the referral").click()
    page.get_by_text("Referral sent.").wait_for()
    assert page.locator("#referral-status").inner_text() == "Sent"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    sign_in(page, url, "pat")
    page.get_by_role("link", name="Inbox").click()
    page.get_by_role("link", name="María López").click()
    page.get_by_role("button", name="Accept").click()
    page.get_by_text("Referral updated.").wait_for()
    page.select_option("#id_outcome", "food")
    page.fill("#id_outcome_note", "Two weeks of groceries")
    page.get_by_role("button", name="Complete").click()
    page.get_by_text("Referral updated.").wait_for()
    assert page.locator("#referral-status").inner_text() == "Completed"

    sign_in(page, url, "ana")
    page.get_by_role("link", name="Notifications").click()
    page.get_by_text("Your referral to Eastside food pantry is now: Completed.").click()
    page.get_by_text("Two weeks of groceries").wait_for()
    page.goto(f"{url}/people/{maria.public_id}/")
    assert "Resolved" in page.locator("#h-needs").locator("..").inner_text()

    sign_in(page, url, "omar")
    page.goto(f"{url}/referrals/inbox/?tab=all")
    assert "María" not in page.content()
    referral = Referral.objects.get()
    response = page.goto(f"{url}/referrals/{referral.public_id}/")
    assert response is not None and response.status == 404
