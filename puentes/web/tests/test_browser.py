"""A CHW's first day, in a real Chromium at phone width: sign in, switch to Spanish,
register a person (the duplicate guard fires on a second attempt), record consent, and find
the person in "My people"."""

import pytest

from puentes.network.models import Membership
from puentes.people.models import Consent, Person

pytestmark = pytest.mark.browser


def _fill_person(page):
    page.fill("#id_given_name", "Guadalupe")
    page.fill("#id_family_name", "Hernández")
    page.fill("#id_date_of_birth", "1988-07-21")
    page.select_option("#id_preferred_language", "es")
    page.fill("#id_phone", "(916) 555-0123")
    page.fill("#id_postal_code", "95823")


def test_ana_registers_a_person_in_spanish_at_phone_width(
    transactional_db, live_server, page, ana: Membership, pantry
):
    page.goto(f"{live_server.url}/sign-in/")
    page.fill("#id_username", "ana")
    page.fill("#id_password", "a-long-test-password")
    page.click("button[type=submit].primary")
    page.get_by_role("heading", name="My people").wait_for()

    page.get_by_role("button", name="Español").click()
    page.get_by_role("heading", name="Mis personas").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("link", name="Registrar a una persona").first.click()
    _fill_person(page)
    page.get_by_role("button", name="Registrar", exact=True).click()
    page.get_by_role("heading", name="Guadalupe Hernández").wait_for()
    assert page.get_by_text("(916) 555-0123").is_visible()

    page.goto(f"{live_server.url}/people/new/")
    _fill_person(page)
    page.fill("#id_given_name", "Guadalupe")
    page.fill("#id_family_name", "Hernandez")
    page.get_by_role("button", name="Registrar", exact=True).click()
    warning = page.locator("#duplicates")
    warning.wait_for()
    assert "Es posible que esta persona ya esté registrada" in warning.inner_text()
    warning.get_by_role("link", name="Guadalupe Hernández").click()
    assert Person.objects.count() == 1

    page.get_by_role("link", name="Registrar consentimiento").click()
    page.get_by_label("Pantry").check()
    page.select_option("#id_purpose", "referral")
    page.select_option("#id_method", "verbal")
    page.get_by_role("button", name="Guardar").click()
    page.get_by_text("Consentimiento registrado.").wait_for()
    assert Consent.objects.get().organizations.get() == pantry

    page.get_by_role("link", name="Mis personas").click()
    page.fill("#q", "guadalupe hernandez")
    page.locator("#results").get_by_text("Guadalupe Hernández").wait_for()
    assert page.locator("#results li").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
