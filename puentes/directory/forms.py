from django import forms
from django.utils.translation import gettext_lazy as _

from puentes.core.languages import LANGUAGES
from puentes.directory.search import need_taxonomy
from puentes.screening.categories import CATEGORIES

DAY_CHOICES = [
    ("", _("Any day")),
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("What help?"), required=False, max_length=200)
    need = forms.ChoiceField(label=_("Need"), required=False)
    zip = forms.CharField(
        label=_("Near ZIP code"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    radius_km = forms.ChoiceField(
        label=_("Within"),
        required=False,
        initial="25",
        choices=[
            ("5", "5 km"),
            ("10", "10 km"),
            ("25", "25 km"),
            ("50", "50 km"),
            ("100", "100 km"),
        ],
    )
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    free = forms.BooleanField(label=_("Free of cost"), required=False)
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    open_on = forms.ChoiceField(label=_("Open on"), required=False, choices=DAY_CHOICES)
    age = forms.IntegerField(
        label=_("Age of the person"), required=False, min_value=0, max_value=120
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["need"].choices = [("", _("Any need"))] + [  # type: ignore[attr-defined]
            (code, CATEGORIES[code]) for code in need_taxonomy() if code in CATEGORIES
        ]
        self.fields["language"].choices = [("", _("Any language")), *LANGUAGES]  # type: ignore[attr-defined]
