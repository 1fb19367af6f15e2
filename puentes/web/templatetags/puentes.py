"""Display helpers for templates."""

import phonenumbers
from django import template

from puentes.core.audit import AUDIT_ACTION_LABELS

register = template.Library()


@register.filter
def phone(value: str) -> str:
    """+19165550199 -> (916) 555-0199; numbers from abroad in international form."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, "US")
    except phonenumbers.NumberParseException:
        return value
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 1
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)


@register.filter
def audit_action(action: str) -> str:
    return str(AUDIT_ACTION_LABELS.get(action, action))
