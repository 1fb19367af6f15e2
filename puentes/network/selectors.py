"""Reads of network data, scoped to the actor."""

import hashlib
import hmac
import uuid
from datetime import date

from django.db.models import QuerySet
from django.http import HttpRequest

from puentes.core.actor import Actor
from puentes.core.http import client_ip
from puentes.core.models import AuditEvent
from puentes.core.tenancy import one, unscoped
from puentes.network.models import ApiKey, Invitation, Membership, Organization, User

ACTIVE_ORGANIZATION_SESSION_KEY = "puentes_active_organization"
API_KEY_PREFIX = "pk_"


def hash_secret(secret: str) -> str:
    """SHA-256 is right for high-entropy random secrets (API keys, invitation tokens);
    passwords, which are guessable, use Django's password hashers instead."""
    return hashlib.sha256(secret.encode()).hexdigest()


def membership_list_for_user(user: User) -> QuerySet[Membership]:
    return (
        unscoped(Membership, "a user's own memberships, in every organization they belong to")
        .filter(user=user, is_active=True, organization__is_active=True)
        .select_related("organization")
        .order_by("organization__name")
    )


def actor_from_request(
    request: HttpRequest, memberships: list[Membership] | None = None
) -> Actor | None:
    """The signed-in user acting in the organization chosen in the session (or their only
    one), from their ``memberships`` when already read. None when not signed in or without
    an active membership."""
    user = request.user
    if not user.is_authenticated:
        return None
    if memberships is None:
        memberships = list(membership_list_for_user(user))
    if not memberships:
        return None
    chosen = request.session.get(ACTIVE_ORGANIZATION_SESSION_KEY)
    membership = next(
        (m for m in memberships if str(m.organization.public_id) == chosen), memberships[0]
    )
    return Actor(
        organization=membership.organization,
        role=membership.role,
        user=user,
        membership=membership,
        client_ip=client_ip(request),
    )


def actor_from_api_key(raw_key: str, ip: str | None) -> Actor | None:
    """The organization's actor for a presented API key, or None if unknown or revoked."""
    if not raw_key.startswith(API_KEY_PREFIX) or len(raw_key) < 20:
        return None
    prefix = raw_key[: len(API_KEY_PREFIX) + 8]
    key = (
        unscoped(ApiKey, "a presented key: the key says which organization it acts for")
        .select_related("organization")
        .filter(prefix=prefix, revoked_at__isnull=True, organization__is_active=True)
        .first()
    )
    if key is None or not hmac.compare_digest(key.key_hash, hash_secret(raw_key)):
        return None
    return Actor(organization=key.organization, role=key.role, api_key=key, client_ip=ip)


def organization_list_on_network() -> QuerySet[Organization]:
    """Every active organization. Names and kinds are not private: a CHW picks partners
    for consent and referrals from this list."""
    return Organization.objects.filter(is_active=True).order_by("name")


def organization_get_on_network(public_id: uuid.UUID | str) -> Organization:
    organization = one(organization_list_on_network(), public_id)
    return organization


def member_list(*, actor: Actor, include_inactive: bool = False) -> QuerySet[Membership]:
    actor.require("organization.view")
    members = Membership.objects.for_actor(actor).select_related("user")
    return members if include_inactive else members.filter(is_active=True)


def members_who_may(organization: Organization, action: str) -> QuerySet[Membership]:
    """The organization's current members whose role allows ``action`` (who to tell of a
    referral to answer, say): for work done on its behalf, not an actor's read."""
    from puentes.core.permissions import PERMISSIONS

    members = Membership.objects.for_organization(organization).filter(is_active=True)
    return members.filter(role__in=PERMISSIONS[action]).select_related("user")


def member_get(*, actor: Actor, public_id: uuid.UUID | str) -> Membership:
    membership = one(member_list(actor=actor, include_inactive=True), public_id)
    return membership


def apikey_list(*, actor: Actor) -> QuerySet[ApiKey]:
    actor.require("apikey.manage")
    return ApiKey.objects.for_actor(actor).select_related("created_by")


def apikey_get(*, actor: Actor, public_id: uuid.UUID | str) -> ApiKey:
    key = one(apikey_list(actor=actor), public_id)
    return key


def invitation_list(*, actor: Actor) -> QuerySet[Invitation]:
    actor.require("member.manage")
    return Invitation.objects.for_actor(actor).select_related("invited_by")


def invitation_get(*, actor: Actor, public_id: uuid.UUID | str) -> Invitation:
    invitation = one(invitation_list(actor=actor), public_id)
    return invitation


def invitation_find_open(token: str) -> Invitation | None:
    invitation = (
        unscoped(Invitation, "an invitation link: its token names the organization")
        .select_related("organization")
        .filter(token_hash=hash_secret(token))
        .first()
    )
    return invitation if invitation is not None and invitation.is_open else None


def audit_list(
    *,
    actor: Actor,
    action: str = "",
    member_id: uuid.UUID | None = None,
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEvent]:
    actor.require("audit.view")
    events = AuditEvent.objects.for_actor(actor).select_related("user", "api_key")
    if action:
        events = events.filter(action__startswith=action)
    if member_id:
        events = events.filter(user__memberships__public_id=member_id)
    if since:
        events = events.filter(occurred_at__date__gte=since)
    if until:
        events = events.filter(occurred_at__date__lte=until)
    return events
