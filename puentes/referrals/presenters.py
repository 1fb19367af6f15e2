"""A referral as each side may see it — the one shape the API, the pages and the light
summary are built from."""

from typing import Any

from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.languages import LANGUAGE_NAMES
from puentes.directory.selectors import Place, listing_places
from puentes.referrals import selectors
from puentes.referrals.models import Outcome, Referral, ReferralStatus
from puentes.screening.categories import CATEGORIES


def _service(referral: Referral, place: Place | None) -> dict[str, Any]:
    sal = referral.service_at_location
    service = sal.service
    # A page's places are read at once (referrals_out); one referral's in one statement.
    place = place or listing_places([sal])[sal.pk]
    return {
        "service_at_location_id": sal.pk,
        "name": service.name,
        "organization": service.organization.name if service.organization else "",
        "address": place.address,
        "phone": place.phone,
        "hours": place.hours,
        "bring": place.bring,
        "capacity_status": sal.current_capacity,
    }


def referrals_out(actor: Actor, referrals: list[Referral]) -> list[dict[str, Any]]:
    """A page of referrals, their services' places read in one statement for all of them."""
    places = listing_places(r.service_at_location for r in referrals)
    return [
        referral_out(actor, referral, places[referral.service_at_location.pk])
        for referral in referrals
    ]


def referral_out(actor: Actor, referral: Referral, place: Place | None = None) -> dict[str, Any]:
    referring = referral.referring_organization_id == actor.organization.pk
    person = selectors.shared_person(actor, referral)
    withdrawn = selectors.withdrawn_from(actor, referral)
    shown: Any = _Withheld() if withdrawn else referral
    return {
        "id": referral.public_id,
        "version": referral.version,
        "status": referral.status,
        "status_label": str(ReferralStatus(referral.status).label),
        "status_reason": shown.status_reason,
        "priority": referral.priority,
        "note": shown.note,
        "requested_by": referral.requested_by,
        "person": person,
        "person_language": str(LANGUAGE_NAMES.get(person["preferred_language"], ""))
        if person
        else "",
        "needs": [
            {
                "id": need.public_id if referring else None,
                "category": need.category,
                "label": str(CATEGORIES.get(need.category, need.category)),
            }
            for need in ([] if withdrawn else referral.needs.all())
        ],
        "service": _service(referral, place),
        "referring_organization": referral.referring_organization.name,
        "referring_worker": referral.referring_member.display_name
        if referral.referring_member
        else "",
        "receiving_organization": referral.receiving_organization.name
        if referral.receiving_organization
        else None,
        "light": referral.is_light,
        "sent_at": referral.sent_at,
        "response_due_on": referral.response_due_on,
        "overdue": selectors.is_overdue(referral),
        "follow_up": selectors.needs_follow_up(referral),
        "accepted_at": referral.accepted_at,
        "closed_at": referral.closed_at,
        "outcome": referral.outcome,
        "outcome_label": str(Outcome(referral.outcome).label) if referral.outcome else "",
        "outcome_note": shown.outcome_note,
        "sharing_ended": referral.sharing_ended_at is not None,
        "actions": selectors.actions_for(actor, referral),
        "created_at": referral.created_at,
    }


class _Withheld:
    """The free text a receiving side no longer sees once sharing has ended."""

    status_reason = note = outcome_note = ""


def light_summary(referral: Referral) -> dict[str, str]:
    """What the person takes with them, in their language: a printable summary and a text
    message of at most 320 characters (two SMS segments)."""
    service = _service(referral, None)
    lines = [
        service["name"],
        service["organization"],
        _("Where: %(address)s") % {"address": service["address"] or "—"},
        _("When: %(hours)s") % {"hours": service["hours"] or _("call to ask")},
        _("Phone: %(phone)s") % {"phone": service["phone"] or "—"},
    ]
    if service["bring"]:
        # Translators: printed for the person: the documents to take to the service.
        lines.append(_("Bring: %(documents)s") % {"documents": service["bring"]})
    text = " | ".join(
        part
        for part in (
            service["name"],
            service["address"],
            service["phone"],
            service["hours"],
        )
        if part
    )
    return {"printable": "\n".join(lines), "text_message": text[:320]}
