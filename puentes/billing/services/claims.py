"""A submitted claim's corrections (frequency 7) and voids (frequency 8), each sent in a new
batch of its own."""

import uuid
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from puentes.billing import selectors
from puentes.billing.models import Claim, ClaimBatch, ClaimEvent, ClaimStatus, Frequency
from puentes.billing.runs import evaluate_period
from puentes.billing.services.batches import _check_reason, _save_claims, claim_drafts
from puentes.care.models import Encounter
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import DomainError, invalid


def _standing(claim: Claim) -> None:
    """Refuse, saying why, to correct or void a claim that is not correctable."""
    if claim.correctable:
        return
    if claim.status in (ClaimStatus.REPLACED, ClaimStatus.VOIDED, ClaimStatus.REJECTED):
        raise DomainError(
            "conflict",
            _("This claim no longer stands (it is %(status)s).")
            % {"status": claim.get_status_display()},
        )
    if claim.frequency == Frequency.VOID:
        raise DomainError("conflict", _("A void cannot be corrected or voided."))
    if claim.status == ClaimStatus.GENERATED:
        raise DomainError(
            "invalid",
            _("This claim has not been submitted: reject its batch or wait until it is sent."),
        )


def _follow_up_batch(actor: Actor, claim: Claim) -> ClaimBatch:
    days = list(claim.lines.values_list("date_of_service", flat=True))
    return ClaimBatch.objects.create(
        organization=actor.organization,
        payer=claim.payer,
        period_start=min(days),
        period_end=max(days),
        created_by=actor.user,
    )


def _close_claim(claim: Claim, status: str, user: Any, reason: str) -> None:
    ClaimEvent.objects.create(
        claim=claim, user=user, from_status=claim.status, to_status=status, reason=reason
    )
    claim.status, claim.status_reason = status, reason
    bump_version(claim)
    claim.save()
    claim.lines.update(is_current=False)


@transaction.atomic
def claim_void(
    *, actor: Actor, claim_id: uuid.UUID | str, version: int | None, reason: str
) -> Claim:
    """Send a void (frequency 8) of a submitted claim, in a new batch. Its encounters can
    then be billed again."""
    actor.require("billing.manage")
    claim = lock_for_update(Claim, selectors.claim_get(actor=actor, public_id=claim_id).pk)
    check_version(claim, version)
    _standing(claim)
    if not (reason or "").strip():
        raise invalid({"reason": [_("Say why the claim is voided.")]})
    _check_reason(reason)
    batch = _follow_up_batch(actor, claim)
    void = Claim.objects.create(
        organization=claim.organization,
        batch=batch,
        payer=claim.payer,
        person=claim.person,
        coverage=claim.coverage,
        claim_number=f"V{claim.claim_number}",
        frequency=Frequency.VOID,
        replaces=claim,
        rule_set_id=claim.rule_set_id,
        rule_set_version=claim.rule_set_version,
        diagnoses=claim.diagnoses,
        total_charge=claim.total_charge,
    )
    for line in claim.lines.all():
        line.pk, line.claim, line.is_current = None, void, False
        line.save()
    ClaimEvent.objects.create(claim=void, user=actor.user, to_status=void.status, reason=reason)
    _close_claim(claim, ClaimStatus.VOIDED, actor.user, reason.strip())
    audit_record(actor=actor, action="claim.void", obj=claim, person_id=claim.person.public_id)
    return void


@transaction.atomic
def claim_correct(
    *, actor: Actor, claim_id: uuid.UUID | str, version: int | None, reason: str
) -> Claim:
    """A corrected claim (frequency 7) replacing a submitted one, from the encounters as
    they are documented now (an amended encounter's amendment), in a new batch."""
    actor.require("billing.manage")
    claim = lock_for_update(Claim, selectors.claim_get(actor=actor, public_id=claim_id).pk)
    check_version(claim, version)
    _standing(claim)
    if not (reason or "").strip():
        raise invalid({"reason": [_("Say what the correction changes.")]})
    _check_reason(reason)
    encounters: set[int] = set()
    for encounter, time_from in claim.lines.values_list("encounter_id", "time_from"):
        encounters.add(encounter)
        encounters.update(earlier for earlier, _minutes, _day in time_from)
    amended = dict(
        Encounter.objects.filter(amends_id__in=encounters).values_list("amends_id", "pk")
    )
    wanted = {amended.get(pk, pk) for pk in encounters}
    _close_claim(claim, ClaimStatus.REPLACED, actor.user, reason.strip())
    days = list(Encounter.objects.filter(pk__in=wanted).values_list("occurred_on", flat=True))
    rows = [
        row
        for row in evaluate_period(
            actor.organization, min(days), max(days), payer=claim.payer, people=[claim.person_id]
        )
        if row.encounter_pk in wanted and not row.waiting
    ]
    problems = [p.reason for row in rows for p in row.outcome.problems]
    if not rows or problems:
        raise DomainError(
            "invalid",
            _("The corrected claim would not be billable: %(why)s")
            % {"why": " ".join(problems) or _("nothing to bill")},
        )
    batch = _follow_up_batch(actor, claim)
    drafts = list(claim_drafts(rows))
    first = _save_claims(
        batch, drafts, first_number=1, frequency=Frequency.CORRECTED, replaces=claim
    )[0]
    corrected = Claim.objects.get(pk=first)
    audit_record(actor=actor, action="claim.correct", obj=claim, person_id=claim.person.public_id)
    return corrected
