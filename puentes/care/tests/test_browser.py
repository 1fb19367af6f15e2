"""Care management in a real Chromium at phone width: ana enrolls María in asthma home
visiting, sets a goal, logs a 45-minute home visit linked to the goal and a need, and sees
the follow-up the program's cadence created; sam sees ana's caseload and reassigns one
person to luz — and, in Spanish, ticks two people and moves both at once."""

import datetime

import pytest
from django.utils import timezone

from conftest import MembershipFactory, sign_in
from puentes.care.models import Encounter, FollowUp

pytestmark = pytest.mark.browser


def test_a_visit_is_logged_on_a_phone(
    transactional_db, live_server, page, ana, sam, clinic, maria, asthma, food_need
):
    luz = MembershipFactory(organization=clinic, role="chw", worker_type="chw")
    luz.user.first_name, luz.user.last_name = "Luz", "Vega"
    luz.user.save()
    url = live_server.url

    sign_in(page, url, "ana")
    page.goto(f"{url}/people/{maria.public_id}/")
    page.get_by_role("link", name="Enroll in a program").click()
    page.select_option("#id_program_id", label="Asthma home visiting")
    page.get_by_role("button", name="Enroll").click()
    page.get_by_text("María López is enrolled in Asthma home visiting.").wait_for()

    page.get_by_role("link", name="Set a goal").click()
    page.fill("#id_description", "Sleep through the night without coughing")
    page.fill("#id_measure", "Asthma control test")
    page.select_option("#id_comparator", "ge")
    page.fill("#id_target_value", "20")
    page.fill("#id_unit", "points")
    page.fill("#id_target_date", (timezone.localdate() + datetime.timedelta(days=90)).isoformat())
    page.get_by_label("Food insecurity").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Goal saved.").wait_for()

    page.get_by_role("link", name="Log an encounter").click()
    assert page.locator("#id_modality").input_value() == "in_person"
    assert page.locator("#id_place_of_service").input_value() == "12"
    assert page.locator("#id_enrollment_id option:checked").inner_text() == "Asthma home visiting"
    page.fill("#id_duration_minutes", "45")
    page.get_by_label("Health education").check()
    page.get_by_text("Time, topics, needs and goals").click()
    page.get_by_label("Sleep through the night without coughing").check()
    page.locator("#id_need_ids").get_by_label("Food insecurity").check()
    page.fill("#id_note", "Showed how to use the spacer; talked about the pantry.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role("button", name="Save the encounter").click()
    page.get_by_text("Encounter logged.").wait_for()

    encounter = Encounter.objects.get()
    assert encounter.duration_minutes == 45 and encounter.place_of_service == "12"
    assert encounter.goals.count() == 1 and encounter.needs.get() == food_need
    next_check_in = FollowUp.objects.get(status="open", source="cadence")
    assert next_check_in.due_on == encounter.occurred_on + datetime.timedelta(days=14)
    care = page.locator("#h-care").locator("..")
    assert "Asthma home visiting check-in" in care.inner_text()
    assert next_check_in.due_on.isoformat() in care.inner_text()
    timeline = page.locator("#h-timeline").locator("..")
    timeline.scroll_into_view_if_needed()  # the history is read when it is scrolled to
    timeline.locator("ol.timeline").wait_for()
    assert "Health education" in timeline.inner_text()

    sign_in(page, url, "sam")
    page.get_by_role("link", name="Team").click()
    page.get_by_role("link", name="Ana Tester").click()
    assert "María López" in page.locator("table.caseload").inner_text()
    page.check(f"#pick-{maria.public_id}")
    page.select_option("#to_member_id", label="Luz Vega")
    page.get_by_role("button", name="Reassign").click()
    page.get_by_text("Person reassigned.").wait_for()
    assert "María López" not in page.locator("table.caseload").inner_text()
    next_check_in.refresh_from_db()
    assert maria.assignments.get(ended_at__isnull=True).worker == luz
    assert next_check_in.assignee == luz


def test_a_supervisor_moves_two_people_at_once_in_spanish(
    transactional_db, live_server, page, sam, ana, clinic, make_person
):
    luz = MembershipFactory(organization=clinic, role="chw", worker_type="chw")
    luz.user.first_name, luz.user.last_name = "Luz", "Vega"
    luz.user.save()
    sam.user.language = "es"
    sam.user.save()
    rosa = make_person(ana, given_name="Rosa", family_name="Díaz")
    pedro = make_person(ana, given_name="Pedro", family_name="Ruiz")
    url = live_server.url

    sign_in(page, url, "sam")
    page.goto(f"{url}/care/team/{ana.public_id}/")
    page.check(f"#pick-{rosa.public_id}")
    page.check(f"#pick-{pedro.public_id}")
    page.select_option("#to_member_id", label="Luz Vega")
    page.get_by_role("button", name="Reasignar").click()
    page.get_by_text("2 personas reasignadas.").wait_for()
    assert "Rosa Díaz" not in page.locator("table.caseload").inner_text()
    for person in (rosa, pedro):
        assert person.assignments.get(ended_at__isnull=True).worker == luz


def test_the_timeline_is_read_when_scrolled_to_in_spanish(
    transactional_db, live_server, page, ana, maria, visit
):
    """In Spanish, ana opens María and scrolls to her history: it is read then, and arrives
    in Spanish."""
    visit()
    ana.user.language = "es"
    ana.user.save()
    url = live_server.url

    sign_in(page, url, "ana")
    page.goto(f"{url}/people/{maria.public_id}/")
    timeline = page.locator("#h-timeline").locator("..")
    assert timeline.locator("h2").inner_text() == "Cronología"
    timeline.scroll_into_view_if_needed()
    timeline.locator("ol.timeline").wait_for()
    text = timeline.inner_text()
    assert "Encuentro" in text and "Educación para la salud" in text
