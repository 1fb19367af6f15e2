"""Reads of referrals. The referring organization sees the referrals it made; the receiving
organization sees only the referrals addressed to it (never drafts) and, of the person, only
what a referral shares — and nothing once consent is withdrawn. Anyone else gets 404."""

import datetime
import uuid
from typing import Any

from django.db.models import OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.errors import invalid
from puentes.core.tenancy import one
from puentes.network.models import Organization
from puentes.people.models import Consent, ConsentPurpose, Person
from puentes.people.selectors import consent_in_force, consents_permitting
from puentes.referrals.models import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    Referral,
    ReferralEvent,
    ReferralQuerySet,
    ReferralStatus,
)
from puentes.referrals.workflow import RECEIVING, REFERRING, moves_for

BOXES = ("sent", "inbox", "all")
# Groups of statuses the lists show together.
STAGES = {
    "open": [ReferralStatus.DRAFT, *OPEN_STATUSES],
    "working": [ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD],
    "closed": CLOSED_STATUSES,
}


def _visible(actor: Actor) -> ReferralQuerySet:
    actor.require("referral.view")
    return (
        Referral.objects.for_actor(actor)
        # Whether the person's consent still lets the receiving side see them, answered in
        # the list's own statement rather than once per row (sharing_active reads it).
        .annotate(
            consent_to_share=consent_in_force(
                OuterRef("person"), OuterRef("receiving_organization"), ConsentPurpose.REFERRAL
            )
        )
        .select_related(
            "person",
            "service_at_location__service__organization",
            "service_at_location__location",
            "referring_organization",
            "receiving_organization",
            "referring_member__user",
        )
        .prefetch_related(
            # What presenting a referral reads, fetched once for a whole page of them.
            "needs",
        )
    )


def referrals_sent_about(*, actor: Actor, people: list[Person]) -> QuerySet[Referral]:
    """The referrals the actor's organization made for these people (care links them to
    follow-ups and encounters)."""
    return Referral.objects.sent_by(actor).filter(person__in=people)


def referral_list(
    *,
    actor: Actor,
    box: str = "all",
    status: str = "",
    stage: str = "",
    service_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
    overdue: bool = False,
    follow_up: bool = False,
) -> QuerySet[Referral]:
    """``box``: sent (made by the actor's organization), inbox (addressed to it) or all.
    ``stage``: open (drafts and sent, not yet closed), working (accepted, in progress, on
    hold) or closed. ``overdue``: not answered within the receiving organization's response
    time. ``follow_up``: still open past the date it was wanted by."""
    if box not in BOXES:
        raise invalid({"box": [_("Choose sent, inbox or all.")]})
    if stage and stage not in STAGES:
        raise invalid({"stage": [_("Choose open, working or closed.")]})
    referrals = _visible(actor)
    if box == "sent":
        referrals = referrals.sent_by(actor)
    elif box == "inbox":
        referrals = referrals.received_by(actor)
    if status:
        if status not in ReferralStatus.values:
            raise invalid({"status": [_("Choose a valid status.")]})
        referrals = referrals.filter(status=status)
    if stage:
        referrals = referrals.filter(status__in=STAGES[stage])
    if service_id:
        referrals = referrals.filter(service_at_location__service_id=service_id)
    if person_id:
        referrals = referrals.sent_by(actor).filter(person__public_id=person_id)
    today = timezone.localdate()
    if overdue:
        referrals = referrals.filter(status=ReferralStatus.REQUESTED, response_due_on__lt=today)
    if follow_up:
        referrals = referrals.filter(status__in=OPEN_STATUSES, requested_by__lt=today)
    return referrals.order_by("-created_at", "-id")


def referral_for_update(*, actor: Actor, public_id: uuid.UUID | str) -> Referral:
    """The referral the actor reaches, locked (on PostgreSQL) for a write, with what its
    answer shows read in the same statement (the person, the service and its place,
    whether consent still lets it be shared) and the rest prefetched; or 404."""
    return one(_visible(actor).select_for_update(of=("self",)), public_id)


def referral_get(*, actor: Actor, public_id: uuid.UUID | str) -> Referral:
    referral = one(_visible(actor), public_id)
    return referral


def referral_read(*, actor: Actor, public_id: uuid.UUID | str) -> Referral:
    """referral_get for showing it: a read of the person's shared data, so it is audited."""
    referral = referral_get(actor=actor, public_id=public_id)
    audit_record(
        actor=actor, action="referral.read", obj=referral, person_id=referral.person.public_id
    )
    return referral


