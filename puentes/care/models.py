"""Care management: the programs an organization runs, who is enrolled, the care plan and
goals set with each person, the paperwork payers require (recommendation, plan of care),
follow-up tasks, and encounters — every contact a worker has with the people they serve."""

import uuid
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from puentes.core.models import BaseModel
from puentes.core.tenancy import TenantManager
from puentes.core.validators import validate_npi
from puentes.network.models import Membership, Organization, User, WorkerType
from puentes.people.models import Person
from puentes.referrals.models import Referral
from puentes.screening.models import Need


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


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("To do")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class FollowUpSource(models.TextChoices):
    MANUAL = "manual", _("Added by hand")
    CADENCE = "cadence", _("Program cadence")
    REFERRAL = "referral", _("Referral follow-up date")


class FollowUp(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="follow_ups")
    assignee = models.ForeignKey(
        Membership, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    title = models.CharField(_("what to do"), max_length=200)
    note = models.CharField(_("note"), max_length=1000, blank=True)
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    source = models.CharField(
        max_length=10, choices=FollowUpSource.choices, default=FollowUpSource.MANUAL
    )
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    need = models.ForeignKey(
        Need, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    referral = models.ForeignKey(
        Referral, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    enrollment = models.ForeignKey(
        Enrollment, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    objects = TenantManager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["assignee", "status", "due_on"], name="followup_day")]

    def __str__(self) -> str:
        return self.title


class Modality(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video")
    TEXT = "text", _("Text messages")


class PlaceOfService(models.TextChoices):
    """CMS place-of-service codes used for community health work."""

    TELEHEALTH_OTHER = "02", _("02 Telehealth (not in the home)")
    SCHOOL = "03", _("03 School")
    HOMELESS_SHELTER = "04", _("04 Homeless shelter")
    PRISON = "09", _("09 Prison or correctional facility")
    TELEHEALTH_HOME = "10", _("10 Telehealth in the home")
    OFFICE = "11", _("11 Office")
    HOME = "12", _("12 Home")
    ASSISTED_LIVING = "13", _("13 Assisted living facility")
    GROUP_HOME = "14", _("14 Group home")
    MOBILE_UNIT = "15", _("15 Mobile unit")
    TEMPORARY_LODGING = "16", _("16 Temporary lodging")
    WORKSITE = "18", _("18 Place of employment")
    OUTPATIENT_HOSPITAL = "22", _("22 Outpatient hospital")
    EMERGENCY_ROOM = "23", _("23 Emergency room")
    OUTREACH = "27", _("27 Outreach site or street")
    NURSING_FACILITY = "32", _("32 Nursing facility")
    FQHC = "50", _("50 Federally qualified health center")
    COMMUNITY_MENTAL_HEALTH = "53", _("53 Community mental health center")
    PUBLIC_HEALTH_CLINIC = "71", _("71 Public health clinic")
    RURAL_HEALTH_CLINIC = "72", _("72 Rural health clinic")
    OTHER = "99", _("99 Other place of service")


class EncounterService(models.TextChoices):
    HEALTH_EDUCATION = "health_education", _("Health education")
    NAVIGATION = "navigation", _("Health navigation")
    SCREENING = "screening", _("Screening and assessment")
    ADVOCACY = "advocacy", _("Individual support or advocacy")
    CARE_COORDINATION = "care_coordination", _("Care coordination")
    PERINATAL = "perinatal", _("Prenatal, birth or postpartum support")
    # Doula events that payers code apart from prenatal and postpartum visits.
    LABOR_SUPPORT = "labor_support", _("Labor and delivery support (vaginal birth)")
    LABOR_SUPPORT_VBAC = (
        "labor_support_vbac",
        _("Labor and delivery support (vaginal birth after cesarean)"),
    )
    LABOR_SUPPORT_CESAREAN = "labor_support_cesarean", _("Labor and delivery support (cesarean)")
    LOSS_SUPPORT = "loss_support", _("Support during or after a miscarriage or abortion")
    EXTENDED_POSTPARTUM = "extended_postpartum", _("Extended postpartum visit (3 hours)")
    PEER_SUPPORT = "peer_support", _("Peer support")
    ASTHMA_PREVENTION = "asthma_prevention", _("Asthma preventive services")
    VIOLENCE_PREVENTION = "violence_prevention", _("Violence prevention")
    OUTREACH = "outreach", _("Outreach")


class EncounterTopic(models.TextChoices):
    ASTHMA = "asthma", _("Asthma")
    DIABETES = "diabetes", _("Diabetes")
    BLOOD_PRESSURE = "blood_pressure", _("Blood pressure")
    MEDICATIONS = "medications", _("Medications")
    NUTRITION = "nutrition", _("Nutrition")
    PHYSICAL_ACTIVITY = "physical_activity", _("Physical activity")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    SUBSTANCE_USE = "substance_use", _("Substance use")
    PREGNANCY = "pregnancy", _("Pregnancy and newborn care")
    HOUSING = "housing", _("Housing")
    FOOD = "food", _("Food")
    BENEFITS = "benefits", _("Benefits and insurance")
    APPOINTMENTS = "appointments", _("Appointments and transportation")
    HOME_ENVIRONMENT = "home_environment", _("Home environment and triggers")


class EncounterStatus(models.TextChoices):
    CURRENT = "current", _("Current")
    AMENDED = "amended", _("Replaced by an amendment")


class Encounter(BaseModel):
    """A contact between a worker and one person, or a group session with several."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    # The person an individual encounter is with (the first one present, for a group).
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="encounters")
    participants = models.ManyToManyField(Person, related_name="group_encounters", blank=True)
    is_group = models.BooleanField(_("group session"), default=False)
    group_size = models.PositiveIntegerField(
        _("people in the group"),
        default=1,
        validators=[MinValueValidator(1)],
    )
    worker = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="encounters")
    enrollment = models.ForeignKey(
        Enrollment, null=True, blank=True, on_delete=models.SET_NULL, related_name="encounters"
    )
    occurred_on = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(
        _("minutes"),
        validators=[
            MinValueValidator(1, _("Enter how long it lasted: 1 to 720 minutes.")),
            MaxValueValidator(720, _("Enter how long it lasted: 1 to 720 minutes.")),
        ],
    )
    modality = models.CharField(_("how"), max_length=10, choices=Modality.choices)
    place_of_service = models.CharField(
        _("place of service"), max_length=2, choices=PlaceOfService.choices
    )
    services = models.JSONField(_("services delivered"), default=list)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    needs = models.ManyToManyField(Need, blank=True, related_name="encounters")
    goals = models.ManyToManyField(Goal, blank=True, related_name="encounters")
    referrals = models.ManyToManyField(Referral, blank=True, related_name="encounters")
    note = models.TextField(_("note"), max_length=5000, blank=True)
    status = models.CharField(
        max_length=10, choices=EncounterStatus.choices, default=EncounterStatus.CURRENT
    )
    # An amendment points at the billed encounter it corrects; the original stays unchanged.
    amends = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="amendment"
    )
    amendment_reason = models.CharField(_("reason for the amendment"), max_length=500, blank=True)
    idempotency_key = models.CharField(max_length=100, blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    objects = TenantManager()

    class Meta:
        ordering = ["-occurred_on", "-start_time", "-id"]
        indexes = [
            models.Index(fields=["person", "-occurred_on"], name="encounter_person_day"),
            models.Index(fields=["worker", "-occurred_on"], name="encounter_worker_day"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="encounter_idempotency_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.occurred_on} {self.person_id} ({self.duration_minutes} min)"

    def service_labels(self) -> list[str]:
        return labels_of(EncounterService, self.services)

    def topic_labels(self) -> list[str]:
        return labels_of(EncounterTopic, self.topics)


class EncounterRevision(models.Model):
    """What an encounter said before each edit, so edits keep their history."""

    tenant_path = "encounter__organization"  # whose organization the row belongs to

    encounter = models.ForeignKey(Encounter, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    snapshot = models.JSONField()
    changed_fields = models.JSONField(default=list)
    edited_at = models.DateTimeField(auto_now_add=True)
    edited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    objects = TenantManager()

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{self.encounter_id} v{self.version}"
