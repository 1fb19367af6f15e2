"""Every write to organizations, members, invitations and API keys."""

import secrets
import uuid
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import DomainError, invalid
from puentes.core.services import apply_fields, validate
from puentes.core.validators import normalize_phone
from puentes.network.models import (
    FRONTLINE_ROLES,
    ApiKey,
    ApiKeyScope,
    Invitation,
    Membership,
    Organization,
    Role,
    User,
)
from puentes.network.selectors import (
    API_KEY_PREFIX,
    apikey_get,
    hash_secret,
    invitation_find_open,
    invitation_get,
    member_get,
)

ORGANIZATION_EDITABLE_FIELDS = [
    "name", "kind", "npi", "tax_id", "address_line1", "address_line2", "city", "state",
    "postal_code", "phone", "time_zone", "languages_served", "referral_response_days",
]  # fmt: skip
INVITATION_LIFETIME = timedelta(days=14)


def _normalize_phone_field(fields: dict[str, Any]) -> None:
    if fields.get("phone"):
        try:
            fields["phone"] = normalize_phone(fields["phone"])
        except ValidationError as error:
            raise invalid({"phone": error.messages}) from None


def organization_create(*, fields: Mapping[str, Any]) -> Organization:
    """Create an organization (operators and the demo seed; there is no self sign-up)."""
    data = dict(fields)
    _normalize_phone_field(data)
    organization = Organization()
    apply_fields(organization, data, ORGANIZATION_EDITABLE_FIELDS)
    validate(organization)
    organization.save()
    return organization


@transaction.atomic
def organization_update(
    *, actor: Actor, version: int | None, fields: Mapping[str, Any]
) -> Organization:
    actor.require("organization.update")
    organization = lock_for_update(Organization, actor.organization.pk)
    check_version(organization, version)
    data = dict(fields)
    _normalize_phone_field(data)
    changed = apply_fields(organization, data, ORGANIZATION_EDITABLE_FIELDS)
    validate(organization)
    if changed:
        bump_version(organization)
        organization.save()
        audit_record(
            actor=actor, action="organization.update", obj=organization, detail={"fields": changed}
        )
    return organization


def _check_role(role: str, worker_type: str) -> None:
    if role not in Role.values:
        raise invalid({"role": [_("Choose a valid role.")]})
    if role == Role.CHW and not worker_type:
        raise invalid({"worker_type": [_("A frontline worker needs a worker type.")]})
    if worker_type and role not in FRONTLINE_ROLES:
        raise invalid({"worker_type": [_("Only frontline roles have a worker type.")]})


def membership_create(
    *, user: User, organization: Organization, role: str, worker_type: str = ""
) -> Membership:
    """Add a user to an organization (invitation acceptance, seed, operator commands)."""
    _check_role(role, worker_type)
    membership, created = Membership.objects.get_or_create(
        user=user,
        organization=organization,
        defaults={"role": role, "worker_type": worker_type},
    )
    if not created:
        raise DomainError(
            "duplicate",
            _("This person is already a member of the organization."),
            {"email": [_("Already a member.")]},
        )
    return membership


@transaction.atomic
def member_update(
    *, actor: Actor, member_id: uuid.UUID | str, version: int | None, role: str, worker_type: str
) -> Membership:
    actor.require("member.manage")
    membership = lock_for_update(Membership, member_get(actor=actor, public_id=member_id).pk)
    check_version(membership, version)
    _check_role(role, worker_type)
    _keep_one_admin(membership, new_role=role, deactivating=False)
    membership.role, membership.worker_type = role, worker_type
    bump_version(membership)
    membership.save()
    audit_record(
        actor=actor,
        action="member.update",
        obj=membership,
        detail={"role": role, "worker_type": worker_type},
    )
    return membership


def _keep_one_admin(membership: Membership, *, new_role: str, deactivating: bool) -> None:
    """An organization must keep at least one active administrator."""
    losing_admin = membership.role == Role.ORG_ADMIN and (
        deactivating or new_role != Role.ORG_ADMIN
    )
    if not losing_admin:
        return
    others = Membership.objects.filter(
        organization=membership.organization, role=Role.ORG_ADMIN, is_active=True
    ).exclude(pk=membership.pk)
    if not others.exists():
        raise DomainError(
            "conflict",
            _("The organization needs at least one active administrator."),
            {"role": [_("Make someone else an administrator first.")]},
        )


@transaction.atomic
def member_set_active(*, actor: Actor, member_id: uuid.UUID | str, active: bool) -> Membership:
    actor.require("member.manage")
    membership = lock_for_update(Membership, member_get(actor=actor, public_id=member_id).pk)
    if membership.is_active == active:
        return membership
    if not active:
        _keep_one_admin(membership, new_role=membership.role, deactivating=True)
    membership.is_active = active
    membership.deactivated_at = None if active else timezone.now()
    bump_version(membership)
    membership.save()
    audit_record(
        actor=actor, action="member.activate" if active else "member.deactivate", obj=membership
    )
    return membership


