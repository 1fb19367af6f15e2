from django import forms
from django.utils.translation import gettext_lazy as _

from puentes.referrals.models import Outcome, Priority


class ReferralForm(forms.Form):
    needs = forms.MultipleChoiceField(
        label=_("For which needs?"), required=False, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(
        label=_("Note for the receiving organization"),
        required=False,
        max_length=2000,
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
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)
    outcome = forms.ChoiceField(
        label=_("What was delivered?"),
        required=False,
        choices=[("", "—"), *Outcome.choices],
    )
    outcome_note = forms.CharField(label=_("Details"), required=False, max_length=1000)
