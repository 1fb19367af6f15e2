"""Writes of referrals: create, send (consent-gated), every status change (checked against
the workflow, the side, the version), and what each change sets off — the history, the
linked needs, the notifications."""

import uuid
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.dates import add_business_days
from puentes.core.errors import DomainError, invalid
from puentes.core.inputs import Errors, model_text, raise_if
from puentes.directory import selectors as directory_selectors
from puentes.directory.models import Capacity, ServiceAtLocation
from puentes.directory.search import DirectoryQuery, need_taxonomy, search
from puentes.network.models import Organization, User
from puentes.network.selectors import members_who_may
from puentes.notifications.services import notify
from puentes.people.models import Person
from puentes.people.selectors import person_get
from puentes.referrals import selectors
from puentes.referrals.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    Outcome,
    Priority,
    Referral,
    ReferralEvent,
    ReferralStatus,
)
from puentes.referrals.signals import referral_status_changed
from puentes.referrals.workflow import EITHER, REASON_REQUIRED, side_allowed
from puentes.screening.models import OPEN_NEED_STATUSES, Need, NeedStatus
from puentes.screening.selectors import needs_of
from puentes.screening.services import need_follow_referral

FULL = (Capacity.WAITLIST, Capacity.NO_CAPACITY)


def _check_length(name: str, value: str | None, column: str) -> None:
    """The input named ``name`` within the length of Referral's ``column``: refused whole,
    never cut short."""
    errors: Errors = {}
    model_text(Referral, {name: value}, name, errors, field=column)
    raise_if(errors)


def _receiving_organization(sal: ServiceAtLocation) -> Organization | None:
    directory_org = sal.service.organization
    network = directory_org.network_organization if directory_org else None
    return network if network is not None and network.is_active else None


def _needs_of(actor: Actor, person: Person, need_ids: Iterable[uuid.UUID | str]) -> list[Need]:
    ids = [str(i) for i in need_ids]
    needs = list(needs_of(actor=actor, people=[person]).filter(public_id__in=ids))
    if len(needs) != len(set(ids)):
        raise invalid({"need_ids": [_("Choose needs of this person.")]})
    if any(need.status not in OPEN_NEED_STATUSES for need in needs):
        raise invalid({"need_ids": [_("Only open needs can be referred.")]})
    return needs


def referral_create(
    *,
    actor: Actor,
    person_id: uuid.UUID | str,
    service_at_location_id: uuid.UUID,
    need_ids: Iterable[uuid.UUID | str] = (),
    note: str = "",
    priority: str = Priority.ROUTINE,
    requested_by: Any = None,
    send: bool = False,
    confirm_capacity: bool = False,
) -> Referral:
    """A draft referral; with ``send``, sent at once (and refused whole if it cannot be)."""
    actor.require("referral.send")
    with transaction.atomic():
        person = person_get(actor=actor, public_id=person_id)
        sal = directory_selectors.service_at_location_get(service_at_location_id)
        needs = _needs_of(actor, person, need_ids)
        if priority not in Priority.values:
            raise invalid({"priority": [_("Choose a valid priority.")]})
        _check_length("note", note, "note")
        if requested_by and requested_by < timezone.localdate():
            raise invalid({"requested_by": [_("The date cannot be in the past.")]})
        referral = Referral.objects.create(
            person=person,
            service_at_location=sal,
            referring_organization=actor.organization,
            referring_member=actor.membership,
            receiving_organization=_receiving_organization(sal),
            note=(note or "").strip(),
            priority=priority,
            requested_by=requested_by,
            created_by=actor.user,
        )
        referral.needs.set(needs)
        ReferralEvent.objects.create(
            referral=referral, user=actor.user, organization=actor.organization,
            to_status=ReferralStatus.DRAFT,
        )  # fmt: skip
        audit_record(
            actor=actor, action="referral.create", obj=referral, person_id=person.public_id
        )
        if send:
            referral = referral_send(
                actor=actor,
                referral_id=referral.public_id,
                version=referral.version,
                confirm_capacity=confirm_capacity,
            )
    return referral


def capacity_alternatives(referral: Referral, limit: int = 5) -> list[dict[str, Any]]:
    """Nearby services for the same need that say they can take people now."""
    sal = referral.service_at_location
    location = sal.location
    category = next((n.category for n in referral.needs.all() if n.category in need_taxonomy()), "")
    if not category or location.latitude is None or location.longitude is None:
        return []
    page = search(
        DirectoryQuery(
            need=category,
            latitude=location.latitude,
            longitude=location.longitude,
            radius_km=25,
            capacity=(Capacity.AVAILABLE,),
            per_page=limit + 1,
        )
    )
    return [
        {
            "service_at_location_id": str(r.entry.service_at_location_id),
            "name": r.entry.name,
            "distance_km": round(r.distance_km, 1) if r.distance_km is not None else None,
        }
        for r in page.results
        if r.entry.service_at_location_id != sal.pk
    ][:limit]


