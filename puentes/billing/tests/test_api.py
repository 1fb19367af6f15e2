"""/api/v1/billing end to end, as billing staff and as a program would use it."""

from django.core.files.uploadedfile import SimpleUploadedFile

from puentes.billing.models import Claim
from puentes.billing.x12 import validate_with_pyx12

from .conftest import days_ago
from .test_claims import remittance_835


def test_rule_sets_say_what_is_unconfirmed(api_for, bea):
    sets = {r["id"] + " " + r["version"]: r for r in api_for(bea).get("/billing/rule-sets").json()}
    medi_cal = sets["medi-cal-chw 2022-07"]
    assert medi_cal["unconfirmed"] == [
        "4 units a day (unconfirmed, off)",
        "first monthly unit at the midpoint (31 of 60 minutes)",
        "monthly lines dated the day the time is reached",
    ]
    assert "G0019" in medi_cal["codes"] and medi_cal["sources"]
    assert sets["connecticut-husky-chw 2023-06"]["billable"] is False


def test_from_queue_to_payment_over_the_api(
    api_for, client_for, bea, ana, covered, medi_cal, log_visit, django_capture_on_commit_callbacks
):
    encounter = log_visit(minutes=46)
    api = api_for(bea)
    queue = api.get(f"/billing/queue?start={days_ago(30)}&end={days_ago(0)}").json()
    assert queue[0]["payer"] == "Medi-Cal" and queue[0]["ready"][0]["lines"][0]["units"] == 2
    assert queue[0]["ready"][0]["encounter_id"] == str(encounter.public_id)
    wanted = {
        "payer_id": str(medi_cal.public_id),
        "start": str(days_ago(30)),
        "end": str(days_ago(1)),
    }
    with django_capture_on_commit_callbacks() as queued:
        created = api.post("/billing/batches", wanted)
    assert created.status_code == 202, created.json()
    assert created.json()["status"] == "queued" and created.json()["claims"] == 0
    again = api.post("/billing/batches", wanted)  # one batch of a payer at a time
    assert again.status_code == 409 and "being generated" in again.json()["error"]["message"]
    for run_task in queued:  # the background task (run at once in tests)
        run_task()
    batch = api.get(f"/billing/batches/{created.json()['id']}").json()
    assert batch["status"] == "generated"
    assert batch["claims"] == 1 and batch["total_charge"] == "100.00"
    version = batch["version"]  # 2: generating moved it from queued
    twice = api.post(
        f"/billing/batches/{batch['id']}/status", {"version": version, "status": "submitted"}
    )
    assert twice.status_code == 409
    api.post(f"/billing/batches/{batch['id']}/status", {"version": version, "status": "approved"})
    api.post(
        f"/billing/batches/{batch['id']}/status", {"version": version + 1, "status": "submitted"}
    )
    download = client_for(bea).get(f"/api/v1/billing/batches/{batch['id']}/837p")
    text = b"".join(download.streaming_content).decode()
    assert download["Content-Disposition"].endswith('.837"') and validate_with_pyx12(text)[0]
    csv_file = client_for(bea).get(f"/api/v1/billing/batches/{batch['id']}/csv")
    assert b"98960" in b"".join(csv_file.streaming_content)
    claim = Claim.objects.get()
    upload = client_for(bea).post(
        "/api/v1/billing/remittances",
        {"file": SimpleUploadedFile("era.835", remittance_835(claim, paid="95").encode())},
    )
    assert upload.status_code == 201 and upload.json()["claims_posted"] == 1
    detail = api.get(f"/billing/claims/{claim.public_id}").json()
    assert detail["status"] == "paid" and detail["paid_amount"] == "95.00"
    assert [e["to_status"] for e in detail["history"]] == ["generated", "submitted", "paid"]
    mine = api_for(ana).get(f"/encounters/{encounter.public_id}/billing").json()
    assert mine == [{"state": "claimed", "claim": {"number": claim.claim_number, "status": "paid"}}]


def test_billing_is_for_billing_roles(api_for, ana, covered):
    for path in (
        "/billing/queue?start=2026-01-01&end=2026-01-31",
        "/billing/batches",
        "/billing/payers",
        "/billing/funding",
    ):
        assert api_for(ana).get(path).status_code == 403, path
    assert (
        api_for(ana)
        .post("/billing/grants/charge", {"start": "2026-01-01", "end": "2026-01-31"})
        .status_code
        == 403
    )


def test_bad_requests_name_the_field(api_for, bea, ana, maria, medi_cal):
    reversed_period = api_for(bea).get("/billing/queue?start=2026-02-01&end=2026-01-01")
    assert reversed_period.json()["error"]["fields"] == {
        "end": ["The end must be on or after the start."]
    }
    coverage = api_for(ana).post(
        f"/persons/{maria.public_id}/coverages",
        {"payer_id": str(medi_cal.public_id), "member_id": "", "start_date": "2026-01-01"},
    )
    assert coverage.status_code == 400 and "member_id" in coverage.json()["error"]["fields"]
    visit = api_for(ana).post(
        f"/persons/{maria.public_id}/initiating-visits",
        {
            "visit_date": str(days_ago(3)),
            "code": "ABC",
            "practitioner_name": "Dr. K",
            "practitioner_npi": "1234567890",
        },
    )
    assert set(visit.json()["error"]["fields"]) == {"code", "practitioner_npi"}


def test_grant_report_formats(api_for, client_for, bea, covered, log_visit):
    funding = (
        api_for(bea)
        .post(
            "/billing/funding",
            {
                "name": "County grant",
                "funder": "County",
                "kind": "grant",
                "start_date": str(days_ago(100)),
                "end_date": str(days_ago(-100)),
                "amount": "5000",
                "hourly_rate": "50",
            },
        )
        .json()
    )
    log_visit(minutes=10)
    charged = api_for(bea).post(
        "/billing/grants/charge", {"start": str(days_ago(30)), "end": str(days_ago(0))}
    )
    assert charged.json() == {"charged": 1, "no_grant": 0}
    base = f"/billing/funding/{funding['id']}/report?start={days_ago(30)}&end={days_ago(0)}"
    report = api_for(bea).get(base).json()
    assert report["persons"] == 1 and report["amount"] == "8.33"
    assert client_for(bea).get(f"/api/v1{base}&format=xlsx").content[:2] == b"PK"
    assert b"County grant" in client_for(bea).get(f"/api/v1{base}&format=csv").content
    assert api_for(bea).get(f"{base}&format=pdf").status_code == 400
