"""Message kinds are registered by the app that sends them: notifications knows none by
name, refuses to store a kind nobody registered, and says a stored kind whose text is gone
as it is rather than failing."""

import pytest
from django.utils.translation import gettext_lazy as _

from puentes.notifications import messages
from puentes.notifications.services import notify


def test_referrals_registers_its_kinds_in_both_languages():
    params = {"service": "Pantry", "organization": "Northside"}
    assert messages.render("referral.new", params, "en") == (
        "New referral to Pantry from Northside."
    )
    assert messages.render("referral.new", params, "es") == (
        "Nueva derivación a Pantry de Northside."
    )


def test_an_unregistered_kind_is_refused(ana):
    with pytest.raises(ValueError, match="register the message kind"):
        notify(recipients=[ana.user], organization=ana.organization, kind="x.y", params={})


def test_a_stored_kind_without_text_is_said_as_stored():
    assert messages.render("gone.kind", {}) == "gone.kind"


def test_a_kind_cannot_be_registered_twice_with_different_text():
    with pytest.raises(ValueError, match="registered twice"):
        messages.kind_register("referral.new", _("Something else"))
