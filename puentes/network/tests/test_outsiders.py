"""Organization administration never reaches into another organization."""

import pytest

from conftest import actor_for
from puentes.network.models import ApiKey, Membership
from puentes.network.services import apikey_create


@pytest.fixture
def clinic_admin_records(alma, ana):
    key, _raw = apikey_create(actor=actor_for(alma), name="EHR", scope="read")
    return {"member": ana.public_id, "key": key.public_id}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/organization/members/{member}/"),
        ("post", "/organization/members/{member}/"),
        ("post", "/organization/members/{member}/active/"),
        ("post", "/organization/api-keys/{key}/revoke/"),
    ],
)
def test_omar_gets_404_for_clinics_members_and_keys(
    client_for, omar, clinic_admin_records, method, path
):
    client = client_for(omar)
    url = path.format(**clinic_admin_records)
    data = {"version": 1, "role": "org_admin", "active": "0"}
    response = client.get(url) if method == "get" else client.post(url, data)
    assert response.status_code == 404
    assert Membership.objects.get(public_id=clinic_admin_records["member"]).role == "chw"
    assert Membership.objects.get(public_id=clinic_admin_records["member"]).is_active
    assert ApiKey.objects.get(public_id=clinic_admin_records["key"]).revoked_at is None


def test_omars_admin_pages_show_only_elsewhere(client_for, omar, clinic_admin_records, ana):
    client = client_for(omar)
    assert "ana@example.org" not in client.get("/organization/members/").content.decode()
    assert "EHR" not in client.get("/organization/api-keys/").content.decode()
    audit = client.get("/organization/audit/").content.decode()
    assert "apikey.create" not in audit


def test_omars_api_sees_only_his_organization(api_for, omar, ana, alma):
    api = api_for(omar)
    assert api.get("/organization").json()["name"] == "Elsewhere"
    assert {m["username"] for m in api.get("/organization/members").json()["items"]} == {"omar"}
    assert all(e["user"] in (None, "omar") for e in api.get("/audit").json()["items"])
