"""API authentication: an API key (Authorization: Bearer pk_…) or the browser session.

Either way the handler receives an Actor as ``request.auth``.
"""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, SessionAuth

from puentes.core.actor import Actor
from puentes.core.errors import DomainError
from puentes.core.http import client_ip
from puentes.network.middleware import request_actor
from puentes.network.selectors import API_KEY_PREFIX, actor_from_api_key
from puentes.network.services import apikey_mark_used
from puentes.network.signin import address_blocked, apikey_failure_record


class ApiKeyAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        ip = client_ip(request)
        if address_blocked(ip):
            raise DomainError("throttled", _("Too many failed attempts from your address."))
        actor = actor_from_api_key(token, ip)
        if actor is None:
            apikey_failure_record(raw_key=token, ip=ip, prefix_length=len(API_KEY_PREFIX) + 8)
        elif actor.api_key is not None:
            apikey_mark_used(actor.api_key)
        return actor


class SessionActorAuth(SessionAuth):
    """The browser session (CSRF-checked on unsafe methods) in its active organization."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return request_actor(request)


def actor_of(request: HttpRequest) -> Actor:
    actor: Actor = request.auth  # type: ignore[attr-defined]
    return actor
