"""Reads: a person's own notifications (never anyone else's)."""

import uuid
from typing import Any

from django.db.models import QuerySet

from puentes.core.actor import Actor
from puentes.core.tenancy import one, unscoped
from puentes.notifications.models import Notification


def notification_list(*, actor: Actor, unread: bool = False) -> QuerySet[Notification]:
    if actor.user is None:
        return unscoped(Notification, "a key, not a person: nobody's").none()
    # A member's own notifications, whichever organization sent them: the recipient is
    # the scope.
    notifications = unscoped(Notification, "the recipient's own").filter(recipient=actor.user)
    if unread:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications


def notification_get(*, actor: Actor, public_id: uuid.UUID | str) -> Notification:
    notification = one(notification_list(actor=actor), public_id)
    return notification


def unread_count(*, actor: Actor) -> int:
    return notification_list(actor=actor, unread=True).count()


def notification_exists(
    *, recipient: Any, organization: Any, kind: str, params: dict[str, Any]
) -> bool:
    """Whether the recipient was already told this (a daily job's reminder, say): the same
    kind with the same values, from the same organization."""
    same = {f"params__{key}": value for key, value in params.items()}
    return (
        Notification.objects.for_organization(organization)
        .filter(recipient=recipient, kind=kind, **same)
        .exists()
    )
