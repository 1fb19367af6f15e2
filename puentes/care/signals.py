"""Referrals set follow-ups: a referral sent with a wanted-by date becomes a follow-up for
the referring worker on that date, done when the referral closes."""

from typing import Any

from django.dispatch import receiver

from puentes.care.services import follow_referral
from puentes.referrals.signals import referral_status_changed


@receiver(referral_status_changed)
def _follow_referral(sender: Any, referral: Any, user: Any, **kwargs: Any) -> None:
    if referral.status != "draft":
        follow_referral(referral, user)
