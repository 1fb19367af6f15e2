"""Failed sign-ins and API-key attempts: recorded where the organization's administrators
see them (the audit log), and counted per address so one address guessing many accounts is
stopped. django-axes still locks a single account after repeated wrong passwords."""

import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone

from puentes.core.models import AuditEvent
from puentes.network.models import ApiKey, Membership, User

FAILURES = ("signin.failed", "apikey.failed")


def signin_failure_record(*, username: str, ip: str | None) -> None:
    """One event per organization the named user belongs to (their administrators see it);
    a name nobody has is recorded with no organization (operators see it)."""
    user = User.objects.filter(username__iexact=username.strip()[:150]).first()
    organizations: list[int | None] = (
        list(
            Membership.objects.filter(user=user, is_active=True).values_list(
                "organization_id", flat=True
            )
        )
        if user
        else []
    )
    detail: dict[str, Any] = {"username": username.strip()[:150]}
    for organization_id in organizations or [None]:
        AuditEvent.objects.create(
            organization_id=organization_id,
            user=user,
            action="signin.failed",
            object_type="network.user" if user else "",
            client_ip=ip,
            detail=detail,
        )


def apikey_failure_record(*, raw_key: str, ip: str | None, prefix_length: int) -> None:
    """A key that names a real key's prefix (wrong secret, revoked, or of an inactive
    organization) is recorded for that key's organization; any other key with none."""
    key = ApiKey.objects.filter(prefix=raw_key[:prefix_length]).first() if raw_key else None
    AuditEvent.objects.create(
        organization_id=key.organization_id if key else None,
        api_key=key,
        action="apikey.failed",
        client_ip=ip,
        detail={"prefix": raw_key[:prefix_length]},
    )


def address_blocked(ip: str | None) -> bool:
    """Whether this address failed to sign in (or to present a key) too often lately."""
    if not ip:
        return False
    since = timezone.now() - datetime.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    recent = AuditEvent.objects.filter(action__in=FAILURES, client_ip=ip, occurred_at__gte=since)
    return recent.count() >= settings.LOGIN_IP_FAILURE_LIMIT
