"""manage.py send_workforce_reminders — run once a day (cron or a systemd timer)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from puentes.workforce.services import deadline_reminders_send


class Command(BaseCommand):
    help = (
        "Remind workers and their supervisors of certificates that expire or fall due in "
        "90, 60 or 30 days."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = deadline_reminders_send(day=timezone.localdate())
        self.stdout.write(f"{sent} reminder(s) written.")
