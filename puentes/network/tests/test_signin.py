"""Failed sign-ins and refused API keys are visible to the organization's administrators,
and one address that keeps failing is stopped, whichever accounts it tries."""

from django.test import Client

from conftest import actor_for
from puentes.core.models import AuditEvent
from puentes.network.services import apikey_create, apikey_revoke


def _sign_in(username, password="wrong-password", ip="198.51.100.9"):
    return Client(REMOTE_ADDR=ip).post("/sign-in/", {"username": username, "password": password})


def test_a_failed_sign_in_shows_in_the_members_organizations_audit_log(client_for, ana, alma):
    _sign_in("ana")
    event = AuditEvent.objects.get(action="signin.failed")
    assert event.organization == ana.organization and event.user == ana.user
    assert event.client_ip == "198.51.100.9"
    page = client_for(alma).get("/organization/audit/").content.decode()
    assert "failed to sign in" in page


def test_an_unknown_name_is_recorded_for_no_organization(db):
    _sign_in("nobody-here")
    event = AuditEvent.objects.get(action="signin.failed")
    assert event.organization is None and event.detail == {"username": "nobody-here"}


def test_one_address_guessing_across_accounts_is_stopped(db, ana, sam, settings):
    settings.LOGIN_IP_FAILURE_LIMIT = 4
    for name in ("ana", "sam", "bea", "alma"):
        assert _sign_in(name).status_code == 200  # the form again, with its error
    stopped = _sign_in("ana", password="a-long-test-password")
    assert stopped.status_code == 429
    assert "Too many attempts" in stopped.content.decode()
    elsewhere = _sign_in("sam", ip="198.51.100.10")
    assert elsewhere.status_code == 200  # another address is not stopped


def test_a_refused_api_key_is_visible_to_its_organization(api_with_key, alma):
    _key, raw = apikey_create(actor=actor_for(alma), name="EHR", scope="read")
    apikey_revoke(actor=actor_for(alma), key_id=_key.public_id)
    assert api_with_key(raw).get("/persons").status_code == 401
    event = AuditEvent.objects.get(action="apikey.failed")
    assert event.organization == alma.organization and event.api_key == _key


def test_an_address_presenting_many_bad_keys_is_throttled(api_with_key, db, settings):
    settings.LOGIN_IP_FAILURE_LIMIT = 3
    for n in range(3):
        assert api_with_key(f"pk_{n:08d}nonsense-secret").get("/me").status_code == 401
    throttled = api_with_key("pk_00000009nonsense-secret").get("/me")
    assert throttled.status_code == 429 and throttled.json()["error"]["code"] == "throttled"
