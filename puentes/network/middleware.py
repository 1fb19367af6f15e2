"""Per-request preferences: the signed-in user's language and their organization's time zone;
and the idle timeout, kept without rewriting the session on every request."""

import time
import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from puentes.core.actor import Actor
from puentes.network.models import Membership
from puentes.network.selectors import actor_from_request, membership_list_for_user


def request_memberships(request: HttpRequest) -> list[Membership]:
    """The signed-in user's memberships (the organization switcher's choices), read once
    per request and shared with the actor."""
    if not hasattr(request, "_puentes_memberships"):
        user = request.user
        memberships = list(membership_list_for_user(user)) if user.is_authenticated else []
        request._puentes_memberships = memberships  # type: ignore[attr-defined]
    found: list[Membership] = request._puentes_memberships  # type: ignore[attr-defined]
    return found


def request_actor(request: HttpRequest) -> Actor | None:
    """The actor for a page request, computed once per request."""
    if not hasattr(request, "_puentes_actor"):
        request._puentes_actor = actor_from_request(  # type: ignore[attr-defined]
            request, request_memberships(request)
        )
    actor: Actor | None = request._puentes_actor  # type: ignore[attr-defined]
    return actor


# How often a signed-in session's idle timer is pushed forward (the session row written).
# Writing it on every request cost a statement per page; the timeout is then exact to this.
SESSION_REFRESH_SECONDS = 60


def idle_timer_start(sender: object, request: HttpRequest | None = None, **kw: object) -> None:
    """Signing in saves the session anyway: start its idle timer then, so the first page
    after it does not write the session again."""
    if request is not None and hasattr(request, "session"):
        request.session["_refreshed"] = int(time.time())


class IdleSessionMiddleware:
    """A session ends ``SESSION_IDLE_MINUTES`` after its last use: each use pushes the
    expiry forward, but the session is saved at most once a minute, not on every request
    (``SESSION_SAVE_EVERY_REQUEST`` is off)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and session.session_key:
            now = int(time.time())
            if now - int(session.get("_refreshed", 0)) >= SESSION_REFRESH_SECONDS:
                session["_refreshed"] = now  # modified: saved with a fresh expiry
        return self.get_response(request)


class UserPreferencesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            language = getattr(user, "language", None)
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
            actor = request_actor(request)
            if actor is not None:
                timezone.activate(zoneinfo.ZoneInfo(actor.organization.time_zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
