"""Closed-loop referrals, modelled on the HL7 FHIR SDOH Clinical Care (Gravity) workflow: a
referral is one ServiceRequest (what is asked for) plus one Task (the request to the
receiving organization and its progress)."""

from typing import Any, ClassVar, Self

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from puentes.core.models import BaseModel
from puentes.core.tenancy import TenantManager, TenantQuerySet
from puentes.directory.models import ServiceAtLocation
from puentes.network.models import Membership, Organization, User
from puentes.people.models import Consent, Person
from puentes.screening.models import Need


class ReferralStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REQUESTED = "requested", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    IN_PROGRESS = "in-progress", _("In progress")
    ON_HOLD = "on-hold", _("On hold")
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Could not be done")
    CANCELLED = "cancelled", _("Cancelled")
    ENTERED_IN_ERROR = "entered-in-error", _("Entered in error")


OPEN_STATUSES = [
    ReferralStatus.REQUESTED,
    ReferralStatus.ACCEPTED,
    ReferralStatus.IN_PROGRESS,
    ReferralStatus.ON_HOLD,
]
CLOSED_STATUSES = [
    ReferralStatus.REJECTED,
    ReferralStatus.COMPLETED,
    ReferralStatus.FAILED,
    ReferralStatus.CANCELLED,
    ReferralStatus.ENTERED_IN_ERROR,
]


class Priority(models.TextChoices):
    ROUTINE = "routine", _("Routine")
    URGENT = "urgent", _("Urgent")
    ASAP = "asap", _("As soon as possible")


class Outcome(models.TextChoices):
    """What was delivered when a referral is completed (returned as Task.output)."""

    FOOD = "food", _("Food provided")
    HOUSING = "housing", _("Housing help provided")
    UTILITIES = "utilities", _("Help with utility bills")
    TRANSPORTATION = "transportation", _("Transportation provided")
    BENEFITS = "benefits", _("Enrolled in benefits")
    HEALTH_CARE = "health_care", _("Health care visit")
    LEGAL = "legal", _("Legal help provided")
    EMPLOYMENT = "employment", _("Employment help provided")
    EDUCATION = "education", _("Education or training provided")
    CASE_MANAGEMENT = "case_management", _("Case management")
    OTHER = "other", _("Other service")


class ReferralQuerySet(TenantQuerySet["Referral"]):
    def for_organization(self, organization: Any) -> Self:
        """A referral belongs to both sides: the organization that made it, and the one it
        is addressed to once it is sent (a draft is the sender's alone)."""
        return self.filter(
            Q(referring_organization=organization)
            | (Q(receiving_organization=organization) & ~Q(status="draft"))
        )

    def sent_by(self, actor: Any) -> Self:
        """The referrals the actor's organization made (drafts included)."""
        return self.filter(referring_organization=actor.organization)

    def received_by(self, actor: Any) -> Self:
        """The referrals addressed to the actor's organization, once sent."""
        return self.for_actor(actor).filter(receiving_organization=actor.organization)


class ReferralManager(TenantManager["Referral"]):
    def get_queryset(self) -> ReferralQuerySet:
        return ReferralQuerySet(self.model, using=self._db)

    def for_actor(self, actor: Any) -> ReferralQuerySet:
        return self.get_queryset().for_actor(actor)

    def sent_by(self, actor: Any) -> ReferralQuerySet:
        return self.get_queryset().sent_by(actor)

    def received_by(self, actor: Any) -> ReferralQuerySet:
        return self.get_queryset().received_by(actor)


class Referral(BaseModel):
    objects: ClassVar[ReferralManager] = ReferralManager()

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="referrals")
    needs = models.ManyToManyField(Need, blank=True, related_name="referrals")
    service_at_location = models.ForeignKey(
        ServiceAtLocation, on_delete=models.PROTECT, related_name="referrals"
    )
    referring_organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="referrals_sent"
    )
    referring_member = models.ForeignKey(
        Membership, null=True, on_delete=models.SET_NULL, related_name="referrals_sent"
    )
    # The network organization that maintains the listing, if any: its inbox receives the
    # referral. None is a "light" referral the person takes with them.
    receiving_organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT,
        related_name="referrals_received",
    )  # fmt: skip
    note = models.TextField(_("note for the receiving organization"), max_length=2000, blank=True)
    priority = models.CharField(
        _("priority"), max_length=12, choices=Priority.choices, default=Priority.ROUTINE
    )
    requested_by = models.DateField(_("wanted by"), null=True, blank=True)
    consent = models.ForeignKey(
        Consent, null=True, blank=True, on_delete=models.PROTECT, related_name="referrals"
    )
    status = models.CharField(
        max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.DRAFT
    )
    status_reason = models.CharField(max_length=500, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.CharField(max_length=1000, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    response_due_on = models.DateField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # When consent to share was withdrawn: the receiving side no longer sees the person.
    sharing_ended_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["receiving_organization", "status"], name="referral_inbox"),
            # The inbox's list of services referred to, read from the index alone.
            models.Index(
                fields=[
                    "receiving_organization",
                    "service_at_location",
                    "status",
                    "referring_organization",
                ],
                name="referral_inbox_services",
            ),
            models.Index(fields=["referring_organization", "status"], name="referral_sent"),
            # The lists, newest first: read in index order instead of sorting every row.
            models.Index(
                fields=["referring_organization", "-created_at", "-id"], name="referral_sent_newest"
            ),
            models.Index(
                fields=["receiving_organization", "-created_at", "-id"],
                name="referral_inbox_newest",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} -> {self.service_at_location_id} ({self.status})"

    @property
    def is_light(self) -> bool:
        return self.receiving_organization_id is None


class ReferralEvent(models.Model):
    """Every change of a referral's status: who, when, from, to, and why."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    organization = models.ForeignKey(
        Organization, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=20, choices=ReferralStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ReferralStatus.choices)
    reason = models.CharField(max_length=500, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"
