"""What each kind of notification says. Messages name the service and the status, never the
person: e-mail is not a place for health or social information."""

from collections.abc import Callable
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

MESSAGES: dict[str, Any] = {
    "referral.new": _("New referral to %(service)s from %(organization)s."),
    "referral.status": _("Your referral to %(service)s is now: %(status)s."),
    "referral.cancelled": _("%(organization)s cancelled a referral to %(service)s."),
    "referral.consent_revoked": _(
        "Consent to share was withdrawn: a referral to %(service)s was cancelled and its "
        "details are no longer shared."
    ),
}


def render(kind: str, params: dict[str, Any], language: str | None = None) -> str:
    template = MESSAGES.get(kind)
    if template is None:
        return kind
    with translation.override(language or translation.get_language()):
        values = {k: str(_status_label(k, v)) for k, v in params.items()}
        return str(template) % values


# How a message parameter's stored value is said in words (a referral's status code as its
# label): registered by the app that sends the messages, so notifications imports none.
_LABELS: dict[str, Callable[[Any], Any]] = {}


def label_register(key: str, label: Callable[[Any], Any]) -> None:
    _LABELS[key] = label


def _status_label(key: str, value: Any) -> Any:
    label = _LABELS.get(key)
    return label(value) if label is not None else value
