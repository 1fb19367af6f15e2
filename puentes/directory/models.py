"""The resource directory: Open Referral HSDS 3.0 objects, field for field, plus what
directory users need that HSDS 3.0 lacks (capacity, verification, the link to a network
organization, and where each record came from).

Field names are HSDS's, so import, export and the /hsds/ API map one to one. Every record's
primary key is its HSDS id (a UUID). The directory holds no personal data.
"""

from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from puentes.core.models import BaseModel, Leased
from puentes.core.tenancy import TenantManager
from puentes.network.models import Organization as NetworkOrganization


class HsdsRecord(models.Model):
    """What every HSDS object carries here besides its own fields."""

    id = models.UUIDField(primary_key=True)
    # Where the record came from and its id there (a 211's numeric id, say).
    source = models.CharField(max_length=100, blank=True, db_index=True)
    original_id = models.CharField(max_length=200, blank=True)
    # Properties beyond HSDS core (profiles extend it), kept so export loses nothing.
    extra = models.JSONField(default=dict, blank=True)
    # False when a full re-import of its source no longer contains it; never deleted.
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return str(getattr(self, "name", "") or self.id)


class Capacity(models.TextChoices):
    AVAILABLE = "available", _("Available")
    WAITLIST = "waitlist", _("Waitlist")
    NO_CAPACITY = "no-capacity", _("No capacity")
    ASSESSMENT = "additional-assessment-required", _("Additional assessment required")


class Listed(HsdsRecord):
    """Capacity and verification, which HSDS 3.0 lacks and referrals need."""

    capacity_status = models.CharField(max_length=40, choices=Capacity.choices, blank=True)
    capacity_note = models.CharField(max_length=500, blank=True)
    capacity_updated_at = models.DateTimeField(null=True, blank=True)
    last_verified_on = models.DateField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


class Organization(HsdsRecord):
    name = models.CharField(max_length=500)
    alternate_name = models.CharField(max_length=500, blank=True)
    description = models.TextField(blank=True)
    email = models.CharField(max_length=254, blank=True)
    website = models.CharField(max_length=500, blank=True)
    tax_status = models.CharField(max_length=100, blank=True)
    tax_id = models.CharField(max_length=100, blank=True)
    year_incorporated = models.IntegerField(null=True, blank=True)
    legal_status = models.CharField(max_length=200, blank=True)
    logo = models.CharField(max_length=500, blank=True)
    uri = models.CharField(max_length=500, blank=True)
    parent_organization = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    # The Puentes network organization that maintains these listings (and receives referrals).
    network_organization = models.ForeignKey(
        NetworkOrganization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directory_organizations",
    )
    last_verified_on = models.DateField(null=True, blank=True)


class Program(HsdsRecord):
    organization = models.ForeignKey(
        Organization, null=True, on_delete=models.CASCADE, related_name="programs"
    )
    name = models.CharField(max_length=500)
    alternate_name = models.CharField(max_length=500, blank=True)
    description = models.TextField(blank=True)


class ServiceStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    DEFUNCT = "defunct", _("Defunct")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")


class Service(Listed):
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="services"
    )
    program = models.ForeignKey(
        Program, null=True, blank=True, on_delete=models.SET_NULL, related_name="services"
    )
    name = models.CharField(max_length=500)
    alternate_name = models.CharField(max_length=500, blank=True)
    description = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    email = models.CharField(max_length=254, blank=True)
    status = models.CharField(max_length=20, choices=ServiceStatus.choices)
    interpretation_services = models.TextField(blank=True)
    application_process = models.TextField(blank=True)
    fees_description = models.TextField(blank=True)
    wait_time = models.TextField(blank=True)
    fees = models.TextField(blank=True)
    accreditations = models.TextField(blank=True)
    eligibility_description = models.TextField(blank=True)
    minimum_age = models.FloatField(null=True, blank=True, validators=[MinValueValidator(0)])
    maximum_age = models.FloatField(null=True, blank=True, validators=[MinValueValidator(0)])
    assured_date = models.CharField(max_length=30, blank=True)
    assurer_email = models.CharField(max_length=254, blank=True)
    licenses = models.TextField(blank=True)
    alert = models.TextField(blank=True)
    last_modified = models.DateTimeField(null=True, blank=True)


# The service fields a maintaining organization or directory admin edits in Puentes.
SERVICE_EDITABLE = (
    "name", "alternate_name", "description", "url", "email", "status",
    "interpretation_services", "application_process", "fees_description", "wait_time",
    "eligibility_description", "minimum_age", "maximum_age", "alert",
)  # fmt: skip


