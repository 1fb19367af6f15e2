"""Checking input fields in services: every problem is collected under its field's name,
then raised at once (``invalid``), so a form or API call hears of all of them together."""

import uuid
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from puentes.core.errors import invalid

Fields = Mapping[str, Any]
Errors = dict[str, list[str]]


def clean_text(
    fields: Fields, name: str, errors: Errors, *, limit: int, required: bool = False
) -> str:
    """The field's text, trimmed; an error if it is required and empty, or too long."""
    value = str(fields.get(name) or "").strip()
    if required and not value:
        errors.setdefault(name, []).append(_("This field is required."))
    elif len(value) > limit:
        errors.setdefault(name, []).append(
            _("Keep it under %(limit)s characters.") % {"limit": f"{limit:,}"}
        )
    return value


def is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def raise_if(errors: Errors) -> None:
    if errors:
        raise invalid(errors)
