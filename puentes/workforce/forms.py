"""The workforce pages' forms: a training completed, a certification held."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from puentes.workforce.definitions import certificate_ids, certificate_title


class TrainingForm(forms.Form):
    title = forms.CharField(label=_("Training"), max_length=200)
    provider = forms.CharField(label=_("Provider"), max_length=200, required=False)
    completed_on = forms.DateField(
        label=_("Completed on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    hours = forms.DecimalField(label=_("Hours"), max_digits=4, decimal_places=2)
    fieldwork_hours = forms.DecimalField(
        label=_("Of which supervised fieldwork (hours)"), max_digits=4, decimal_places=2,
        required=False, initial=0,
    )  # fmt: skip

    def clean_fieldwork_hours(self) -> Any:
        return self.cleaned_data.get("fieldwork_hours") or 0


class CertificationForm(forms.Form):
    programme = forms.ChoiceField(label=_("Certificate or credential"))
    number = forms.CharField(label=_("Number"), max_length=60, required=False)
    issued_on = forms.DateField(
        label=_("Issued on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    expires_on = forms.DateField(
        label=_("Expires on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    evidence = forms.FileField(label=_("Scan (PDF, JPEG or PNG)"), required=False)

    def __init__(self, *args: Any, language: str = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["programme"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared just above
        field.choices = [(c, certificate_title(c, language)) for c in certificate_ids()]
