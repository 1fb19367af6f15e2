"""Remittances: posting an 835 to claims and lines."""

from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from puentes.billing.models import (
    Claim,
    ClaimEvent,
    ClaimLine,
    ClaimStatus,
    Remittance,
)
from puentes.billing.x12 import RemittanceFormatError, read_835
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version
from puentes.core.errors import invalid

REMITTANCE_MAX_BYTES = 20 * 1024 * 1024


@transaction.atomic
def remittance_import(*, actor: Actor, file_name: str, content: bytes) -> Remittance:
    """Post an X12 835: payments, adjustments and denials to claims and lines. A file that is
    malformed, or names a claim this organization did not send, is refused whole."""
    actor.require("billing.manage")
    if len(content) > REMITTANCE_MAX_BYTES:
        raise invalid({"file": [_("The file is larger than 20 MB.")]})
    try:
        doc = read_835(content.decode("ascii"))
    except UnicodeDecodeError:
        raise invalid({"file": [_("An 835 file is plain ASCII text.")]}) from None
    except RemittanceFormatError as error:
        raise invalid(
            {"file": [_("This is not a readable 835 remittance: %(why)s") % {"why": error}]}
        ) from None
    numbers = [c.claim_number for c in doc.claims]
    claims = {
        c.claim_number: c for c in Claim.objects.for_actor(actor).filter(claim_number__in=numbers)
    }
    unknown = sorted(set(numbers) - set(claims))
    if unknown:
        raise invalid(
            {
                "file": [
                    _("These claims are not yours or do not exist: %(list)s.")
                    % {"list": ", ".join(unknown[:20])}
                ]
            }
        )
    if not doc.claims:
        raise invalid({"file": [_("The remittance holds no claims.")]})
    remittance = Remittance.objects.create(
        organization=actor.organization,
        payer=next(iter(claims.values())).payer,
        file_name=file_name[:200],
        trace_number=doc.trace_number[:50],
        payment_date=doc.payment_date,
        total_paid=doc.total_paid,
        claims_posted=len(doc.claims),
        uploaded_by=actor.user,
    )
    for payment in doc.claims:
        _post(claims[payment.claim_number], payment, actor.user, remittance)
    audit_record(
        actor=actor, action="remittance.import", obj=remittance, detail={"claims": len(doc.claims)}
    )
    return remittance


def _post(claim: Claim, payment: Any, user: Any, remittance: Remittance) -> None:
    status = ClaimStatus.DENIED if payment.denied else ClaimStatus.PAID
    if payment.reversal:
        status = ClaimStatus.ACCEPTED
    reasons = ", ".join(f"{a['group']}-{a['reason']}" for a in payment.adjustments)
    ClaimEvent.objects.create(
        claim=claim,
        user=user,
        from_status=claim.status,
        to_status=status,
        reason=_("Remittance %(trace)s: paid %(paid)s")
        % {"trace": remittance.trace_number, "paid": payment.paid}
        + (f" ({reasons})" if reasons else ""),
    )
    claim.status = status
    claim.paid_amount = Decimal(0) if payment.reversal else payment.paid
    claim.payer_claim_number = payment.payer_claim_number[:50]
    bump_version(claim)
    claim.save()
    unposted = list(claim.lines.order_by("line_number"))
    for service in payment.services:
        line = _line_paid_by(unposted, service)
        if line is None:
            continue
        unposted.remove(line)
        line.paid_amount = service.paid
        line.adjustments = service.adjustments
        line.save(update_fields=["paid_amount", "adjustments"])


def _line_paid_by(lines: list[ClaimLine], service: Any) -> ClaimLine | None:
    """The claim's line an 835 service payment (SVC) speaks of: the same code, on the same
    date when the payer gives it, in line order (payers may reorder or leave out lines)."""
    return next(
        (
            line
            for line in lines
            if line.code == service.code
            and (service.day is None or line.date_of_service == service.day)
        ),
        None,
    )
