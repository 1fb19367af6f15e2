"""The referral API: each side sees its own referrals and only what is shared; the FHIR
mapping validates (fhir.resources R4B) and maps back."""

import uuid

import pytest
from fhir.resources.R4B.servicerequest import ServiceRequest
from fhir.resources.R4B.task import Task

from puentes.core.models import AuditEvent
from puentes.referrals import fhir
from puentes.referrals.models import Referral


def _create(api, maria, listing, need, send=True, **extra):
    return api.post(
        "/referrals",
        {
            "person_id": str(maria.public_id),
            "service_at_location_id": str(listing.id),
            "need_ids": [str(need.public_id)],
            "note": "Family of four",
            "send": send,
            **extra,
        },
    )


def test_refer_and_close_the_loop_over_the_api(
    api_for, ana, pat, maria, pantry_listing, food_need, consent
):
    created = _create(api_for(ana), maria, pantry_listing, food_need)
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["status"] == "requested" and body["receiving_organization"] == "Pantry"
    assert body["actions"] == ["cancelled", "entered-in-error"]
    inbox = api_for(pat).get("/referrals?box=inbox").json()["items"]
    assert [r["id"] for r in inbox] == [body["id"]]
    assert inbox[0]["actions"] == ["accepted", "rejected", "cancelled"]
    accepted = (
        api_for(pat)
        .post(f"/referrals/{body['id']}/status", {"version": body["version"], "status": "accepted"})
        .json()
    )
    done = api_for(pat).post(
        f"/referrals/{body['id']}/status",
        {"version": accepted["version"], "status": "completed", "outcome": "food"},
    )
    assert done.status_code == 200 and done.json()["outcome_label"] == "Food provided"
    history = api_for(ana).get(f"/referrals/{body['id']}/history").json()
    assert [(h["from_status"], h["to_status"]) for h in history] == [
        ("", "draft"), ("draft", "requested"), ("requested", "accepted"),
        ("accepted", "completed"),
    ]  # fmt: skip
    assert history[-1]["organization"] == "Pantry"


def test_the_receiving_side_sees_only_what_is_shared(
    api_for, ana, pat, maria, pantry_listing, food_need, consent
):
    referral_id = _create(api_for(ana), maria, pantry_listing, food_need).json()["id"]
    seen = api_for(pat).get(f"/referrals/{referral_id}").json()
    assert seen["person"]["name"] == "María López"
    assert seen["person"]["id"] is None  # no handle on the record itself
    assert "date_of_birth" not in seen["person"] and "address" not in str(seen["person"])
    assert seen["needs"] == [
        {"id": None, "category": "food-insecurity", "label": "Food insecurity"}
    ]
    # The person's record, needs and other data stay the clinic's.
    assert api_for(pat).get(f"/persons/{maria.public_id}").status_code == 404
    assert api_for(pat).get(f"/needs/{food_need.public_id}").status_code == 404
    assert AuditEvent.objects.filter(action="referral.read", organization__name="Pantry").exists()


def test_drafts_stay_with_the_referring_side(api_for, ana, pat, maria, pantry_listing, food_need):
    draft = _create(api_for(ana), maria, pantry_listing, food_need, send=False).json()
    assert draft["status"] == "draft"
    assert api_for(pat).get(f"/referrals/{draft['id']}").status_code == 404
    refused = api_for(ana).post(f"/referrals/{draft['id']}/send", {"version": draft["version"]})
    assert refused.status_code == 400 and "consent" in refused.json()["error"]["fields"]


def test_bad_requests_name_the_field(api_for, ana, maria, pantry_listing, food_need):
    api = api_for(ana)
    past = _create(api, maria, pantry_listing, food_need, requested_by="2020-01-01")
    assert past.status_code == 400 and "requested_by" in past.json()["error"]["fields"]
    wrong = api.post("/referrals", {"person_id": str(maria.public_id)})
    assert wrong.status_code == 400 and "service_at_location_id" in wrong.json()["error"]["fields"]
    other = _create(api, maria, pantry_listing, food_need, priority="whenever")
    assert other.status_code == 400
    assert not Referral.objects.exists()


def test_a_light_referral_gives_the_person_a_summary_and_the_chw_records_the_outcome(
    api_for, ana, maria, make_listing, food_need
):
    listing = make_listing(name="Parish food closet")  # not on the network
    body = _create(api_for(ana), maria, listing, food_need).json()
    assert body["light"] is True and body["status"] == "requested"
    assert "accepted" in body["actions"]  # the referring side plays the receiving side
    summary = api_for(ana).get(f"/referrals/{body['id']}/summary").json()
    assert "Parish food closet" in summary["printable"]
    assert "Teléfono" in summary["printable"]  # María reads Spanish
    assert len(summary["text_message"]) <= 320


