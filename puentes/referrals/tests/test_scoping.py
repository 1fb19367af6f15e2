"""Referrals' own tenancy rule (ReferralQuerySet.for_organization): a referral belongs to
the organization that made it and, once sent, to the one it is addressed to."""

from conftest import actor_for
from puentes.referrals.models import Referral


def test_a_referral_belongs_to_both_sides_but_a_draft_to_its_sender(ana, pat, omar, consent, refer):
    referral = refer()
    sender, receiver, outsider = actor_for(ana), actor_for(pat), actor_for(omar)
    assert Referral.objects.for_actor(sender).filter(pk=referral.pk).exists()
    assert Referral.objects.for_actor(receiver).filter(pk=referral.pk).exists()
    assert not Referral.objects.for_actor(outsider).filter(pk=referral.pk).exists()
    assert Referral.objects.sent_by(sender).filter(pk=referral.pk).exists()
    assert not Referral.objects.sent_by(receiver).filter(pk=referral.pk).exists()
    assert Referral.objects.received_by(receiver).filter(pk=referral.pk).exists()
    draft = refer(send=False)
    assert Referral.objects.for_actor(sender).filter(pk=draft.pk).exists()
    assert not Referral.objects.for_actor(receiver).filter(pk=draft.pk).exists()
    assert not Referral.objects.received_by(receiver).filter(pk=draft.pk).exists()
