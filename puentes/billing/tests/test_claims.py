"""From encounters to claims and back: batches, the 837P (accepted by pyx12), approval,
submission, 835 posting, corrections, voids, and never billing a service twice."""

import datetime
from decimal import Decimal

import pytest

from conftest import actor_for
from puentes.billing import selectors, services
from puentes.billing.engine import Line, Outcome, Visit
from puentes.billing.exports import batch_837p, batch_csv
from puentes.billing.models import Claim, ClaimBatch, ClaimLine, Coverage, FundingSource
from puentes.billing.rulesets import rule_set_for
from puentes.billing.runs import CoverageFacts, Evaluated
from puentes.billing.x12 import validate_with_pyx12
from puentes.care import selectors as care_selectors
from puentes.care import services as care_services
from puentes.core.errors import DomainError
from puentes.core.models import AuditEvent
from puentes.screening import services as screening_services

from .conftest import days_ago


def generate(bea, medi_cal, start=40, end=1):
    return services.batch_generate(
        actor=actor_for(bea), payer_id=medi_cal.public_id, start=days_ago(start), end=days_ago(end)
    )


def test_the_queue_shows_ready_and_blocked_with_reasons(bea, covered, medi_cal, log_visit, maria):
    log_visit(minutes=45)
    log_visit(minutes=10, day=5)
    queues = selectors.work_queue(actor=actor_for(bea), start=days_ago(30), end=days_ago(0))
    [queue] = queues
    assert queue.payer == medi_cal
    assert [(r.outcome.lines[0].code, r.outcome.lines[0].units) for r in queue.ready] == [
        ("98960", 1)
    ]
    assert queue.ready_total == Decimal("50.00")
    assert queue.blocked[0].outcome.problems[0].reason.startswith("10 minutes is under the 16")


def test_a_batch_becomes_an_837p_that_pyx12_accepts(bea, covered, medi_cal, log_visit):
    first = log_visit(minutes=46)
    log_visit(
        minutes=30,
        day=3,
        is_group=True,
        group_size=3,
        participant_ids=[str(first.person.public_id)],
    )
    batch = generate(bea, medi_cal)
    claims = list(batch.claims.order_by("id"))
    assert len(claims) == 1  # María's two services of the batch, a line each
    assert [(ln.code, ln.units, ln.charge) for c in claims for ln in c.lines.all()] == [
        ("98960", 2, Decimal("100.00")),
        ("98961", 1, Decimal("30.00")),
    ]
    assert claims[0].total_charge == Decimal("130.00")
    assert claims[0].diagnoses == ["Z59.41"]
    assert care_selectors.encounter_billed(first)  # the encounter is locked now
    text = "".join(batch_837p(batch))
    accepted, ack = validate_with_pyx12(text)
    assert accepted, ack
    assert "IK5*A" in ack and "AK9*A*1*1*1" in ack
    assert "CLM*P" in text and "SV1*HC:98960*100*UN*2***1" in text and "NM1*DQ*1*KIM*ROSA" in text
    assert text.count("DTP*472*D8*") == 2
    rows = "".join(batch_csv(batch)).splitlines()
    assert rows[0].startswith("claim_number,frequency") and len(rows) == 3


def test_each_line_points_to_the_diagnoses_of_its_own_visit(
    bea, ana, maria, covered, medi_cal, log_visit
):
    housing = screening_services.need_record(
        actor=actor_for(ana), person_id=maria.public_id, category="housing-instability",
        z_code="Z59.811",
    )  # fmt: skip
    log_visit(day=12, need_ids=[str(covered.public_id)])
    log_visit(day=6, need_ids=[str(housing.public_id)], place_of_service="02")
    batch = generate(bea, medi_cal)
    claim = batch.claims.get()
    assert claim.diagnoses == ["Z59.41", "Z59.811"]
    assert [ln.diagnosis_pointers for ln in claim.lines.all()] == [[1], [2]]
    text = "".join(batch_837p(batch))
    assert "HI*ABK:Z5941*ABF:Z59811~" in text
    # The second visit was by telehealth: its line says so; its pointer is its own need.
    assert "SV1*HC:98960*50*UN*1***1~" in text and "SV1*HC:98960*50*UN*1*02**2~" in text
    accepted, ack = validate_with_pyx12(text)
    assert accepted, ack


