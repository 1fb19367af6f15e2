from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from puentes.core.inputs import form_field
from puentes.screening.categories import CATEGORY_CHOICES
from puentes.screening.models import Need, NeedEvent, NeedStatus


class StartForm(forms.Form):
    instrument = forms.ChoiceField(label=_("Instrument"), widget=forms.RadioSelect)
    language = forms.ChoiceField(
        label=_("Language of the questions"),
        choices=[("en", _("English")), ("es", _("Spanish"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, instruments: list[Any], language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["instrument"].choices = [  # type: ignore[attr-defined]
            (i.id, i.title.in_language(language)) for i in instruments
        ]
        if len(instruments) == 1:
            self.fields["instrument"].initial = instruments[0].id


class NeedForm(forms.Form):
    category = forms.ChoiceField(label=_("Domain"), choices=CATEGORY_CHOICES)
    note = form_field(
        Need,
        "note",
        label=_("What did you notice?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    z_code = form_field(Need, "z_code", label=_("Suggested ICD-10-CM Z code (optional)"))


class NeedStatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("New status"), choices=NeedStatus.choices)
    reason = form_field(NeedEvent, "reason", label=_("Reason"))


class InstrumentChoiceForm(forms.Form):
    instruments = forms.MultipleChoiceField(
        label=_("Instruments your workers use"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, instruments: list[Any], language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["instruments"].choices = [  # type: ignore[attr-defined]
            (i.id, i.title.in_language(language)) for i in instruments
        ]
