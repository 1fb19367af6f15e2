"""Monthly time codes across visits and batches, through the database: short visits add up
to G0019, a later batch in the month bills only the add-on units its new minutes earn, the
month's days before a batch's period still count, and a voided line frees its minutes."""

import datetime

import pytest

from conftest import actor_for
from puentes.billing import selectors, services
from puentes.billing.models import ClaimLine
from puentes.core.errors import DomainError

D = datetime.date


def on(log_visit, day, minutes):
    return log_visit(minutes=minutes, occurred_on=day, services=["navigation"])


def batch(bea, payer, start, end):
    return services.batch_generate(
        actor=actor_for(bea), payer_id=payer.public_id, start=start, end=end
    )


def lines_of(made):
    return [
        (line.code, line.units, line.date_of_service, line.minutes)
        for claim in made.claims.all()
        for line in claim.lines.all()
    ]


def test_two_twenty_minute_visits_bill_g0019_dated_the_day_the_month_reaches_it(
    bea, medicare, log_visit
):
    first = on(log_visit, D(2026, 10, 5), 20)
    on(log_visit, D(2026, 10, 19), 20)
    queue = selectors.work_queue(actor=actor_for(bea), start=D(2026, 10, 1), end=D(2026, 10, 4))
    assert not queue  # nothing before the visits
    [only_first] = selectors.work_queue(
        actor=actor_for(bea), start=D(2026, 10, 1), end=D(2026, 10, 10)
    )
    assert [r.visit.minutes for r in only_first.waiting] == [20] and not only_first.blocked
    assert only_first.waiting[0].outcome.notes[0] == "20 minutes this month so far: G0019 needs 31."
    made = batch(bea, medicare, D(2026, 10, 1), D(2026, 10, 31))
    assert lines_of(made) == [("G0019", 1, D(2026, 10, 19), 20)]
    [line] = ClaimLine.objects.filter(claim__batch=made)
    assert line.time_from == [[first.pk, 20, "2026-10-05"]]
    # The first visit is billed with the line: it is locked and says so.
    assert selectors.billed_encounters([first.pk]) == {first.pk}


def test_a_later_batch_bills_only_the_add_on_units_its_minutes_earn(bea, medicare, log_visit):
    on(log_visit, D(2026, 10, 5), 40)
    on(log_visit, D(2026, 10, 8), 30)  # 70 minutes: G0019, and 10 toward G0022
    first = batch(bea, medicare, D(2026, 10, 1), D(2026, 10, 15))
    assert [code for code, *_ in lines_of(first)] == ["G0019"]
    on(log_visit, D(2026, 10, 20), 10)  # 80: 20 past the hour passes G0022's midpoint
    on(log_visit, D(2026, 10, 27), 10)  # 90: one G0022 still (a second needs 106)
    second = batch(bea, medicare, D(2026, 10, 16), D(2026, 10, 31))
    assert lines_of(second) == [("G0022", 1, D(2026, 10, 20), 10)]
    # Nothing is left to bill twice: the 27th waits for more time in October.
    [queue] = selectors.work_queue(actor=actor_for(bea), start=D(2026, 10, 1), end=D(2026, 10, 31))
    assert not queue.ready and [r.visit.day for r in queue.waiting] == [D(2026, 10, 27)]


def test_the_months_days_before_the_period_count_toward_it(bea, medicare, log_visit):
    early = on(log_visit, D(2026, 10, 3), 25)  # not in any batch yet
    on(log_visit, D(2026, 10, 20), 10)
    made = batch(bea, medicare, D(2026, 10, 16), D(2026, 10, 31))
    assert lines_of(made) == [("G0019", 1, D(2026, 10, 20), 10)]
    [line] = ClaimLine.objects.filter(claim__batch=made)
    assert line.time_from == [[early.pk, 25, "2026-10-03"]]


def test_a_new_month_starts_from_zero(bea, medicare, log_visit):
    on(log_visit, D(2026, 9, 28), 25)
    on(log_visit, D(2026, 10, 2), 25)
    [queue] = selectors.work_queue(actor=actor_for(bea), start=D(2026, 9, 1), end=D(2026, 10, 31))
    assert [r.outcome.notes[0] for r in queue.waiting] == [
        "25 minutes this month so far: G0019 needs 31.",
        "25 minutes this month so far: G0019 needs 31.",
    ]
    with pytest.raises(DomainError, match="Nothing in this period is ready to bill"):
        batch(bea, medicare, D(2026, 9, 1), D(2026, 10, 31))


def test_voiding_a_monthly_claim_frees_all_its_minutes(bea, medicare, log_visit):
    on(log_visit, D(2026, 10, 5), 20)
    on(log_visit, D(2026, 10, 19), 20)
    made = batch(bea, medicare, D(2026, 10, 1), D(2026, 10, 31))
    for status in ("approved", "submitted"):
        made.refresh_from_db()
        services.batch_move(
            actor=actor_for(bea), batch_id=made.public_id, version=made.version, status=status
        )
    claim = made.claims.get()
    services.claim_void(
        actor=actor_for(bea), claim_id=claim.public_id, version=claim.version, reason="Wrong month"
    )
    again = batch(bea, medicare, D(2026, 10, 1), D(2026, 10, 31))
    assert [code for code, *_ in lines_of(again)] == ["G0019"]


def test_the_api_and_the_pages_show_waiting_visits(bea, medicare, log_visit, api_for, client_for):
    on(log_visit, D(2026, 10, 5), 20)
    queue = api_for(bea).get("/billing/queue?start=2026-10-01&end=2026-10-31").json()
    [payer] = [q for q in queue if q["payer"] == "Medicare Part B"]
    assert payer["waiting"][0]["waiting"] is True and not payer["ready"]
    page = client_for(bea).get("/billing/?start=2026-10-01&end=2026-10-31").content.decode()
    assert "Waiting for more time this month" in page and "G0019 needs 31" in page
