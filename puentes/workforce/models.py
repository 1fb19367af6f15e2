"""The workforce: who works (profiles), what they hold (certifications and credentials,
pathways started), what they have done toward it (experience, training, supervision), and
the intermediaries that train members' workers.

Every row belongs to the worker's organization. A training an intermediary credits to a
member's worker is the member's row (``credited_by`` names the intermediary), so the member
sees its own workers' records and the intermediary reaches only what it credited.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from puentes.core.actor import Actor
from puentes.core.models import BaseModel
from puentes.core.tenancy import TenantManager, TenantQuerySet
from puentes.core.validators import validate_npi
from puentes.network.models import Membership, Organization, User

HOURS_IN_A_DAY = Decimal(24)


def _hours_in_a_day() -> list[Callable[[Any], None]]:
    return [MinValueValidator(Decimal("0.25")), MaxValueValidator(HOURS_IN_A_DAY)]


class LanguageLevel(models.TextChoices):
    BASIC = "basic", _("Basic")
    CONVERSATIONAL = "conversational", _("Conversational")
    FLUENT = "fluent", _("Fluent")
    NATIVE = "native", _("Native")


class WorkerProfile(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    member = models.OneToOneField(
        Membership, on_delete=models.PROTECT, related_name="worker_profile"
    )
    worker_types = models.JSONField(_("worker types"), default=list, blank=True)
    hire_date = models.DateField(_("hire date"), null=True, blank=True)
    # [{"language": "es", "level": "fluent"}, ...]
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    # Recorded only if the worker chooses to; never required.
    communities = models.TextField(_("communities (optional)"), max_length=1000, blank=True)
    lived_experience = models.TextField(
        _("lived experience (optional)"), max_length=1000, blank=True
    )
    supervisor = models.ForeignKey(
        Membership, on_delete=models.PROTECT, null=True, blank=True, related_name="supervisees"
    )
    caseload_capacity = models.PositiveIntegerField(
        _("caseload capacity"), null=True, blank=True, validators=[MaxValueValidator(5000)]
    )
    npi = models.CharField(_("NPI"), max_length=10, blank=True, validators=[validate_npi])

    objects = TenantManager()

    def __str__(self) -> str:
        return f"profile of {self.member_id}"


class Certification(BaseModel):
    """A state certificate or another credential a pathway asks for (CPR, an exam), by the
    id its definition gives it (workforce/definitions)."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    worker = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="certifications")
    programme = models.CharField(_("certificate or credential"), max_length=40)
    number = models.CharField(_("number"), max_length=60, blank=True)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    evidence = models.FileField(_("scan"), upload_to="workforce/evidence/", blank=True)
    recorded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")

    objects = TenantManager()

    class Meta:
        ordering = ["-issued_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gte=models.F("issued_on")),
                name="certification_expires_after_issue",
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme} {self.number}"


