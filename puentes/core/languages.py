"""Languages people speak, as ISO 639 codes, with English and Spanish names.

Chosen for the communities CHW programs serve in the US, including Indigenous languages
of Mexico and Central America that promotores meet and generic lists leave out.
"""

from django.utils.translation import gettext_lazy as _

LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("zh", _("Chinese")),
    ("yue", _("Cantonese")),
    ("cmn", _("Mandarin")),
    ("vi", _("Vietnamese")),
    ("tl", _("Tagalog")),
    ("ko", _("Korean")),
    ("ar", _("Arabic")),
    ("ru", _("Russian")),
    ("uk", _("Ukrainian")),
    ("fa", _("Persian (Farsi)")),
    ("prs", _("Dari")),
    ("ps", _("Pashto")),
    ("hy", _("Armenian")),
    ("km", _("Khmer")),
    ("lo", _("Lao")),
    ("hmn", _("Hmong")),
    ("th", _("Thai")),
    ("my", _("Burmese")),
    ("ne", _("Nepali")),
    ("hi", _("Hindi")),
    ("pa", _("Punjabi")),
    ("ur", _("Urdu")),
    ("bn", _("Bengali")),
    ("ja", _("Japanese")),
    ("pt", _("Portuguese")),
    ("fr", _("French")),
    ("ht", _("Haitian Creole")),
    ("so", _("Somali")),
    ("am", _("Amharic")),
    ("ti", _("Tigrinya")),
    ("sw", _("Swahili")),
    ("pl", _("Polish")),
    ("de", _("German")),
    ("it", _("Italian")),
    ("sm", _("Samoan")),
    ("to", _("Tongan")),
    ("mh", _("Marshallese")),
    ("chk", _("Chuukese")),
    ("ilo", _("Ilocano")),
    ("mix", _("Mixtec")),
    ("zap", _("Zapotec")),
    ("trs", _("Triqui")),
    ("yua", _("Yucatec Maya")),
    ("quc", _("K'iche'")),
    ("mam", _("Mam")),
    ("nv", _("Navajo")),
    ("ase", _("American Sign Language")),
]

LANGUAGE_CODES = frozenset(code for code, _label in LANGUAGES)
LANGUAGE_NAMES = dict(LANGUAGES)