def _row(person: int, lines: int = 1, diagnoses: tuple[str, ...] = ("Z59.41",), coverage=1):
    visit = Visit(
        key=(person, None), person=person, day=datetime.date(2025, 5, 1), minutes=30,
        participants=1, services=frozenset(), place_of_service="12", worker_type="chw",
        diagnoses=diagnoses,
    )  # fmt: skip
    outcome = Outcome(lines=[Line("98960", (), 1, "")] * lines, family="cpt")
    facts = CoverageFacts(coverage, 1, "M1", datetime.date(2025, 1, 1), None, True)
    rules = rule_set_for("medi-cal-chw", datetime.date(2025, 5, 1))
    return Evaluated(visit, person, facts, None, rules, outcome, [Decimal(50)] * lines)


def test_claims_are_split_at_the_837p_limits_and_by_person_and_coverage():
    rows = [_row(1, lines=20) for _ in range(3)]  # 60 lines: 40 + 20
    rows += [_row(2, diagnoses=(f"Z59.{n}",)) for n in range(14)]  # 14 diagnoses: 12 + 2
    rows += [_row(2, coverage=2), _row(3)]
    drafts = list(services.claim_drafts(rows))
    assert [(d.rows[0].visit.person, d.line_count, len(d.diagnoses)) for d in drafts] == [
        (1, 40, 1),
        (1, 20, 1),
        (2, 12, 12),
        (2, 2, 2),
        (2, 1, 1),
        (3, 1, 1),
    ]
    assert drafts[3].pointers == [[1], [2]]


def test_a_service_is_never_claimed_twice(bea, covered, medi_cal, log_visit):
    log_visit()
    generate(bea, medi_cal)
    with pytest.raises(DomainError) as nothing:
        generate(bea, medi_cal)
    assert nothing.value.message == "Nothing in this period is ready to bill to Medi-Cal."
    assert ClaimLine.objects.filter(is_current=True).count() == 1


def test_missing_billing_set_up_is_named_and_nothing_is_written(
    bea, covered, medi_cal, log_visit, clinic
):
    log_visit()
    clinic.npi = ""
    clinic.save(update_fields=["npi"])
    with pytest.raises(DomainError) as error:
        generate(bea, medi_cal)
    assert "the organization's NPI" in error.value.message
    assert not ClaimBatch.objects.exists() and not Claim.objects.exists()


def test_batch_lifecycle_and_approving_twice(bea, covered, medi_cal, log_visit):
    encounter = log_visit()
    batch = generate(bea, medi_cal)
    assert care_selectors.encounter_billed(encounter)
    actor = actor_for(bea)
    approved = services.batch_move(
        actor=actor, batch_id=batch.public_id, version=1, status="approved"
    )
    with pytest.raises(DomainError) as twice:
        services.batch_move(actor=actor, batch_id=batch.public_id, version=2, status="approved")
    assert twice.value.code == "conflict"
    with pytest.raises(DomainError) as stale:
        services.batch_move(actor=actor, batch_id=batch.public_id, version=1, status="submitted")
    assert stale.value.code == "conflict"
    submitted = services.batch_move(
        actor=actor, batch_id=batch.public_id, version=approved.version, status="submitted"
    )
    assert submitted.control_number == 1
    assert set(batch.claims.values_list("status", flat=True)) == {"submitted"}
    with pytest.raises(DomainError) as no_reason:
        services.batch_move(actor=actor, batch_id=batch.public_id, version=3, status="rejected")
    assert no_reason.value.fields == {"reason": ["Say why the batch was rejected."]}
    services.batch_move(
        actor=actor, batch_id=batch.public_id, version=3, status="rejected", reason="Bad ISA08"
    )
    assert not ClaimLine.objects.filter(is_current=True).exists()
    assert not care_selectors.encounter_billed(encounter)  # free to edit again
    again = generate(bea, medi_cal)  # a rejected batch's encounters can be billed again
    assert again.claims.count() == 1


