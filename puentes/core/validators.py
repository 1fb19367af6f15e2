"""Validators for identifiers and codes that arrive from people and other systems."""

import re
import zoneinfo
from functools import cache

import phonenumbers
import zipcodes  # type: ignore[import-untyped]
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import luhn
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.us import ein

from puentes.core.languages import LANGUAGE_CODES

US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming", "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands",
    "AS": "American Samoa", "MP": "Northern Mariana Islands",
}  # fmt: skip
US_STATE_CHOICES = sorted(US_STATES.items(), key=lambda item: item[1])

_ZIP = re.compile(r"^\d{5}(-\d{4})?$")
# CMS Medicare Beneficiary Identifier: 11 characters, positions typed C A AN N A AN N A A N N;
# letters exclude S, L, O, I, B, Z so they cannot be confused with digits.
_MBI_LETTER = "AC-HJKMNP-RT-Y"
_MBI = re.compile(
    rf"^[1-9][{_MBI_LETTER}][{_MBI_LETTER}0-9]\d[{_MBI_LETTER}][{_MBI_LETTER}0-9]\d"
    rf"[{_MBI_LETTER}][{_MBI_LETTER}]\d\d$"
)
_MEDICAID_ID = re.compile(r"^[A-Z0-9]{5,20}$")


def validate_npi(value: str) -> None:
    """A National Provider Identifier: 10 digits whose Luhn check, with the card-issuer
    prefix 80840 that CMS specifies, is valid."""
    if not re.fullmatch(r"\d{10}", value or ""):
        raise ValidationError(_("An NPI is exactly 10 digits."), code="npi_format")
    if not luhn.is_valid("80840" + value):
        raise ValidationError(_("This NPI's check digit is wrong."), code="npi_check")


def validate_tax_id(value: str) -> None:
    """A US employer identification number (EIN), written 12-3456789."""
    try:
        ein.validate(value)
    except StdnumError:
        raise ValidationError(
            _("A tax id (EIN) is 9 digits with a valid prefix, e.g. 12-3456789."), code="ein"
        ) from None


def validate_us_state(value: str) -> None:
    if value not in US_STATES:
        raise ValidationError(_("%(value)s is not a US state code."), params={"value": value})


def validate_zip(value: str) -> None:
    if not _ZIP.match(value or ""):
        raise ValidationError(_("A ZIP code is 5 digits (or ZIP+4, 12345-6789)."), code="zip")
    if zip_centroid(value[:5]) is None:
        raise ValidationError(_("%(value)s is not a known US ZIP code."), params={"value": value})


@cache
def _zip_table() -> dict[str, tuple[float, float, str]]:
    """ZIP -> (latitude, longitude, time zone), read once from the bundled zipcodes table
    (its own lookup scans every ZIP on each call)."""
    table = {}
    for entry in zipcodes.list_all():
        if entry.get("lat") and entry.get("long"):
            table[entry["zip_code"]] = (
                float(entry["lat"]),
                float(entry["long"]),
                entry.get("timezone") or "",
            )
    return table


def zip_centroid(zip5: str) -> tuple[float, float] | None:
    """Latitude and longitude of a 5-digit ZIP's centroid."""
    found = _zip_table().get((zip5 or "")[:5])
    return (found[0], found[1]) if found else None


@cache
def us_time_zones() -> tuple[str, ...]:
    """Every time zone the ZIP table uses."""
    return tuple(sorted({zone for _lat, _lon, zone in _zip_table().values() if zone}))


def zip_time_zone(zip5: str) -> str:
    """The IANA time zone of a 5-digit ZIP, or "" when unknown."""
    found = _zip_table().get((zip5 or "")[:5])
    return found[2] if found else ""


def normalize_mbi(value: str) -> str:
    return (value or "").replace("-", "").replace(" ", "").upper()


def validate_mbi(value: str) -> None:
    if not _MBI.match(normalize_mbi(value)):
        raise ValidationError(
            _("A Medicare MBI has 11 characters in the pattern 1EG4-TE5-MK73."), code="mbi"
        )


def validate_medicaid_id(value: str) -> None:
    if not _MEDICAID_ID.match(value or ""):
        raise ValidationError(_("A Medicaid ID is 5 to 20 letters and digits."), code="medicaid_id")


def normalize_phone(value: str) -> str:
    """Return the number in E.164 (+15551234567); raise ValidationError if it is not one."""
    try:
        number = phonenumbers.parse(value, "US")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(_("Enter a valid phone number."), code="phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_phone(value: str) -> None:
    normalize_phone(value)


def validate_language(value: str) -> None:
    if value not in LANGUAGE_CODES:
        raise ValidationError(_("%(value)s is not a language we know."), params={"value": value})


def validate_language_list(value: list[str]) -> None:
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError(_("Give a list of language codes."), code="language_list")
    for code in value:
        validate_language(code)


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a time zone."), params={"value": value})
