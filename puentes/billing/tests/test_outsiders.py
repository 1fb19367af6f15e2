"""Billing records never leave the organization: omar (Elsewhere's administrator, a
billing-capable role) and Elsewhere's API key get 404 from every billing endpoint that
names the clinic's payer, person, batch, claim, coverage, encounter or grant, and list
none of them."""

import pytest

from conftest import actor_for
from puentes.billing import services
from puentes.billing.models import Claim, ClaimBatch, Coverage, FundingSource
from puentes.network.services import apikey_create

from .conftest import days_ago


@pytest.fixture
def records(bea, covered, medi_cal, log_visit, maria):
    encounter = log_visit()
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
            "end_date": days_ago(-90),
            "amount": "100",
            "hourly_rate": "10",
        },
    )
    return {
        "person": maria.public_id,
        "payer": medi_cal.public_id,
        "batch": batch.public_id,
        "claim": batch.claims.get().public_id,
        "coverage": Coverage.objects.get().public_id,
        "encounter": encounter.public_id,
        "funding": funding.public_id,
    }


API = [
    ("get", "/persons/{person}/coverages", None),
    (
        "post",
        "/persons/{person}/coverages",
        {"payer_id": "{payer}", "member_id": "X", "start_date": "2026-01-01"},
    ),
    ("post", "/billing/coverages/{coverage}/end", {"version": 1, "end_date": "2026-12-31"}),
    (
        "post",
        "/persons/{person}/initiating-visits",
        {
            "visit_date": "2026-01-02",
            "code": "99214",
            "practitioner_name": "X",
            "practitioner_npi": "1234567893",
        },
    ),
    ("get", "/billing/batches/{batch}", None),
    ("get", "/billing/batches/{batch}/claims", None),
    ("get", "/billing/batches/{batch}/837p", None),
    ("get", "/billing/batches/{batch}/csv", None),
    ("post", "/billing/batches/{batch}/status", {"version": 1, "status": "approved"}),
    (
        "post",
        "/billing/batches",
        {"payer_id": "{payer}", "start": "2026-01-01", "end": "2026-01-31"},
    ),
    ("get", "/billing/claims/{claim}", None),
    ("post", "/billing/claims/{claim}/void", {"version": 1, "reason": "x"}),
    ("post", "/billing/claims/{claim}/correct", {"version": 1, "reason": "x"}),
    ("get", "/encounters/{encounter}/billing", None),
    ("get", "/billing/funding/{funding}/report?start=2026-01-01&end=2026-01-31", None),
]


def _fill(value, records):
    if isinstance(value, dict):
        return {k: _fill(v, records) for k, v in value.items()}
    return value.format(**records) if isinstance(value, str) else value


@pytest.mark.parametrize(("method", "path", "body"), API)
def test_outsiders_get_404_from_every_billing_endpoint(
    api_for, api_with_key, omar, records, method, path, body
):
    _key, raw = apikey_create(actor=actor_for(omar), name="elsewhere", scope="read_write")
    before = (list(Claim.objects.values_list("status", "version")), ClaimBatch.objects.count())
    for api in (api_for(omar), api_with_key(raw)):
        args = [_fill(body, records)] if body is not None else []
        response = getattr(api, method)(path.format(**records), *args)
        assert response.status_code == 404, (path, response.status_code)
    assert (
        list(Claim.objects.values_list("status", "version")),
        ClaimBatch.objects.count(),
    ) == before


def test_outsiders_list_nothing(api_for, omar, records):
    api = api_for(omar)
    assert api.get("/billing/payers").json() == []
    assert api.get("/billing/batches").json() == []
    assert api.get("/billing/funding").json() == []
    queue = api.get(f"/billing/queue?start={days_ago(30)}&end={days_ago(0)}").json()
    assert queue == []
    assert FundingSource.objects.count() == 1
