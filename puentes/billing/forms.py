"""Page forms for billing; every rule is the services'."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from puentes.billing.models import (
    AuthorizationStatus,
    ConsentMethod,
    CoveragePriority,
    FilingIndicator,
    FundingKind,
    ProviderRole,
)
from puentes.care.models import EncounterService

DATE = forms.DateInput(attrs={"type": "date"})


def last_month() -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    return today.replace(day=1) - datetime.timedelta(days=1), today - datetime.timedelta(days=1)


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("To"), widget=DATE)

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        first_of_last_month = last_month()[0].replace(day=1)
        initial = {"start": first_of_last_month, "end": last_month()[1]}
        super().__init__(data if data and "start" in data else None, initial=initial, **kwargs)

    def period(self) -> tuple[datetime.date, datetime.date]:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["start"], self.cleaned_data["end"]
        return self.initial["start"], self.initial["end"]


class CoverageForm(forms.Form):
    payer_id = forms.ChoiceField(label=_("Payer"))
    member_id = forms.CharField(label=_("Member ID"), max_length=40)
    plan_name = forms.CharField(label=_("Plan"), max_length=120, required=False)
    start_date = forms.DateField(label=_("From"), widget=DATE)
    end_date = forms.DateField(label=_("Until"), widget=DATE, required=False)
    priority = forms.ChoiceField(label=_("Priority"), choices=CoveragePriority.choices)

    def __init__(self, *args: Any, payers: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["payer_id"].choices = payers  # type: ignore[attr-defined]


class InitiatingVisitForm(forms.Form):
    visit_date = forms.DateField(label=_("Date of the visit"), widget=DATE)
    code = forms.CharField(label=_("Visit code (e.g. 99214)"), max_length=5)
    practitioner_name = forms.CharField(label=_("Practitioner's name"), max_length=200)
    practitioner_npi = forms.CharField(label=_("Practitioner's NPI"), max_length=10)


class PriorAuthorizationForm(forms.Form):
    coverage_id = forms.ChoiceField(label=_("Coverage"))
    number = forms.CharField(label=_("Authorization number"), max_length=50, required=False)
    codes = forms.CharField(
        label=_("Procedure codes (empty: any)"),
        max_length=200,
        required=False,
        help_text=_("Separated by commas, such as 98960, 98961."),
    )
    units = forms.IntegerField(label=_("Units authorized"), required=False)
    minutes = forms.IntegerField(label=_("Minutes authorized"), required=False)
    start_date = forms.DateField(label=_("From"), widget=DATE)
    end_date = forms.DateField(label=_("Until"), widget=DATE)
    status = forms.ChoiceField(label=_("Status"), choices=AuthorizationStatus.choices)

    def __init__(self, *args: Any, coverages: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coverage_id"].choices = coverages  # type: ignore[attr-defined]


class ServiceConsentForm(forms.Form):
    given_on = forms.DateField(label=_("Date of the consent"), widget=DATE)
    method = forms.ChoiceField(label=_("How it was given"), choices=ConsentMethod.choices)
    practitioner_name = forms.CharField(label=_("Billing practitioner's name"), max_length=200)
    practitioner_npi = forms.CharField(label=_("Billing practitioner's NPI"), max_length=10)
    cost_sharing_explained = forms.BooleanField(
        label=_("The person was told that cost sharing (coinsurance) applies"), required=False
    )
    one_practitioner_explained = forms.BooleanField(
        label=_("The person was told that only one practitioner may bill this in a month"),
        required=False,
    )


class SeriousConditionForm(forms.Form):
    diagnosis_code = forms.CharField(label=_("Diagnosis (ICD-10-CM)"), max_length=8)
    diagnosed_on = forms.DateField(label=_("Date of the diagnosis"), widget=DATE)
    expected_months = forms.IntegerField(label=_("Expected to last (months)"))
    ended_on = forms.DateField(label=_("Ended on"), widget=DATE, required=False)
    practitioner_name = forms.CharField(label=_("Practitioner's name"), max_length=200)


class PayerForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    payer_identifier = forms.CharField(label=_("Payer ID"), max_length=80)
    filing_indicator = forms.ChoiceField(
        label=_("Claim filing indicator"), choices=FilingIndicator.choices
    )
    rule_set_id = forms.ChoiceField(label=_("Rule set"))
    preferred_family = forms.CharField(label=_("Preferred codes"), max_length=40, required=False)
    managed_care = forms.BooleanField(
        label=_("A managed-care plan (not fee-for-service)"), required=False
    )

    def __init__(self, *args: Any, rule_sets: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rule_set_id"].choices = rule_sets  # type: ignore[attr-defined]


class ProviderForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=60)
    last_name = forms.CharField(label=_("Last name"), max_length=60)
    npi = forms.CharField(label=_("NPI"), max_length=10)
    role = forms.ChoiceField(label=_("Role"), choices=ProviderRole.choices)


class ProfileForm(forms.Form):
    taxonomy_code = forms.CharField(label=_("Taxonomy code"), max_length=10, required=False)
    postal_code_9 = forms.CharField(
        label=_("ZIP+4 of the billing address"), max_length=10, required=False
    )
    submitter_id = forms.CharField(label=_("Submitter ID"), max_length=15, required=False)
    contact_name = forms.CharField(label=_("Billing contact"), max_length=60, required=False)
    contact_phone = forms.CharField(label=_("Billing contact phone"), max_length=14, required=False)
    supervising_provider_id = forms.ChoiceField(label=_("Supervising provider"), required=False)
    fqhc_or_rhc = forms.BooleanField(
        label=_("We are a federally qualified or rural health center (FQHC/RHC)"), required=False
    )

    def __init__(self, *args: Any, providers: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["supervising_provider_id"].choices = [("", "—"), *providers]  # type: ignore[attr-defined]


class FeeForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=5)
    charge = forms.DecimalField(label=_("Charge per unit"), max_digits=9, decimal_places=2)


class ReasonForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class FundingForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    funder = forms.CharField(label=_("Funder"), max_length=120)
    kind = forms.ChoiceField(label=_("Kind"), choices=FundingKind.choices)
    start_date = forms.DateField(label=_("From"), widget=DATE)
    end_date = forms.DateField(label=_("Until"), widget=DATE)
    amount = forms.DecimalField(label=_("Amount"), max_digits=12, decimal_places=2)
    hourly_rate = forms.DecimalField(
        label=_("Charge per hour of work"), max_digits=9, decimal_places=2
    )
    program_ids = forms.MultipleChoiceField(
        label=_("Programs it pays for (none: any)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    services = forms.MultipleChoiceField(
        label=_("Services it pays for (none: any)"),
        choices=EncounterService.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reporting = forms.CharField(
        label=_("Reporting requirements"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, programs: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["program_ids"].choices = programs  # type: ignore[attr-defined]


class RemittanceForm(forms.Form):
    file = forms.FileField(label=_("835 remittance file"))
