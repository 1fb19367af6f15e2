"""What each kind of notification says. Messages name the service and the status, never the
person: e-mail is not a place for health or social information."""

from collections.abc import Callable
from typing import Any

from django.utils import translation

# What each kind says, registered by the app that sends it (referrals registers
# "referral.new" and the rest in its AppConfig.ready), so notifications imports none of them.
_KINDS: dict[str, Any] = {}


def kind_register(kind: str, template: Any) -> None:
    """A kind of message and its (lazily translated) text, with %(name)s parameters."""
    if kind in _KINDS and _KINDS[kind] is not template:
        raise ValueError(f"the message kind {kind} is registered twice")
    _KINDS[kind] = template


def kind_known(kind: str) -> bool:
    return kind in _KINDS


def render(kind: str, params: dict[str, Any], language: str | None = None) -> str:
    template = _KINDS.get(kind)
    if template is None:  # a kind whose app is gone: say what is stored rather than fail
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
