"""API authentication: an API key (Authorization: Bearer pk_…) or the browser session.

Either way the handler receives an Actor as ``request.auth``.
"""

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from puentes.core.actor import Actor
from puentes.core.http import client_ip
from puentes.network.middleware import request_actor
from puentes.network.selectors import actor_from_api_key
from puentes.network.services import apikey_mark_used


class ApiKeyAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        actor = actor_from_api_key(token, client_ip(request))
        if actor is not None and actor.api_key is not None:
            apikey_mark_used(actor.api_key)
        return actor


class SessionActorAuth(SessionAuth):
    """The browser session (CSRF-checked on unsafe methods) in its active organization."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return request_actor(request)


def actor_of(request: HttpRequest) -> Actor:
    return request.auth  # type: ignore[attr-defined]