def _capacity_check(referral: Referral, confirmed: bool) -> None:
    capacity = referral.service_at_location.current_capacity
    if capacity in FULL and not confirmed:
        raise DomainError(
            "confirm",
            _(
                "This service says it is %(capacity)s. Send anyway, or choose one of the "
                "nearby services that can take people now."
            )
            % {"capacity": Capacity(capacity).label.lower()},
            {"confirm_capacity": [_("Confirm to send to a service that is full.")]},
            extra={"capacity_status": capacity, "alternatives": capacity_alternatives(referral)},
        )


@transaction.atomic
def referral_send(
    *,
    actor: Actor,
    referral_id: uuid.UUID | str,
    version: int | None,
    confirm_capacity: bool = False,
) -> Referral:
    """draft -> requested. An in-network referral needs an active consent (for referrals)
    that covers the receiving organization; the consent is recorded on the referral."""
    referral = _locked(actor, referral_id, version)
    _check_move(actor, referral, ReferralStatus.REQUESTED)
    receiving = referral.receiving_organization
    if receiving is not None and receiving.pk != referral.person.organization_id:
        consent = selectors.referral_consent(referral.person, receiving)
        if consent is None:
            raise DomainError(
                "invalid",
                _(
                    "%(person)s has no active consent to share with %(organization)s for "
                    "referrals. Record their consent first; the referral is kept as a draft."
                )
                % {"person": referral.person.display_name, "organization": receiving.name},
                {"consent": [_("No active consent covers the receiving organization.")]},
            )
        referral.consent = consent
    _capacity_check(referral, confirm_capacity)
    today = timezone.localdate()
    referral.sent_at = timezone.now()
    if receiving is not None:
        referral.response_due_on = add_business_days(today, receiving.referral_response_days)
    _move(actor, referral, ReferralStatus.REQUESTED, "")
    for need in referral.needs.all():
        need_follow_referral(
            need=need,
            status=NeedStatus.IN_PROGRESS,
            reason=_("Referred to %(service)s")
            % {"service": referral.service_at_location.service.name},
            user=actor.user,
        )
    _notify_receiving(referral, "referral.new")
    return referral


@transaction.atomic
def referral_transition(
    *,
    actor: Actor,
    referral_id: uuid.UUID | str,
    version: int | None,
    status: str,
    reason: str = "",
    outcome: str = "",
    outcome_note: str = "",
) -> Referral:
    """Move a sent referral on (accept, reject, start, hold, complete, fail, cancel, or mark
    entered in error), as the workflow allows the actor's side."""
    if status == ReferralStatus.REQUESTED:
        return referral_send(actor=actor, referral_id=referral_id, version=version)
    referral = _locked(actor, referral_id, version)
    _check_move(actor, referral, status)
    reason = (reason or "").strip()
    if status in REASON_REQUIRED and not reason:
        raise invalid({"reason": [_("Say why.")]})
    _check_length("reason", reason, "status_reason")
    outcome_note = (outcome_note or "").strip()
    _check_length("outcome_note", outcome_note, "outcome_note")
    if status == ReferralStatus.COMPLETED:
        if outcome not in Outcome.values:
            raise invalid({"outcome": [_("Say what was delivered.")]})
        referral.outcome, referral.outcome_note = outcome, outcome_note
    if status == ReferralStatus.ACCEPTED:
        referral.accepted_at = timezone.now()
    previous = referral.status
    _move(actor, referral, status, reason)
    _close_loop(actor, referral, previous)
    _tell_the_other_side(actor, referral)
    return referral


def _locked(actor: Actor, referral_id: uuid.UUID | str, version: int | None) -> Referral:
    """The referral, locked for the transition, at the version the caller read."""
    referral = selectors.referral_for_update(actor=actor, public_id=referral_id)
    check_version(referral, version)
    return referral


def _check_move(actor: Actor, referral: Referral, status: str) -> None:
    if status not in ReferralStatus.values:
        raise invalid({"status": [_("Choose a valid status.")]})
    side = side_allowed(referral.status, status)
    if side is None:
        raise DomainError(
            "conflict",
            _("A referral that is %(current)s cannot become %(next)s.")
            % {
                "current": ReferralStatus(referral.status).label.lower(),
                "next": ReferralStatus(status).label.lower(),
            },
        )
    sides = selectors.sides_of(actor, referral)
    permitted = {
        s for s in sides if actor.can("referral.send" if s == "referring" else "referral.respond")
    }
    if not (side in permitted or (side == EITHER and permitted)):
        raise DomainError(
            "forbidden",
            _("Only the %(side)s organization can make this change.")
            % {"side": _("referring") if side == "referring" else _("receiving")},
        )


