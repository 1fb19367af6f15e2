"""The care pages, as the people who use them: what they show and what their forms write."""

import datetime

from django.utils import timezone

from conftest import actor_for
from puentes.care import services
from puentes.care.models import Encounter, Enrollment, FollowUp, Goal, Program

from .conftest import today


def test_a_supervisor_adds_a_program(client_for, sam, ana):
    client = client_for(sam)
    response = client.post(
        "/care/programs/new/",
        {
            "name": "Prenatal and postpartum",
            "kind": "perinatal",
            "follow_up_days": 7,
            "worker_types": ["doula", "promotor"],
            "caseload_limit": 25,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    program = Program.objects.get()
    assert program.worker_types == ["doula", "promotor"] and program.caseload_limit == 25
    page = client_for(ana).get("/care/programs/").content.decode()
    assert "Prenatal and postpartum" in page and "Check-in every 7 days" in page
    assert "Add a program" not in page  # ana may not
    assert client_for(ana).get("/care/programs/new/").status_code == 403


def test_enrolling_from_the_person_page(client_for, ana, maria, asthma, ecm):
    client = client_for(ana)
    person_page = client.get(f"/people/{maria.public_id}/").content.decode()
    assert "Enroll in a program" in person_page and "Not in a program." in person_page
    form = client.get(f"/care/people/{maria.public_id}/enroll/").content.decode()
    assert "Asthma home visiting" in form and "Experiencing homelessness" in form
    refused = client.post(
        f"/care/people/{maria.public_id}/enroll/",
        {
            "program_id": str(ecm.public_id),
            "status": "enrolled",
            "worker_ids": [str(ana.public_id)],
        },
    )
    assert "Record at least one ECM population of focus." in refused.content.decode()
    assert not Enrollment.objects.exists()
    done = client.post(
        f"/care/people/{maria.public_id}/enroll/",
        {
            "program_id": str(asthma.public_id),
            "status": "enrolled",
            "start_date": str(today()),
            "worker_ids": [str(ana.public_id)],
        },
        follow=True,
    )
    page = done.content.decode()
    assert "is enrolled in Asthma home visiting" in page
    assert "Asthma home visiting check-in" in page  # the cadence follow-up, on the person page
    enrollment = Enrollment.objects.get()
    detail = client.get(f"/care/enrollments/{enrollment.public_id}/").content.decode()
    assert "Pause" in detail and "Disenroll" in detail
    held = client.post(
        f"/care/enrollments/{enrollment.public_id}/status/",
        {"version": 1, "status": "disenrolled"},
        follow=True,
    )
    assert "Say why." in held.content.decode()
    client.post(
        f"/care/enrollments/{enrollment.public_id}/status/",
        {"version": 1, "status": "disenrolled", "reason": "Moved away"},
    )
    enrollment.refresh_from_db()
    assert enrollment.status == "disenrolled" and enrollment.status_reason == "Moved away"


def test_setting_a_goal_and_recording_progress(client_for, ana, maria, enrollment, food_need):
    client = client_for(ana)
    url = f"/care/people/{maria.public_id}/goals/new/"
    form = client.get(url).content.decode()
    assert "General care plan" in form and "Food insecurity" in form
    goal = {
        "enrollment_id": str(enrollment.public_id),
        "description": "Fewer night coughs",
        "measure": "Asthma control test",
        "comparator": "ge",
        "target_value": "20",
        "unit": "points",
        "need_ids": [str(food_need.public_id)],
    }
    missing = client.post(url, goal).content.decode()
    assert "A goal needs a target date." in missing and not Goal.objects.exists()
    client.post(url, {**goal, "target_date": str(today() + datetime.timedelta(days=60))})
    saved = Goal.objects.get()
    assert list(saved.needs.all()) == [food_need]
    page = client.post(f"/care/goals/{saved.public_id}/", {"value": "21"}, follow=True)
    text = page.content.decode()
    assert "Progress recorded." in text and "✓ Yes" in text
    client.post(f"/care/goals/{saved.public_id}/status/", {"version": 1, "status": "achieved"})
    saved.refresh_from_db()
    assert saved.status == "achieved"


def test_logging_a_routine_visit_takes_the_defaults(client_for, ana, maria, enrollment):
    client = client_for(ana)
    url = f"/care/people/{maria.public_id}/encounters/new/"
    form = client.get(url)
    html = form.content.decode()
    initial = form.context["form"].initial
    assert initial["modality"] == "in_person" and initial["place_of_service"] == "12"
    assert initial["enrollment_id"] == str(enrollment.public_id)
    assert initial["occurred_on"] == today() and initial["duration_minutes"] == 30
    assert "Health education" in html
    key = initial["idempotency_key"]
    post = {
        "idempotency_key": key,
        "occurred_on": str(today()),
        "duration_minutes": "20",
        "modality": "in_person",
        "place_of_service": "12",
        "enrollment_id": str(enrollment.public_id),
        "services": ["health_education"],
    }
    now = timezone.localtime()
    if now.hour == 0 and now.minute < 20:
        post["occurred_on"] = str(today() - datetime.timedelta(days=1))
    first = client.post(url, post, follow=True)
    assert "Encounter logged." in first.content.decode()
    again = client.post(url, post, follow=True)
    assert "This encounter was already logged." in again.content.decode()
    encounter = Encounter.objects.get()
    if encounter.occurred_on == today():
        assert encounter.start_time is not None and encounter.duration_minutes == 20
    assert encounter.enrollment == enrollment and encounter.worker == ana
    person_page = client.get(f"/people/{maria.public_id}/").content.decode()
    assert "Health education" in person_page and 'id="h-timeline"' in person_page
    timeline = client.get(f"/care/people/{maria.public_id}/timeline/").content.decode()
    assert "Health education" in timeline and "Timeline of María López" in timeline


def test_the_timeline_is_read_when_it_is_scrolled_to_and_the_read_is_audited(
    client_for, ana, maria, visit
):
    from puentes.core.models import AuditEvent

    visit()
    client = client_for(ana)
    person_page = client.get(f"/people/{maria.public_id}/").content.decode()
    url = f"/care/people/{maria.public_id}/timeline/"
    reads = AuditEvent.objects.filter(action="person.read", subject_person_id=maria.public_id)
    before = reads.count()
    assert f'hx-get="{url}" hx-trigger="revealed"' in person_page
    assert f'<a href="{url}">' in person_page, "without JavaScript, a link"
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.startswith('<ol class="history timeline"') and "Encounter" in fragment
    assert reads.count() == before + 1


def test_bad_visit_is_answered_beside_the_fields(client_for, ana, maria):
    response = client_for(ana).post(
        f"/care/people/{maria.public_id}/encounters/new/",
        {
            "occurred_on": str(today() + datetime.timedelta(days=3)),
            "duration_minutes": "30",
            "modality": "in_person",
            "place_of_service": "12",
            "services": ["navigation"],
            "is_group": "on",
        },
    )
    page = response.content.decode()
    assert "An encounter cannot be in the future." in page
    assert "A group has at least 2 people" in page
    assert not Encounter.objects.exists()


def test_editing_and_amending_an_encounter(client_for, ana, maria, visit, bill):
    encounter = visit(note="First")
    client = client_for(ana)
    form = client.get(f"/care/encounters/{encounter.public_id}/edit/")
    data = {k: v for k, v in form.context["form"].initial.items() if v not in (None, "")}
    data.update(note="Second", occurred_on=str(encounter.occurred_on), start_time="10:00")
    data.pop("is_group", None)
    client.post(f"/care/encounters/{encounter.public_id}/edit/", data)
    encounter.refresh_from_db()
    assert encounter.note == "Second" and encounter.revisions.count() == 1
    bill(encounter)
    amend_form = client.get(f"/care/encounters/{encounter.public_id}/edit/").content.decode()
    assert "Amend a billed encounter" in amend_form
    data.update(version=2, reason="Was 30 minutes", duration_minutes="30")
    data.pop("start_time")
    done = client.post(f"/care/encounters/{encounter.public_id}/edit/", data, follow=True)
    assert "Amendment recorded." in done.content.decode()
    encounter.refresh_from_db()
    assert encounter.status == "amended" and encounter.amendment.duration_minutes == 30
    original = client.get(f"/care/encounters/{encounter.public_id}/").content.decode()
    assert "Replaced by an amendment" in original


def test_my_day_and_follow_ups(client_for, ana, maria):
    due = services.follow_up_create(
        actor=actor_for(ana),
        person_id=maria.public_id,
        fields={"title": "Bring the spacer", "due_on": today()},
    )
    services.follow_up_create(
        actor=actor_for(ana),
        person_id=maria.public_id,
        fields={"title": "Check the pantry visit", "due_on": today() - datetime.timedelta(days=2)},
    )
    client = client_for(ana)
    home = client.get("/").content.decode()
    assert "My day" in home and "Bring the spacer" in home and "Overdue" in home
    client.post(
        f"/care/follow-ups/{due.public_id}/close/", {"version": 1, "status": "done", "next": "/"}
    )
    assert "Bring the spacer" not in client.get("/").content.decode()
    done_tab = client.get("/care/follow-ups/?tab=done").content.decode()
    assert "Bring the spacer" in done_tab
    created = client.post(
        f"/care/people/{maria.public_id}/follow-ups/new/",
        {
            "title": "Call about housing",
            "due_on": str(today() + datetime.timedelta(days=3)),
            "assignee_id": str(ana.public_id),
        },
    )
    assert created.status_code == 302
    assert "Call about housing" in client.get("/care/follow-ups/?tab=upcoming").content.decode()
    assert FollowUp.objects.count() == 3


def test_documents_pages(client_for, bea, maria):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(bea)
    url = f"/care/people/{maria.public_id}/documents/recommendation/new/"
    assert "Record a practitioner" in client.get(url).content.decode()
    fields = {
        "practitioner_name": "Dr. Kim",
        "practitioner_npi": "1234567893",
        "credential": "MD",
        "recommended_on": str(today()),
        "scope": "Navigation",
    }
    client.post(url, {**fields, "attachment": SimpleUploadedFile("scan.pdf", b"%PDF-1")})
    page = client.get(f"/people/{maria.public_id}/").content.decode()
    assert "Dr. Kim (MD, NPI 1234567893)" in page
    from puentes.care.models import Recommendation

    document = Recommendation.objects.get()
    download = client.get(f"/care/documents/recommendation/{document.public_id}/attachment/")
    assert b"".join(download.streaming_content) == b"%PDF-1"


def test_team_view_and_reassigning(client_for, sam, ana, clinic, maria):
    from conftest import MembershipFactory

    luz = MembershipFactory(organization=clinic, role="chw", worker_type="chw")
    client = client_for(sam)
    team = client.get("/care/team/?days=14").content.decode()
    assert "Ana Tester" in team and "No contact in 14 days" in team
    caseload = client.get(f"/care/team/{ana.public_id}/").content.decode()
    assert "María López" in caseload and "Never" in caseload
    moved = client.post(
        f"/care/team/{ana.public_id}/",
        {"person_id": str(maria.public_id), "to_member_id": str(luz.public_id)},
        follow=True,
    )
    assert "Person reassigned." in moved.content.decode()
    assert maria.assignments.get(ended_at__isnull=True).worker == luz
    assert client_for(ana).get("/care/team/").status_code == 403


def test_pages_speak_spanish(client_for, ana, maria):
    ana.user.language = "es"
    ana.user.save()
    page = client_for(ana).get(f"/care/people/{maria.public_id}/encounters/new/").content.decode()
    assert "Registrar un encuentro" in page and "Educación para la salud" in page


def test_a_one_tap_done_with_a_stale_or_bad_version_changes_nothing(client_for, ana, maria):
    follow_up = services.follow_up_create(
        actor=actor_for(ana),
        person_id=maria.public_id,
        fields={"title": "Call", "due_on": today()},
    )
    client = client_for(ana)
    for version in ("7", "x", ""):
        page = client.post(
            f"/care/follow-ups/{follow_up.public_id}/close/",
            {"version": version, "next": "/care/follow-ups/"},
            follow=True,
        ).content.decode()
        assert "Follow-up done." not in page
    follow_up.refresh_from_db()
    assert follow_up.status == "open"


def test_changing_an_enrollments_workers(client_for, ana, clinic, enrollment):
    from conftest import MembershipFactory

    luz = MembershipFactory(organization=clinic, role="chw", worker_type="chw")
    client = client_for(ana)
    url = f"/care/enrollments/{enrollment.public_id}/"
    assert "Workers and details" in client.get(url).content.decode()
    assert "ECM populations of focus" not in client.get(url).content.decode()
    client.post(url, {"version": 1, "worker_ids": [str(ana.public_id), str(luz.public_id)]})
    enrollment.refresh_from_db()
    assert set(enrollment.workers.all()) == {ana, luz} and enrollment.version == 2
    stale = client.post(url, {"version": 1, "worker_ids": [str(luz.public_id)]}).content.decode()
    assert "Someone else changed this record" in stale
    assert enrollment.workers.count() == 2


def test_a_follow_up_from_a_goal_is_linked_to_it(client_for, ana, maria):
    goal = services.goal_create(
        actor=actor_for(ana),
        person_id=maria.public_id,
        fields={
            "description": "Walk daily",
            "measure": "Minutes a day",
            "comparator": "ge",
            "target_value": 30,
            "target_date": today() + datetime.timedelta(days=30),
        },
    )
    client = client_for(ana)
    assert (
        f"?goal={goal.public_id}" in client.get(f"/care/goals/{goal.public_id}/").content.decode()
    )
    client.post(
        f"/care/people/{maria.public_id}/follow-ups/new/?goal={goal.public_id}",
        {"title": "Ask about the walks", "due_on": str(today()), "assignee_id": str(ana.public_id)},
    )
    assert FollowUp.objects.get(title="Ask about the walks").goal == goal


def test_a_caseload_is_paged_and_several_people_move_at_once(
    client_for, sam, ana, clinic, make_person
):
    from conftest import MembershipFactory
    from puentes.people.models import CaseloadAssignment

    luz = MembershipFactory(organization=clinic, role="chw", worker_type="chw")
    for _ in range(5):
        MembershipFactory(organization=clinic, role="chw", worker_type="chw")
    people = [make_person(ana, given_name=f"P{i:03d}", family_name="Many") for i in range(105)]
    client = client_for(sam)
    first = client.get(f"/care/team/{ana.public_id}/").content.decode()
    assert "Page 1 of 2" in first
    assert first.count('name="person_id"') == 100
    # One list of workers for the page, not one per row.
    assert first.count("<select") == 1
    moved = client.post(
        f"/care/team/{ana.public_id}/",
        {"person_id": [str(people[0].public_id), str(people[1].public_id)],
         "to_member_id": str(luz.public_id)},
        follow=True,
    )  # fmt: skip
    assert "2 people reassigned." in moved.content.decode()
    open_ = CaseloadAssignment.objects.filter(ended_at__isnull=True, worker=luz)
    assert set(open_.values_list("person", flat=True)) == {people[0].pk, people[1].pk}


def test_a_reassignment_moves_everyone_chosen_or_nobody(client_for, sam, ana, clinic, maria):
    from conftest import MembershipFactory
    from puentes.people.models import CaseloadAssignment

    luz = MembershipFactory(organization=clinic, role="chw", worker_type="chw")
    stranger = "00000000-0000-0000-0000-000000000001"
    response = client_for(sam).post(
        f"/care/team/{ana.public_id}/",
        {"person_id": [str(maria.public_id), stranger], "to_member_id": str(luz.public_id)},
    )
    assert response.status_code == 404  # the unknown person, and maria stays with ana
    assert CaseloadAssignment.objects.get(person=maria, ended_at__isnull=True).worker == ana


def test_my_follow_ups_are_paged_oldest_first(client_for, ana, maria):
    actor = actor_for(ana)
    for n in range(55):
        services.follow_up_create(
            actor=actor,
            person_id=maria.public_id,
            fields={"title": f"Call {n:02d}", "due_on": today() - datetime.timedelta(days=n),
                    "assignee_id": ana.public_id},
        )  # fmt: skip
    client = client_for(ana)
    first = client.get("/care/follow-ups/").content.decode()
    assert "Page 1 of 2" in first and first.count('name="status"') == 50
    assert first.index("Call 54") < first.index("Call 53")  # the most overdue first
    second = client.get("/care/follow-ups/?tab=today&page=2").content.decode()
    assert second.count('name="status"') == 5 and "Call 00" in second
    assert "Call 54" not in second
