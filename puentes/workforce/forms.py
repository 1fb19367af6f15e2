"""The workforce pages' forms: a training completed, a certification held."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from puentes.core.inputs import form_field
from puentes.workforce.definitions import certificate_ids, certificate_title
from puentes.workforce.models import Certification, TrainingRecord


class TrainingForm(forms.Form):
    title = form_field(TrainingRecord, "title", label=_("Training"))
    provider = form_field(TrainingRecord, "provider", label=_("Provider"), required=False)
    completed_on = forms.DateField(
        label=_("Completed on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    hours = form_field(TrainingRecord, "hours", label=_("Hours"))
    fieldwork_hours = form_field(
        TrainingRecord, "fieldwork_hours", label=_("Of which supervised fieldwork (hours)"),
        required=False, initial=0,
    )  # fmt: skip

    def clean_fieldwork_hours(self) -> Any:
        return self.cleaned_data.get("fieldwork_hours") or 0


class CertificationForm(forms.Form):
    programme = forms.ChoiceField(label=_("Certificate or credential"))
    number = form_field(Certification, "number", label=_("Number"), required=False)
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