def _submitted(bea, medi_cal):
    batch = generate(bea, medi_cal)
    actor = actor_for(bea)
    services.batch_move(actor=actor, batch_id=batch.public_id, version=1, status="approved")
    return services.batch_move(actor=actor, batch_id=batch.public_id, version=2, status="submitted")


def remittance_835(
    claim: Claim,
    status: str = "1",
    paid: str = "45",
    adjustment: str = "5",
    services_paid: list[tuple[ClaimLine, str, str]] | None = None,
) -> str:
    """An 835 paying the claim: by default its first line, with ``paid`` and one CO-45
    adjustment; or each (line, paid, adjustment) given, in the order given."""
    paid_lines = services_paid or [(claim.lines.all()[0], paid, adjustment)]
    body = [
        "ST*835*0001",
        f"BPR*I*{paid}*C*ACH*CCP*01*121000248*DA*123456*1234567890**01*121000248*DA*654321*20261120",
        "TRN*1*EFT12345*1234567890",
        "DTM*405*20261120",
        "N1*PR*MEDI-CAL",
        "N3*PO BOX 1",
        "N4*SACRAMENTO*CA*95814",
        "PER*BL*PROVIDER SERVICES*TE*8005413555",
        "N1*PE*VALLE CHC*XX*1234567893",
        "LX*1",
        f"CLP*{claim.claim_number}*{status}*{claim.total_charge:.2f}*{paid}**MC*PAYER99887",
        "NM1*QC*1*LOPEZ*MARIA****MI*91234567A",
    ]
    for line, line_paid, line_adjustment in paid_lines:
        body += [
            f"SVC*HC:{line.code}*{line.charge:.2f}*{line_paid}**{line.units}",
            f"DTM*472*{line.date_of_service:%Y%m%d}",
            f"CAS*CO*45*{line_adjustment}",
        ]
    segments = [
        "ISA*00*          *00*          *ZZ*610442         *ZZ*PUENTES01      "
        "*261122*1200*^*00501*000000777*0*P*:",
        "GS*HP*610442*PUENTES01*20261122*1200*777*X*005010X221A1",
        *body,
        f"SE*{len(body) + 1}*0001",
        "GE*1*777",
        "IEA*1*000000777",
    ]
    return "~\n".join(segments) + "~\n"


def test_posting_an_835(bea, covered, medi_cal, log_visit):
    log_visit()
    batch = _submitted(bea, medi_cal)
    claim = batch.claims.get()
    remittance = services.remittance_import(
        actor=actor_for(bea), file_name="era.835", content=remittance_835(claim).encode()
    )
    claim.refresh_from_db()
    line = claim.lines.get()
    assert remittance.trace_number == "EFT12345" and remittance.total_paid == Decimal("45")
    assert claim.status == "paid" and claim.paid_amount == Decimal("45")
    assert claim.payer_claim_number == "PAYER99887"
    assert line.paid_amount == Decimal("45") and line.adjustments == [
        {"group": "CO", "reason": "45", "amount": "5"}
    ]


def test_an_835_pays_each_line_by_code_and_date_whatever_its_order(
    bea, covered, medi_cal, log_visit
):
    log_visit(day=12)
    log_visit(day=6)
    claim = _submitted(bea, medi_cal).claims.get()
    early, late = claim.lines.all()
    text = remittance_835(claim, paid="40", services_paid=[(late, "15", "35"), (early, "25", "25")])
    services.remittance_import(actor=actor_for(bea), file_name="era", content=text.encode())
    early.refresh_from_db()
    late.refresh_from_db()
    assert (early.paid_amount, late.paid_amount) == (Decimal("25"), Decimal("15"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello", "does not start with an ISA"),
        (b"ISA*00*broken", "not a readable 835"),
        ("ISA*00*caf\u00e9".encode(), "plain ASCII"),
    ],
)
def test_malformed_835_files_are_refused_whole(bea, covered, medi_cal, log_visit, content, message):
    log_visit()
    _submitted(bea, medi_cal)
    with pytest.raises(DomainError) as error:
        services.remittance_import(actor=actor_for(bea), file_name="x.835", content=content)
    assert message in " ".join(error.value.fields["file"])
    assert Claim.objects.get().status == "submitted"


