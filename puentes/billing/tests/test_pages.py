"""The billing pages, as billing staff and CHWs use them; and who may not."""

from django.core.files.uploadedfile import SimpleUploadedFile

from puentes.billing.models import Claim, ClaimBatch, Coverage, FeeScheduleEntry, Payer

from .conftest import days_ago
from .test_claims import remittance_835


def period(start=30, end=1):
    return f"start={days_ago(start)}&end={days_ago(end)}"


def test_queue_generate_approve_submit_and_download(
    client_for, bea, covered, medi_cal, log_visit, django_capture_on_commit_callbacks
):
    log_visit(minutes=45)
    log_visit(minutes=10, day=4)
    client = client_for(bea)
    page = client.get(f"/billing/?{period()}").content.decode()
    assert "1 encounter ready to bill" in page and "10 minutes is under the 16" in page
    assert "To fix" in page
    with django_capture_on_commit_callbacks(execute=True):
        queued = client.post(
            "/billing/batches/generate/",
            {"payer": str(medi_cal.public_id), "start": str(days_ago(30)), "end": str(days_ago(1))},
        )
        waiting = client.get(queued["Location"]).content.decode()
    assert "Being generated" in waiting and 'hx-trigger="every 2s"' in waiting
    assert "Download the 837P" not in waiting
    done = client.get(queued["Location"]).content.decode()  # the task has run
    assert "Generated" in done and "1 claim" in done and "hx-trigger" not in done
    batch = ClaimBatch.objects.get()
    for version, status in ((2, "approved"), (3, "submitted")):
        client.post(
            f"/billing/batches/{batch.public_id}/status/", {"version": version, "status": status}
        )
    again = client.post(
        f"/billing/batches/{batch.public_id}/status/",
        {"version": 4, "status": "approved"},
        follow=True,
    )
    assert "cannot become Approved" in again.content.decode()
    file = client.get(f"/billing/batches/{batch.public_id}/file/837p/")
    assert b"ST*837" in b"".join(file.streaming_content)


def test_claim_page_remittance_and_correction(client_for, bea, covered, medi_cal, log_visit):
    from conftest import actor_for
    from puentes.billing import services

    log_visit()
    batch = services.batch_generate(
        actor=actor_for(bea), payer_id=medi_cal.public_id, start=days_ago(30), end=days_ago(1)
    )
    services.batch_move(
        actor=actor_for(bea), batch_id=batch.public_id, version=1, status="approved"
    )
    services.batch_move(
        actor=actor_for(bea), batch_id=batch.public_id, version=2, status="submitted"
    )
    claim = Claim.objects.get()
    client = client_for(bea)
    bad = client.post("/billing/remittances/", {"file": SimpleUploadedFile("x.835", b"nonsense")})
    assert "does not start with an ISA segment" in bad.content.decode()
    posted = client.post(
        "/billing/remittances/",
        {
            "file": SimpleUploadedFile(
                "era.835", remittance_835(claim, status="4", paid="0").encode()
            )
        },
        follow=True,
    )
    assert "Remittance posted." in posted.content.decode()
    claim.refresh_from_db()
    assert claim.status == "denied"
    page = client.get(f"/billing/claims/{claim.public_id}/").content.decode()
    assert "Send a corrected claim" in page and "CO-45" in page
    voided = client.post(
        f"/billing/claims/{claim.public_id}/void/",
        {"version": claim.version, "reason": "Wrong person"},
        follow=True,
    )
    assert "Void created." in voided.content.decode()


def test_set_up_pages(client_for, bea, billing_clinic):
    client = client_for(bea)
    page = client.get("/billing/setup/").content.decode()
    assert "4 units a day (unconfirmed, off)" in page and "HUSKY" in page
    client.post(
        "/billing/setup/",
        {
            "form": "payer",
            "name": "Medicare",
            "payer_identifier": "MCR",
            "filing_indicator": "MB",
            "rule_set_id": "medicare-chi-pin",
        },
    )
    assert Payer.objects.get().rule_set_id == "medicare-chi-pin"
    refused = client.post("/billing/setup/", {"form": "fee", "code": "XXXXX", "charge": "10"})
    assert "Choose a code one of the rule sets uses." in refused.content.decode()
    client.post("/billing/setup/", {"form": "fee", "code": "g0019", "charge": "80"})
    assert FeeScheduleEntry.objects.filter(code="G0019").exists()
    zip_error = client.post(
        "/billing/setup/", {"form": "profile", "postal_code_9": "958"}
    ).content.decode()
    assert "9-digit ZIP+4" in zip_error