class PathwayStart(BaseModel):
    """A worker working under a pathway of a definition from a day (Medi-Cal's
    work-experience pathway: a certificate is due 18 months later), or working toward a
    certificate's pathway (its progress is shown against what the pathway asks)."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    worker = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="pathways")
    definition = models.CharField(_("programme"), max_length=40)
    pathway = models.CharField(_("pathway"), max_length=40)
    started_on = models.DateField(_("started on"))

    objects = TenantManager()

    class Meta:
        ordering = ["started_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["worker", "definition", "pathway"], name="pathway_start_once"
            )
        ]


class ExperienceRecord(BaseModel):
    """Hours worked or volunteered as a CHW (or doula...) over a span of days."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    worker = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="experience")
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"))
    hours = models.DecimalField(
        _("hours"), max_digits=7, decimal_places=2, validators=[MinValueValidator(Decimal("0.25"))]
    )
    employer = models.CharField(_("where"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["-ended_on", "id"]


class Modality(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class SessionKind(models.TextChoices):
    TRAINING = "training", _("Training")
    LEARNING_COLLABORATIVE = "learning_collaborative", _("Learning collaborative")
    CONVENING = "convening", _("Convening")


class CourseQuerySet(TenantQuerySet["Course"]):
    def for_actor(self, actor: Actor) -> "CourseQuerySet":
        """The organization's own courses, and its intermediaries' courses open to members."""
        intermediaries = Affiliation.objects.filter(member=actor.organization).values(
            "intermediary"
        )
        return self.filter(
            models.Q(organization=actor.organization)
            | models.Q(organization__in=intermediaries, open_to_members=True)
        )


class SessionQuerySet(TenantQuerySet["TrainingSession"]):
    def for_actor(self, actor: Actor) -> "SessionQuerySet":
        """Sessions of the courses the actor's organization sees."""
        return self.filter(course__in=Course.objects.for_actor(actor))


class Course(BaseModel):
    """A training an organization offers (to its own workers, or an intermediary's to its
    members' workers too)."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200)
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal(500))],
    )
    fieldwork_hours = models.DecimalField(
        _("of which supervised fieldwork"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    competencies = models.JSONField(_("competencies covered"), default=list, blank=True)
    modality = models.CharField(_("modality"), max_length=12, choices=Modality.choices)
    language = models.CharField(_("language"), max_length=8)
    open_to_members = models.BooleanField(_("open to member organizations"), default=False)

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title


class TrainingSession(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=24, choices=SessionKind.choices)
    held_on = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"), max_digits=4, decimal_places=2, validators=_hours_in_a_day()
    )
    location = models.CharField(_("where"), max_length=200, blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "id"]


class TrainingRecord(BaseModel):
    """Hours of training a worker completed: attendance at a session, a course finished
    elsewhere, continuing education. The worker's organization's row; an intermediary that
    credited it is named in ``credited_by``."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    worker = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="trainings")
    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, null=True, blank=True, related_name="records"
    )
    session = models.ForeignKey(
        TrainingSession, on_delete=models.PROTECT, null=True, blank=True, related_name="records"
    )
    title = models.CharField(_("training"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    completed_on = models.DateField(_("completed on"))
    hours = models.DecimalField(
        _("hours"), max_digits=4, decimal_places=2, validators=_hours_in_a_day()
    )
    fieldwork_hours = models.DecimalField(
        _("of which supervised fieldwork"),
        max_digits=4,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(HOURS_IN_A_DAY)],
    )
    competencies = models.JSONField(_("competencies covered"), default=list, blank=True)
    certificate = models.FileField(
        _("certificate scan"), upload_to="workforce/training/", blank=True
    )
    credited_by = models.ForeignKey(
        Organization, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = TenantManager()

    class Meta:
        ordering = ["-completed_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["worker", "session"],
                condition=models.Q(session__isnull=False),
                name="training_attended_once",
            ),
            models.CheckConstraint(
                condition=models.Q(fieldwork_hours__lte=models.F("hours")),
                name="training_fieldwork_within_hours",
            ),
        ]


class SupervisionKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    GROUP = "group", _("Group")


class SupervisionSession(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    supervisor = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="+")
    workers = models.ManyToManyField(Membership, related_name="supervision_sessions")
    held_on = models.DateField(_("date"))
    minutes = models.PositiveIntegerField(
        _("minutes"), validators=[MinValueValidator(5), MaxValueValidator(24 * 60)]
    )
    kind = models.CharField(_("kind"), max_length=12, choices=SupervisionKind.choices)
    topics = models.TextField(_("topics"), max_length=2000, blank=True)
    # Cases discussed, without names or other personal details.
    cases_discussed = models.TextField(
        _("cases discussed (no personal details)"), max_length=2000, blank=True
    )

    objects = TenantManager()

    class Meta:
        ordering = ["-held_on", "id"]


class Affiliation(BaseModel):
    """A member organization of an intermediary (a regional association of health centers)."""

    tenant_path = "intermediary"

    intermediary = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="members")
    member = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="intermediaries"
    )
    since = models.DateField(_("member since"))

    objects = TenantManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["intermediary", "member"], name="affiliation_once")
        ]
