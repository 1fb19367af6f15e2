"""Helpers every app's services use: validate, save and audit in one step."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from puentes.core.errors import DomainError, from_validation_error


def apply_fields(
    instance: models.Model, fields: Mapping[str, Any], allowed: Iterable[str]
) -> list[str]:
    """Set the allowed fields on ``instance``; an unknown field is an error, never ignored.

    Returns the names of the fields whose value changed (for the audit trail).
    """
    allowed_set = set(allowed)
    unknown = sorted(set(fields) - allowed_set)
    if unknown:
        raise DomainError(
            "invalid",
            _("Unknown fields."),
            {name: [_("This field cannot be set here.")] for name in unknown},
        )
    changed = []
    for name, value in fields.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed


def validate(instance: models.Model, *, exclude: Iterable[str] | None = None) -> None:
    """full_clean() with its errors turned into a DomainError."""
    try:
        instance.full_clean(exclude=list(exclude) if exclude else None)
    except ValidationError as error:
        raise from_validation_error(error) from None