def test_fhir_resources_validate_and_map_back(
    api_for, ana, pat, maria, pantry_listing, food_need, consent
):
    sent = _create(api_for(ana), maria, pantry_listing, food_need).json()
    referral_id = sent["id"]
    accepted = (
        api_for(pat)
        .post(
            f"/referrals/{referral_id}/status", {"version": sent["version"], "status": "accepted"}
        )
        .json()
    )
    completed = api_for(pat).post(
        f"/referrals/{referral_id}/status",
        {"version": accepted["version"], "status": "completed", "outcome": "food",
         "outcome_note": "Groceries"},
    ).json()  # fmt: skip
    resources = api_for(ana).get(f"/referrals/{referral_id}/fhir").json()
    request = ServiceRequest.model_validate(resources["ServiceRequest"])
    task = Task.model_validate(resources["Task"])
    assert request.status == "completed" and task.status == "completed"
    assert task.focus.reference == f"ServiceRequest/{referral_id}"
    assert request.reasonReference[0].reference == f"Condition/{food_need.public_id}"
    assert fhir.transition_from_task(resources["Task"]) == {
        "version": completed["version"], "status": "completed", "reason": "", "outcome": "food",
        "outcome_note": "Groceries",
    }  # fmt: skip
    fields = fhir.creation_from_service_request(resources["ServiceRequest"])
    assert fields["person_id"] == str(maria.public_id)
    assert fields["service_at_location_id"] == str(pantry_listing.id)
    assert fields["need_ids"] == [str(food_need.public_id)]


def test_a_fhir_task_update_moves_the_referral(
    api_for, ana, pat, maria, pantry_listing, food_need, consent
):
    referral_id = _create(api_for(ana), maria, pantry_listing, food_need).json()["id"]
    task = api_for(pat).get(f"/referrals/{referral_id}/fhir").json()["Task"]
    task["status"] = "rejected"
    task["statusReason"] = {"text": "Outside our area"}
    moved = api_for(pat).post(f"/referrals/{referral_id}/fhir/task", task)
    assert moved.status_code == 200 and moved.json()["status"] == "rejected"
    again = api_for(pat).post(f"/referrals/{referral_id}/fhir/task", task)
    assert again.status_code == 409  # the version in meta.versionId is stale now


def test_a_service_request_creates_a_referral(
    api_for, ana, maria, pantry_listing, food_need, consent
):
    request = {
        "resourceType": "ServiceRequest",
        "status": "active",
        "intent": "order",
        "subject": {"reference": f"Patient/{maria.public_id}"},
        "performer": [{"reference": f"HealthcareService/{pantry_listing.id}"}],
        "reasonReference": [{"reference": f"Condition/{food_need.public_id}"}],
        "note": [{"text": "From the clinic's EHR"}],
    }
    ServiceRequest.model_validate(request)
    created = api_for(ana).post("/referrals/fhir/service-request", request)
    assert created.status_code == 201 and created.json()["status"] == "requested"
    bad = api_for(ana).post(
        "/referrals/fhir/service-request", {**request, "subject": {"reference": "Group/1"}}
    )
    assert bad.status_code == 400 and "subject" in bad.json()["error"]["fields"]


