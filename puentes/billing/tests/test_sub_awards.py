"""Pass-through funding: an intermediary awards part of a grant to a member health center;
the member's grant charges roll up to the intermediary as sums by month, never a person."""

import datetime
from decimal import Decimal

from conftest import actor_for
from puentes.billing import selectors, services
from puentes.billing.models import GrantCharge, SubAward
from puentes.workforce.services import affiliation_create

from .conftest import days_ago


def _pass_through(omar, amount="50000"):
    return services.funding_source_create(
        actor=actor_for(omar),
        fields={"name": "HRSA CHW pass-through", "funder": "HRSA", "kind": "pass_through",
                "start_date": days_ago(200), "end_date": days_ago(-200), "amount": amount,
                "hourly_rate": "40"},
    )  # fmt: skip


def test_a_members_charges_roll_up_to_the_intermediary_as_sums(
    api_for, client_for, omar, bea, ana, clinic, elsewhere, covered, log_visit
):
    affiliation_create(intermediary=elsewhere, member=clinic, since=datetime.date(2025, 1, 1))
    grant = _pass_through(omar)
    award = api_for(omar).post(f"/billing/funding/{grant.public_id}/sub-awards", {
        "member_id": str(clinic.public_id), "amount": "20000", "start_date": str(days_ago(100)),
        "end_date": str(days_ago(-100)), "purpose": "Two CHW positions",
    })  # fmt: skip
    assert award.status_code == 201, award.json()
    received = api_for(bea).get("/billing/sub-awards").json()
    assert [a["id"] for a in received] == [award.json()["id"]]
    funding = api_for(bea).post("/billing/funding", {
        "name": "CHW positions (via the association)", "funder": "Elsewhere Health Partners",
        "kind": "pass_through", "start_date": str(days_ago(100)), "end_date": str(days_ago(-100)),
        "amount": "20000", "hourly_rate": "40", "sub_award_id": award.json()["id"],
    })  # fmt: skip
    assert funding.status_code == 201, funding.json()
    ana.certifications.all().delete()  # Medi-Cal will not pay her visit: a grant does
    log_visit(minutes=45)
    services.grants_charge(actor=actor_for(bea), start=days_ago(30), end=days_ago(0))
    assert GrantCharge.objects.count() == 1
    report = api_for(omar).get(f"/billing/funding/{grant.public_id}/sub-awards")
    [row] = report.json()
    assert Decimal(row["spent"]) == Decimal("30.00") and Decimal(row["remaining"]) == Decimal(
        "19970.00"
    )
    assert list(row["by_month"]) == [days_ago(10).strftime("%Y-%m")]
    assert "María" not in report.content.decode() and "López" not in report.content.decode()
    page = client_for(omar).get(f"/billing/funding/{grant.public_id}/").content.decode()
    assert "Sub-awards to member organizations" in page and clinic.name in page
    assert "María" not in page


def test_sub_awards_stay_within_the_grant_and_go_to_members_only(
    api_for, omar, clinic, elsewhere, pantry
):
    affiliation_create(intermediary=elsewhere, member=clinic, since=datetime.date(2025, 1, 1))
    grant = _pass_through(omar, amount="1000")
    api = api_for(omar)
    url = f"/billing/funding/{grant.public_id}/sub-awards"
    body = {"member_id": str(clinic.public_id), "amount": "1200",
            "start_date": str(days_ago(10)), "end_date": str(days_ago(-10))}  # fmt: skip
    too_much = api.post(url, body)
    assert too_much.status_code == 400 and "amount" in too_much.json()["error"]["fields"]
    late = api.post(url, {**body, "amount": "100", "end_date": str(days_ago(-400))})
    assert late.status_code == 400 and "end_date" in late.json()["error"]["fields"]
    stranger = api.post(url, {**body, "amount": "100", "member_id": str(pantry.public_id)})
    assert stranger.status_code == 404
    assert not SubAward.objects.exists()


def test_a_member_cannot_draw_on_another_organizations_sub_award(
    api_for, omar, bea, alma, clinic, elsewhere, pantry
):
    affiliation_create(intermediary=elsewhere, member=pantry, since=datetime.date(2025, 1, 1))
    grant = _pass_through(omar)
    award = services.sub_award_create(
        actor=actor_for(omar), funding_id=grant.public_id,
        fields={"member_id": str(pantry.public_id), "amount": "500",
                "start_date": days_ago(10), "end_date": days_ago(-10)},
    )  # fmt: skip
    response = api_for(bea).post("/billing/funding", {
        "name": "X", "funder": "Y", "kind": "grant", "start_date": str(days_ago(10)),
        "end_date": str(days_ago(-10)), "amount": "100", "hourly_rate": "40",
        "sub_award_id": str(award.public_id),
    })  # fmt: skip
    assert response.status_code == 400 and "sub_award_id" in response.json()["error"]["fields"]
    assert api_for(bea).get("/billing/sub-awards").json() == []
    assert selectors.sub_awards_received(actor=actor_for(bea)).count() == 0