def test_coverage_from_the_person_page_and_the_encounter_status(
    client_for, ana, maria, medi_cal, log_visit
):
    client = client_for(ana)
    person = client.get(f"/people/{maria.public_id}/").content.decode()
    assert "No coverage recorded" in person and "Record coverage" in person
    client.post(
        f"/billing/people/{maria.public_id}/coverage/new/",
        {
            "payer_id": str(medi_cal.public_id),
            "member_id": "91234567A",
            "start_date": str(days_ago(90)),
            "priority": "primary",
        },
    )
    assert Coverage.objects.get().member_id == "91234567A"
    encounter = log_visit()
    status = client.get(f"/care/encounters/{encounter.public_id}/").content.decode()
    assert "Not billable yet" in status and "No written recommendation" in status


def test_billing_pages_are_for_billing_roles(client_for, ana):
    for url in (
        "/billing/",
        "/billing/batches/",
        "/billing/remittances/",
        "/billing/funding/",
        "/billing/setup/",
    ):
        assert client_for(ana).get(url).status_code == 403, url


def test_outsiders_get_404_from_billing_record_pages(
    client_for, omar, bea, covered, medi_cal, log_visit, maria
):
    from conftest import actor_for
    from puentes.billing import services

    log_visit()
    batch = services.batch_generate(
        actor=actor_for(bea), payer_id=medi_cal.public_id, start=days_ago(30), end=days_ago(1)
    )
    funding = services.funding_source_create(
        actor=actor_for(bea),
        fields={
            "name": "G",
            "funder": "F",
            "kind": "grant",
            "start_date": days_ago(90),
            "end_date": days_ago(-9),
            "amount": "10",
            "hourly_rate": "1",
        },
    )
    claim = batch.claims.get()
    client = client_for(omar)
    for url in (
        f"/billing/batches/{batch.public_id}/",
        f"/billing/batches/{batch.public_id}/file/837p/",
        f"/billing/claims/{claim.public_id}/",
        f"/billing/funding/{funding.public_id}/",
        f"/billing/people/{maria.public_id}/coverage/new/",
        f"/billing/people/{maria.public_id}/initiating-visits/new/",
    ):
        assert client.get(url).status_code == 404, url
    for url, data in (
        (f"/billing/batches/{batch.public_id}/status/", {"version": 1, "status": "approved"}),
        (f"/billing/claims/{claim.public_id}/void/", {"version": 1, "reason": "x"}),
        (
            "/billing/batches/generate/",
            {"payer": str(medi_cal.public_id), "start": str(days_ago(9)), "end": str(days_ago(1))},
        ),
    ):
        assert client.post(url, data).status_code == 404, url
    batch.refresh_from_db()
    assert (
        batch.status == "generated"
        and "María" not in client.get("/billing/batches/").content.decode()
    )


def test_a_queued_batch_shows_how_far_its_worker_is(
    client_for, bea, covered, medi_cal, log_visit, django_capture_on_commit_callbacks, monkeypatch
):
    from conftest import actor_for
    from puentes.billing import selectors, services
    from puentes.core.progress import Progress, progress_of

    log_visit()
    with django_capture_on_commit_callbacks() as queued:
        batch = services.batch_request(
            actor=actor_for(bea), payer_id=medi_cal.public_id, start=days_ago(30), end=days_ago(1)
        )
    key = selectors.batch_progress_key(batch)
    Progress(key)("people", 1, 3)  # as the worker writes it
    page = client_for(bea).get(f"/billing/batches/{batch.public_id}/").content.decode()
    assert "1 of 3 people checked" in page and '<progress max="3" value="1">' in page
    heard: list[tuple[str, int, int]] = []
    real = Progress.__call__

    def listen(self, phase, done, total):
        heard.append((phase, done, total))
        real(self, phase, done, total)

    monkeypatch.setattr(Progress, "__call__", listen)
    for run_task in queued:
        run_task()
    assert heard == [("people", 1, 1)] and progress_of(key) is None  # cleared when done
    done = client_for(bea).get(f"/billing/batches/{batch.public_id}/").content.decode()
    assert "people checked" not in done and "1 claim" in done


