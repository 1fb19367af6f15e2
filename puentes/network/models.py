"""Organizations on the network, their members and roles, invitations and API keys."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from puentes.core import permissions
from puentes.core.models import BaseModel
from puentes.core.tenancy import TenantManager
from puentes.core.validators import (
    US_STATE_CHOICES,
    validate_language_list,
    validate_npi,
    validate_tax_id,
    validate_time_zone,
    validate_zip,
)


class User(AbstractUser):
    """A person who signs in. What they may do comes from their memberships."""

    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    notification_email = models.CharField(
        _("e-mail me"),
        max_length=12,
        choices=[
            ("immediate", _("at once, for each update")),
            ("digest", _("once a day, a summary")),
            ("never", _("never (only in Puentes)")),
        ],
        default="immediate",
    )


class OrganizationKind(models.TextChoices):
    HEALTH_CENTER = "health_center", _("Community health center")
    CLINIC = "clinic", _("Clinic")
    HOSPITAL = "hospital", _("Hospital")
    CBO = "cbo", _("Community-based organization")
    HEALTH_PLAN = "health_plan", _("Health plan")
    PUBLIC_AGENCY = "public_agency", _("Public agency")
    OTHER = "other", _("Other")


class Organization(BaseModel):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganizationKind.choices)
    npi = models.CharField(_("NPI"), max_length=10, blank=True, validators=[validate_npi])
    tax_id = models.CharField(
        _("tax id (EIN)"), max_length=10, blank=True, validators=[validate_tax_id]
    )
    address_line1 = models.CharField(_("address"), max_length=200, blank=True)
    address_line2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    state = models.CharField(_("state"), max_length=2, blank=True, choices=US_STATE_CHOICES)
    postal_code = models.CharField(
        _("ZIP code"), max_length=10, blank=True, validators=[validate_zip]
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="America/Los_Angeles",
        validators=[validate_time_zone],
    )
    languages_served = models.JSONField(
        _("languages served"), default=list, blank=True, validators=[validate_language_list]
    )
    # Business days the organization takes to accept or reject a referral before it is
    # flagged overdue on both sides.
    referral_response_days = models.PositiveSmallIntegerField(
        _("days to answer a referral (business days)"),
        default=2,
        validators=[MaxValueValidator(30)],
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CHW = permissions.CHW, _("Community health worker")
    SUPERVISOR = permissions.SUPERVISOR, _("Supervisor")
    BILLING = permissions.BILLING, _("Billing")
    CBO_STAFF = permissions.CBO_STAFF, _("Community organization staff")
    ANALYST = permissions.ANALYST, _("Analyst")
    ORG_ADMIN = permissions.ORG_ADMIN, _("Organization administrator")
    DIRECTORY_ADMIN = permissions.DIRECTORY_ADMIN, _("Directory administrator")


FRONTLINE_ROLES = {Role.CHW, Role.SUPERVISOR, Role.CBO_STAFF}


class WorkerType(models.TextChoices):
    CHW = "chw", _("Community health worker")
    PROMOTOR = "promotor", _("Promotor(a)")
    DOULA = "doula", _("Doula")
    PEER_SUPPORT = "peer_support", _("Peer support specialist")
    RECOVERY_COACH = "recovery_coach", _("Recovery coach")
    CHR = "chr", _("Community health representative")
    NAVIGATOR = "navigator", _("Patient navigator")
    PERINATAL = "perinatal", _("Perinatal community health worker")
    BEHAVIORAL_HEALTH_NAVIGATOR = "behavioral_health_navigator", _("Behavioral health navigator")
    VIOLENCE_PREVENTION = "violence_prevention", _("Violence prevention professional")


class Membership(BaseModel):
    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="memberships")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    worker_type = models.CharField(
        _("worker type"), max_length=32, choices=WorkerType.choices, blank=True
    )
    is_active = models.BooleanField(_("active"), default=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)

    objects = TenantManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_org")
        ]
        ordering = ["user__last_name", "user__first_name", "user__username"]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.role})"

    @property
    def display_name(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


class Invitation(BaseModel):
    """An e-mailed invitation to join an organization with a role; accepted once."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="invitations"
    )
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    worker_type = models.CharField(
        _("worker type"), max_length=32, choices=WorkerType.choices, blank=True
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["-created_at"]

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )


class ApiKeyScope(models.TextChoices):
    READ = "read", _("Read only")
    READ_WRITE = "read_write", _("Read and write")


class ApiKey(BaseModel):
    """A key another system uses to act for an organization. Only a hash is stored."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="api_keys"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=16, unique=True)
    key_hash = models.CharField(max_length=64)
    scope = models.CharField(_("scope"), max_length=16, choices=ApiKeyScope.choices)
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def role(self) -> str:
        return (
            permissions.API_READ_WRITE
            if self.scope == ApiKeyScope.READ_WRITE
            else permissions.API_READ
        )
