from conftest import actor_for
from puentes.network.models import Organization
from puentes.network.services import apikey_create


def test_me_names_the_organization_role_and_memberships(api_for, ana):
    me = api_for(ana).get("/me").json()
    assert me["organization"]["name"] == "Clinic"
    assert me["role"] == "chw" and me["username"] == "ana"


def test_members_are_listed_for_the_current_organization_only(api_for, ana, sam, omar):
    names = {m["username"] for m in api_for(ana).get("/organization/members").json()["items"]}
    assert names == {"ana", "sam"}


def test_only_an_admin_edits_the_organization_and_bad_npi_is_named(api_for, ana, alma):
    assert api_for(ana).patch("/organization", {"version": 1, "name": "X"}).status_code == 403
    bad = api_for(alma).patch("/organization", {"version": 1, "npi": "1234567890"})
    assert bad.status_code == 400 and "npi" in bad.json()["error"]["fields"]
    bad_tz = api_for(alma).patch("/organization", {"version": 1, "time_zone": "Nowhere/Else"})
    assert "time_zone" in bad_tz.json()["error"]["fields"]
    bad_lang = api_for(alma).patch(
        "/organization", {"version": 1, "languages_served": ["en", "zz"]}
    )
    assert "languages_served" in bad_lang.json()["error"]["fields"]
    assert Organization.objects.get(name="Clinic").version == 1
    ok = api_for(alma).patch("/organization", {"version": 1, "tax_id": "94-1234567"})
    assert ok.status_code == 200 and ok.json()["version"] == 2


def test_the_audit_log_is_for_admins(api_for, ana, alma, maria):
    assert api_for(ana).get("/audit").status_code == 403
    actions = [e["action"] for e in api_for(alma).get("/audit").json()["items"]]
    assert "person.create" in actions


def test_api_key_last_use_is_recorded(api_with_key, alma):
    key, raw = apikey_create(actor=actor_for(alma), name="EHR", scope="read")
    assert key.last_used_at is None
    api_with_key(raw).get("/me")
    key.refresh_from_db()
    assert key.last_used_at is not None
