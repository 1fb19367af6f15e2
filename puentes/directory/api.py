"""/api/v1/directory: the CHW search, listing maintenance, corrections and imports."""

import uuid
from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, File, Form, Query, Router, Schema, UploadedFile
from ninja.pagination import paginate
from ninja.responses import Status

from puentes.core.pagination import PagePagination
from puentes.directory import selectors, services
from puentes.directory.search import DirectoryQuery, search
from puentes.directory.serializers import result_out
from puentes.network.auth import actor_of

router = Router(tags=["directory"])


class SearchParams(Schema):
    q: str = Field("", max_length=200, description="Words, English or Spanish")
    need: str = Field("", description="A Gravity SDOH category, e.g. food-insecurity")
    zip: str = Field("", max_length=10, description="Distance from this ZIP code's centre")
    lat: float | None = None
    lon: float | None = None
    radius_km: float = 25.0
    language: str = Field("", max_length=8, description="Language spoken, e.g. es")
    free: bool = False
    age: int | None = None
    open_now: bool = False
    open_on: Literal["", "MO", "TU", "WE", "TH", "FR", "SA", "SU"] = ""
    capacity: list[str] = []
    organization_id: uuid.UUID | None = None
    page: int = Field(1, ge=1)
    per_page: int = Field(20, ge=1, le=100)


class ResultOut(Schema):
    service_at_location_id: uuid.UUID
    service_id: uuid.UUID
    name: str
    organization: str
    address: str
    distance_km: float | None
    approximate_location: bool = Field(
        ..., description="No coordinates: placed at its ZIP code's centre, distance approximate"
    )
    hours_today: str
    languages: list[str]
    written_in: list[str] = Field(
        ..., description="Languages the listing's own text is written in (en, es), if known"
    )
    phone: str
    capacity_status: str
    free: bool
    last_verified_on: date | None


class SearchOut(Schema):
    items: list[ResultOut]
    corrected: dict[str, str] = Field(
        default_factory=dict,
        description="Misspelt words and the directory words searched for instead",
    )
    any_word: bool = Field(
        False,
        description="No listing held every word, so these listings hold at least one of them",
    )
    count: int
    page: int
    per_page: int
    pages: int


@router.get(
    "/directory/search", response=SearchOut, summary="Find help: words, need, distance, filters"
)
def directory_search(request: HttpRequest, params: Query[SearchParams]) -> SearchOut:
    actor_of(request)
    page = search(
        DirectoryQuery(
            words=params.q,
            need=params.need,
            postal_code=params.zip,
            latitude=params.lat,
            longitude=params.lon,
            radius_km=params.radius_km,
            language=params.language,
            free=params.free,
            age=params.age,
            open_now=params.open_now,
            open_on=params.open_on,
            capacity=tuple(params.capacity),
            organization_id=params.organization_id,
            page=params.page,
            per_page=params.per_page,
        )
    )
    return SearchOut(
        items=[ResultOut.model_validate(result_out(r)) for r in page.results],
        corrected=page.corrected,
        any_word=page.any_word,
        count=page.total,
        page=page.page,
        per_page=page.per_page,
        pages=page.pages,
    )


# Maintaining listings ---------------------------------------------------------------


class ServicePatch(Schema, extra="forbid"):
    version: int = Field(..., description="The version you read; a stale one gets 409.")
    name: str | None = None
    alternate_name: str | None = None
    description: str | None = None
    url: str | None = None
    email: str | None = None
    status: Literal["active", "inactive", "defunct", "temporarily closed"] | None = None
    interpretation_services: str | None = None
    application_process: str | None = None
    fees_description: str | None = None
    wait_time: str | None = None
    eligibility_description: str | None = None
    minimum_age: float | None = None
    maximum_age: float | None = None
    alert: str | None = None
    phone: str | None = Field(None, description="The service's first phone number")


class ServiceOut(Schema):
    id: uuid.UUID
    version: int
    name: str
    alternate_name: str
    description: str
    url: str
    email: str
    status: str
    interpretation_services: str
    application_process: str
    fees_description: str
    wait_time: str
    eligibility_description: str
    minimum_age: float | None
    maximum_age: float | None
    alert: str
    last_verified_on: date | None


class CapacityIn(Schema, extra="forbid"):
    version: int
    capacity_status: Literal[
        "", "available", "waitlist", "no-capacity", "additional-assessment-required"
    ]
    capacity_note: str = ""


class VersionIn(Schema, extra="forbid"):
    version: int


class ListingOut(Schema):
    id: uuid.UUID
    version: int
    service_id: uuid.UUID
    location_id: uuid.UUID
    capacity_status: str
    capacity_note: str
    capacity_updated_at: datetime | None
    last_verified_on: date | None


@router.patch(
    "/directory/services/{service_id}",
    response=ServiceOut,
    summary="Edit a listing's service (its maintaining organization or a directory admin)",
)
def service_patch(request: HttpRequest, service_id: uuid.UUID, payload: ServicePatch) -> Any:
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    return services.service_update(
        actor=actor_of(request), service_id=service_id, version=version, fields=data
    )


@router.post(
    "/directory/service-at-locations/{sal_id}/capacity",
    response=ListingOut,
    summary="Say whether a service at a location can take people now",
)
def capacity_set(request: HttpRequest, sal_id: uuid.UUID, payload: CapacityIn) -> Any:
    return services.capacity_update(
        actor=actor_of(request),
        service_at_location_id=sal_id,
        version=payload.version,
        status=payload.capacity_status,
        note=payload.capacity_note,
    )


