"""The workforce pages' forms: a training completed, a certification held, a course and
its sessions, attendance, a supervision session."""

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from puentes.core.inputs import form_field
from puentes.core.languages import LANGUAGES
from puentes.network.models import WorkerType
from puentes.workforce.definitions import (
    certificate_ids,
    definitions,
    frameworks,
    latest,
    programme_title,
)
from puentes.workforce.models import (
    Certification,
    Course,
    ExperienceRecord,
    SupervisionSession,
    TrainingRecord,
    TrainingSession,
    WorkerProfile,
)


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

    certificate = forms.FileField(label=_("Certificate of completion (optional)"), required=False)

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
    evidence = forms.FileField(label=_("Scan (PDF or an image)"), required=False)


def _competency_choices() -> list[tuple[str, str]]:
    language = get_language() or "en"
    return [
        (item.id, f"{item.title.in_language(language)} ({framework.id})")
        for framework in frameworks().values()
        for item in framework.items()
    ]


class CourseForm(forms.Form):
    title = form_field(Course, "title", label=_("Title"))
    provider = form_field(Course, "provider", label=_("Provider"))
    hours = form_field(Course, "hours", label=_("Hours"))
    fieldwork_hours = form_field(
        Course, "fieldwork_hours", label=_("Of which supervised fieldwork (hours)"), initial=0
    )
    modality = form_field(Course, "modality", label=_("Modality"))
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)
    competencies = forms.MultipleChoiceField(
        label=_("Competencies covered"),
        choices=_competency_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    open_to_members = forms.BooleanField(
        label=_("Open to member organizations' workers"), required=False
    )


class SessionForm(forms.Form):
    kind = form_field(TrainingSession, "kind", label=_("Kind"))
    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    hours = form_field(TrainingSession, "hours", label=_("Hours"))
    location = form_field(TrainingSession, "location", label=_("Where"), required=False)


class AttendanceForm(forms.Form):
    """The workers the session's organization may credit (its own; for a course open to
    members, its members' too), as (public id, name) choices."""

    def __init__(self, *args: Any, workers: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker_ids"] = forms.MultipleChoiceField(
            label=_("Who attended"), choices=workers, widget=forms.CheckboxSelectMultiple
        )


class SupervisionForm(forms.Form):
    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    minutes = form_field(SupervisionSession, "minutes", label=_("Minutes"))
    kind = form_field(SupervisionSession, "kind", label=_("Kind"))
    topics = form_field(SupervisionSession, "topics", label=_("Topics"), required=False)
    cases_discussed = form_field(
        SupervisionSession,
        "cases_discussed",
        label=_("Cases discussed (no names or other personal details)"),
        required=False,
    )


def _pathway_choices() -> list[tuple[str, str]]:
    """Every pathway of every programme shipped, as "programme:pathway"."""
    language = get_language() or "en"
    return [
        (f"{d.id}:{p.id}", f"{d.title.in_language(language)} — {p.title.in_language(language)}")
        for d in (latest(i) for i in sorted({d.id for d in definitions()}))
        if d is not None
        for p in d.pathways
    ]


class PathwayForm(forms.Form):
    pathway = forms.ChoiceField(label=_("Pathway"), choices=_pathway_choices)
    started_on = forms.DateField(
        label=_("Started on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "pathway" in cleaned:
            cleaned["definition"], cleaned["pathway"] = cleaned["pathway"].split(":", 1)
        return cleaned


class ExperienceForm(forms.Form):
    started_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ended_on = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))
    hours = form_field(ExperienceRecord, "hours", label=_("Hours"))
    employer = form_field(ExperienceRecord, "employer", label=_("Where"), required=False)
    role = form_field(ExperienceRecord, "role", label=_("Role"), required=False)


class ProfileForm(forms.Form):
    """The profile's fields a page edits (languages with their levels: over the API)."""

    worker_types = forms.MultipleChoiceField(
        label=_("Worker types"),
        choices=WorkerType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    hire_date = forms.DateField(
        label=_("Hire date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    supervisor_id = forms.ChoiceField(label=_("Supervisor"), required=False)
    caseload_capacity = form_field(
        WorkerProfile, "caseload_capacity", label=_("Caseload capacity"), required=False
    )
    npi = form_field(WorkerProfile, "npi", label=_("NPI"), required=False)
    communities = form_field(
        WorkerProfile, "communities", label=_("Communities (optional)"), required=False
    )
    lived_experience = form_field(
        WorkerProfile, "lived_experience", label=_("Lived experience (optional)"), required=False
    )

    def __init__(self, *args: Any, supervisors: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["supervisor_id"] = forms.ChoiceField(
            label=_("Supervisor"), required=False, choices=[("", "—"), *supervisors]
        )
