"""Forms parse what a person typed; the services decide whether it is allowed."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from puentes.core.inputs import form_field
from puentes.network.selectors import organization_list_on_network
from puentes.people.models import (
    Consent,
    ConsentScope,
    Household,
    Identifier,
    Person,
    Relationship,
)
from puentes.people.services import PERSON_FIELDS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class PersonForm(forms.ModelForm[Person]):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Person
        fields = PERSON_FIELDS
        widgets = {
            "date_of_birth": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "postal_code": forms.TextInput(attrs={"inputmode": "numeric"}),
        }

    def _post_clean(self) -> None:
        """Skip ModelForm's model validation: the service validates, with the same rules,
        whichever door the data came through."""

    def service_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in PERSON_FIELDS}


class IdentifierForm(forms.ModelForm[Identifier]):
    class Meta:
        model = Identifier
        fields = ["kind", "issuer", "value"]
        help_texts = {
            "issuer": _("For a Medicaid ID, the state (e.g. CA). For an MRN, the clinic."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issuer"].required = False  # the service fills in CMS for an MBI

    def _post_clean(self) -> None:
        """The service normalizes and validates identifiers by kind."""


class ConsentForm(forms.ModelForm[Consent]):
    organizations = forms.ModelMultipleChoiceField(
        queryset=organization_list_on_network(),
        required=False,
        label=_("Organizations"),
        help_text=_("Only when sharing with named organizations."),
        widget=forms.CheckboxSelectMultiple,
        to_field_name="public_id",
    )

    class Meta:
        model = Consent
        fields = ["scope", "purpose", "method", "given_on", "expires_on"]
        widgets = {
            "given_on": DateInput(),
            "expires_on": DateInput(),
            "scope": forms.RadioSelect,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["given_on"].initial = timezone.localdate()
        self.fields["scope"].initial = ConsentScope.NAMED

    def _post_clean(self) -> None:
        """The service checks the partners and dates."""


class RevokeForm(forms.Form):
    reason = form_field(
        Consent,
        "revocation_reason",
        label=_("Reason"),
        required=True,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class HouseholdJoinForm(forms.Form):
    household = forms.ModelChoiceField(
        queryset=Household.objects.none(),
        required=False,
        label=_("Existing household"),
        to_field_name="public_id",
    )
    new_household_name = form_field(
        Household, "name", label=_("Or start a new household named"), required=False
    )
    relationship = forms.ChoiceField(label=_("Relationship"), choices=Relationship.choices)

    def __init__(self, *args: Any, households: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("household") and not data.get("new_household_name"):
            raise forms.ValidationError(_("Choose a household or name a new one."))
        if data.get("household") and data.get("new_household_name"):
            raise forms.ValidationError(_("Choose a household or name a new one, not both."))
        return data


class AssignWorkerForm(forms.Form):
    member = forms.ChoiceField(label=_("Worker"))

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].choices = [  # type: ignore[attr-defined]
            (str(m.public_id), f"{m.display_name} — {m.get_role_display()}") for m in members
        ]


class MergeForm(forms.Form):
    duplicate = forms.UUIDField(widget=forms.HiddenInput)
