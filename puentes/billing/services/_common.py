"""What the billing services share."""

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from puentes.core.inputs import Errors, Fields
from puentes.core.validators import validate_npi


def _npi(fields: Fields, name: str, errors: Errors) -> str:
    value = str(fields.get(name) or "").strip()
    try:
        validate_npi(value)
    except ValidationError as error:
        errors[name] = list(error.messages)
    return value


def _money(value: Any, name: str, errors: Errors) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors[name] = [_("Enter an amount.")]
        return Decimal(0)
    if not amount.is_finite() or amount < 0 or amount >= Decimal("1000000000"):
        errors[name] = [_("Enter an amount from 0 to 999,999,999.")]
        return Decimal(0)
    return amount.quantize(Decimal("0.01"))


def _period(fields: Fields, errors: Errors, *, end_required: bool = True) -> tuple[Any, Any]:
    """``start_date`` and ``end_date``, the end not before the start."""
    start = _date(fields, "start_date", errors)
    end = _date(fields, "end_date", errors, required=end_required)
    if start and end and end < start:
        errors["end_date"] = [_("The end must be on or after the start.")]
    return start, end


def _date(fields: Fields, name: str, errors: Errors, *, required: bool = True) -> Any:
    value = fields.get(name)
    if value in (None, ""):
        if required:
            errors[name] = [_("Enter a date.")]
        return None
    if not isinstance(value, datetime.date):
        errors[name] = [_("Enter a date.")]
        return None
    return value