def sides_of(actor: Actor, referral: Referral) -> set[str]:
    """Which side(s) of the referral the actor's organization is on. For a light referral
    (no receiving organization on the network) the referring side records the outcome."""
    sides = set()
    if referral.referring_organization_id == actor.organization.pk:
        sides.add(REFERRING)
        if referral.is_light:
            sides.add(RECEIVING)
    if (
        referral.receiving_organization_id == actor.organization.pk
        and referral.status != ReferralStatus.DRAFT
    ):
        sides.add(RECEIVING)
    return sides


def actions_for(actor: Actor, referral: Referral) -> list[str]:
    """The statuses the actor may move this referral to now (for showing buttons)."""
    sides = sides_of(actor, referral)
    if REFERRING in sides and not actor.can("referral.send"):
        sides.discard(REFERRING)
    if RECEIVING in sides and not actor.can("referral.respond"):
        sides.discard(RECEIVING)
    return moves_for(referral.status, sides)


def is_overdue(referral: Referral, today: datetime.date | None = None) -> bool:
    day = today or timezone.localdate()
    return bool(
        referral.status == ReferralStatus.REQUESTED
        and referral.response_due_on
        and referral.response_due_on < day
    )


def needs_follow_up(referral: Referral, today: datetime.date | None = None) -> bool:
    day = today or timezone.localdate()
    return bool(
        referral.status in OPEN_STATUSES and referral.requested_by and referral.requested_by < day
    )


def referral_consent(person: Person, organization: Organization) -> Consent | None:
    """The newest consent in force that lets the person's data go to ``organization`` for
    referrals (a consent for another purpose does not count)."""
    return (
        consents_permitting(person, organization)
        .filter(purpose=ConsentPurpose.REFERRAL)
        .order_by("-given_on", "-id")
        .first()
    )


def may_share(person: Person, organization: Organization) -> bool:
    """Whether a referral may carry the person's details to ``organization``: its own
    organization always, any other only with a consent for referrals."""
    return organization.pk == person.organization_id or (
        referral_consent(person, organization) is not None
    )


def sharing_active(referral: Referral) -> bool:
    """Whether the receiving organization may still see the person's shared details."""
    receiving = referral.receiving_organization
    if receiving is None:
        return True
    if referral.sharing_ended_at is not None:
        return False
    if receiving.pk == referral.person.organization_id:
        return True
    consented = getattr(referral, "consent_to_share", None)  # annotated by the selectors
    if consented is not None:
        return bool(consented)
    return may_share(referral.person, receiving)


def withdrawn_from(actor: Actor, referral: Referral) -> bool:
    """Whether ``actor`` is the receiving side of a referral whose sharing has ended (the
    person's consent was revoked or lapsed). It then keeps only what its own records need:
    that a referral it had was withdrawn, and when; no person, note, needs or reasons."""
    referring = referral.referring_organization_id == actor.organization.pk
    return not referring and not sharing_active(referral)


def referral_history(*, actor: Actor, referral: Referral) -> list[ReferralEvent]:
    """The referral's moves; a receiving side whose sharing ended sees them without their
    reasons (a revocation's reason may speak of the person)."""
    events = list(referral.events.select_related("organization", "user"))
    if withdrawn_from(actor, referral):
        for event in events:
            event.reason = ""
    return events


def shared_person(actor: Actor, referral: Referral) -> dict[str, Any] | None:
    """The person as this actor may see them through the referral: the whole name and
    contact details for the referring side; for the receiving side, only what a referral
    shares (name, language, how to reach them) and nothing once consent is withdrawn."""
    person = referral.person
    referring = referral.referring_organization_id == actor.organization.pk
    if withdrawn_from(actor, referral):
        return None
    return {
        "id": person.public_id if referring else None,
        "name": person.display_name,
        "preferred_language": person.preferred_language,
        "interpreter_needed": person.interpreter_needed,
        "preferred_contact_method": person.preferred_contact_method,
        "phone": person.phone if (person.ok_to_call or person.ok_to_text) else "",
        "email": person.email if person.ok_to_email else "",
        "ok_to_call": person.ok_to_call,
        "ok_to_text": person.ok_to_text,
        "ok_to_email": person.ok_to_email,
        "ok_to_leave_voicemail": person.ok_to_leave_voicemail,
    }
