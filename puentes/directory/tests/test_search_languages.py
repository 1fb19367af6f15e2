"""Search across English and Spanish: a word finds listings written in the other language
through the reviewed vocabulary (definitions/vocabulary.yaml), a Spanish word's short stem
does not match unrelated English words, and the word as typed ranks first."""

import pytest

from puentes.directory import search_index, vocabulary
from puentes.directory.search import DirectoryQuery, search


@pytest.fixture
def listings(db, make_listing):
    make_listing(name="Emergency Rental Assistance", description="Help with past-due rent.")
    make_listing(name="Come as you are support group", description="Peer support, weekly.")
    make_listing(name="Eastside Food Pantry", description="Free groceries for families.")
    make_listing(name="Despensa Comunitaria", description="Comida gratis para familias.")
    make_listing(name="Clínica Dental Salud", description="Dentista para toda la familia.")
    make_listing(name="Community Dental Clinic", description="Low-cost cleanings and fillings.")
    search_index.rebuild()


def names(words):
    return [r.entry.name for r in search(DirectoryQuery(words=words)).results]


def test_a_spanish_word_does_not_match_english_words_sharing_its_short_stem(listings):
    # Snowball's Spanish stem of "comida" is "com", which English "come" also yields.
    assert "Come as you are support group" not in names("comida")


def test_rent_finds_rental_assistance(listings):
    assert names("rent") == ["Emergency Rental Assistance"]


def test_spanish_finds_english_listings_and_english_finds_spanish_ones(listings):
    assert names("comida") == ["Despensa Comunitaria", "Eastside Food Pantry"]
    assert names("ayuda con la renta") == ["Emergency Rental Assistance"]
    assert names("dentista") == ["Clínica Dental Salud", "Community Dental Clinic"]
    assert names("dentist") == ["Clínica Dental Salud", "Community Dental Clinic"]
    assert "Despensa Comunitaria" in names("food")


def test_the_word_as_typed_ranks_before_its_translation(listings):
    assert names("food")[0] == "Eastside Food Pantry"
    assert names("despensa")[0] == "Despensa Comunitaria"


def test_the_vocabulary_is_reviewed_data():
    assert {"comida", "food", "alimentos"} <= vocabulary.equivalents("Comida")
    assert vocabulary.equivalents("unicornio") == frozenset({"unicornio"})
    assert vocabulary.known("pañales") and vocabulary.known("panales")