def _move(actor: Actor, referral: Referral, status: str, reason: str) -> None:
    ReferralEvent.objects.create(
        referral=referral, user=actor.user, organization=actor.organization,
        from_status=referral.status, to_status=status, reason=reason,
    )  # fmt: skip
    referral.status = status
    referral.status_reason = reason
    if status in CLOSED_STATUSES:
        referral.closed_at = timezone.now()
    bump_version(referral)
    referral.save()
    referral_status_changed.send(sender=Referral, referral=referral, user=actor.user)
    audit_record(
        actor=actor, action="referral.status", obj=referral,
        person_id=referral.person.public_id, detail={"status": status},
    )  # fmt: skip


def _close_loop(actor: Actor, referral: Referral, previous: str) -> None:
    """Completed: the needs are resolved. Ended without the service: they stay open, with
    the reason, unless another open referral still works on them."""
    service = referral.service_at_location.service.name
    if referral.status == ReferralStatus.COMPLETED:
        reason = _("Referral to %(service)s completed: %(outcome)s") % {
            "service": service, "outcome": Outcome(referral.outcome).label,
        }  # fmt: skip
        for need in referral.needs.all():
            need_follow_referral(
                need=need, status=NeedStatus.RESOLVED, reason=reason, user=actor.user
            )
        return
    if referral.status not in CLOSED_STATUSES or previous == ReferralStatus.DRAFT:
        return
    reason = _("Referral to %(service)s %(status)s: %(reason)s") % {
        "service": service,
        "status": ReferralStatus(referral.status).label.lower(),
        "reason": referral.status_reason or "—",
    }
    for need in referral.needs.all():
        still_referred = need.referrals.filter(status__in=OPEN_STATUSES).exclude(pk=referral.pk)
        status = NeedStatus.IN_PROGRESS if still_referred.exists() else NeedStatus.IDENTIFIED
        need_follow_referral(need=need, status=status, reason=reason, user=actor.user)


def _responders(organization: Organization) -> list[User]:
    """The members who answer referrals for an organization."""
    return [m.user for m in members_who_may(organization, "referral.respond")]


def _notify_receiving(referral: Referral, kind: str) -> None:
    """Tell the members who answer referrals at the receiving organization (if on the network)."""
    receiving = referral.receiving_organization
    if receiving is not None:
        notify(
            recipients=_responders(receiving),
            organization=receiving,
            kind=kind,
            params=_params(referral),
            link=_link(referral),
        )


def _params(referral: Referral) -> dict[str, Any]:
    return {
        "service": referral.service_at_location.service.name,
        "organization": referral.referring_organization.name,
        "status": referral.status,
    }


def _link(referral: Referral) -> str:
    return reverse("referrals:detail", args=[referral.public_id])


def _tell_the_other_side(actor: Actor, referral: Referral) -> None:
    """The referring worker hears of every change; the receiving organization hears when
    the referring side cancels."""
    acting_org = actor.organization
    if acting_org.pk != referral.referring_organization_id or referral.is_light:
        member = referral.referring_member
        if member is not None and member.is_active:
            notify(
                recipients=[member.user],
                organization=referral.referring_organization,
                kind="referral.status",
                params=_params(referral),
                link=_link(referral),
            )
    elif referral.status in (ReferralStatus.CANCELLED, ReferralStatus.ENTERED_IN_ERROR):
        _notify_receiving(referral, "referral.cancelled")


def referrals_end_sharing(*, person: Person, user: User | None, reason: str) -> int:
    """After a consent is revoked: every open referral whose receiving organization no
    longer has consent is cancelled, the receiving side stops seeing the person and is told.
    Returns how many referrals were cancelled."""
    ended = 0
    for referral in Referral.objects.filter(
        person=person, status__in=OPEN_STATUSES, receiving_organization__isnull=False
    ).select_related(
        "receiving_organization", "referring_organization", "service_at_location__service"
    ):
        receiving = referral.receiving_organization
        if receiving is None or selectors.may_share(person, receiving):
            continue
        referral = lock_for_update(Referral, referral.pk)
        ReferralEvent.objects.create(
            referral=referral, user=user, organization=referral.referring_organization,
            from_status=referral.status, to_status=ReferralStatus.CANCELLED, reason=reason,
        )  # fmt: skip
        referral.status, referral.status_reason = ReferralStatus.CANCELLED, reason
        referral.closed_at = referral.sharing_ended_at = timezone.now()
        bump_version(referral)
        referral.save()
        _notify_receiving(referral, "referral.consent_revoked")
        ended += 1
    return ended
