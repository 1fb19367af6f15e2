"""People served, their households, identifiers, consents to share, and caseloads."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from puentes.core.languages import LANGUAGES
from puentes.core.models import BaseModel
from puentes.core.tenancy import TenantManager
from puentes.core.validators import (
    US_STATE_CHOICES,
    validate_language,
    validate_phone,
    validate_zip,
)
from puentes.network.models import Membership, Organization, User


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    INTERSEX = "intersex", _("Intersex")
    UNKNOWN = "unknown", _("Unknown")
    PREFER_NOT_TO_SAY = "prefer_not_to_say", _("Prefer not to say")


class GenderIdentity(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    TRANSGENDER_WOMAN = "transgender_woman", _("Transgender woman")
    TRANSGENDER_MAN = "transgender_man", _("Transgender man")
    NONBINARY = "nonbinary", _("Non-binary")
    OTHER = "other", _("Another identity")
    PREFER_NOT_TO_SAY = "prefer_not_to_say", _("Prefer not to say")


class ContactMethod(models.TextChoices):
    PHONE = "phone", _("Phone call")
    TEXT = "text", _("Text message")
    EMAIL = "email", _("E-mail")
    IN_PERSON = "in_person", _("In person")


class PersonStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    MERGED = "merged", _("Merged into another record")


def validate_birth_date(value: datetime.date) -> None:
    if value > timezone.localdate():
        raise ValidationError(_("The date of birth cannot be in the future."), code="future")
    if value < datetime.date(1900, 1, 1):
        raise ValidationError(_("The date of birth must be after 1900."), code="too_old")


class Person(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    given_name = models.CharField(_("legal first name"), max_length=100)
    family_name = models.CharField(_("legal last name"), max_length=100)
    preferred_name = models.CharField(_("preferred name"), max_length=100, blank=True)
    date_of_birth = models.DateField(_("date of birth"), validators=[validate_birth_date])
    sex = models.CharField(_("sex"), max_length=20, choices=Sex.choices, blank=True)
    gender_identity = models.CharField(
        _("gender identity"), max_length=20, choices=GenderIdentity.choices, blank=True
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=LANGUAGES,
        default="en",
        validators=[validate_language],
    )
    interpreter_needed = models.BooleanField(_("needs an interpreter"), default=False)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone])
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    preferred_contact_method = models.CharField(
        _("preferred contact method"), max_length=16, choices=ContactMethod.choices, blank=True
    )
    ok_to_call = models.BooleanField(_("agrees to phone calls"), default=False)
    ok_to_text = models.BooleanField(_("agrees to text messages"), default=False)
    ok_to_email = models.BooleanField(_("agrees to e-mail"), default=False)
    ok_to_leave_voicemail = models.BooleanField(_("agrees to voicemail"), default=False)
    address_line1 = models.CharField(_("address"), max_length=200, blank=True)
    address_line2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    state = models.CharField(_("state"), max_length=2, choices=US_STATE_CHOICES, blank=True)
    postal_code = models.CharField(
        _("ZIP code"), max_length=10, blank=True, validators=[validate_zip]
    )
    # Derived from the ZIP centroid by the service; never typed in.
    latitude = models.FloatField(null=True, blank=True, editable=False)
    longitude = models.FloatField(null=True, blank=True, editable=False)
    notes = models.TextField(_("notes"), blank=True, validators=[MaxLengthValidator(5000)])
    status = models.CharField(
        max_length=16, choices=PersonStatus.choices, default=PersonStatus.ACTIVE, editable=False
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    # Accent-free, lower-case names and phone digits, kept by the service for search.
    search_text = models.CharField(max_length=400, blank=True, editable=False, db_index=True)
    created_by = models.ForeignKey(
        User, null=True, on_delete=models.PROTECT, related_name="+", editable=False
    )

    objects = TenantManager()

    class Meta:
        ordering = ["family_name", "given_name"]
        indexes = [
            # Counting the organization's active people (every page of the list says how
            # many pages): an index of the organization alone, which PostgreSQL stores
            # deduplicated, counts several times faster than the wider list index.
            models.Index(
                fields=["organization"],
                condition=models.Q(status="active"),
                name="person_org_active",
            ),
            models.Index(fields=["organization", "status", "family_name", "given_name"]),
            models.Index(fields=["organization", "date_of_birth"]),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        first = self.preferred_name or self.given_name
        return f"{first} {self.family_name}"

    @property
    def legal_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def age(self) -> int:
        today = timezone.localdate()
        born = self.date_of_birth
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class Household(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("household name"), max_length=200)

    objects = TenantManager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Relationship(models.TextChoices):
    SELF = "self", _("Head of household")
    SPOUSE = "spouse", _("Spouse or partner")
    CHILD = "child", _("Child")
    PARENT = "parent", _("Parent")
    SIBLING = "sibling", _("Sibling")
    GRANDPARENT = "grandparent", _("Grandparent")
    GRANDCHILD = "grandchild", _("Grandchild")
    OTHER_RELATIVE = "other_relative", _("Other relative")
    NON_RELATIVE = "non_relative", _("Not related")


class HouseholdMember(BaseModel):
    tenant_path = "household__organization"  # whose organization the row belongs to

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="household_link")
    relationship = models.CharField(_("relationship"), max_length=20, choices=Relationship.choices)

    objects = TenantManager()

    class Meta:
        ordering = ["relationship", "person__given_name"]


class IdentifierKind(models.TextChoices):
    MEDICAID = "medicaid", _("Medicaid ID")
    MEDICARE_MBI = "medicare_mbi", _("Medicare MBI")
    MRN = "mrn", _("Medical record number")
    OTHER = "other", _("Other")


class Identifier(BaseModel):
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="identifiers")
    kind = models.CharField(_("kind"), max_length=16, choices=IdentifierKind.choices)
    # Who issued it: the state for Medicaid, "CMS" for an MBI, the clinic's name for an MRN.
    issuer = models.CharField(_("issued by"), max_length=100)
    value = models.CharField(_("value"), max_length=40)

    objects = TenantManager()

    class Meta:
        ordering = ["kind", "issuer"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind", "issuer", "value"],
                name="identifier_unique_per_issuer",
                violation_error_message=_(
                    "Another person already has this identifier from this issuer."
                ),
            )
        ]


class ConsentScope(models.TextChoices):
    NAMED = "named", _("Named organizations")
    NETWORK = "network", _("Any partner on the network")


class ConsentPurpose(models.TextChoices):
    REFERRAL = "referral", _("Referrals and care coordination")
    TREATMENT = "treatment", _("Treatment")
    PAYMENT = "payment", _("Payment")
    EVALUATION = "evaluation", _("Program evaluation")


class ConsentMethod(models.TextChoices):
    WRITTEN = "written", _("Written (signed form)")
    VERBAL = "verbal", _("Verbal")
    ELECTRONIC = "electronic", _("Electronic")


class Consent(BaseModel):
    """A person's permission to share their information, kept with how and when it was given."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    scope = models.CharField(_("shared with"), max_length=16, choices=ConsentScope.choices)
    organizations = models.ManyToManyField(
        Organization, blank=True, related_name="+", verbose_name=_("organizations")
    )
    purpose = models.CharField(_("purpose"), max_length=16, choices=ConsentPurpose.choices)
    method = models.CharField(_("how it was given"), max_length=16, choices=ConsentMethod.choices)
    given_on = models.DateField(_("date given"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    recorded_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revocation_reason = models.CharField(_("reason for revoking"), max_length=500, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["-given_on", "-created_at"]

    def is_active_on(self, day: datetime.date) -> bool:
        return (
            self.revoked_at is None
            and self.given_on <= day
            and (self.expires_on is None or self.expires_on >= day)
        )


class CaseloadAssignment(BaseModel):
    """A worker assigned to a person. Ended assignments stay as history."""

    tenant_path = "person__organization"  # whose organization the row belongs to

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assignments")
    worker = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="assignments")
    assigned_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = TenantManager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "worker"],
                condition=models.Q(ended_at__isnull=True),
                name="one_open_assignment_per_worker",
            )
        ]
        indexes = [
            # A worker's open caseload, counted and listed from the index alone.
            models.Index(
                fields=["worker", "person"],
                condition=models.Q(ended_at__isnull=True),
                name="assignment_open_worker",
            )
        ]
