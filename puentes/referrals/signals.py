"""Revoking a consent ends the sharing it allowed (people cannot depend on referrals, so
the people app announces the revocation and this app acts on it)."""

from typing import Any

from django.dispatch import receiver

from puentes.people.signals import consent_revoked
from puentes.referrals.services import referrals_end_sharing


@receiver(consent_revoked)
def _end_sharing(sender: Any, consent: Any, user: Any, **kwargs: Any) -> None:
    referrals_end_sharing(
        person=consent.person, user=user, reason=str(consent.revocation_reason or "consent revoked")
    )