def test_an_835_naming_someone_elses_claim_posts_nothing(bea, covered, medi_cal, log_visit):
    log_visit()
    claim = _submitted(bea, medi_cal).claims.get()
    text = remittance_835(claim).replace(claim.claim_number, "P999-1")
    with pytest.raises(DomainError) as error:
        services.remittance_import(actor=actor_for(bea), file_name="x.835", content=text.encode())
    assert "P999-1" in error.value.fields["file"][0]
    claim.refresh_from_db()
    assert claim.status == "submitted"


def test_correcting_an_amended_encounter_and_voiding(bea, ana, covered, medi_cal, log_visit):
    encounter = log_visit(minutes=46)
    claim = _submitted(bea, medi_cal).claims.get()
    services.remittance_import(
        actor=actor_for(bea), file_name="era", content=remittance_835(claim).encode()
    )
    care_services.encounter_amend(
        actor=actor_for(ana),
        encounter_id=encounter.public_id,
        reason="Was 30 minutes",
        fields={"duration_minutes": 30},
    )
    claim.refresh_from_db()
    corrected = services.claim_correct(
        actor=actor_for(bea),
        claim_id=claim.public_id,
        version=claim.version,
        reason="Time corrected",
    )
    claim.refresh_from_db()
    assert claim.status == "replaced" and corrected.frequency == "7" and corrected.replaces == claim
    assert [(ln.code, ln.units) for ln in corrected.lines.all()] == [("98960", 1)]
    text = "".join(batch_837p(corrected.batch))
    assert "CLM*" + corrected.claim_number + "*50***12:B:7" in text and "REF*F8*PAYER99887" in text
    assert validate_with_pyx12(text)[0]
    for status in ("approved", "submitted"):
        batch = ClaimBatch.objects.get(pk=corrected.batch_id)
        services.batch_move(
            actor=actor_for(bea), batch_id=batch.public_id, version=batch.version, status=status
        )
    corrected.refresh_from_db()
    void = services.claim_void(
        actor=actor_for(bea),
        claim_id=corrected.public_id,
        version=corrected.version,
        reason="Duplicate",
    )
    assert void.frequency == "8" and validate_with_pyx12("".join(batch_837p(void.batch)))[0]
    assert not ClaimLine.objects.filter(is_current=True).exists()
    with pytest.raises(DomainError):
        services.claim_void(
            actor=actor_for(bea), claim_id=claim.public_id, version=claim.version, reason="x"
        )


def test_coverage_and_set_up_refusals(bea, ana, maria, medi_cal):
    with pytest.raises(DomainError) as bad:
        services.coverage_add(
            actor=actor_for(ana),
            person_id=maria.public_id,
            fields={
                "payer_id": medi_cal.public_id,
                "member_id": "",
                "start_date": days_ago(1),
                "end_date": days_ago(5),
            },
        )
    assert set(bad.value.fields) == {"member_id", "end_date"}
    with pytest.raises(DomainError) as payer:
        services.payer_create(
            actor=actor_for(bea),
            fields={
                "name": "X",
                "payer_identifier": "1",
                "filing_indicator": "QQ",
                "rule_set_id": "nope",
            },
        )
    assert set(payer.value.fields) == {"filing_indicator", "rule_set_id"}
    with pytest.raises(DomainError) as forbidden:
        services.payer_create(actor=actor_for(ana), fields={})
    assert forbidden.value.code == "forbidden"
    with pytest.raises(DomainError) as fee:
        services.fee_set(actor=actor_for(bea), code="12345", charge="-3")
    assert set(fee.value.fields) == {"code", "charge"}


