"""The navigation every page shows: only the menu items the actor's role can use."""

from typing import Any

from django.http import HttpRequest

from puentes.core.permissions import PERMISSIONS
from puentes.network.middleware import request_actor, request_memberships
from puentes.notifications.selectors import unread_count


def navigation(request: HttpRequest) -> dict[str, Any]:
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    actor = request_actor(request)
    if actor is None:
        return {}
    return {
        "actor": actor,
        "memberships": request_memberships(request),
        "can": {action.replace(".", "_"): actor.can(action) for action in PERMISSIONS},
        "unread_notifications": unread_count(actor=actor),
    }
