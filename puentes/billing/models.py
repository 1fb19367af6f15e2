"""Billing and funding: payers and coverage, the organization's billing set-up (providers,
fee schedule, initiating visits), claim batches, claims and lines (never claimed twice),
remittances, and the grants that pay for what no payer does."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from puentes.care.models import Encounter, Program
from puentes.core.models import BaseModel, Leased
from puentes.core.tenancy import TenantManager
from puentes.core.validators import validate_npi
from puentes.network.models import Organization, User
from puentes.people.models import Person


class FilingIndicator(models.TextChoices):
    MEDICAID = "MC", _("MC Medicaid")
    MEDICARE_B = "MB", _("MB Medicare Part B")
    COMMERCIAL = "CI", _("CI Commercial insurance")
    HMO = "HM", _("HM Health maintenance organization")
    MEDICARE_ADVANTAGE = "16", _("16 Medicare Advantage (HMO)")
    OTHER = "ZZ", _("ZZ Other")


class Payer(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=120)
    payer_identifier = models.CharField(_("payer ID"), max_length=80)
    filing_indicator = models.CharField(
        _("claim filing indicator"), max_length=2, choices=FilingIndicator.choices
    )
    rule_set_id = models.CharField(_("rule set"), max_length=60)
    preferred_family = models.CharField(_("preferred codes"), max_length=40, blank=True)
    managed_care = models.BooleanField(
        _("a managed-care plan (not fee-for-service)"), default=False
    )

    objects = TenantManager()

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="payer_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class CoveragePriority(models.TextChoices):
    PRIMARY = "primary", _("Primary")
    SECONDARY = "secondary", _("Secondary")


class Coverage(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="coverages")
    payer = models.ForeignKey(Payer, on_delete=models.PROTECT, related_name="coverages")
    plan_name = models.CharField(_("plan"), max_length=120, blank=True)
    member_id = models.CharField(_("member ID"), max_length=40)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    priority = models.CharField(
        _("priority"), max_length=10, choices=CoveragePriority.choices, default="primary"
    )

    objects = TenantManager()

    class Meta:
        ordering = ["priority", "-start_date", "id"]

    def __str__(self) -> str:
        return f"{self.payer_id} {self.member_id}"


class AuthorizationStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    DENIED = "denied", _("Denied")


class PriorAuthorization(BaseModel):
    """A payer's prior authorization on a person's coverage: work past a rule set's limit,
    for these codes (any, when empty), up to these units or minutes, in this period. An
    approved one lets the engine bill past the limit; its number goes on the claim
    (REF*G1)."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    coverage = models.ForeignKey(
        Coverage, on_delete=models.CASCADE, related_name="prior_authorizations"
    )
    number = models.CharField(_("authorization number"), max_length=50, blank=True)
    codes = models.JSONField(_("procedure codes"), default=list, blank=True)
    units = models.PositiveIntegerField(_("units authorized"), null=True, blank=True)
    minutes = models.PositiveIntegerField(_("minutes authorized"), null=True, blank=True)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AuthorizationStatus.choices,
        default=AuthorizationStatus.APPROVED,
    )

    objects = TenantManager()

    class Meta:
        ordering = ["-start_date", "id"]

    def __str__(self) -> str:
        return f"{self.number or self.status} {self.start_date}–{self.end_date}"


class ProviderRole(models.TextChoices):
    RENDERING = "rendering", _("Rendering")
    SUPERVISING = "supervising", _("Supervising")


class Provider(BaseModel):
    """A licensed provider who renders or supervises the billed work."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    first_name = models.CharField(_("first name"), max_length=60)
    last_name = models.CharField(_("last name"), max_length=60)
    npi = models.CharField(_("NPI"), max_length=10, validators=[validate_npi])
    role = models.CharField(_("role"), max_length=12, choices=ProviderRole.choices)
    is_active = models.BooleanField(default=True)

    objects = TenantManager()

    class Meta:
        ordering = ["last_name", "first_name", "id"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class BillingProfile(BaseModel):
    """What an organization's claims say about it beyond its profile (NPI, tax id and
    address come from the organization)."""

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="billing_profile"
    )
    taxonomy_code = models.CharField(_("taxonomy code"), max_length=10, blank=True)
    postal_code_9 = models.CharField(_("ZIP+4 of the billing address"), max_length=9, blank=True)
    submitter_id = models.CharField(_("submitter ID"), max_length=15, blank=True)
    contact_name = models.CharField(_("billing contact"), max_length=60, blank=True)
    contact_phone = models.CharField(_("billing contact phone"), max_length=10, blank=True)
    supervising_provider = models.ForeignKey(
        Provider, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fqhc_or_rhc = models.BooleanField(
        _("a federally qualified or rural health center (FQHC/RHC)"), default=False
    )

    objects = TenantManager()

    def __str__(self) -> str:
        return f"billing profile of {self.organization_id}"


class FeeScheduleEntry(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    code = models.CharField(_("code"), max_length=5)
    charge = models.DecimalField(_("charge per unit"), max_digits=9, decimal_places=2)

    objects = TenantManager()

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "code"], name="fee_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.charge}"


class InitiatingVisit(BaseModel):
    """The billing practitioner's visit (E/M or annual wellness visit) that G-codes need."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    visit_date = models.DateField(_("date of the visit"))
    code = models.CharField(_("visit code"), max_length=5)
    practitioner_name = models.CharField(_("practitioner's name"), max_length=200)
    practitioner_npi = models.CharField(
        _("practitioner's NPI"), max_length=10, validators=[validate_npi]
    )

    objects = TenantManager()

    class Meta:
        ordering = ["-visit_date"]

    def __str__(self) -> str:
        return f"{self.code} {self.visit_date}"