@router.post(
    "/directory/service-at-locations/{sal_id}/verify",
    response=ListingOut,
    summary="Record that the listing was checked with the provider today",
)
def listing_verify(request: HttpRequest, sal_id: uuid.UUID, payload: VersionIn) -> Any:
    return services.listing_verify(
        actor=actor_of(request), service_at_location_id=sal_id, version=payload.version
    )


# Corrections ------------------------------------------------------------------------


class CorrectionIn(Schema, extra="forbid"):
    kind: Literal["phone", "address", "hours", "closed", "capacity", "eligibility", "other"]
    description: str


class CorrectionResolveIn(Schema, extra="forbid"):
    version: int
    status: Literal["resolved", "dismissed"]
    note: str = ""


class CorrectionOut(Schema):
    id: uuid.UUID = Field(..., alias="public_id")
    version: int
    service_at_location_id: uuid.UUID
    service_name: str = Field(..., alias="service_at_location.service.name")
    kind: str
    description: str
    status: str
    reported_by_organization: str | None = Field(None, alias="reported_by_organization.name")
    created_at: datetime
    resolution_note: str
    resolved_at: datetime | None


@router.post(
    "/directory/service-at-locations/{sal_id}/corrections",
    response={201: CorrectionOut},
    summary="Report a problem with a listing",
)
def correction_create(request: HttpRequest, sal_id: uuid.UUID, payload: CorrectionIn) -> Any:
    return Status(
        201,
        services.correction_report(
            actor=actor_of(request),
            service_at_location_id=sal_id,
            kind=payload.kind,
            description=payload.description,
        ),
    )


@router.get(
    "/directory/corrections",
    response=list[CorrectionOut],
    summary="Reported problems: on your listings and your own reports (all, for directory admins)",
)
@paginate(PagePagination)
def correction_list(request: HttpRequest, status: str = "") -> Any:
    return selectors.correction_list(actor=actor_of(request), status=status)


@router.get("/directory/corrections/{correction_id}", response=CorrectionOut)
def correction_get(request: HttpRequest, correction_id: uuid.UUID) -> Any:
    return selectors.correction_get(actor=actor_of(request), public_id=correction_id)


@router.post(
    "/directory/corrections/{correction_id}/resolve",
    response=CorrectionOut,
    summary="Close a reported problem as fixed or dismissed",
)
def correction_resolve(
    request: HttpRequest, correction_id: uuid.UUID, payload: CorrectionResolveIn
) -> Any:
    return services.correction_resolve(
        actor=actor_of(request),
        correction_id=correction_id,
        version=payload.version,
        status=payload.status,
        note=payload.note,
    )


# Imports ----------------------------------------------------------------------------


class ImportOut(Schema):
    id: uuid.UUID = Field(..., alias="public_id")
    source: str
    file_name: str
    status: str
    phase: str
    done: int
    total: int
    counts: dict[str, Any]
    rejections: list[dict[str, Any]]
    notes: list[str]
    error: str
    dry_run: bool = Field(..., description="A preview: what would change; nothing written")
    allow_deactivate: bool
    samples: dict[str, dict[str, list[str]]] = Field(
        ..., description="created/updated/deactivated -> table -> the first records' names"
    )
    repairs: list[dict[str, Any]] = Field(
        ..., description="every repaired value: file, line, table, field, before, after, kind"
    )
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


@router.post(
    "/directory/imports",
    response={202: ImportOut},
    summary="Upload HSDS JSON or a zipped data package; it is imported in the background",
)
def import_create(
    request: HttpRequest,
    upload: File[UploadedFile],
    source: Form[str],
    skip_invalid: Form[bool] = False,
    full: Form[bool] = True,
    dry_run: Form[bool] = False,
    allow_deactivate: Form[bool] = False,
) -> Any:
    imported = services.directory_import_start(
        actor=actor_of(request),
        upload=upload,
        source=source,
        skip_invalid=skip_invalid,
        full=full,
        dry_run=dry_run,
        allow_deactivate=allow_deactivate,
    )
    return Status(202, selectors.import_get(actor=actor_of(request), public_id=imported.public_id))


@router.get("/directory/imports", response=list[ImportOut], summary="Directory imports")
@paginate(PagePagination)
def import_list(request: HttpRequest) -> Any:
    return selectors.import_list(actor=actor_of(request))


class ConfirmIn(Schema, extra="forbid"):
    allow_deactivate: bool = Field(
        False, description="let it mark inactive more of the source than the set share"
    )


@router.post(
    "/directory/imports/{import_id}/confirm",
    response={202: ImportOut},
    summary="Import the file a finished preview (dry_run) checked; 409 if it is not one",
)
def import_confirm(request: HttpRequest, import_id: uuid.UUID, payload: ConfirmIn) -> Any:
    actor = actor_of(request)
    imported = services.directory_import_confirm(
        actor=actor, import_id=import_id, allow_deactivate=payload.allow_deactivate
    )
    return Status(202, selectors.import_get(actor=actor, public_id=imported.public_id))


@router.post(
    "/directory/imports/{import_id}/cancel",
    response=ImportOut,
    summary="Cancel an import that has not ended (its worker stuck or gone); 409 once ended",
)
def import_cancel(request: HttpRequest, import_id: uuid.UUID) -> Any:
    return services.directory_import_cancel(actor=actor_of(request), import_id=import_id)


@router.get("/directory/imports/{import_id}", response=ImportOut, summary="An import's progress")
def import_get(request: HttpRequest, import_id: uuid.UUID) -> Any:
    return selectors.import_get(actor=actor_of(request), public_id=import_id)
