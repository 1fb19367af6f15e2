"""/api/v1/notifications: the caller's own notifications."""

import uuid
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from puentes.core.pagination import Mapped, PagePagination
from puentes.network.auth import actor_of
from puentes.notifications import selectors, services
from puentes.notifications.messages import render
from puentes.notifications.models import Notification

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: uuid.UUID
    message: str
    link: str
    created_at: datetime
    read_at: datetime | None


def notification_out(notification: Notification) -> NotificationOut:
    return NotificationOut(
        id=notification.public_id,
        message=render(notification.kind, notification.params),
        link=notification.link,
        created_at=notification.created_at,
        read_at=notification.read_at,
    )


@router.get("/notifications", response=list[NotificationOut])
@paginate(PagePagination)
def notification_list(request: HttpRequest, unread: bool = False) -> Any:
    rows = selectors.notification_list(actor=actor_of(request), unread=unread)
    return Mapped(rows, notification_out)


@router.post("/notifications/{notification_id}/read", response=NotificationOut)
def notification_read(request: HttpRequest, notification_id: uuid.UUID) -> Any:
    return notification_out(
        services.notification_mark_read(actor=actor_of(request), notification_id=notification_id)
    )
