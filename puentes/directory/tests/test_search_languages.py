"""Search across English and Spanish: a word finds listings written in the other language
through the reviewed vocabulary (definitions/vocabulary.yaml), a Spanish word's short stem
does not match unrelated English words, and the word as typed ranks first."""

import pytest

from puentes.directory import search_index, vocabulary
from puentes.directory.search import DirectoryQuery, search
from puentes.directory.text import written_in


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


def test_each_result_says_which_language_its_listing_is_written_in(listings):
    by_name = {r.entry.name: r.entry.written_in for r in search(DirectoryQuery(words="")).results}
    assert by_name["Despensa Comunitaria"] == "es"
    assert by_name["Eastside Food Pantry"] == "en"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Food pantry open to all families. Bring your ID.", ["en"]),
        ("Despensa de alimentos para familias. Traiga su identificación.", ["es"]),
        (
            "Free food for families who need it; comida gratis para las familias que la necesitan.",
            ["es", "en"],
        ),
        ("Legal aid", []),
        ("", []),
    ],
)
def test_written_in_tells_english_from_spanish_and_says_so_when_it_cannot(text, expected):
    assert written_in(text) == expected


def test_the_page_and_the_api_say_the_listing_language(client_for, ana, listings):
    ana.user.language = "es"
    ana.user.save()
    client = client_for(ana)
    body = client.get("/directory/?q=comida").content.decode()
    assert "Escrito en español" in body and "Escrito en inglés" in body
    items = client.get("/api/v1/directory/search?q=comida").json()["items"]
    assert {i["name"]: i["written_in"] for i in items} == {
        "Despensa Comunitaria": ["es"],
        "Eastside Food Pantry": ["en"],
    }


def test_when_no_listing_has_every_word_listings_with_some_are_shown_and_said(
    client_for, ana, listings
):
    page = search(DirectoryQuery(words="dental unicorn"))
    assert page.any_word and [r.entry.name for r in page.results] == [
        "Clínica Dental Salud",
        "Community Dental Clinic",
    ]
    strict = search(DirectoryQuery(words="dental clinic"))
    assert not strict.any_word and [r.entry.name for r in strict.results] == [
        "Clínica Dental Salud",
        "Community Dental Clinic",
    ]
    assert search(DirectoryQuery(words="unicorn")).total == 0
    client = client_for(ana)
    assert client.get("/api/v1/directory/search?q=dental+unicorn").json()["any_word"] is True
    body = client.get("/directory/?q=dental+unicorn").content.decode()
    assert "match some of them" in body