class ConsentMethod(models.TextChoices):
    VERBAL = "verbal", _("Verbal")
    WRITTEN = "written", _("Written")


class ServiceConsent(BaseModel):
    """The person's documented consent to receive a monthly service billed by one
    practitioner (Medicare CHI and PIN): that they agree, that cost sharing applies and
    that only one practitioner may bill it in a month. A new consent is needed when the
    billing practitioner changes."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    given_on = models.DateField(_("date of the consent"))
    method = models.CharField(_("how it was given"), max_length=10, choices=ConsentMethod.choices)
    practitioner_name = models.CharField(_("billing practitioner's name"), max_length=200)
    practitioner_npi = models.CharField(
        _("billing practitioner's NPI"), max_length=10, validators=[validate_npi]
    )
    recorded_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")

    objects = TenantManager()

    class Meta:
        ordering = ["-given_on", "-id"]

    def __str__(self) -> str:
        return f"{self.given_on} {self.practitioner_npi}"


class SeriousCondition(BaseModel):
    """A serious, high-risk condition expected to last at least 3 months, which principal
    illness navigation (PIN) addresses; its code goes on the claim."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    diagnosis_code = models.CharField(_("diagnosis (ICD-10-CM)"), max_length=8)
    diagnosed_on = models.DateField(_("date of the diagnosis"))
    expected_months = models.PositiveSmallIntegerField(_("expected to last (months)"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    practitioner_name = models.CharField(_("practitioner's name"), max_length=200)

    objects = TenantManager()

    class Meta:
        ordering = ["-diagnosed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.diagnosis_code} {self.diagnosed_on}"


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("Being generated")
    FAILED = "failed", _("Not generated")
    GENERATED = "generated", _("Generated")
    APPROVED = "approved", _("Approved")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class ClaimBatch(BaseModel, Leased):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    payer = models.ForeignKey(Payer, on_delete=models.PROTECT, related_name="batches")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    status = models.CharField(max_length=10, choices=BatchStatus.choices, default="generated")
    status_reason = models.CharField(max_length=500, blank=True)
    control_number = models.PositiveIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    approved_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"batch {self.pk} {self.payer_id} {self.period_start}–{self.period_end}"


class ClaimStatus(models.TextChoices):
    GENERATED = "generated", _("Ready")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    PAID = "paid", _("Paid")
    DENIED = "denied", _("Denied")
    REPLACED = "replaced", _("Replaced by a corrected claim")
    VOIDED = "voided", _("Voided")


# The claims that went out and still stand.
CORRECTABLE_STATUSES = ("submitted", "accepted", "paid", "denied")


class Frequency(models.TextChoices):
    ORIGINAL = "1", _("Original")
    CORRECTED = "7", _("Corrected (replacement)")
    VOID = "8", _("Void")


class Claim(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    batch = models.ForeignKey(ClaimBatch, on_delete=models.PROTECT, related_name="claims")
    payer = models.ForeignKey(Payer, on_delete=models.PROTECT, related_name="claims")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="claims")
    coverage = models.ForeignKey(Coverage, on_delete=models.PROTECT, related_name="claims")
    claim_number = models.CharField(max_length=38, unique=True)
    frequency = models.CharField(max_length=1, choices=Frequency.choices, default="1")
    replaces = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replacements"
    )
    status = models.CharField(max_length=10, choices=ClaimStatus.choices, default="generated")
    status_reason = models.CharField(max_length=500, blank=True)
    rule_set_id = models.CharField(max_length=60)
    rule_set_version = models.CharField(max_length=20)
    diagnoses = models.JSONField(default=list)
    total_charge = models.DecimalField(max_digits=11, decimal_places=2, default=0)
    paid_amount = models.DecimalField(max_digits=11, decimal_places=2, null=True, blank=True)
    payer_claim_number = models.CharField(max_length=50, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.claim_number

    @property
    def correctable(self) -> bool:
        """Whether a corrected claim or a void may replace it: it went out and still stands,
        and is not itself a void."""
        return self.frequency != Frequency.VOID and self.status in CORRECTABLE_STATUSES


class ClaimLine(models.Model):
    """One service line: a claim holds a person's services of the batch, each with its own
    date. ``is_current`` is true while the line stands (not voided or
    replaced): a partial unique index makes a second current claim of the same encounter,
    person and code impossible, even when two batches are generated at once."""

    tenant_path = "claim__organization"  # whose organization the row belongs to

    # A batch writes a million lines beside the claims and from the rows it has just
    # read; checking (and key-share locking) the claim, encounter and person of each at
    # commit cost more than writing the lines (a third of the database's work for a batch).
    # Lines are written only by services._save_claims, in the transaction that writes their
    # claims; Django still refuses to delete a claimed encounter or person (PROTECT), and
    # the claim keeps its own database keys. The person is found through claim_line_person.
    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="lines", db_constraint=False
    )
    encounter = models.ForeignKey(
        Encounter, on_delete=models.PROTECT, related_name="claim_lines", db_constraint=False
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", db_constraint=False, db_index=False
    )
    line_number = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=5)
    modifiers = models.JSONField(default=list)
    units = models.PositiveIntegerField()
    minutes = models.PositiveIntegerField()
    charge = models.DecimalField(max_digits=11, decimal_places=2)
    place_of_service = models.CharField(max_length=2)
    date_of_service = models.DateField()
    family = models.CharField(max_length=40)
    is_current = models.BooleanField(default=True)
    paid_amount = models.DecimalField(max_digits=11, decimal_places=2, null=True, blank=True)
    adjustments = models.JSONField(default=list, blank=True)
    # Which of the claim's diagnoses (1-based, at most 4) this service treats.
    diagnosis_pointers = models.JSONField(default=list, blank=True)
    # A monthly time code's earlier visits of the month billed with this one, as
    # [encounter pk, minutes, "YYYY-MM-DD"]: claimed with the line, never counted again.
    time_from = models.JSONField(default=list, blank=True)
    # The prior authorization the line is billed under (REF*G1), when a limit needed one.
    prior_authorization = models.CharField(max_length=50, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["claim_id", "line_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["encounter", "person", "code"],
                condition=models.Q(is_current=True),
                name="claim_line_once",
            )
        ]
        indexes = [models.Index(fields=["person", "date_of_service"], name="claim_line_person")]

    def __str__(self) -> str:
        return f"{self.code} x{self.units}"


class ClaimEvent(models.Model):
    tenant_path = "claim__organization"  # whose organization the row belongs to

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    reason = models.CharField(max_length=500, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"


class Remittance(BaseModel):
    """An imported X12 835: the payment and what it says of each claim."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    payer = models.ForeignKey(Payer, null=True, on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(max_length=200)
    trace_number = models.CharField(max_length=50, blank=True)
    payment_date = models.DateField(null=True, blank=True)
    total_paid = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    claims_posted = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")

    objects = TenantManager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name


class FundingKind(models.TextChoices):
    GRANT = "grant", _("Grant")
    CONTRACT = "contract", _("Contract")
    PASS_THROUGH = "pass_through", _("Pass-through grant")
    ACO = "aco", _("ACO agreement")


class FundingSource(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=120)
    funder = models.CharField(_("funder"), max_length=120)
    kind = models.CharField(_("kind"), max_length=14, choices=FundingKind.choices)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    hourly_rate = models.DecimalField(_("charge per hour of work"), max_digits=9, decimal_places=2)
    programs = models.ManyToManyField(Program, blank=True, related_name="funding_sources")
    services = models.JSONField(_("services it pays for"), default=list, blank=True)
    reporting = models.TextField(_("reporting requirements"), max_length=2000, blank=True)
    # Money passed through by an intermediary: the sub-award this funding draws on.
    sub_award = models.ForeignKey(
        "SubAward", on_delete=models.PROTECT, null=True, blank=True, related_name="fundings"
    )

    objects = TenantManager()

    class Meta:
        ordering = ["-end_date", "name"]

    def __str__(self) -> str:
        return self.name


class SubAward(BaseModel):
    """Part of an intermediary's pass-through funding awarded to a member organization. The
    member records the funding it draws on it; its grant charges roll up to the
    intermediary as sums (never a person)."""

    tenant_path = "funding_source__organization"  # the intermediary's

    funding_source = models.ForeignKey(
        FundingSource, on_delete=models.PROTECT, related_name="sub_awards"
    )
    member = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))
    purpose = models.TextField(_("allowed programs and positions"), max_length=1000, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["start_date", "id"]

    def __str__(self) -> str:
        return f"{self.amount} to {self.member_id}"


class GrantCharge(models.Model):
    """Work a funding source pays for: an encounter (for one person) that no payer paid."""

    tenant_path = "funding_source__organization"  # whose organization the row belongs to

    funding_source = models.ForeignKey(
        FundingSource, on_delete=models.PROTECT, related_name="charges"
    )
    encounter = models.ForeignKey(Encounter, on_delete=models.PROTECT, related_name="grant_charges")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    minutes = models.PositiveIntegerField()
    amount = models.DecimalField(max_digits=11, decimal_places=2)
    reason = models.CharField(max_length=500)
    charged_at = models.DateTimeField(auto_now_add=True)

    objects = TenantManager()

    class Meta:
        ordering = ["charged_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["encounter", "person"], name="grant_charge_once")
        ]

    def __str__(self) -> str:
        return f"{self.amount} to {self.funding_source_id}"