@pytest.mark.django_db(transaction=True)
def test_two_people_acting_at_once_never_both_succeed(
    ana, pat, maria, pantry, pantry_listing, food_need, consent, refer
):
    """On PostgreSQL the row is locked; on SQLite writers are serialized. Either way one
    wins and the other gets a conflict."""
    import threading

    from django.db import connection

    from conftest import actor_for
    from puentes.core.errors import DomainError
    from puentes.referrals import services

    referral = refer()
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def act(status: str, reason: str) -> None:
        try:
            barrier.wait()
            services.referral_transition(
                actor=actor_for(pat), referral_id=referral.public_id, version=referral.version,
                status=status, reason=reason,
            )  # fmt: skip
            outcomes.append("ok")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    if connection.vendor != "postgresql":
        pytest.skip("row locking is PostgreSQL's; SQLite serializes writers")
    threads = [
        threading.Thread(target=act, args=("accepted", "")),
        threading.Thread(target=act, args=("rejected", "Full")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "ok"]
    assert Referral.objects.get(pk=referral.pk).events.count() == 3
    _ = uuid  # ids in this module are strings from the API


def test_an_administrator_sets_the_response_time(api_for, omar):
    too_long = api_for(omar).patch("/organization", {"version": 1, "referral_response_days": 31})
    assert too_long.status_code == 400
    assert "referral_response_days" in too_long.json()["error"]["fields"]
    saved = api_for(omar).patch("/organization", {"version": 1, "referral_response_days": 5})
    assert saved.status_code == 200 and saved.json()["referral_response_days"] == 5


def test_listing_referrals_does_not_query_per_referral(api_for, ana, refer, consent):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    refer()
    api = api_for(ana)
    api.get("/referrals?box=sent")
    with CaptureQueriesContext(connection) as one:
        assert api.get("/referrals?box=sent").json()["count"] == 1
    refer()
    refer()
    with CaptureQueriesContext(connection) as three:
        assert api.get("/referrals?box=sent").json()["count"] == 3
    assert len(three) == len(one)


def test_the_api_description_lists_every_referral_action(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/referrals",
        "/api/v1/referrals/{referral_id}/status",
        "/api/v1/referrals/{referral_id}/fhir/task",
        "/api/v1/referrals/fhir/service-request",
        "/api/v1/directory/imports",
        "/api/v1/notifications",
    ):
        assert path in paths, path


def _leaks(text: str, maria, food_need, consent, referral_note: str, reason: str) -> list[str]:
    """What of the person's records a receiving side's response must not carry."""
    secrets = {
        "the person's internal id": str(maria.public_id),
        "the need's id": str(food_need.public_id),
        "the consent's id": str(consent.public_id),
        "the note": referral_note,
        "the revocation reason": reason,
    }
    return [name for name, value in secrets.items() if value in text]


def test_the_receiving_side_sees_the_fhir_minimum_and_valid_resources(
    api_for, ana, pat, maria, pantry_listing, food_need, consent
):
    referral_id = _create(api_for(ana), maria, pantry_listing, food_need).json()["id"]
    response = api_for(pat).get(f"/referrals/{referral_id}/fhir")
    resources = response.json()
    request = ServiceRequest.model_validate(resources["ServiceRequest"])
    Task.model_validate(resources["Task"])
    leaks = _leaks(response.content.decode(), maria, food_need, consent, "\x00", "\x00")
    assert leaks == []
    assert request.subject.reference == "#patient"
    patient = resources["ServiceRequest"]["contained"][0]
    assert patient["name"] == [{"text": maria.display_name}] and "identifier" not in patient
    assert resources["ServiceRequest"]["note"] == [{"text": "Family of four"}]


def test_after_consent_ends_the_receiver_keeps_only_that_the_referral_was_withdrawn(
    api_for, ana, pat, maria, pantry_listing, food_need, consent
):
    from conftest import actor_for
    from puentes.people import services as people_services

    referral_id = _create(api_for(ana), maria, pantry_listing, food_need).json()["id"]
    reason = "She moved away and asked us to stop"
    people_services.consent_revoke(
        actor=actor_for(ana), consent_id=consent.public_id, reason=reason
    )
    for path in ("", "/fhir", "/history"):
        response = api_for(pat).get(f"/referrals/{referral_id}{path}")
        assert response.status_code == 200
        text = response.content.decode()
        assert _leaks(text, maria, food_need, consent, "Family of four", reason) == [], path
        assert maria.given_name not in text and maria.phone not in text, path
    resources = api_for(pat).get(f"/referrals/{referral_id}/fhir").json()
    request = ServiceRequest.model_validate(resources["ServiceRequest"])
    task = Task.model_validate(resources["Task"])
    assert request.status == "revoked" and task.status == "cancelled"
    assert task.executionPeriod.end is not None
    body = api_for(pat).get(f"/referrals/{referral_id}").json()
    assert body["sharing_ended"] and body["status"] == "cancelled" and body["needs"] == []
    # The referring side keeps its whole record.
    own = api_for(ana).get(f"/referrals/{referral_id}/fhir").json()
    assert own["ServiceRequest"]["subject"]["reference"] == f"Patient/{maria.public_id}"
    assert own["Task"]["statusReason"]["text"] == reason


def test_after_consent_ends_the_receivers_page_shows_no_person_note_or_reason(
    api_for, client_for, ana, pat, maria, pantry_listing, food_need, consent
):
    from conftest import actor_for
    from puentes.people import services as people_services

    referral_id = _create(api_for(ana), maria, pantry_listing, food_need).json()["id"]
    reason = "She moved away and asked us to stop"
    people_services.consent_revoke(
        actor=actor_for(ana), consent_id=consent.public_id, reason=reason
    )
    page = client_for(pat).get(f"/referrals/{referral_id}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert _leaks(text, maria, food_need, consent, "Family of four", reason) == []
    assert maria.given_name not in text


def test_a_transition_reads_what_it_shows_with_the_lock(api_with_key, pat, refer, consent):
    """Locking the referral brings the person, the service and its place and whether
    consent still allows sharing, and the place it shows (address, phone, hours, what to
    bring) in one statement, so answering costs no query per part (19 statements before,
    9 now)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from conftest import actor_for
    from puentes.network.services import apikey_create

    referral = refer()
    _key, raw = apikey_create(actor=actor_for(_admin(pat)), name="k", scope="read_write")
    api = api_with_key(raw)
    api.get("/referrals?box=inbox")  # the key's first use is recorded once, not per request
    with CaptureQueriesContext(connection) as captured:
        moved = api.post(
            f"/referrals/{referral.public_id}/status",
            {"version": referral.version, "status": "accepted"},
        )
    assert moved.status_code == 200, moved.content
    assert moved.json()["person"]["name"] and moved.json()["service"]["name"]
    statements = [q["sql"] for q in captured if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]
    # The address check, the key, the lock, four writes (event, referral, audit,
    # notification), the needs, and the place.
    assert len(statements) <= 9, "\n".join(s[:90] for s in statements)


def _admin(member):
    from conftest import _member

    return _member(f"admin-{member.organization.pk}", member.organization, "org_admin")
