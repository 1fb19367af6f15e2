"""Reminders of certificates and pathway windows falling due, sent by a daily job."""

import datetime

from django.urls import reverse

from puentes.network.models import Organization
from puentes.network.selectors import members_who_may, organization_list_on_network
from puentes.notifications import selectors as notifications_selectors
from puentes.notifications.services import notify
from puentes.workforce import selectors

# Days before a deadline that the worker and their supervisor are reminded.
REMINDER_DAYS = (90, 60, 30)


def deadline_reminders_send(*, day: datetime.date) -> int:
    """Remind each worker, and their supervisor (or the organization's supervisors when
    none is named), of a certificate that expires or falls due exactly 90, 60 or 30 days
    after ``day``; run once a day. A reminder already sent is not sent again. Returns how
    many notifications were written."""
    sent = 0
    for organization in organization_list_on_network():
        for deadline in selectors.deadlines(organization, day, max(REMINDER_DAYS)):
            days = (deadline.day - day).days
            if days not in REMINDER_DAYS:
                continue
            sent += _remind(organization, deadline, days)
    return sent


def _remind(organization: Organization, deadline: selectors.Deadline, days: int) -> int:
    member = deadline.member
    profile = selectors.profile_of(member)
    if profile is not None and profile.supervisor is not None:
        supervisors = [profile.supervisor.user]
    else:
        supervisors = [m.user for m in members_who_may(organization, "workforce.manage")]
    params = {
        "worker": member.display_name,
        "certificate": deadline.what,
        "due_on": deadline.day.isoformat(),
        "days": days,
    }
    kind = f"workforce.{deadline.kind}"
    recipients = [
        user
        for user in {u.pk: u for u in [member.user, *supervisors]}.values()
        if not notifications_selectors.notification_exists(
            recipient=user, organization=organization, kind=kind, params=params
        )
    ]
    link = reverse("workforce:worker", args=[member.public_id])
    return len(
        notify(
            recipients=recipients, organization=organization, kind=kind, params=params, link=link
        )
    )