class LocationType(models.TextChoices):
    PHYSICAL = "physical", _("Physical")
    POSTAL = "postal", _("Postal")
    VIRTUAL = "virtual", _("Virtual")


class Location(HsdsRecord):
    location_type = models.CharField(max_length=10, choices=LocationType.choices)
    url = models.CharField(max_length=500, blank=True)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="locations"
    )
    name = models.CharField(max_length=500, blank=True)
    alternate_name = models.CharField(max_length=500, blank=True)
    description = models.TextField(blank=True)
    transportation = models.TextField(blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    external_identifier = models.CharField(max_length=200, blank=True)
    external_identifier_type = models.CharField(max_length=200, blank=True)


class ServiceAtLocation(Listed):
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    description = models.TextField(blank=True)

    @property
    def current_capacity(self) -> str:
        """What this place says about taking people, else what the service says overall."""
        return self.capacity_status or self.service.capacity_status


class AddressType(models.TextChoices):
    PHYSICAL = "physical", _("Physical")
    POSTAL = "postal", _("Postal")
    VIRTUAL = "virtual", _("Virtual")


class Address(HsdsRecord):
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="addresses"
    )
    attention = models.CharField(max_length=200, blank=True)
    address_1 = models.CharField(max_length=500)
    address_2 = models.CharField(max_length=500, blank=True)
    city = models.CharField(max_length=200)
    region = models.CharField(max_length=200, blank=True)
    state_province = models.CharField(max_length=100)
    postal_code = models.CharField(max_length=20)
    country = models.CharField(max_length=2)
    address_type = models.CharField(max_length=10, choices=AddressType.choices)


class Contact(HsdsRecord):
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=200, blank=True)
    department = models.CharField(max_length=200, blank=True)
    email = models.CharField(max_length=254, blank=True)


class Phone(HsdsRecord):
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    number = models.CharField(max_length=50)
    extension = models.FloatField(null=True, blank=True)
    type = models.CharField(max_length=50, blank=True)
    description = models.TextField(blank=True)


class Schedule(HsdsRecord):
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    valid_from = models.CharField(max_length=30, blank=True)
    valid_to = models.CharField(max_length=30, blank=True)
    dtstart = models.CharField(max_length=30, blank=True)
    timezone = models.FloatField(null=True, blank=True)
    until = models.CharField(max_length=30, blank=True)
    count = models.IntegerField(null=True, blank=True)
    wkst = models.CharField(max_length=2, blank=True)
    freq = models.CharField(max_length=10, blank=True)
    interval = models.IntegerField(null=True, blank=True)
    byday = models.CharField(max_length=100, blank=True)
    byweekno = models.CharField(max_length=100, blank=True)
    bymonthday = models.CharField(max_length=100, blank=True)
    byyearday = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True)
    opens_at = models.TimeField(null=True, blank=True)
    closes_at = models.TimeField(null=True, blank=True)
    schedule_link = models.CharField(max_length=500, blank=True)
    attending_type = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)


class ServiceArea(HsdsRecord):
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="service_areas"
    )
    name = models.CharField(max_length=500, blank=True)
    description = models.TextField(blank=True)
    extent = models.TextField(blank=True)
    extent_type = models.CharField(max_length=50, blank=True)
    uri = models.CharField(max_length=500, blank=True)


class Language(HsdsRecord):
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    phone = models.ForeignKey(
        Phone, null=True, blank=True, on_delete=models.CASCADE, related_name="languages"
    )
    name = models.CharField(max_length=100, blank=True)
    code = models.CharField(max_length=20, blank=True, db_index=True)
    note = models.TextField(blank=True)


class CostOption(HsdsRecord):
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="cost_options"
    )
    valid_from = models.CharField(max_length=30, blank=True)
    valid_to = models.CharField(max_length=30, blank=True)
    option = models.TextField(blank=True)
    currency = models.CharField(max_length=3, blank=True)
    amount = models.FloatField(null=True, blank=True)
    amount_description = models.TextField(blank=True)


class RequiredDocument(HsdsRecord):
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="required_documents"
    )
    document = models.TextField(blank=True)
    uri = models.CharField(max_length=500, blank=True)


class Funding(HsdsRecord):
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="funding"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="funding"
    )
    # HSDS calls the funder "source"; our "source" is where the record was imported from.
    funding_source = models.TextField(blank=True)


