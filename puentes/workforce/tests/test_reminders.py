"""Reminders of what falls due: to the worker and their supervisor, at 90, 60 and 30 days,
once, in each reader's language, naming no one the worker serves."""

import datetime

from django.core.management import call_command
from django.utils import translation

from conftest import actor_for
from puentes.notifications.messages import render
from puentes.notifications.models import Notification
from puentes.workforce import services
from puentes.workforce.tests.helpers import certify

TODAY = datetime.date(2026, 3, 1)


def test_the_worker_and_the_supervisor_are_reminded_once_at_60_days(ana, sam):
    certify(ana)
    services.profile_set(actor=actor_for(sam), worker=ana, fields={"supervisor_id": sam.public_id})
    ana.certifications.update(expires_on=TODAY + datetime.timedelta(days=60))
    assert services.deadline_reminders_send(day=TODAY) == 2
    assert services.deadline_reminders_send(day=TODAY) == 0  # not again
    notice = Notification.objects.get(recipient=sam.user)
    assert notice.kind == "workforce.expires" and notice.link.endswith(f"{ana.public_id}/")
    english = render(notice.kind, notice.params, "en")
    assert "expires on 04/30/2026 (in 60 days)" in english and "HCAI" in english
    with translation.override("es"):
        spanish = render(notice.kind, notice.params, "es")
    assert "vence el 30/04/2026 (en 60 días)" in spanish


def test_no_reminder_between_the_reminder_days(ana, sam):
    certify(ana)
    ana.certifications.update(expires_on=TODAY + datetime.timedelta(days=59))
    assert services.deadline_reminders_send(day=TODAY) == 0


def test_without_a_named_supervisor_the_organizations_supervisors_hear(ana, sam, alma):
    certify(ana)
    ana.certifications.update(expires_on=TODAY + datetime.timedelta(days=30))
    services.deadline_reminders_send(day=TODAY)
    told = set(Notification.objects.values_list("recipient__username", flat=True))
    assert told == {"ana", "sam", "alma"}


def test_the_daily_command_runs(ana, capsys):
    call_command("send_workforce_reminders")
    assert "reminder(s) written" in capsys.readouterr().out
