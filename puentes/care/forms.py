"""The page forms. They only shape input: a field's length and range come from its model
field (``form_field``), and every other rule is the services' (errors come back beside the
fields through core.pages.submit)."""

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from puentes.care.models import (
    CommunitySupport,
    Comparator,
    Credential,
    EcmPopulation,
    Encounter,
    EnrollmentEvent,
    FollowUp,
    Goal,
    GoalProgress,
    GoalStatus,
    Modality,
    PlaceOfService,
    PlanOfCare,
    Program,
    ProgramKind,
    Recommendation,
)
from puentes.core.inputs import form_field
from puentes.network.models import WorkerType

DATE = forms.DateInput(attrs={"type": "date"})
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _ids(values: list[str]) -> list[str]:
    return [str(v) for v in values if v]


class ProgramForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    name = form_field(Program, "name", label=_("Name"))
    kind = forms.ChoiceField(label=_("Kind of program"), choices=ProgramKind.choices)
    description = form_field(
        Program, "description", label=_("Description"), widget=forms.Textarea(attrs={"rows": 3})
    )
    target_population = form_field(Program, "target_population", label=_("Who it is for"))
    worker_types = forms.MultipleChoiceField(
        label=_("Worker types that deliver it"),
        choices=WorkerType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    follow_up_days = form_field(
        Program,
        "follow_up_days",
        label=_("Check in every (days)"),
        help_text=_(
            "A follow-up is scheduled this many days after enrollment and each contact; 0 for none."
        ),
    )
    caseload_limit = form_field(Program, "caseload_limit", label=_("Caseload limit per worker"))
    is_active = forms.BooleanField(label=_("Open for enrollment"), required=False, initial=True)

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class EnrollmentForm(forms.Form):
    program_id = forms.ChoiceField(label=_("Program"))
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("enrolled", _("Enrolled")), ("active", _("Active")), ("referred", _("Referred"))],
    )
    start_date = forms.DateField(label=_("Start date"), required=False, widget=DATE)
    worker_ids = forms.MultipleChoiceField(
        label=_("Assigned workers"), required=False, widget=forms.CheckboxSelectMultiple
    )
    ecm_populations = forms.MultipleChoiceField(
        label=_("ECM populations of focus"),
        choices=EcmPopulation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For Enhanced Care Management only."),
    )
    community_supports = forms.MultipleChoiceField(
        label=_("Community Supports"),
        choices=CommunitySupport.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, programs: list[tuple[str, str]], workers: list[tuple[str, str]], **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.fields["program_id"].choices = programs  # type: ignore[attr-defined]
        self.fields["worker_ids"].choices = workers  # type: ignore[attr-defined]


class EnrollmentEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    worker_ids = forms.MultipleChoiceField(
        label=_("Assigned workers"), required=False, widget=forms.CheckboxSelectMultiple
    )
    ecm_populations = forms.MultipleChoiceField(
        label=_("ECM populations of focus"),
        choices=EcmPopulation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    community_supports = forms.MultipleChoiceField(
        label=_("Community Supports"),
        choices=CommunitySupport.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, workers: list[tuple[str, str]], calaim: bool, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["worker_ids"].choices = workers  # type: ignore[attr-defined]
        if not calaim:
            del self.fields["ecm_populations"], self.fields["community_supports"]


class EnrollmentStatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.CharField(widget=forms.HiddenInput)
    reason = form_field(EnrollmentEvent, "reason", label=_("Reason"))


class GoalForm(forms.Form):
    enrollment_id = forms.ChoiceField(label=_("Care plan"), required=False)
    description = form_field(
        Goal,
        "description",
        label=_("The goal, in the person's own words"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    measure = form_field(
        Goal,
        "measure",
        label=_("Measured by"),
        widget=forms.TextInput(attrs={"list": "measures"}),
        help_text=_("For example HbA1c, Asthma control test, Blood pressure."),
    )
    comparator = forms.ChoiceField(label=_("Target is"), choices=Comparator.choices)
    target_value = forms.DecimalField(label=_("Target"), max_digits=9, decimal_places=2)
    target_value_2 = forms.DecimalField(
        label=_("Second number (e.g. 80 of 130/80)"),
        max_digits=9,
        decimal_places=2,
        required=False,
    )
    unit = form_field(Goal, "unit", label=_("Unit"))
    target_date = forms.DateField(label=_("Target date"), required=False, widget=DATE)
    need_ids = forms.MultipleChoiceField(
        label=_("Needs it addresses"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self, *args: Any, plans: list[tuple[str, str]], needs: list[tuple[str, str]], **kw: Any
    ) -> None:
        super().__init__(*args, **kw)
        self.fields["enrollment_id"].choices = plans  # type: ignore[attr-defined]
        self.fields["need_ids"].choices = needs  # type: ignore[attr-defined]


class ProgressForm(forms.Form):
    recorded_on = forms.DateField(label=_("Date"), required=False, widget=DATE)
    value = forms.DecimalField(label=_("Value"), max_digits=9, decimal_places=2)
    value_2 = forms.DecimalField(
        label=_("Second number"), max_digits=9, decimal_places=2, required=False
    )
    note = form_field(GoalProgress, "note", label=_("Note"))


class GoalStatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=GoalStatus.choices)


class PractitionerForm(forms.Form):
    practitioner_name = form_field(
        Recommendation, "practitioner_name", label=_("Practitioner's name")
    )
    practitioner_npi = form_field(Recommendation, "practitioner_npi", label=_("Practitioner's NPI"))
    credential = forms.ChoiceField(label=_("Credential"), choices=Credential.choices)
    attachment = forms.FileField(label=_("Scanned copy (PDF or image)"), required=False)


class RecommendationForm(PractitionerForm):
    recommended_on = forms.DateField(label=_("Date of the recommendation"), widget=DATE)
    scope = form_field(Recommendation, "scope", label=_("Services recommended"))
    diagnosis_code = form_field(
        Recommendation,
        "diagnosis_code",
        label=_("Diagnosis (ICD-10-CM), if the practitioner gave one"),
    )
    expires_on = forms.DateField(label=_("Expires on"), required=False, widget=DATE)


class PlanOfCareForm(PractitionerForm):
    signed_on = forms.DateField(label=_("Date signed"), widget=DATE)
    valid_until = forms.DateField(label=_("Valid until"), required=False, widget=DATE)
    summary = form_field(
        PlanOfCare,
        "summary",
        label=_("What the plan covers"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FollowUpForm(forms.Form):
    title = form_field(FollowUp, "title", label=_("What to do"))
    due_on = forms.DateField(label=_("Due on"), widget=DATE)
    assignee_id = forms.ChoiceField(label=_("Who"), required=False)
    note = form_field(FollowUp, "note", label=_("Note"))

    def __init__(self, *args: Any, workers: list[tuple[str, str]], **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["assignee_id"].choices = workers  # type: ignore[attr-defined]


class FollowUpEditForm(FollowUpForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class EncounterForm(forms.Form):
    """Everything but the note has a default or is a tap, so a routine visit takes seconds."""

    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    occurred_on = forms.DateField(label=_("Date"), widget=DATE)
    duration_minutes = form_field(Encounter, "duration_minutes", label=_("Minutes"))
    start_time = forms.TimeField(
        label=_("Started at"),
        required=False,
        widget=TIME,
        help_text=_("Leave empty for a visit that has just ended."),
    )
    modality = forms.ChoiceField(label=_("How"), choices=Modality.choices)
    place_of_service = forms.ChoiceField(label=_("Where"), choices=PlaceOfService.choices)
    enrollment_id = forms.ChoiceField(label=_("Program"), required=False)
    services = forms.MultipleChoiceField(
        label=_("Services delivered"), widget=forms.CheckboxSelectMultiple
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"), required=False, widget=forms.CheckboxSelectMultiple
    )
    need_ids = forms.MultipleChoiceField(
        label=_("Needs worked on"), required=False, widget=forms.CheckboxSelectMultiple
    )
    goal_ids = forms.MultipleChoiceField(
        label=_("Goals worked on"), required=False, widget=forms.CheckboxSelectMultiple
    )
    referral_ids = forms.MultipleChoiceField(
        label=_("Referrals followed up"), required=False, widget=forms.CheckboxSelectMultiple
    )
    is_group = forms.BooleanField(label=_("Group session"), required=False)
    participant_ids = forms.MultipleChoiceField(
        label=_("Also present"), required=False, widget=forms.CheckboxSelectMultiple
    )
    group_size = form_field(
        Encounter, "group_size", label=_("People in the group (everyone present)"), required=False
    )
    note = form_field(Encounter, "note", label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, choices: dict[str, list[tuple[str, str]]], **kw: Any) -> None:
        super().__init__(*args, **kw)
        for name, options in choices.items():
            self.fields[name].choices = options  # type: ignore[attr-defined]
        if not self.is_bound and not self.initial.get("idempotency_key"):
            self.initial["idempotency_key"] = uuid.uuid4().hex

    def service_fields(self, person_id: str) -> dict[str, Any]:
        data = self.cleaned_data
        fields: dict[str, Any] = {
            name: data[name]
            for name in (
                "occurred_on",
                "duration_minutes",
                "start_time",
                "modality",
                "place_of_service",
                "services",
                "topics",
                "note",
            )
        }
        fields["person_id"] = person_id
        fields["enrollment_id"] = data["enrollment_id"] or None
        for name in ("need_ids", "goal_ids", "referral_ids"):
            fields[name] = _ids(data[name])
        if data["is_group"]:
            fields["is_group"] = True
            fields["participant_ids"] = [person_id, *_ids(data["participant_ids"])]
            fields["group_size"] = data["group_size"]
        return fields


class AmendForm(EncounterForm):
    reason = form_field(
        Encounter, "amendment_reason", label=_("What the amendment corrects"), required=True
    )


class ReassignForm(forms.Form):
    """The people ticked on a caseload page, and who takes them over (one form for the page:
    a list of every worker on every row made a 1,000-person caseload 4.5 MB)."""

    person_id = forms.TypedMultipleChoiceField(coerce=uuid.UUID, widget=forms.MultipleHiddenInput)
    to_member_id = forms.ChoiceField(label=_("Reassign to"))

    def __init__(self, *args: Any, workers: list[tuple[str, str]], **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.fields["to_member_id"].choices = workers  # type: ignore[attr-defined]
        # Any person may be named; the service checks each one is on this caseload.
        data: Any = self.data
        named = data.getlist("person_id") if hasattr(data, "getlist") else []
        self.fields["person_id"].choices = [(v, v) for v in named]  # type: ignore[attr-defined]