class Accessibility(HsdsRecord):
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="accessibility"
    )
    description = models.TextField(blank=True)
    details = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)


class OrganizationIdentifier(HsdsRecord):
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="organization_identifiers",
    )
    identifier_scheme = models.CharField(max_length=100, blank=True)
    identifier_type = models.CharField(max_length=200)
    identifier = models.CharField(max_length=200)


class Taxonomy(HsdsRecord):
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    uri = models.CharField(max_length=500, blank=True)
    version = models.CharField(max_length=50, blank=True)


class TaxonomyTerm(HsdsRecord):
    code = models.CharField(max_length=100, blank=True, db_index=True)
    name = models.CharField(max_length=500)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    taxonomy = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=20, blank=True)
    # HSDS has both "taxonomy" (a name) and "taxonomy_id" (a reference).
    taxonomy_ref = models.ForeignKey(
        Taxonomy, null=True, blank=True, on_delete=models.SET_NULL, related_name="terms"
    )
    term_uri = models.CharField(max_length=500, blank=True)


class Attribute(HsdsRecord):
    """Tags any record (link_id, link_type) with a taxonomy term."""

    link_id = models.UUIDField(db_index=True)
    taxonomy_term = models.ForeignKey(
        TaxonomyTerm, on_delete=models.CASCADE, related_name="attributes"
    )
    link_type = models.CharField(max_length=100, blank=True)
    link_entity = models.CharField(max_length=100, blank=True)
    value = models.TextField(blank=True)


class Metadata(HsdsRecord):
    """HSDS's change log: what changed on which record, from what to what, by whom."""

    resource_id = models.UUIDField(db_index=True)
    resource_type = models.CharField(max_length=50)
    last_action_date = models.CharField(max_length=30)
    last_action_type = models.CharField(max_length=50)
    field_name = models.CharField(max_length=100, blank=True)
    previous_value = models.TextField(blank=True)
    replacement_value = models.TextField(blank=True)
    updated_by = models.CharField(max_length=200)


