from django import forms
from django.utils.translation import gettext_lazy as _

from puentes.core.inputs import form_field
from puentes.referrals.models import Outcome, Priority, Referral


class ReferralForm(forms.Form):
    needs = forms.MultipleChoiceField(
        label=_("For which needs?"), required=False, widget=forms.CheckboxSelectMultiple
    )
    note = form_field(
        Referral,
        "note",
        label=_("Note for the receiving organization"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices)
    requested_by = forms.DateField(
        label=_("Wanted by"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    confirm_capacity = forms.BooleanField(
        label=_("Send anyway, although the service is full or has a waitlist"), required=False
    )

    def __init__(self, *args: object, needs: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["needs"].choices = needs  # type: ignore[attr-defined]


class TransitionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.CharField(widget=forms.HiddenInput)
    reason = form_field(Referral, "status_reason", label=_("Reason"))
    outcome = forms.ChoiceField(
        label=_("What was delivered?"),
        required=False,
        choices=[("", "—"), *Outcome.choices],
    )
    outcome_note = form_field(Referral, "outcome_note", label=_("Details"))
