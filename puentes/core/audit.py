"""Recording audit events. Every service write and every read of a person calls this."""

import uuid
from typing import Any

from django.utils.translation import gettext_lazy as _

from puentes.core.actor import Actor
from puentes.core.models import AuditEvent


def audit_record(
    *,
    actor: Actor,
    action: str,
    obj: Any = None,
    person_id: uuid.UUID | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event. ``obj`` is any model with a ``public_id``; ``person_id`` ties the
    event to a person's activity history."""
    return AuditEvent.objects.create(
        organization=actor.organization,
        user=actor.user,
        api_key=actor.api_key,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=_object_id(obj),
        subject_person_id=person_id,
        client_ip=actor.client_ip,
        detail=detail or {},
    )


def _object_id(obj: Any) -> uuid.UUID | None:
    """A record's public UUID: ``public_id``, or the primary key of directory records,
    whose HSDS ids are public UUIDs already."""
    if obj is None:
        return None
    public_id = getattr(obj, "public_id", None)
    if public_id is None and isinstance(obj.pk, uuid.UUID):
        return obj.pk
    return public_id


AUDIT_ACTION_LABELS = {
    "person.create": _("registered the person"),
    "person.read": _("opened the record"),
    "person.update": _("edited the record"),
    "person.merge": _("merged a duplicate record into this one"),
    "person.merged_away": _("merged this record into another"),
    "household.create": _("created a household"),
    "household.update": _("renamed a household"),
    "household.add_member": _("added to a household"),
    "household.remove_member": _("removed from a household"),
    "identifier.add": _("added an identifier"),
    "identifier.remove": _("removed an identifier"),
    "consent.record": _("recorded consent to share"),
    "consent.revoke": _("revoked consent to share"),
    "caseload.assign": _("assigned a worker"),
    "caseload.unassign": _("unassigned a worker"),
    "organization.update": _("edited the organization"),
    "member.update": _("changed a member's role"),
    "member.activate": _("reactivated a member"),
    "member.deactivate": _("deactivated a member"),
    "invitation.create": _("invited a member"),
    "invitation.revoke": _("withdrew an invitation"),
    "invitation.accept": _("accepted an invitation"),
    "apikey.create": _("created an API key"),
    "apikey.revoke": _("revoked an API key"),
    "screening.start": _("started a screening"),
    "screening.submit": _("screened a person"),
    "screening.configure": _("chose the screening instruments"),
    "need.record": _("recorded a need"),
    "need.status": _("changed a need's status"),
    "screening.read": _("opened a screening"),
    "need.read": _("opened a need"),
    "directory.service.update": _("edited a directory listing"),
    "directory.capacity.update": _("changed a listing's capacity"),
    "directory.verify": _("verified a directory listing"),
    "directory.correction.report": _("reported a problem with a listing"),
    "directory.correction.resolve": _("closed a reported problem"),
    "directory.import": _("imported directory data"),
    "referral.create": _("started a referral"),
    "referral.status": _("changed a referral's status"),
    "referral.read": _("opened a referral"),
    "program.create": _("added a program"),
    "program.update": _("edited a program"),
    "enrollment.create": _("enrolled the person in a program"),
    "enrollment.status": _("changed a program enrollment's status"),
    "enrollment.update": _("changed a program enrollment"),
    "care_plan.create": _("started a care plan"),
    "goal.create": _("set a goal"),
    "goal.update": _("changed a goal"),
    "goal.progress": _("recorded progress on a goal"),
    "recommendation.record": _("recorded a practitioner's recommendation"),
    "recommendation.attach": _("attached a scanned recommendation"),
    "plan_of_care.record": _("recorded a plan of care"),
    "plan_of_care.attach": _("attached a scanned plan of care"),
    "follow_up.create": _("added a follow-up"),
    "follow_up.update": _("changed a follow-up"),
    "follow_up.close": _("closed a follow-up"),
    "encounter.log": _("logged an encounter"),
    "encounter.update": _("edited an encounter"),
    "encounter.amend": _("amended a billed encounter"),
    "payer.create": _("added a payer"),
    "coverage.add": _("recorded coverage"),
    "coverage.end": _("ended a coverage"),
    "initiating_visit.record": _("recorded an initiating visit"),
    "provider.add": _("added a provider"),
    "billing_profile.set": _("changed the billing set-up"),
    "fee.set": _("set a fee"),
    "funding.create": _("added a funding source"),
    "batch.generate": _("generated a claim batch"),
    "batch.status": _("changed a claim batch's status"),
    "claim.void": _("voided a claim"),
    "claim.correct": _("sent a corrected claim"),
    "remittance.import": _("imported a remittance"),
    "grants.charge": _("charged work to grants"),
}
