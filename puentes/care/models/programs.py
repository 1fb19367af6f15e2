"""Programs, enrollments (with CalAIM's ECM populations and Community Supports) and
their history."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from puentes.core.models import BaseModel
from puentes.core.tenancy import TenantManager
from puentes.network.models import Membership, Organization, User, WorkerType
from puentes.people.models import Person


def labels_of(choices: type[models.TextChoices], codes: list[str]) -> list[str]:
    """The labels of stored codes, in the reader's language (an unknown code as itself)."""
    labels = dict(choices.choices)
    return [str(labels.get(code, code)) for code in codes]


class ProgramKind(models.TextChoices):
    ASTHMA = "asthma", _("Asthma home visiting")
    DIABETES = "diabetes", _("Diabetes self-management")
    ED_USERS = "ed_users", _("Frequent emergency department users")
    CARDIOVASCULAR = "cardiovascular", _("Cardiovascular risk")
    PERINATAL = "perinatal", _("Prenatal and postpartum support")
    ECM = "ecm", _("Enhanced Care Management (CalAIM)")
    COMMUNITY_SUPPORTS = "community_supports", _("Community Supports (CalAIM)")
    OTHER = "other", _("Other")


class Program(BaseModel):
    """A program an organization runs. Its cadence schedules follow-ups; its caseload limit
    warns a supervisor when a worker carries more people in it than the program allows."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=24, choices=ProgramKind.choices)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    target_population = models.CharField(_("who it is for"), max_length=500, blank=True)
    worker_types = models.JSONField(_("worker types that deliver it"), default=list, blank=True)
    follow_up_days = models.PositiveIntegerField(
        _("follow up every (days)"),
        default=14,
        help_text=_("0 for no automatic follow-ups."),
        validators=[
            MinValueValidator(0, _("Enter a number of days from 0 to 365.")),
            MaxValueValidator(365, _("Enter a number of days from 0 to 365.")),
        ],
    )
    caseload_limit = models.PositiveIntegerField(
        _("caseload limit per worker"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, _("Enter a limit from 1 to 1,000, or leave it empty.")),
            MaxValueValidator(1000, _("Enter a limit from 1 to 1,000, or leave it empty.")),
        ],
    )
    is_active = models.BooleanField(_("open for enrollment"), default=True)

    objects = TenantManager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="program_name_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_ecm(self) -> bool:
        return self.kind == ProgramKind.ECM

    def worker_type_labels(self) -> list[str]:
        return labels_of(WorkerType, self.worker_types)


class EnrollmentStatus(models.TextChoices):
    REFERRED = "referred", _("Referred")
    ENROLLED = "enrolled", _("Enrolled")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    COMPLETED = "completed", _("Completed")
    DISENROLLED = "disenrolled", _("Disenrolled")


OPEN_ENROLLMENT_STATUSES = [
    EnrollmentStatus.REFERRED,
    EnrollmentStatus.ENROLLED,
    EnrollmentStatus.ACTIVE,
    EnrollmentStatus.PAUSED,
]
# The statuses in which the person is taking part (and the program's cadence applies).
SERVED_STATUSES = [EnrollmentStatus.ENROLLED, EnrollmentStatus.ACTIVE]


class EcmPopulation(models.TextChoices):
    """CalAIM Enhanced Care Management populations of focus."""

    HOMELESSNESS = "homelessness", _("Experiencing homelessness")
    AVOIDABLE_UTILIZATION = "utilization", _("At risk for avoidable hospital or ED utilization")
    SMI_SUD = "smi_sud", _("Serious mental health and/or substance use disorder needs")
    INCARCERATION = "incarceration", _("Transitioning from incarceration")
    LTC_RISK = (
        "ltc_risk",
        _("Adults in the community at risk for long-term care institutionalization"),
    )
    NURSING_FACILITY = (
        "nursing_facility",
        _("Adult nursing facility residents transitioning to the community"),
    )
    CHILD_WELFARE = "child_welfare", _("Children and youth involved in child welfare")
    CCS = "ccs", _("Children and youth in California Children's Services with additional needs")
    BIRTH_EQUITY = "birth_equity", _("Pregnant and postpartum individuals (birth equity)")


class CommunitySupport(models.TextChoices):
    """CalAIM Community Supports services."""

    HOUSING_NAVIGATION = "housing_navigation", _("Housing transition navigation")
    HOUSING_DEPOSITS = "housing_deposits", _("Housing deposits")
    TENANCY_SUSTAINING = "tenancy_sustaining", _("Housing tenancy and sustaining services")
    SHORT_TERM_HOUSING = "short_term_housing", _("Short-term post-hospitalization housing")
    RECUPERATIVE_CARE = "recuperative_care", _("Recuperative care (medical respite)")
    RESPITE = "respite", _("Respite services for caregivers")
    DAY_HABILITATION = "day_habilitation", _("Day habilitation programs")
    NURSING_TRANSITION = "nursing_transition", _("Nursing facility transition or diversion")
    COMMUNITY_TRANSITION = "community_transition", _("Community transition services")
    PERSONAL_CARE = "personal_care", _("Personal care and homemaker services")
    HOME_MODIFICATIONS = "home_modifications", _("Environmental accessibility adaptations")
    MEALS = "meals", _("Medically tailored meals")
    SOBERING = "sobering", _("Sobering centers")
    ASTHMA_REMEDIATION = "asthma_remediation", _("Asthma remediation")
    # Added by DHCS in 2025 (Community Supports policy guide).
    TRANSITIONAL_RENT = "transitional_rent", _("Transitional rent")


class Enrollment(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="enrollments")
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="enrollments")
    status = models.CharField(_("status"), max_length=12, choices=EnrollmentStatus.choices)
    status_reason = models.CharField(_("reason"), max_length=500, blank=True)
    referred_on = models.DateField(_("referred on"), null=True, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    ecm_populations = models.JSONField(_("ECM populations of focus"), default=list, blank=True)
    community_supports = models.JSONField(_("Community Supports"), default=list, blank=True)
    workers = models.ManyToManyField(Membership, blank=True, related_name="enrollments")
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    objects = TenantManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The organization's list, newest first, in index order.
            models.Index(
                fields=["organization", "-created_at", "-id"], name="enrollment_org_newest"
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "program"],
                condition=models.Q(status__in=["referred", "enrolled", "active", "paused"]),
                name="one_open_enrollment_per_program",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id} in {self.program_id} ({self.status})"

    def ecm_population_labels(self) -> list[str]:
        return labels_of(EcmPopulation, self.ecm_populations)

    def community_support_labels(self) -> list[str]:
        return labels_of(CommunitySupport, self.community_supports)


class EnrollmentEvent(models.Model):
    """Every change of an enrollment's status: who, when, from, to, and why."""

    tenant_path = "enrollment__organization"  # whose organization the row belongs to

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    from_status = models.CharField(max_length=12, choices=EnrollmentStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=EnrollmentStatus.choices)
    reason = models.CharField(max_length=500, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"
