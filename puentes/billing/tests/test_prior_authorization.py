"""Prior authorization: recorded on a person's coverage (page and API, bad input refused),
used by the engine past a limit, and sent on the claim as REF*G1 in an 837P pyx12 accepts.
Without one, a visit past Michigan's 2-hour daily limit bills the 2 hours."""

import datetime

import pytest

from conftest import actor_for
from puentes.billing import services
from puentes.billing.exports import batch_837p
from puentes.billing.models import PriorAuthorization
from puentes.billing.x12 import validate_with_pyx12
from puentes.core.errors import DomainError

from .conftest import FEES, days_ago

D = datetime.date


@pytest.fixture
def michigan(billing_clinic, bea, ana, maria, covered):
    payer = services.payer_create(
        actor=actor_for(bea),
        fields={
            "name": "Michigan Medicaid",
            "payer_identifier": "D00111",
            "filing_indicator": "MC",
            "rule_set_id": "michigan-chw",
        },
    )
    maria.coverages.update(end_date=days_ago(60))  # Medi-Cal ended; Michigan since
    coverage = services.coverage_add(
        actor=actor_for(ana),
        person_id=maria.public_id,
        fields={"payer_id": payer.public_id, "member_id": "0012345678", "start_date": days_ago(59)},
    )
    assert FEES["98960"]
    return payer, coverage


def authorize(ana, maria, coverage, **fields):
    return services.prior_authorization_record(
        actor=actor_for(ana),
        person_id=maria.public_id,
        fields={
            "coverage_id": str(coverage.public_id),
            "number": "PA2026-0042",
            "codes": "98960",
            "units": 20,
            "start_date": days_ago(30),
            "end_date": days_ago(-60),
            **fields,
        },
    )


def generated_lines(bea, payer):
    batch = services.batch_generate(
        actor=actor_for(bea), payer_id=payer.public_id, start=days_ago(20), end=days_ago(1)
    )
    return batch, [
        (line.code, line.units, line.prior_authorization)
        for claim in batch.claims.all()
        for line in claim.lines.all()
    ]


def test_without_authorization_the_daily_limit_bills_two_of_two_and_a_half_hours(
    bea, michigan, log_visit
):
    payer, _coverage = michigan
    log_visit(minutes=150)
    _batch, lines = generated_lines(bea, payer)
    assert lines == [("98960", 4, "")]


def test_with_authorization_the_whole_visit_bills_and_the_claim_says_ref_g1(
    bea, ana, maria, michigan, log_visit
):
    payer, coverage = michigan
    authorize(ana, maria, coverage)
    log_visit(minutes=150)
    batch, lines = generated_lines(bea, payer)
    assert lines == [("98960", 5, "PA2026-0042")]
    text = "".join(batch_837p(batch))
    assert "REF*G1*PA2026-0042~" in text
    accepted, ack = validate_with_pyx12(text)
    assert accepted, ack


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"end_date": days_ago(40)}, "end_date", "The end must be on or after the start."),
        ({"units": -3}, "units", "Enter a number greater than zero."),
        ({"units": "", "minutes": ""}, "units", "Say how many units or minutes"),
        ({"codes": "98960, HELLO"}, "codes", "Not a procedure code: HELLO."),
        ({"number": ""}, "number", "This field is required."),
        ({"number": "PA*42~"}, "number", "Use only letters, digits and hyphens"),
        ({"coverage_id": "00000000-0000-0000-0000-000000000000"}, "coverage_id", "Choose one"),
    ],
)
def test_bad_authorizations_are_refused_naming_the_field(
    ana, maria, michigan, fields, field, message
):
    _payer, coverage = michigan
    with pytest.raises(DomainError) as refused:
        authorize(ana, maria, coverage, **fields)
    assert message in " ".join(refused.value.fields[field])
    assert not PriorAuthorization.objects.exists()


def test_the_api_and_the_person_page(api_for, client_for, ana, maria, michigan):
    _payer, coverage = michigan
    api = api_for(ana)
    made = api.post(
        f"/persons/{maria.public_id}/prior-authorizations",
        {
            "coverage_id": str(coverage.public_id),
            "number": "PA-9",
            "codes": ["98960"],
            "minutes": 600,
            "start_date": str(days_ago(5)),
            "end_date": str(days_ago(-30)),
        },
    )
    assert made.status_code == 201 and made.json()["payer"] == "Michigan Medicaid"
    bad = api.post(
        f"/persons/{maria.public_id}/prior-authorizations",
        {
            "coverage_id": str(coverage.public_id),
            "number": "PA-10",
            "units": 0,
            "start_date": str(days_ago(5)),
            "end_date": str(days_ago(6)),
        },
    )
    assert bad.status_code == 400
    assert set(bad.json()["error"]["fields"]) == {"units", "end_date"}
    listed = api.get(f"/persons/{maria.public_id}/prior-authorizations").json()
    assert [a["number"] for a in listed] == ["PA-9"]
    client = client_for(ana)
    page = client.get(f"/people/{maria.public_id}/").content.decode()
    assert "PA-9" in page and "Record a prior authorization" in page
    form = client.get(f"/billing/people/{maria.public_id}/prior-authorizations/new/")
    assert form.status_code == 200 and "Minutes authorized" in form.content.decode()
    posted = client.post(
        f"/billing/people/{maria.public_id}/prior-authorizations/new/",
        {
            "coverage_id": str(coverage.public_id),
            "number": "PA-11",
            "codes": "98960 98961",
            "units": "8",
            "start_date": str(days_ago(1)),
            "end_date": str(days_ago(-10)),
            "status": "approved",
        },
    )
    assert posted.status_code == 302
    assert PriorAuthorization.objects.get(number="PA-11").codes == ["98960", "98961"]
