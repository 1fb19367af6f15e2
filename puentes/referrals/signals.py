"""What the referrals app announces, and how it hears the people app.

Revoking a consent ends the sharing it allowed (people cannot depend on referrals, so the
people app announces the revocation and this app acts on it). Every status change of a
referral is announced for the apps that build on referrals (care management's follow-ups).
"""

from typing import Any

from django.dispatch import Signal, receiver

from puentes.people.signals import consent_revoked

# Sent inside the transaction of every status change, with referral= and user=.
referral_status_changed = Signal()


@receiver(consent_revoked)
def _end_sharing(sender: Any, consent: Any, user: Any, **kwargs: Any) -> None:
    from puentes.referrals.services import referrals_end_sharing

    referrals_end_sharing(
        person=consent.person, user=user, reason=str(consent.revocation_reason or "consent revoked")
    )