class SearchEntry(models.Model):
    """One row per service at a location, shaped for search: stemmed words (indexed by
    SQLite FTS5 or a PostgreSQL tsvector) and the columns every filter needs.

    Derived from the HSDS records by search_index.rebuild(); never edited by hand.
    """

    service_at_location = models.OneToOneField(
        ServiceAtLocation, on_delete=models.CASCADE, related_name="search_entry"
    )
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    organization = models.ForeignKey(
        Organization, null=True, on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(max_length=500)
    name_terms = models.TextField(blank=True)
    taxonomy_terms = models.TextField(blank=True)
    text_terms = models.TextField(blank=True)
    all_terms = models.TextField(blank=True)
    taxonomy_codes = models.TextField(blank=True)
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    # A location without coordinates is placed at its ZIP code's centre so that place
    # searches find it; the listing says its position is approximate.
    location_approximate = models.BooleanField(default=False)
    postal_code = models.CharField(max_length=10, blank=True)
    time_zone = models.CharField(max_length=64, blank=True)
    languages = models.CharField(max_length=200, blank=True)
    # The languages its own text is written in ("en", "es", "en es"; blank when too short
    # to tell), which is not the languages its staff speak (languages, above).
    written_in = models.CharField(max_length=10, blank=True)
    free = models.BooleanField(default=False)
    minimum_age = models.FloatField(null=True)
    maximum_age = models.FloatField(null=True)
    open_days = models.CharField(max_length=30, blank=True)
    opens_minute = models.IntegerField(null=True)
    closes_minute = models.IntegerField(null=True)
    capacity_status = models.CharField(max_length=40, blank=True)
    # The service's areas (directory/areas.py): tokens such as " st-ca co-ca-yolo " (also
    # indexed in SearchAreaToken) and a GeoJSON bounding box. A listing with an area is found
    # where its area covers the searcher, however far; one without, within the radius.
    has_area = models.BooleanField(default=False)
    area_tokens = models.TextField(blank=True)
    area_min_lat = models.FloatField(null=True)
    area_max_lat = models.FloatField(null=True)
    area_min_lon = models.FloatField(null=True)
    area_max_lon = models.FloatField(null=True)

    class Meta:
        indexes = [models.Index(fields=["latitude", "longitude"], name="directory_search_latlon")]

    def __str__(self) -> str:
        return self.name


class CorrectionKind(models.TextChoices):
    PHONE = "phone", _("Wrong phone number")
    ADDRESS = "address", _("Wrong address or location")
    HOURS = "hours", _("Wrong hours")
    CLOSED = "closed", _("Closed or no longer offered")
    CAPACITY = "capacity", _("Not taking new people")
    ELIGIBILITY = "eligibility", _("Wrong eligibility, cost or documents")
    OTHER = "other", _("Something else")


class CorrectionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Fixed")
    DISMISSED = "dismissed", _("Dismissed")


class Correction(BaseModel):
    """A problem someone reported with a listing ("report a problem"), queued for the
    organization that maintains the listing and for directory administrators."""

    service_at_location = models.ForeignKey(
        ServiceAtLocation, on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(max_length=20, choices=CorrectionKind.choices)
    description = models.TextField(max_length=2000)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_by_organization = models.ForeignKey(
        NetworkOrganization, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=CorrectionStatus.choices, default=CorrectionStatus.OPEN
    )
    resolution_note = models.TextField(max_length=2000, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True)

    class Meta:
        indexes = [models.Index(fields=["status", "created_at"], name="directory_correction_queue")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Importing")
    SUCCEEDED = "succeeded", _("Finished")
    FAILED = "failed", _("Failed")


class DirectoryImport(BaseModel, Leased):
    """One uploaded file imported by a background task; its row is the progress bar."""

    source = models.CharField(max_length=100)
    file_name = models.CharField(max_length=255)
    upload = models.FileField(upload_to="directory-imports/")
    skip_invalid = models.BooleanField(default=False)
    full = models.BooleanField(default=True)
    # A preview checks everything and reports what would change, writing nothing; its upload
    # is kept so that the import can then be confirmed without uploading again.
    dry_run = models.BooleanField(default=False)
    allow_deactivate = models.BooleanField(default=False)
    # {"created" | "updated" | "deactivated": {table: [the first records' names]}}
    samples = models.JSONField(default=dict, blank=True)
    # [{"file", "line", "table", "field", "before", "after", "kind"}] — every repaired value.
    repairs = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=20, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    phase = models.CharField(max_length=100, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    # {"created": {table: n}, "updated": ..., "unchanged": ..., "deactivated": ...}
    counts = models.JSONField(default=dict, blank=True)
    # [{"file", "line", "table", "reason"}] — every rejected row, or every problem found.
    rejections = models.JSONField(default=list, blank=True)
    notes = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    organization = models.ForeignKey(
        NetworkOrganization, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)

    objects = TenantManager()

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def repair_groups(self) -> list[tuple[str, int, list[dict[str, Any]]]]:
        """Repairs by kind: the kind's description, how many, and the first few."""
        from puentes.directory.importing.repairs import REPAIR_KINDS

        groups: dict[str, list[dict[str, Any]]] = {}
        for repair in self.repairs or []:
            groups.setdefault(repair.get("kind", ""), []).append(repair)
        return [
            (str(REPAIR_KINDS.get(kind, kind)), len(items), items[:10])
            for kind, items in sorted(groups.items())
        ]

    @property
    def count_rows(self) -> list[tuple[str, int, int, int, int]]:
        """Per HSDS table: created, updated, unchanged, marked inactive."""
        counts = self.counts or {}
        tables = sorted({table for kind in counts.values() for table in kind})
        return [
            (
                table,
                *(
                    counts.get(kind, {}).get(table, 0)
                    for kind in ("created", "updated", "unchanged", "deactivated")
                ),
            )
            for table in tables
        ]

    @property
    def percent(self) -> int:
        return int(100 * self.done / self.total) if self.total else 0


class SearchAreaToken(models.Model):
    """One row per area token of a search row, so the listings whose area covers a place are
    found through an index. A plain integer, not a foreign key: the whole index is replaced
    at once, and a cascade would make that slow."""

    entry_id = models.BigIntegerField()
    token = models.CharField(max_length=120)

    class Meta:
        indexes = [models.Index(fields=["token", "entry_id"], name="directory_area_token")]

    def __str__(self) -> str:
        return self.token


class SearchWord(models.Model):
    """Every word the search rows contain (accent-free, lower case, not stemmed) and in how
    many rows: the vocabulary a misspelt query word is corrected against."""

    word = models.CharField(max_length=60, primary_key=True)
    frequency = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return self.word


class SearchIndexState(models.Model):
    """One row whose generation changes whenever the search rows do, so each process knows
    when its cached vocabulary is stale."""

    generation = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.generation)