def test_the_queue_pages_person_by_person_through_the_whole_period(
    client_for, bea, ana, covered, medi_cal, log_visit, make_person, monkeypatch
):
    import re

    from puentes.billing import views

    monkeypatch.setattr(views, "QUEUE_PAGE", 1)
    log_visit(minutes=45)
    log_visit(minutes=50, day=4)  # the same person: never split across pages
    others = [make_person(ana, given_name=f"Other{n}") for n in range(2)]
    for other in others:
        log_visit(minutes=30, person_id=str(other.public_id))
    client = client_for(bea)
    seen, after, pages = [], "", 0
    while pages < 10:
        page = client.get(f"/billing/?{period()}{after}").content.decode()
        pages += 1
        seen += re.findall(r"/care/encounters/([0-9a-f-]{36})/", page)
        found = re.search(r'after=([0-9a-f-]{36})">Next people', page)
        if not found:
            break
        after = f"&after={found.group(1)}"
    assert pages == 3  # the first person's two visits, then one page for each other person
    assert len(seen) == len(set(seen)) == 4
    assert "Back to the first people" in page and "1 encounter on this page" in page


def test_the_queue_refuses_a_page_after_someone_elses_person(
    client_for, bea, covered, omar, make_person
):
    stranger = make_person(omar).public_id
    assert client_for(bea).get(f"/billing/?{period()}&after={stranger}").status_code == 404
    assert client_for(bea).get(f"/billing/?{period()}&after=not-an-id").status_code == 404


def test_the_queue_reads_people_a_page_at_a_time_and_finds_the_same_rows(
    bea, ana, covered, medi_cal, log_visit, make_person
):
    """The queue reads a page's worth of people at a time, a batch a thousand: how many at
    a time never changes a row (limits count a person's earlier visits, and a person is
    never split across two reads)."""
    from conftest import actor_for
    from puentes.billing.runs import evaluate_period
    from puentes.care import services as care_services

    log_visit(minutes=45, day=12)
    log_visit(minutes=10, day=6)
    log_visit(minutes=30, day=4)
    for name in ("Uno", "Dos"):
        other = make_person(ana, given_name=name, family_name="Sin Seguro")
        care_services.encounter_log(
            actor=actor_for(ana),
            fields={"person_id": str(other.public_id), "occurred_on": days_ago(5),
                    "duration_minutes": 40, "modality": "in_person", "place_of_service": "12",
                    "services": ["health_education"]},
        )  # fmt: skip

    def rows(chunk_size):
        return [
            (row.encounter_pk, row.visit.person, row.outcome.billable, row.charges)
            for row in evaluate_period(
                bea.organization, days_ago(30), days_ago(1), chunk_size=chunk_size
            )
        ]

    everyone_at_once = rows(1000)
    assert len(everyone_at_once) == 5
    assert rows(1) == everyone_at_once


def test_a_queue_page_costs_the_same_queries_as_the_period_fills(
    client_for, bea, ana, covered, medi_cal, log_visit, make_person
):
    """The queue reads a page's people and their facts a kind at a time: more people in the
    period (on the page or after it) add no query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client_for(bea).get(f"/billing/?{period()}").status_code == 200
        return len(captured)

    def grow(count: int) -> None:
        for _ in range(count):
            person = make_person(ana)
            log_visit(minutes=30, person_id=str(person.public_id))
            log_visit(minutes=20, day=3, person_id=str(person.public_id))

    log_visit(minutes=45)
    grow(2)
    small = queries()
    grow(8)
    assert queries() == small


def test_the_queue_page_and_api_record_the_people_they_show(
    client_for, api_for, bea, maria, covered, medi_cal, log_visit
):
    from puentes.core.models import AuditEvent

    log_visit(minutes=45)
    reads = AuditEvent.objects.filter(user=bea.user, action__in=["person.read", "people.read"])
    assert client_for(bea).get(f"/billing/?{period()}").status_code == 200
    event = reads.get()
    assert event.subject_person_id == maria.public_id and event.detail["where"] == "/billing/"
    response = api_for(bea).get(f"/billing/queue?start={days_ago(30)}&end={days_ago(1)}")
    assert response.status_code == 200
    assert reads.filter(subject_person_id=maria.public_id).count() == 2
