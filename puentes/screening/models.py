"""Screenings (a person's answers to an instrument), their findings, and needs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from puentes.core.models import BaseModel
from puentes.core.tenancy import TenantManager
from puentes.network.models import Organization, User
from puentes.people.models import Person
from puentes.screening.categories import CATEGORY_CHOICES


class InstrumentChoice(models.Model):
    """An instrument an organization's workers use. None chosen means all are offered."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    instrument_id = models.CharField(max_length=64)

    objects = TenantManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "instrument_id"], name="one_choice_per_instrument"
            )
        ]

    def __str__(self) -> str:
        return self.instrument_id


class ScreeningStatus(models.TextChoices):
    IN_PROGRESS = "in-progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class Screening(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="screenings")
    instrument_id = models.CharField(max_length=64)
    instrument_version = models.CharField(max_length=32)
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")
    status = models.CharField(
        max_length=16, choices=ScreeningStatus.choices, default=ScreeningStatus.IN_PROGRESS
    )
    # item id -> {"code"|"codes"|"value"|"declined": ...}; validated against the definition.
    answers = models.JSONField(default=dict, blank=True)
    started_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    completed_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    completed_at = models.DateTimeField(null=True, blank=True)
    # A retried submission with the same key returns the first result instead of a duplicate.
    idempotency_key = models.CharField(max_length=100, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="screening_idempotency_key_unique",
            )
        ]
        indexes = [models.Index(fields=["organization", "status", "completed_at"])]


class Outcome(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEGATIVE = "negative", _("Negative")
    UNKNOWN = "unknown", _("Not determined")


class Finding(models.Model):
    """One scoring rule's result for a completed screening (kept as rows for reporting)."""

    tenant_path = "screening__organization"  # whose organization the row belongs to

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="findings")
    rule_id = models.CharField(max_length=64)
    category = models.CharField(max_length=48, choices=CATEGORY_CHOICES)
    z_code = models.CharField(max_length=10, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    total = models.IntegerField(null=True, blank=True)
    derived_code = models.CharField(max_length=20, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["category", "outcome"])]

    def __str__(self) -> str:
        return f"{self.rule_id}: {self.outcome}"


class NeedStatus(models.TextChoices):
    IDENTIFIED = "identified", _("Identified")
    IN_PROGRESS = "in-progress", _("In progress")
    RESOLVED = "resolved", _("Resolved")
    DECLINED = "declined", _("Declined by the person")
    UNABLE = "unable-to-resolve", _("Unable to resolve")


OPEN_NEED_STATUSES = [NeedStatus.IDENTIFIED, NeedStatus.IN_PROGRESS]


class Need(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="needs")
    category = models.CharField(_("domain"), max_length=48, choices=CATEGORY_CHOICES)
    z_code = models.CharField(_("suggested ICD-10-CM code"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=NeedStatus.choices, default=NeedStatus.IDENTIFIED
    )
    note = models.TextField(_("note"), blank=True, max_length=2000)
    identified_on = models.DateField(_("identified on"))
    # The screening that found it (latest confirmation), or none for an observed need.
    screening = models.ForeignKey(
        Screening, null=True, blank=True, on_delete=models.SET_NULL, related_name="needs"
    )
    created_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")

    objects = TenantManager()

    class Meta:
        ordering = ["status", "-identified_on"]
        indexes = [models.Index(fields=["organization", "status", "category"])]


class NeedEvent(models.Model):
    """Every change of a need: who, when, from which status to which, and why."""

    tenant_path = "need__organization"  # whose organization the row belongs to

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    from_status = models.CharField(max_length=20, choices=NeedStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=NeedStatus.choices)
    reason = models.CharField(max_length=500, blank=True)
    screening = models.ForeignKey(
        Screening, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = TenantManager()

    class Meta:
        ordering = ["-occurred_at", "-id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"
