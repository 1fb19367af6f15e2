"""Page forms for billing: lengths and ranges come from the model fields (``form_field``),
every other rule is the services'."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from puentes.billing.models import (
    AuthorizationStatus,
    BillingProfile,
    ConsentMethod,
    Coverage,
    CoveragePriority,
    FeeScheduleEntry,
    FilingIndicator,
    FundingKind,
    FundingSource,
    InitiatingVisit,
    Payer,
    PriorAuthorization,
    Provider,
    ProviderRole,
    SeriousCondition,
    ServiceConsent,
)
from puentes.care.models import EncounterService
from puentes.core.inputs import form_field

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
    member_id = form_field(Coverage, "member_id", label=_("Member ID"))
    plan_name = form_field(Coverage, "plan_name", label=_("Plan"))
    start_date = forms.DateField(label=_("From"), widget=DATE)
    end_date = forms.DateField(label=_("Until"), widget=DATE, required=False)
    priority = forms.ChoiceField(label=_("Priority"), choices=CoveragePriority.choices)

    def __init__(self, *args: Any, payers: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["payer_id"].choices = payers  # type: ignore[attr-defined]


class InitiatingVisitForm(forms.Form):
    visit_date = forms.DateField(label=_("Date of the visit"), widget=DATE)
    code = form_field(InitiatingVisit, "code", label=_("Visit code (e.g. 99214)"))
    practitioner_name = form_field(
        InitiatingVisit, "practitioner_name", label=_("Practitioner's name")
    )
    practitioner_npi = form_field(
        InitiatingVisit, "practitioner_npi", label=_("Practitioner's NPI")
    )


class PriorAuthorizationForm(forms.Form):
    coverage_id = forms.ChoiceField(label=_("Coverage"))
    number = form_field(PriorAuthorization, "number", label=_("Authorization number"))
    codes = forms.CharField(
        label=_("Procedure codes (empty: any)"),
        max_length=200,
        required=False,
        help_text=_("Separated by commas, such as 98960, 98961."),
    )
    units = form_field(PriorAuthorization, "units", label=_("Units authorized"))
    minutes = form_field(PriorAuthorization, "minutes", label=_("Minutes authorized"))
    start_date = forms.DateField(label=_("From"), widget=DATE)
    end_date = forms.DateField(label=_("Until"), widget=DATE)
    status = forms.ChoiceField(label=_("Status"), choices=AuthorizationStatus.choices)

    def __init__(self, *args: Any, coverages: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coverage_id"].choices = coverages  # type: ignore[attr-defined]


class ServiceConsentForm(forms.Form):
    given_on = forms.DateField(label=_("Date of the consent"), widget=DATE)
    method = forms.ChoiceField(label=_("How it was given"), choices=ConsentMethod.choices)
    practitioner_name = form_field(
        ServiceConsent, "practitioner_name", label=_("Billing practitioner's name")
    )
    practitioner_npi = form_field(
        ServiceConsent, "practitioner_npi", label=_("Billing practitioner's NPI")
    )
    cost_sharing_explained = forms.BooleanField(
        label=_("The person was told that cost sharing (coinsurance) applies"), required=False
    )
    one_practitioner_explained = forms.BooleanField(
        label=_("The person was told that only one practitioner may bill this in a month"),
        required=False,
    )


class SeriousConditionForm(forms.Form):
    diagnosis_code = form_field(
        SeriousCondition, "diagnosis_code", label=_("Diagnosis (ICD-10-CM)")
    )
    diagnosed_on = forms.DateField(label=_("Date of the diagnosis"), widget=DATE)
    expected_months = form_field(
        SeriousCondition, "expected_months", label=_("Expected to last (months)")
    )
    ended_on = forms.DateField(label=_("Ended on"), widget=DATE, required=False)
    practitioner_name = form_field(
        SeriousCondition, "practitioner_name", label=_("Practitioner's name")
    )


class PayerForm(forms.Form):
    name = form_field(Payer, "name", label=_("Name"))
    payer_identifier = form_field(Payer, "payer_identifier", label=_("Payer ID"))
    filing_indicator = forms.ChoiceField(
        label=_("Claim filing indicator"), choices=FilingIndicator.choices
    )
    rule_set_id = forms.ChoiceField(label=_("Rule set"))
    preferred_family = form_field(Payer, "preferred_family", label=_("Preferred codes"))
    managed_care = forms.BooleanField(
        label=_("A managed-care plan (not fee-for-service)"), required=False
    )

    def __init__(self, *args: Any, rule_sets: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rule_set_id"].choices = rule_sets  # type: ignore[attr-defined]


class ProviderForm(forms.Form):
    first_name = form_field(Provider, "first_name", label=_("First name"))
    last_name = form_field(Provider, "last_name", label=_("Last name"))
    npi = form_field(Provider, "npi", label=_("NPI"))
    role = forms.ChoiceField(label=_("Role"), choices=ProviderRole.choices)


class ProfileForm(forms.Form):
    taxonomy_code = form_field(BillingProfile, "taxonomy_code", label=_("Taxonomy code"))
    postal_code_9 = forms.CharField(
        label=_("ZIP+4 of the billing address"), max_length=10, required=False
    )
    submitter_id = form_field(BillingProfile, "submitter_id", label=_("Submitter ID"))
    contact_name = form_field(BillingProfile, "contact_name", label=_("Billing contact"))
    contact_phone = forms.CharField(label=_("Billing contact phone"), max_length=14, required=False)
    supervising_provider_id = forms.ChoiceField(label=_("Supervising provider"), required=False)
    fqhc_or_rhc = forms.BooleanField(
        label=_("We are a federally qualified or rural health center (FQHC/RHC)"), required=False
    )

    def __init__(self, *args: Any, providers: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["supervising_provider_id"].choices = [("", "—"), *providers]  # type: ignore[attr-defined]


class FeeForm(forms.Form):
    code = form_field(FeeScheduleEntry, "code", label=_("Code"))
    charge = forms.DecimalField(label=_("Charge per unit"), max_digits=9, decimal_places=2)


class ReasonForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    # No length here: the service keeps the reason whole or refuses it, beside the field.
    reason = forms.CharField(label=_("Reason"), required=False)


class FundingForm(forms.Form):
    name = form_field(FundingSource, "name", label=_("Name"))
    funder = form_field(FundingSource, "funder", label=_("Funder"))
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