def test_not_billable_and_denied_work_is_charged_to_a_grant(bea, ana, covered, medi_cal, log_visit):
    from puentes.billing.models import GrantCharge

    funding = services.funding_source_create(
        actor=actor_for(bea),
        fields={
            "name": "County CHW grant",
            "funder": "Sacramento County",
            "kind": "grant",
            "start_date": days_ago(365),
            "end_date": days_ago(-365),
            "amount": "1000",
            "hourly_rate": "60",
            "services": ["health_education", "navigation"],
        },
    )
    log_visit(minutes=10, day=8)  # too short for a unit: no payer pays
    log_visit(minutes=45, day=6, services=["care_coordination"])  # not a covered service
    result = services.grants_charge(actor=actor_for(bea), start=days_ago(30), end=days_ago(0))
    assert result == {"charged": 1, "no_grant": 1}  # care coordination is not in the grant
    charge = GrantCharge.objects.get()
    assert charge.amount == Decimal("10.00") and "10 minutes is under" in charge.reason
    report = selectors.grant_report(
        actor=actor_for(bea), funding=funding, start=days_ago(30), end=days_ago(0)
    )
    assert (report["persons"], report["encounters"], report["amount"]) == (1, 1, Decimal("10.00"))
    assert report["hours"] == Decimal("0.17")
    from puentes.billing.exports import grant_report_csv, grant_report_xlsx

    assert "County CHW grant" in grant_report_csv(report)
    assert grant_report_xlsx(report)[:2] == b"PK"


def test_grants_pay_their_programs_denied_work_and_no_more_than_they_hold(
    bea, ana, sam, maria, covered, medi_cal, log_visit
):
    from puentes.billing.models import GrantCharge

    asthma = care_services.program_create(
        actor=actor_for(sam), fields={"name": "Asthma", "kind": "asthma", "follow_up_days": 14}
    )
    enrolled = care_services.enrollment_create(
        actor=actor_for(ana), person_id=maria.public_id, fields={"program_id": asthma.public_id}
    )
    funding = services.funding_source_create(
        actor=actor_for(bea),
        fields={
            "name": "Asthma grant",
            "funder": "County",
            "kind": "grant",
            "start_date": days_ago(365),
            "end_date": days_ago(-365),
            "amount": "40",
            "hourly_rate": "60",
            "program_ids": [str(asthma.public_id)],
        },
    )
    assert set(funding.programs.all()) == {asthma}
    denied = log_visit(minutes=16, day=20, enrollment_id=str(enrolled.public_id))
    claim = _submitted(bea, medi_cal).claims.get()
    services.remittance_import(
        actor=actor_for(bea),
        file_name="era",
        content=remittance_835(claim, status="4", paid="0", adjustment="50").encode(),
    )
    log_visit(minutes=10, day=8, enrollment_id=str(enrolled.public_id))  # $10
    log_visit(minutes=10, day=7)  # not in the program: the grant does not pay for it
    log_visit(minutes=15, day=6, enrollment_id=str(enrolled.public_id))  # $15: $25 used
    charge = services.grants_charge  # the denied visit ($16) would pass the $40
    assert charge(actor=actor_for(bea), start=days_ago(30), end=days_ago(0)) == {
        "charged": 2,
        "no_grant": 2,
    }
    assert not GrantCharge.objects.filter(encounter=denied).exists()
    FundingSource.objects.filter(pk=funding.pk).update(amount=Decimal("100"))
    assert charge(actor=actor_for(bea), start=days_ago(30), end=days_ago(0)) == {
        "charged": 1,
        "no_grant": 1,
    }
    paid_by_grant = GrantCharge.objects.get(encounter=denied)
    assert paid_by_grant.reason == "Denied by the payer"
    assert paid_by_grant.amount == Decimal("16.00")