def invitation_create(
    *, actor: Actor, email: str, role: str, worker_type: str, accept_url_base: str
) -> Invitation:
    """Invite someone by e-mail. The token is sent only in the e-mail; we keep its hash.

    ``accept_url_base`` is the absolute URL the token is appended to.
    """
    actor.require("member.manage")
    if actor.user is None:
        raise DomainError("forbidden", _("Only a signed-in administrator can invite."))
    _check_role(role, worker_type)
    email = (email or "").strip().lower()
    already = Membership.objects.for_actor(actor).filter(user__email__iexact=email).exists()
    if already:
        raise DomainError(
            "duplicate", _("This person is already a member."), {"email": [_("Already a member.")]}
        )
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        organization=actor.organization,
        email=email,
        role=role,
        worker_type=worker_type,
        token_hash=hash_secret(token),
        invited_by=actor.user,
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    validate(invitation)
    with transaction.atomic():
        invitation.save()
        audit_record(
            actor=actor,
            action="invitation.create",
            obj=invitation,
            detail={"email": email, "role": role},
        )
        link = f"{accept_url_base}{token}/"
        language = actor.user.language
        transaction.on_commit(lambda: _send_invitation(invitation, link, language))
    return invitation


def _send_invitation(invitation: Invitation, link: str, language: str) -> None:
    with translation.override(language):
        subject = _("You are invited to join %(organization)s on Puentes") % {
            "organization": invitation.organization.name
        }
        body = _(
            "%(inviter)s invited you to join %(organization)s on Puentes.\n\n"
            "Open this link within 14 days to accept:\n%(link)s\n"
        ) % {
            "inviter": invitation.invited_by.get_full_name() or invitation.invited_by.username,
            "organization": invitation.organization.name,
            "link": link,
        }
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])


@transaction.atomic
def invitation_revoke(*, actor: Actor, invitation_id: uuid.UUID | str) -> Invitation:
    invitation = invitation_get(actor=actor, public_id=invitation_id)
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        bump_version(invitation)
        invitation.save()
        audit_record(actor=actor, action="invitation.revoke", obj=invitation)
    return invitation


@transaction.atomic
def invitation_accept(
    *,
    token: str,
    user: User | None,
    username: str = "",
    password: str = "",
    first_name: str = "",
    last_name: str = "",
    language: str = "en",
) -> Membership:
    """Accept an invitation as the signed-in ``user``, or create a new account for it.

    The invitation is claimed first with a conditional UPDATE (still open -> accepted), so
    of several simultaneous accepts exactly one goes on; the others are told it was used."""
    invitation = invitation_find_open(token)
    if invitation is None:
        raise DomainError("not_found", _("This invitation is not valid any more."))
    _invitation_claim(invitation)
    if user is None:
        user = _user_create(
            username=username,
            password=password,
            email=invitation.email,
            first_name=first_name,
            last_name=last_name,
            language=language,
        )
    membership = membership_create(
        user=user,
        organization=invitation.organization,
        role=invitation.role,
        worker_type=invitation.worker_type,
    )
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_by", "updated_at"])
    member_actor = Actor(
        organization=invitation.organization, role=membership.role, user=user, membership=membership
    )
    audit_record(actor=member_actor, action="invitation.accept", obj=membership)
    return membership


def _invitation_claim(invitation: Invitation) -> None:
    """Mark the invitation accepted only if it is still open; on PostgreSQL a second accept
    waits for the first to commit, then finds the row no longer open and updates nothing."""
    now = timezone.now()
    claimed = Invitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    ).update(accepted_at=now, version=F("version") + 1, updated_at=now)
    if claimed != 1:
        raise DomainError("conflict", _("This invitation has already been used."))
    invitation.accepted_at = now
    invitation.version += 1


def _user_create(
    *, username: str, password: str, email: str, first_name: str, last_name: str, language: str
) -> User:
    user = User(
        username=username.strip(),
        email=email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        language=language,
    )
    errors: dict[str, list[str]] = {}
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as error:
        errors.update({k: [str(m) for m in v] for k, v in error.message_dict.items()})
    try:
        validate_password(password, user)
    except ValidationError as error:
        errors["password"] = [str(m) for m in error.messages]
    if errors:
        raise invalid(errors)
    user.set_password(password)
    user.save()
    return user


def user_create(**kwargs: Any) -> User:
    """Create an account (operators' command and the demo seed)."""
    return _user_create(**kwargs)


def user_set_language(*, user: User, language: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise invalid({"language": [_("Choose English or Spanish.")]})
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def apikey_create(*, actor: Actor, name: str, scope: str) -> tuple[ApiKey, str]:
    """Create a key; the raw key is returned once and never stored."""
    actor.require("apikey.manage")
    if actor.user is None:
        raise DomainError("forbidden", _("Only a signed-in administrator can create keys."))
    if scope not in ApiKeyScope.values:
        raise invalid({"scope": [_("Choose read only or read and write.")]})
    raw = API_KEY_PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(
        organization=actor.organization,
        name=(name or "").strip(),
        scope=scope,
        prefix=raw[: len(API_KEY_PREFIX) + 8],
        key_hash=hash_secret(raw),
        created_by=actor.user,
    )
    validate(key)
    with transaction.atomic():
        key.save()
        audit_record(actor=actor, action="apikey.create", obj=key, detail={"scope": scope})
    return key, raw


@transaction.atomic
def apikey_revoke(*, actor: Actor, key_id: uuid.UUID | str) -> ApiKey:
    key = apikey_get(actor=actor, public_id=key_id)
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        bump_version(key)
        key.save()
        audit_record(actor=actor, action="apikey.revoke", obj=key)
    return key


def apikey_mark_used(key: ApiKey) -> None:
    """Record use at most once a minute, so busy integrations do not write on every call."""
    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at > timedelta(minutes=1):
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
