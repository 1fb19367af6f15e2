"""What the workforce's reminders say: the worker, the certificate and the day — nothing
about the people the worker serves."""

import datetime
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from puentes.notifications.messages import kind_register, label_register
from puentes.workforce.definitions import programme_title

KINDS = {
    # Translators: %(certificate)s is a certificate's name, %(due_on)s a date.
    "workforce.expires": _("%(worker)s: %(certificate)s expires on %(due_on)s (in %(days)s days)."),
    "workforce.certify_by": _(
        "%(worker)s: the certificate for %(certificate)s is due by %(due_on)s (in %(days)s days)."
    ),
}


def _certificate(value: Any) -> str:
    return programme_title(str(value), get_language() or "en")


def _due_on(value: Any) -> str:
    return date_format(datetime.date.fromisoformat(str(value)), "SHORT_DATE_FORMAT")


def register() -> None:
    for kind, template in KINDS.items():
        kind_register(kind, template)
    label_register("certificate", _certificate)
    label_register("due_on", _due_on)