def test_a_group_participants_denied_work_is_charged_though_another_was_already(
    bea, ana, maria, make_person, covered, medi_cal, log_visit
):
    """Grant charges are a person's: Rosa's unpaid share of a group session (she has no
    coverage) is charged first; when María's claim for the same session is denied later,
    her share is charged too."""
    from puentes.billing.models import GrantCharge

    services.funding_source_create(
        actor=actor_for(bea),
        fields={
            "name": "County CHW grant",
            "funder": "County",
            "kind": "grant",
            "start_date": days_ago(365),
            "end_date": days_ago(-365),
            "amount": "1000",
            "hourly_rate": "60",
        },
    )
    rosa = make_person(ana, given_name="Rosa", family_name="Díaz")
    session = log_visit(
        minutes=45,
        is_group=True,
        person_id=None,
        participant_ids=[str(maria.public_id), str(rosa.public_id)],
        group_size=2,
    )
    charge = services.grants_charge
    assert charge(actor=actor_for(bea), start=days_ago(30), end=days_ago(0)) == {
        "charged": 1,
        "no_grant": 0,
    }
    assert GrantCharge.objects.get().person == rosa
    claim = _submitted(bea, medi_cal).claims.get()
    assert claim.person == maria and claim.lines.get().code == "98961"
    services.remittance_import(
        actor=actor_for(bea),
        file_name="era",
        content=remittance_835(claim, status="4", paid="0", adjustment="50").encode(),
    )
    assert charge(actor=actor_for(bea), start=days_ago(30), end=days_ago(0)) == {
        "charged": 1,
        "no_grant": 0,
    }
    assert {(c.person, c.encounter) for c in GrantCharge.objects.all()} == {
        (rosa, session),
        (maria, session),
    }
    assert GrantCharge.objects.get(person=maria).reason == "Denied by the payer"
    assert charge(actor=actor_for(bea), start=days_ago(30), end=days_ago(0)) == {
        "charged": 0,
        "no_grant": 0,
    }


def test_connecticut_work_routes_to_a_grant(bea, ana, maria, billing_clinic, log_visit):
    husky = services.payer_create(
        actor=actor_for(bea),
        fields={
            "name": "HUSKY Health",
            "payer_identifier": "CTMCD",
            "filing_indicator": "MC",
            "rule_set_id": "connecticut-husky-chw",
        },
    )
    services.coverage_add(
        actor=actor_for(ana),
        person_id=maria.public_id,
        fields={"payer_id": husky.public_id, "member_id": "CT1", "start_date": days_ago(100)},
    )
    log_visit()
    [queue] = selectors.work_queue(actor=actor_for(bea), start=days_ago(30), end=days_ago(0))
    assert queue.payer == husky and not queue.ready
    assert (
        "HUSKY Health does not pay for CHW services yet"
        in queue.blocked[0].outcome.problems[0].reason
    )
    services.funding_source_create(
        actor=actor_for(bea),
        fields={
            "name": "CT grant",
            "funder": "State",
            "kind": "grant",
            "start_date": days_ago(365),
            "end_date": days_ago(-30),
            "amount": "500",
            "hourly_rate": "40",
        },
    )
    assert services.grants_charge(actor=actor_for(bea), start=days_ago(30), end=days_ago(0)) == {
        "charged": 1,
        "no_grant": 0,
    }


def test_the_chw_sees_what_became_of_her_encounter(ana, bea, covered, medi_cal, log_visit):
    encounter = log_visit(minutes=10)
    [status] = selectors.encounter_billing(actor=actor_for(ana), encounter=encounter)
    assert status["state"] == "blocked"
    assert (
        status["row"].outcome.problems[0].fix
        == "Only time spent with the person counts; check the minutes."
    )
    good = log_visit(minutes=45, day=2)
    generate(bea, medi_cal)
    [claimed] = selectors.encounter_billing(actor=actor_for(ana), encounter=good)
    assert claimed["state"] == "claimed" and claimed["claim"].status == "generated"
    assert datetime.date.today()  # keep datetime used


