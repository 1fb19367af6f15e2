"""Checking input fields in services: every problem is collected under its field's name,
then raised at once (``invalid``), so a form or API call hears of all of them together.

A field's rules (its length, its range, its message) are declared once, on the model
field. Services check a write against them (``model_text``, ``model_number``), and forms
build their fields from them (``form_field``), so the API and the page cannot drift apart:
one input style, whichever door the write came through."""

import datetime
import uuid
from collections.abc import Mapping
from typing import Annotated, Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext as _
from pydantic import AfterValidator, WithJsonSchema

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


def model_text(
    model: type[models.Model],
    fields: Fields,
    name: str,
    errors: Errors,
    *,
    required: bool = False,
    field: str = "",
) -> str:
    """``clean_text`` with the limit the model declares for the field (``field`` when the
    input is named differently from the column)."""
    limit = max_length(model, field or name)
    return clean_text(fields, name, errors, limit=limit, required=required)


def _column(model: type[models.Model], name: str) -> "models.Field[Any, Any]":
    column = model._meta.get_field(name)
    if not isinstance(column, models.Field):
        raise TypeError(f"{model.__name__}.{name} is not a column")
    return column


def max_length(model: type[models.Model], name: str) -> int:
    """The length the model declares for a text field: the one place it is written."""
    limit = _column(model, name).max_length
    if limit is None:
        raise TypeError(f"{model.__name__}.{name} declares no max_length")
    return limit


def model_number(model: type[models.Model], fields: Fields, name: str, errors: Errors) -> Any:
    """A whole number checked by the model field's validators (their messages say the
    range); None where the field may be empty."""
    value = fields.get(name)
    column = _column(model, name)
    if value is None and column.null:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        errors[name] = [_("Enter a whole number.")]
        return value
    try:
        column.run_validators(value)
    except ValidationError as problem:
        errors[name] = [problem.messages[0]]  # the model's own message first
    return value


def form_field(model: type[models.Model], name: str, **options: Any) -> forms.Field:
    """The form field for a model field, with the model's length, choices and range: a
    page's form repeats none of the rules its service checks."""
    column = _column(model, name)
    for validator in column.validators:
        if isinstance(validator, MinValueValidator):
            options.setdefault("min_value", validator.limit_value)
        elif isinstance(validator, MaxValueValidator):
            options.setdefault("max_value", validator.limit_value)
    built = column.formfield(**options)
    if built is None:
        raise TypeError(f"{model.__name__}.{name} has no form field")
    return built


def is_uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def raise_if(errors: Errors) -> None:
    if errors:
        raise invalid(errors)


def _wall_clock(value: datetime.time) -> datetime.time:
    if value.tzinfo is not None:
        raise ValueError(_("Give the local time of day, without a UTC offset (e.g. 14:30)."))
    return value


# A time of day on the organization's wall clock (an encounter's start, say): no UTC offset,
# so the API describes it as HH:MM[:SS] rather than JSON Schema's "time" (which needs one).
LocalTime = Annotated[
    datetime.time,
    AfterValidator(_wall_clock),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$",
            "description": "Local time of day, HH:MM or HH:MM:SS, without a UTC offset",
        }
    ),
]


def _unsafe(text: str) -> bool:
    """A NUL (PostgreSQL refuses it in text) or a lone UTF-16 surrogate (no database can
    store it): text that cannot be saved as sent."""
    return "\x00" in text or any("\ud800" <= char <= "\udfff" for char in text)


def unsafe_text(data: Any, path: str = "") -> Errors:
    """Every field of decoded JSON (or form or query values) holding unstorable text, named
    by its dotted path, with why; keys are checked as well as values."""
    errors: Errors = {}
    if isinstance(data, str):
        if _unsafe(data):
            errors[path or "__all__"] = [
                _("Contains a character that cannot be stored (a NUL or a lone surrogate).")
            ]
    elif isinstance(data, dict):
        for key, value in data.items():
            name = f"{path}.{key}" if path else str(key)
            errors.update(unsafe_text(key, name) or unsafe_text(value, name))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            errors.update(unsafe_text(value, f"{path}.{index}" if path else str(index)))
    return errors
