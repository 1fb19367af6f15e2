"""What referrals' notifications say. Messages name the service and the status, never the
person: e-mail is not a place for health or social information."""

from django.utils.translation import gettext_lazy as _

from puentes.notifications.messages import kind_register

# The messages are e-mailed and shown in the app: %(service)s is a directory service's name,
# %(organization)s a partner organization's; they never carry the person's name or needs.
KINDS = {
    # Translators: e-mailed; never add the person's name. %(service)s is a service's name.
    "referral.new": _("New referral to %(service)s from %(organization)s."),
    # Translators: %(status)s is a referral status already translated (e.g. "Accepted").
    "referral.status": _("Your referral to %(service)s is now: %(status)s."),
    "referral.cancelled": _("%(organization)s cancelled a referral to %(service)s."),
    "referral.consent_revoked": _(
        "Consent to share was withdrawn: a referral to %(service)s was cancelled and its "
        "details are no longer shared."
    ),
}


def register() -> None:
    for kind, template in KINDS.items():
        kind_register(kind, template)
