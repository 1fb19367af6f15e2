"""Follow-up tasks and encounters: every contact a worker has with the people they serve,
with revisions and amendments."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from puentes.care.models.plans import Goal
from puentes.care.models.programs import Enrollment, labels_of
from puentes.core.models import BaseModel
from puentes.core.tenancy import TenantManager
from puentes.network.models import Membership, Organization, User
from puentes.people.models import Person
from puentes.referrals.models import Referral
from puentes.screening.models import Need


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
        indexes = [
            models.Index(fields=["assignee", "status", "due_on"], name="followup_day"),
            # Counting the organization's open follow-ups (the API's pages): the
            # organization alone, stored deduplicated, counts several times faster.
            models.Index(
                fields=["organization"],
                condition=models.Q(status="open"),
                name="followup_org_open",
            ),
            # The organization's open follow-ups by due date, in index order.
            models.Index(
                fields=["organization", "status", "due_on", "id"], name="followup_org_due"
            ),
        ]

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
            # The organization's list, newest first, read in index order (not a sort of
            # every encounter it ever logged).
            models.Index(
                fields=["organization", "-occurred_on", "-start_time", "-id"],
                name="encounter_org_newest",
            ),
            # Counting the organization's encounters (the API's pages): 300,000 counted in
            # 12 ms from this index, 56 from a wider one.
            models.Index(
                fields=["organization"],
                condition=models.Q(status="current"),
                name="encounter_org_current",
            ),
            # Who was seen lately (the team page's "no contact in 30 days") and who was seen
            # alone in a month (the billing queue's people), read from the index alone.
            models.Index(
                fields=["organization", "occurred_on", "person", "is_group"],
                condition=models.Q(status="current"),
                name="encounter_org_contact",
            ),
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
