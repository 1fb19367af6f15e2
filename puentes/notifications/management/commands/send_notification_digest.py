"""manage.py send_notification_digest — run once a day (cron or a systemd timer)."""

from typing import Any

from django.core.management.base import BaseCommand

from puentes.notifications.services import digest_send


class Command(BaseCommand):
    help = "E-mail each person who chose a daily summary the notifications not yet sent."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = digest_send()
        self.stdout.write(f"{sent} digest e-mail(s) sent.")