def test_an_fqhc_bills_medi_cal_chw_through_managed_care_only(bea, covered, medi_cal, log_visit):
    services.billing_profile_set(actor=actor_for(bea), fields={"fqhc_or_rhc": True})
    log_visit()
    [queue] = selectors.work_queue(actor=actor_for(bea), start=days_ago(30), end=days_ago(0))
    assert not queue.ready
    assert (
        queue.blocked[0]
        .outcome.problems[0]
        .reason.startswith(
            "An FQHC or RHC cannot be the supervising provider on fee-for-service claims"
        )
    )
    plan = services.payer_create(
        actor=actor_for(bea),
        fields={
            "name": "Medi-Cal managed care",
            "payer_identifier": "MCP01",
            "filing_indicator": "MC",
            "rule_set_id": "medi-cal-chw",
            "managed_care": True,
        },
    )
    Coverage.objects.update(payer=plan)
    [queue] = selectors.work_queue(actor=actor_for(bea), start=days_ago(30), end=days_ago(0))
    assert queue.payer == plan and len(queue.ready) == 1


def test_a_queued_batch_is_generated_by_its_task_once(
    bea, covered, medi_cal, log_visit, django_capture_on_commit_callbacks
):
    log_visit()
    with django_capture_on_commit_callbacks(execute=True):
        queued = services.batch_request(
            actor=actor_for(bea), payer_id=medi_cal.public_id, start=days_ago(40), end=days_ago(1)
        )
    queued.refresh_from_db()
    assert queued.status == "generated" and queued.claims.count() == 1
    again = services.batch_generate_run(queued.pk)  # a retried task changes nothing
    assert again.status == "generated" and Claim.objects.count() == 1


def test_a_batch_with_nothing_to_bill_ends_saying_why_in_its_creators_language(
    bea, covered, medi_cal, django_capture_on_commit_callbacks
):
    bea.user.language = "es"
    bea.user.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        queued = services.batch_request(
            actor=actor_for(bea), payer_id=medi_cal.public_id, start=days_ago(40), end=days_ago(1)
        )
    queued.refresh_from_db()
    assert queued.status == "failed" and not queued.claims.exists()
    assert queued.status_reason == "Nada de este período está listo para facturar a Medi-Cal."


def test_a_batch_request_is_checked_before_it_is_queued(
    bea, covered, medi_cal, clinic, django_capture_on_commit_callbacks
):
    clinic.npi = ""
    clinic.save(update_fields=["npi"])
    with django_capture_on_commit_callbacks() as queued, pytest.raises(DomainError) as error:
        services.batch_request(
            actor=actor_for(bea), payer_id=medi_cal.public_id, start=days_ago(1), end=days_ago(9)
        )
    assert error.value.fields["end"] and not queued and not ClaimBatch.objects.exists()


def test_a_batch_whose_generation_breaks_is_not_left_queued(
    bea, covered, medi_cal, log_visit, django_capture_on_commit_callbacks, monkeypatch
):
    log_visit()
    with django_capture_on_commit_callbacks() as queued:
        batch = services.batch_request(
            actor=actor_for(bea), payer_id=medi_cal.public_id, start=days_ago(40), end=days_ago(1)
        )

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.batches, "_fill", broken)
    with pytest.raises(RuntimeError):
        services.batch_generate_run(batch.pk)  # the task fails, and the worker logs why
    batch.refresh_from_db()
    assert batch.status == "failed" and "Start it again" in batch.status_reason
    monkeypatch.undo()
    again = services.batch_request(  # the payer is not held by a stuck batch
        actor=actor_for(bea), payer_id=medi_cal.public_id, start=days_ago(40), end=days_ago(1)
    )
    assert again.status == "queued" and len(queued) == 1


def test_downloading_a_batchs_file_is_audited(bea, covered, medi_cal, log_visit, api_for):
    log_visit()
    batch = services.batch_generate(
        actor=actor_for(bea), payer_id=medi_cal.public_id, start=days_ago(40), end=days_ago(1)
    )
    assert api_for(bea).get(f"/billing/batches/{batch.public_id}/837p").status_code == 200
    event = AuditEvent.objects.get(action="batch.export")
    assert event.user == bea.user and event.object_id == batch.public_id
    assert event.detail == {"kind": "837p"}
