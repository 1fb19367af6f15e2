from django import forms
from django.utils.translation import gettext_lazy as _

from puentes.core.inputs import form_field
from puentes.core.languages import LANGUAGES
from puentes.directory.models import (
    Capacity,
    Correction,
    CorrectionKind,
    CorrectionStatus,
    DirectoryImport,
    Phone,
    Service,
    ServiceAtLocation,
    ServiceStatus,
)
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
    page = forms.IntegerField(
        label=_("Page"), required=False, min_value=1, widget=forms.HiddenInput
    )
    capacity = forms.MultipleChoiceField(
        label=_("Can take people"),
        required=False,
        choices=Capacity.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["need"].choices = [("", _("Any need"))] + [  # type: ignore[attr-defined]
            (code, CATEGORIES[code]) for code in need_taxonomy() if code in CATEGORIES
        ]
        self.fields["language"].choices = [("", _("Any language")), *LANGUAGES]  # type: ignore[attr-defined]


class ServiceEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    name = form_field(Service, "name", label=_("Name"))
    alternate_name = form_field(Service, "alternate_name", label=_("Other name"))
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    phone = form_field(Phone, "number", label=_("Phone"), required=False)
    url = form_field(Service, "url", label=_("Website"))
    email = form_field(Service, "email", label=_("Email"))
    status = forms.ChoiceField(label=_("Status"), choices=ServiceStatus.choices)
    eligibility_description = forms.CharField(
        label=_("Who can get it"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    minimum_age = form_field(Service, "minimum_age", label=_("Minimum age"))
    maximum_age = form_field(Service, "maximum_age", label=_("Maximum age"))
    application_process = forms.CharField(
        label=_("How to apply"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    fees_description = forms.CharField(label=_("Cost"), required=False)
    interpretation_services = forms.CharField(label=_("Interpretation"), required=False)
    wait_time = forms.CharField(label=_("Wait time"), required=False)
    alert = forms.CharField(label=_("Alert shown on the listing"), required=False)


class CapacityForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    capacity_status = forms.ChoiceField(
        label=_("Can take people now?"),
        choices=[("", _("Not stated")), *Capacity.choices],
        required=False,
    )
    capacity_note = form_field(ServiceAtLocation, "capacity_note", label=_("Note"))


class CorrectionForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is wrong?"), choices=CorrectionKind.choices)
    description = form_field(
        Correction, "description", label=_("Tell us more"), widget=forms.Textarea(attrs={"rows": 4})
    )


class CorrectionResolveForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (CorrectionStatus.RESOLVED, _("Fixed")),
            (CorrectionStatus.DISMISSED, _("Dismiss")),
        ],
        widget=forms.RadioSelect,
    )
    note = form_field(Correction, "resolution_note", label=_("Note"))


class ImportForm(forms.Form):
    upload = forms.FileField(
        label=_("File"),
        help_text=_("HSDS 3.0 JSON, or a ZIP of a tabular package (HSDS 3.0 or legacy 1.x/2.x)."),
    )
    source = form_field(
        DirectoryImport,
        "source",
        label=_("Source name"),
        help_text=_("Re-importing the same source updates its records in place."),
    )
    skip_invalid = forms.BooleanField(
        label=_("Import the valid rows and report the rejected ones"), required=False
    )
    partial = forms.BooleanField(
        label=_("Partial file: do not mark records missing from it as inactive"), required=False
    )
    allow_deactivate = forms.BooleanField(
        label=_("I know many of this source's listings are gone: let it mark them inactive"),
        required=False,
    )
