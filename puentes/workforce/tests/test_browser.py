"""The workforce in a real Chromium, in English and in Spanish: sam sees that ana cannot
bill Medi-Cal for lack of this year's training hours, records her training, and her
standing and her visit in the billing queue turn billable."""

import datetime

import pytest

from conftest import actor_for, sign_in
from puentes.billing import selectors as billing_selectors
from puentes.billing.tests.conftest import days_ago
from puentes.workforce.models import TrainingRecord
from puentes.workforce.tests.helpers import certify

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("language", "workforce", "cannot", "can", "record", "save", "saved"),
    [
        ("en", "Workforce", "Cannot bill", "Can bill", "Record a training", "Save training",
         "Training recorded."),
        ("es", "Personal", "No puede facturar", "Puede facturar", "Registrar una capacitación",
         "Guardar la capacitación", "Capacitación registrada."),
    ],
)  # fmt: skip
def test_sam_records_the_training_that_makes_anas_visits_billable(
    transactional_db, live_server, page, ana, sam, bea, billing_clinic, covered, medi_cal,
    log_visit, language, workforce, cannot, can, record, save, saved,
):  # fmt: skip
    certify(ana)
    visit_day = log_visit().occurred_on
    TrainingRecord.objects.filter(worker=ana, completed_on__year=visit_day.year).delete()
    [queue] = billing_selectors.work_queue(
        actor=actor_for(bea), start=days_ago(30), end=days_ago(0)
    )
    assert not queue.ready
    sam.user.language = language
    sam.user.save()

    sign_in(page, live_server.url, "sam")
    page.get_by_role("link", name=workforce, exact=True).click()
    row = page.locator("#standing tbody tr", has_text=ana.user.last_name)
    assert cannot in row.inner_text()
    assert "6 h" in row.inner_text()
    row.get_by_role("link").first.click()
    page.get_by_text(record).click()
    form = page.locator("#training-form")
    form.locator("input[name=title]").fill("Diabetes self-management")
    form.locator("input[name=completed_on]").fill(str(visit_day))
    form.locator("input[name=hours]").fill("6")
    form.get_by_role("button", name=save).click()
    page.get_by_text(saved).wait_for()
    standing = page.locator("#standing").inner_text()
    assert can in standing and cannot not in standing
    [queue] = billing_selectors.work_queue(
        actor=actor_for(bea), start=days_ago(30), end=days_ago(0)
    )
    assert queue.ready and not queue.blocked
    assert TrainingRecord.objects.filter(worker=ana, completed_on=visit_day).exists()
    assert isinstance(visit_day, datetime.date)
