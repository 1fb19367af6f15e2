"""Display helpers for templates."""

import phonenumbers
from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from puentes.core.audit import AUDIT_ACTION_LABELS
from puentes.screening.definitions import instrument_find

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


@register.filter
def lang(text: object, language: str) -> str:
    """A definition's bilingual text in the given language ("en" or "es")."""
    in_language = getattr(text, "in_language", None)
    return str(in_language(language)) if in_language else str(text)


@register.filter
def instrument_title(screening: object) -> str:
    """The title of a screening's instrument in the reader's language."""
    instrument = instrument_find(
        getattr(screening, "instrument_id", ""), getattr(screening, "instrument_version", None)
    )
    if instrument is None:
        return getattr(screening, "instrument_id", "")
    return instrument.title.in_language("es" if (get_language() or "").startswith("es") else "en")


@register.filter
def who(user: object, api_key: object = None) -> str:
    """Who did something: a user's full name or user name, else the API key (records
    written by another system have no user), else the system."""
    if user is not None:
        name = user.get_full_name() or user.get_username()  # type: ignore[attr-defined]
        return str(name)
    if api_key is not None:
        return _("API key %(prefix)s") % {"prefix": getattr(api_key, "prefix", "")}
    return _("the system")
