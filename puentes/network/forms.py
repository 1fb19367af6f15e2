from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from puentes.core.inputs import form_field
from puentes.core.languages import LANGUAGES
from puentes.network.models import ApiKey, ApiKeyScope, Organization, Role, WorkerType
from puentes.network.services import ORGANIZATION_EDITABLE_FIELDS


class OrganizationForm(forms.ModelForm[Organization]):
    version = forms.IntegerField(widget=forms.HiddenInput)
    languages_served = forms.MultipleChoiceField(
        choices=LANGUAGES,
        required=False,
        label=_("Languages served"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = Organization
        fields = ORGANIZATION_EDITABLE_FIELDS

    def _post_clean(self) -> None:
        """The service validates."""

    def service_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ORGANIZATION_EDITABLE_FIELDS}


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    worker_type = forms.ChoiceField(
        label=_("Worker type"),
        choices=[("", _("(not a frontline worker)")), *WorkerType.choices],
        required=False,
    )


class MemberForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    worker_type = forms.ChoiceField(
        label=_("Worker type"),
        choices=[("", _("(not a frontline worker)")), *WorkerType.choices],
        required=False,
    )


class ApiKeyForm(forms.Form):
    name = form_field(ApiKey, "name", label=_("What is it for?"))
    scope = forms.ChoiceField(label=_("Scope"), choices=ApiKeyScope.choices)


class AuditFilterForm(forms.Form):
    action = forms.CharField(label=_("Action starts with"), required=False, max_length=64)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
