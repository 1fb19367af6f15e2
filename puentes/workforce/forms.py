"""The workforce pages' forms: a training completed, a certification held."""

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from puentes.core.inputs import form_field
from puentes.workforce.definitions import certificate_ids, programme_title
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


def _programme_choices() -> list[tuple[str, str]]:
    """Every certificate and credential, titled in the language of the request (read when
    the form is shown or checked, not when the module loads)."""
    language = get_language() or "en"
    return [(c, programme_title(c, language)) for c in certificate_ids()]


class CertificationForm(forms.Form):
    programme = forms.ChoiceField(label=_("Certificate or credential"), choices=_programme_choices)
    number = form_field(Certification, "number", label=_("Number"), required=False)
    issued_on = forms.DateField(
        label=_("Issued on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    expires_on = forms.DateField(
        label=_("Expires on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    evidence = forms.FileField(label=_("Scan (PDF, JPEG or PNG)"), required=False)
