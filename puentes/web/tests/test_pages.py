import re

import pytest
from django.core import mail
from django.test import Client

from conftest import MembershipFactory
from puentes.network.models import ApiKey, Membership, Role, User
from puentes.people.models import Consent, Identifier, Person

NEW = {
    "given_name": "Rosa",
    "family_name": "Díaz",
    "date_of_birth": "1970-05-05",
    "preferred_language": "es",
    "phone": "916-555-0101",
    "postal_code": "95818",
    "state": "CA",
    "city": "Sacramento",
}


def test_sign_in_then_home_shows_my_people(ana, maria):
    client = Client()
    page = client.get("/sign-in/")
    assert page.status_code == 200 and 'name="username"' in page.content.decode()
    response = client.post(
        "/sign-in/", {"username": "ana", "password": "a-long-test-password"}, follow=True
    )
    body = response.content.decode()
    assert "My people" in body and "María López" in body


def test_pages_need_sign_in():
    for url in ["/", "/people/", "/people/new/", "/organization/members/"]:
        response = Client().get(url)
        assert response.status_code == 302 and "/sign-in/" in response["Location"]


def test_repeated_wrong_passwords_lock_the_account(ana, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/sign-in/", {"username": "ana", "password": "wrong"})
    locked = client.post("/sign-in/", {"username": "ana", "password": "a-long-test-password"})
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_sessions_end_after_the_idle_timeout(client_for, ana, settings):
    client = client_for(ana)
    client.get("/")
    assert client.session.get_expiry_age() == settings.SESSION_IDLE_MINUTES * 60
    assert client.session.get_expire_at_browser_close()


def test_a_session_is_not_rewritten_on_every_request_but_its_idle_timer_moves(
    client_for, ana, settings
):
    import time
    from unittest import mock

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def session_writes(at: float) -> int:
        with (
            mock.patch("puentes.network.middleware.time.time", return_value=at),
            CaptureQueriesContext(connection) as captured,
        ):
            client.get("/")
        return len([q for q in captured if "django_session" in q["sql"] and "UPDATE" in q["sql"]])

    assert not settings.SESSION_SAVE_EVERY_REQUEST
    client = client_for(ana)
    start = time.time()
    session_writes(start)  # the first use sets the timer
    assert session_writes(start + 5) == 0  # seconds later: nothing written
    assert session_writes(start + 61) == 1  # a minute later: the expiry moves forward
    assert client.session.get_expiry_age() == settings.SESSION_IDLE_MINUTES * 60


def test_the_language_choice_is_remembered_on_the_user(client_for, ana):
    client = client_for(ana)
    response = client.post("/language/", {"language": "es", "next": "/"}, follow=True)
    assert "Mis personas" in response.content.decode()
    ana.user.refresh_from_db()
    assert ana.user.language == "es"
    other_device = Client()
    other_device.force_login(ana.user)
    assert "Mis personas" in other_device.get("/").content.decode()


def test_an_unknown_language_falls_back_to_english(client_for, ana):
    client_for(ana).post("/language/", {"language": "xx"})
    ana.user.refresh_from_db()
    assert ana.user.language == "en"


def test_home_depends_on_the_role(client_for, bea, clinic, dora):
    assert client_for(bea).get("/")["Location"] == "/people/"
    assert client_for(dora).get("/")["Location"] == "/directory/corrections/"
    analyst = MembershipFactory(organization=clinic, role=Role.ANALYST, worker_type="")
    assert client_for(analyst).get("/")["Location"] == "/organization/"


def test_a_member_of_two_organizations_switches_between_them(client_for, ana, pantry, maria):
    Membership.objects.create(user=ana.user, organization=pantry, role=Role.CBO_STAFF)
    client = client_for(ana)
    assert "María López" in client.get("/people/").content.decode()
    client.post("/switch-organization/", {"organization": str(pantry.public_id)})
    assert "María López" not in client.get("/people/").content.decode()
    assert client.get(f"/people/{maria.public_id}/").status_code == 404


def test_registering_on_the_page_with_the_duplicate_guard(client_for, ana, maria):
    client = client_for(ana)
    response = client.post("/people/new/", NEW)
    assert response.status_code == 302
    assert Person.objects.filter(given_name="Rosa").count() == 1
    again = client.post("/people/new/", {**NEW, "given_name": "rosa", "family_name": "Diaz"})
    body = again.content.decode()
    assert again.status_code == 200 and "may already be registered" in body
    assert Person.objects.filter(given_name__iexact="rosa").count() == 1
    confirmed = client.post(
        "/people/new/", {**NEW, "given_name": "rosa", "family_name": "Diaz", "allow_duplicate": "1"}
    )
    assert confirmed.status_code == 302
    assert Person.objects.filter(given_name__iexact="rosa").count() == 2


def test_invalid_form_shows_errors_beside_fields_and_writes_nothing(client_for, ana):
    response = client_for(ana).post(
        "/people/new/", {**NEW, "date_of_birth": "2999-01-01", "postal_code": "00000"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "cannot be in the future" in body and "not a known US ZIP code" in body
    assert Person.objects.count() == 0


def test_a_stale_edit_on_the_page_is_refused(client_for, ana, sam, maria):
    form = {**NEW, "given_name": "María", "family_name": "López", "version": 1}
    assert (
        client_for(sam)
        .post(f"/people/{maria.public_id}/edit/", {**form, "city": "Davis"})
        .status_code
        == 302
    )
    stale = client_for(ana).post(f"/people/{maria.public_id}/edit/", {**form, "city": "Fresno"})
    assert "Someone else changed this record" in stale.content.decode()
    maria.refresh_from_db()
    assert maria.city == "Davis"


def test_person_page_shows_the_record_and_audits_the_read(client_for, bea, maria):
    body = client_for(bea).get(f"/people/{maria.public_id}/").content.decode()
    assert "María López" in body and "Consent to share" in body
    assert "Edit" not in re.sub(r"<[^>]+>", " ", body).split("Profile")[0]


def test_identifier_and_consent_forms(client_for, ana, maria, pantry):
    client = client_for(ana)
    bad = client.post(
        f"/people/{maria.public_id}/identifiers/new/",
        {"kind": "medicare_mbi", "issuer": "", "value": "123"},
    )
    assert "pattern 1EG4-TE5-MK73" in bad.content.decode()
    assert Identifier.objects.count() == 0
    client.post(
        f"/people/{maria.public_id}/identifiers/new/",
        {"kind": "medicare_mbi", "issuer": "", "value": "1EG4-TE5-MK73"},
    )
    assert Identifier.objects.get().value == "1EG4TE5MK73"
    missing = client.post(
        f"/people/{maria.public_id}/consents/new/",
        {"scope": "named", "purpose": "referral", "method": "verbal", "given_on": "2026-01-01"},
    )
    assert "Name at least one organization" in missing.content.decode()
    client.post(
        f"/people/{maria.public_id}/consents/new/",
        {
            "scope": "named",
            "organizations": [str(pantry.public_id)],
            "purpose": "referral",
            "method": "verbal",
            "given_on": "2026-01-01",
        },
    )
    consent = Consent.objects.get()
    client.post(f"/people/consents/{consent.public_id}/revoke/", {"reason": "Asked"})
    consent.refresh_from_db()
    assert consent.revoked_at is not None


def test_roles_without_permission_get_403_pages(client_for, bea, ana, maria):
    assert client_for(bea).get("/people/new/").status_code == 403
    assert client_for(ana).get(f"/people/{maria.public_id}/merge/").status_code == 403
    for url in ["/organization/members/invite/", "/organization/api-keys/", "/organization/audit/"]:
        assert client_for(ana).get(url).status_code == 403


def test_menu_shows_only_what_the_role_can_use(client_for, ana, alma):
    ana_page = client_for(ana).get("/people/").content.decode()
    assert "/organization/audit/" not in ana_page
    assert "/organization/audit/" in client_for(alma).get("/people/").content.decode()


def test_invitation_by_email_creates_a_member(client_for, alma, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(alma).post(
            "/organization/members/invite/",
            {"email": "Nina@Example.org", "role": "chw", "worker_type": "doula"},
        )
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/invitation/[^/\s]+/)", mail.outbox[0].body).group(1)
    newcomer = Client()
    weak = newcomer.post(
        link, {"first_name": "Nina", "last_name": "Paz", "username": "nina", "password": "123"}
    )
    assert (
        "password" in weak.content.decode().lower()
        and not User.objects.filter(username="nina").exists()
    )
    done = newcomer.post(
        link,
        {
            "first_name": "Nina",
            "last_name": "Paz",
            "username": "nina",
            "password": "a-long-new-password",
        },
        follow=True,
    )
    assert "My people" in done.content.decode()
    membership = Membership.objects.get(user__username="nina")
    assert membership.worker_type == "doula" and membership.user.email == "nina@example.org"
    assert Client().get(link).status_code == 404


def test_worker_type_is_required_for_chws(client_for, alma):
    response = client_for(alma).post(
        "/organization/members/invite/",
        {"email": "x@example.org", "role": "chw", "worker_type": ""},
    )
    assert "needs a worker type" in response.content.decode()
    assert len(mail.outbox) == 0


def test_deactivated_members_lose_access_but_the_last_admin_stays(client_for, alma, ana, maria):
    client = client_for(alma)
    client.post(f"/organization/members/{ana.public_id}/active/", {"active": "0"})
    assert client_for(ana).get("/people/").status_code == 403
    client.post(f"/organization/members/{alma.public_id}/active/", {"active": "0"})
    alma.refresh_from_db()
    assert alma.is_active


def test_api_keys_are_shown_once_and_stored_hashed(client_for, alma):
    response = client_for(alma).post("/organization/api-keys/", {"name": "EHR", "scope": "read"})
    raw = re.search(r'id="new-key">(pk_[^<]+)<', response.content.decode()).group(1)
    key = ApiKey.objects.get()
    assert raw not in key.key_hash and raw.startswith(key.prefix)
    assert raw not in client_for(alma).get("/organization/api-keys/").content.decode()
    client_for(alma).post(f"/organization/api-keys/{key.public_id}/revoke/")
    key.refresh_from_db()
    assert key.revoked_at is not None


def test_audit_log_page_lists_reads_and_writes(client_for, alma, ana, maria):
    client_for(ana).get(f"/people/{maria.public_id}/")
    body = client_for(alma).get("/organization/audit/?action=person").content.decode()
    assert "person.read" in body and "person.create" in body


def test_merge_page_merges(client_for, sam, ana, make_person):
    keep, duplicate = make_person(ana), make_person(ana)
    page = client_for(sam).get(f"/people/{keep.public_id}/merge/").content.decode()
    assert str(duplicate.public_id) in page
    client_for(sam).post(
        f"/people/{keep.public_id}/merge/", {"duplicate": str(duplicate.public_id)}
    )
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep
    redirected = client_for(sam).get(f"/people/{duplicate.public_id}/")
    assert redirected["Location"] == f"/people/{keep.public_id}/"


def test_household_and_workers_pages(client_for, sam, maria):
    client = client_for(sam)
    client.post(
        f"/people/{maria.public_id}/household/",
        {"new_household_name": "López", "relationship": "self"},
    )
    assert "López" in client.get(f"/people/{maria.public_id}/").content.decode()
    client.post(f"/people/{maria.public_id}/workers/", {"member": str(sam.public_id)})
    assert maria.assignments.filter(ended_at__isnull=True).count() == 2


def test_health_endpoint(db):
    assert Client().get("/health/").json() == {"status": "ok"}


@pytest.mark.parametrize("url", ["/people/", "/people/new/", "/organization/"])
def test_pages_render_in_spanish(client_for, ana, url):
    ana.user.language = "es"
    ana.user.save()
    body = client_for(ana).get(url).content.decode()
    assert 'lang="es"' in body and "Salir" in body
