"""Writes: create notifications (e-mailed after the transaction commits, or in a daily
digest, as each recipient chooses), mark them read, send digests."""

import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.errors import invalid
from puentes.network.models import Organization, User
from puentes.notifications.messages import kind_known, render
from puentes.notifications.models import Notification
from puentes.notifications.selectors import notification_get


def notify(
    *,
    recipients: Iterable[User],
    organization: Organization,
    kind: str,
    params: dict[str, Any],
    link: str = "",
) -> list[Notification]:
    if not kind_known(kind):
        raise ValueError(f"register the message kind {kind} (notifications.messages)")
    created = [
        Notification.objects.create(
            recipient=user, organization=organization, kind=kind, params=params, link=link
        )
        for user in {u.pk: u for u in recipients if u.is_active}.values()
    ]
    at_once = [n.pk for n in created if n.recipient.notification_email == "immediate"]
    if at_once:
        transaction.on_commit(lambda: _enqueue_emails(at_once))
    return created


def _enqueue_emails(pks: list[int]) -> None:
    from puentes.notifications.tasks import send_notification_email

    for pk in pks:
        send_notification_email.enqueue(pk)


def _absolute(link: str) -> str:
    return f"{settings.PUBLIC_URL}{link}" if settings.PUBLIC_URL else link


def notification_email_send(pk: int) -> bool:
    """E-mail one notification (the background task's work); safe to run twice."""
    notification = Notification.objects.select_related("recipient").filter(pk=pk).first()
    if notification is None or notification.emailed_at or not notification.recipient.email:
        return False
    user = notification.recipient
    text = render(notification.kind, notification.params, user.language)
    with translation.override(user.language):
        # Translators: an e-mail subject; Puentes is the product's name, kept as is.
        subject = _("Puentes: %(message)s") % {"message": text[:80]}
    send_mail(subject, f"{text}\n\n{_absolute(notification.link)}", None, [user.email])
    Notification.objects.filter(pk=pk).update(emailed_at=timezone.now())
    return True


def digest_send() -> int:
    """One e-mail per person who chose the daily summary, listing what they have not been
    sent yet. Run daily (cron: `manage.py send_notification_digest`). Returns e-mails sent."""
    pending: dict[int, list[Notification]] = defaultdict(list)
    for notification in Notification.objects.filter(
        emailed_at__isnull=True, recipient__notification_email="digest"
    ).select_related("recipient"):
        pending[notification.recipient_id].append(notification)
    sent = 0
    for notifications in pending.values():
        user = notifications[0].recipient
        if user.email:
            lines = [
                f"- {render(n.kind, n.params, user.language)} {_absolute(n.link)}"
                for n in notifications
            ]
            with translation.override(user.language):
                subject = _("Puentes: your daily summary (%(count)s updates)") % {
                    "count": len(notifications)
                }
            send_mail(subject, "\n".join(lines), None, [user.email])
            sent += 1
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
            emailed_at=timezone.now()
        )
    return sent


def notification_mark_read(*, actor: Actor, notification_id: uuid.UUID | str) -> Notification:
    notification = notification_get(actor=actor, public_id=notification_id)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at", "updated_at"])
    return notification


def notification_mark_all_read(*, actor: Actor) -> int:
    if actor.user is None:
        return 0
    return Notification.objects.filter(recipient=actor.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def notification_preference_set(*, actor: Actor, email: str) -> None:
    if actor.user is None:
        return
    choices = dict(User._meta.get_field("notification_email").choices or [])
    if email not in choices:
        raise invalid({"notification_email": [_("Choose how to be e-mailed.")]})
    actor.user.notification_email = email
    actor.user.save(update_fields=["notification_email"])
