import pytest
from django.core.exceptions import ValidationError

from puentes.core.text import normalize
from puentes.core.validators import (
    normalize_phone,
    validate_language,
    validate_mbi,
    validate_npi,
    validate_tax_id,
    validate_time_zone,
    validate_zip,
    zip_centroid,
)


@pytest.mark.parametrize("npi", ["1234567893", "1245319599"])
def test_valid_npis_pass(npi):
    validate_npi(npi)


@pytest.mark.parametrize("npi", ["1234567890", "123456789", "12345678931", "abcdefghij", ""])
def test_npi_with_wrong_check_digit_or_format_is_refused(npi):
    with pytest.raises(ValidationError):
        validate_npi(npi)


def test_tax_id_is_an_ein():
    validate_tax_id("94-1234567")
    with pytest.raises(ValidationError):
        validate_tax_id("00-1234567")  # 00 is not an IRS campus prefix
    with pytest.raises(ValidationError):
        validate_tax_id("94-12345")


@pytest.mark.parametrize("mbi", ["1EG4-TE5-MK73", "1eg4te5mk73", "9AA0A00AA00"])
def test_medicare_mbi_in_the_cms_pattern_passes(mbi):
    validate_mbi(mbi)


@pytest.mark.parametrize(
    "mbi", ["0EG4TE5MK73", "1SG4TE5MK73", "1EG4TE5MK7", "1EG4TE5MK7O", "123456789A"]
)
def test_malformed_mbi_is_refused(mbi):
    with pytest.raises(ValidationError):
        validate_mbi(mbi)


def test_zip_must_be_a_known_us_zip_and_gives_its_centroid():
    validate_zip("95817")
    validate_zip("95817-1234")
    lat, lon = zip_centroid("95817")
    assert 38 < lat < 39 and -122 < lon < -121
    for bad in ["9581", "ABCDE", "00000"]:
        with pytest.raises(ValidationError):
            validate_zip(bad)


def test_phone_numbers_are_normalized_to_e164():
    assert normalize_phone("(916) 555-0199") == "+19165550199"
    with pytest.raises(ValidationError):
        normalize_phone("555-01")


def test_unknown_language_and_time_zone_are_refused():
    validate_language("mix")
    validate_time_zone("America/Chicago")
    with pytest.raises(ValidationError):
        validate_language("klingon")
    with pytest.raises(ValidationError):
        validate_time_zone("Mars/Olympus")


def test_normalize_strips_accents_case_and_punctuation():
    assert normalize("  José  María O'Neil ") == "jose maria oneil"
    assert normalize("PEÑA") == "pena"
