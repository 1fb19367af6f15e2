"""Care plans, goals and their progress, and the paperwork payers require (a practitioner's
recommendation, a plan of care)."""

import uuid
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from puentes.care.models.programs import Enrollment
from puentes.core.models import BaseModel
from puentes.core.tenancy import TenantManager
from puentes.core.validators import validate_npi
from puentes.network.models import Organization, User
from puentes.people.models import Person
from puentes.screening.models import Need


class CarePlan(BaseModel):
    """One plan per person (per enrollment where the program has its own)."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="care_plans")
    enrollment = models.ForeignKey(
        Enrollment, null=True, blank=True, on_delete=models.SET_NULL, related_name="care_plans"
    )
    title = models.CharField(_("title"), max_length=200)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    objects = TenantManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "enrollment"], name="one_care_plan_per_enrollment"
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(enrollment__isnull=True),
                name="one_general_care_plan",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Comparator(models.TextChoices):
    BELOW = "lt", _("below")
    AT_MOST = "le", _("at most")
    EXACTLY = "eq", _("exactly")
    AT_LEAST = "ge", _("at least")
    ABOVE = "gt", _("above")


COMPARATOR_SYMBOLS = {"lt": "<", "le": "≤", "eq": "=", "ge": "≥", "gt": ">"}


class GoalStatus(models.TextChoices):
    ACTIVE = "active", _("Working on it")
    ACHIEVED = "achieved", _("Achieved")
    NOT_ACHIEVED = "not-achieved", _("Not achieved")
    CANCELLED = "cancelled", _("Cancelled")


class Goal(BaseModel):
    """A goal in the person's own words with a measurable target: a measure (HbA1c, asthma
    control test, blood pressure), a comparator and a value — with an optional second value
    for two-number measures such as blood pressure (130/80) — a unit and a target date."""

    tenant_path = "care_plan__organization"  # whose organization the row belongs to

    care_plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="goals")
    description = models.CharField(_("goal, in the person's words"), max_length=500)
    needs = models.ManyToManyField(Need, blank=True, related_name="goals")
    measure = models.CharField(_("measure"), max_length=100)
    comparator = models.CharField(_("target is"), max_length=2, choices=Comparator.choices)
    target_value = models.DecimalField(_("target value"), max_digits=9, decimal_places=2)
    target_value_2 = models.DecimalField(
        _("second target value"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    target_date = models.DateField(_("target date"))
    status = models.CharField(
        _("status"), max_length=14, choices=GoalStatus.choices, default=GoalStatus.ACTIVE
    )
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    objects = TenantManager()

    class Meta:
        ordering = ["target_date", "id"]

    def __str__(self) -> str:
        return self.description

    @property
    def person(self) -> "Person":
        """Whose goal this is (through its care plan), like the records that name a person."""
        return self.care_plan.person

    def target_text(self) -> str:
        value = _number(self.target_value)
        if self.target_value_2 is not None:
            value = f"{value}/{_number(self.target_value_2)}"
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.measure} {COMPARATOR_SYMBOLS[self.comparator]} {value}{unit}"

    def is_met_by(self, value: Any, value_2: Any = None) -> bool:
        """Whether a measured value reaches the target (both numbers, for two-number ones)."""
        if not _compare(self.comparator, value, self.target_value):
            return False
        if self.target_value_2 is None:
            return True
        return value_2 is not None and _compare(self.comparator, value_2, self.target_value_2)


def _number(value: Any) -> str:
    return format(value.normalize(), "f") if value is not None else ""


def _compare(comparator: str, value: Any, target: Any) -> bool:
    return bool(
        {
            "lt": value < target,
            "le": value <= target,
            "eq": value == target,
            "ge": value >= target,
            "gt": value > target,
        }[comparator]
    )


class GoalProgress(models.Model):
    """A dated measurement towards a goal."""

    tenant_path = "goal__care_plan__organization"  # whose organization the row belongs to

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="progress")
    recorded_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=9, decimal_places=2)
    value_2 = models.DecimalField(
        _("second value"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TenantManager()

    class Meta:
        ordering = ["-recorded_on", "-id"]

    def __str__(self) -> str:
        return f"{self.recorded_on}: {self.value_text()}"

    @property
    def meets_target(self) -> bool:
        return self.goal.is_met_by(self.value, self.value_2)

    def value_text(self) -> str:
        if self.value_2 is not None:
            return f"{_number(self.value)}/{_number(self.value_2)}"
        return _number(self.value)


class Credential(models.TextChoices):
    MD = "MD", _("Physician (MD)")
    DO = "DO", _("Physician (DO)")
    NP = "NP", _("Nurse practitioner")
    PA = "PA", _("Physician assistant")
    CNM = "CNM", _("Certified nurse midwife")
    RN = "RN", _("Registered nurse")
    LCSW = "LCSW", _("Licensed clinical social worker")
    LMFT = "LMFT", _("Licensed marriage and family therapist")
    PSYD = "PsyD", _("Psychologist")
    DDS = "DDS", _("Dentist")
    PHARMD = "PharmD", _("Pharmacist")
    OTHER = "other", _("Other licensed practitioner")


def attachment_path(instance: Any, filename: str) -> str:
    """Stored under a random name: the original name is kept on the record, not the disk."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"care/{instance.organization_id}/{uuid.uuid4().hex}.{suffix}"


class PractitionerDocument(BaseModel):
    """What both payer documents share: the licensed practitioner who signed, and a scan."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    practitioner_name = models.CharField(_("practitioner's name"), max_length=200)
    practitioner_npi = models.CharField(
        _("practitioner's NPI"), max_length=10, validators=[validate_npi]
    )
    credential = models.CharField(_("credential"), max_length=8, choices=Credential.choices)
    attachment = models.FileField(_("scanned copy"), upload_to=attachment_path, blank=True)
    attachment_name = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        abstract = True


class Recommendation(PractitionerDocument):
    """A licensed practitioner's written recommendation for CHW services."""

    recommended_on = models.DateField(_("date of the recommendation"))
    scope = models.CharField(_("services recommended"), max_length=500)
    # The ICD-10-CM code the practitioner gives, for claims when no need carries one.
    diagnosis_code = models.CharField(_("diagnosis (ICD-10-CM)"), max_length=8, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["-recommended_on", "-id"]

    def is_current_on(self, day: Any) -> bool:
        return self.recommended_on <= day and (self.expires_on is None or day <= self.expires_on)


class PlanOfCare(PractitionerDocument):
    """A plan of care signed by a licensed practitioner (payers require one past a number of
    units a year)."""

    care_plan = models.ForeignKey(
        CarePlan, null=True, blank=True, on_delete=models.SET_NULL, related_name="plans_of_care"
    )
    signed_on = models.DateField(_("date signed"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    summary = models.TextField(_("what the plan covers"), max_length=2000)

    objects = TenantManager()

    class Meta:
        ordering = ["-signed_on", "-id"]

    def is_current_on(self, day: Any) -> bool:
        return self.signed_on <= day and (self.valid_until is None or day <= self.valid_until)
