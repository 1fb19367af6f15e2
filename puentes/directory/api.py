"""/api/v1/directory/search: the CHW search, for programs."""

import uuid
from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from puentes.directory.search import DirectoryQuery, Result, search
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
    hours_today: str
    languages: list[str]
    phone: str
    capacity_status: str
    free: bool
    last_verified_on: date | None


class SearchOut(Schema):
    items: list[ResultOut]
    count: int
    page: int
    per_page: int
    pages: int


def result_out(result: Result) -> dict[str, Any]:
    entry = result.entry
    addresses = list(entry.location.addresses.all())  # prefetched, active only
    address = addresses[0] if addresses else None
    organization = entry.service.organization
    return {
        "service_at_location_id": entry.service_at_location_id,
        "service_id": entry.service_id,
        "name": entry.name,
        "organization": organization.name if organization else "",
        "address": f"{address.address_1}, {address.city} {address.postal_code}" if address else "",
        "distance_km": round(result.distance_km, 2) if result.distance_km is not None else None,
        "hours_today": result.hours_today,
        "languages": result.languages,
        "phone": result.phone,
        "capacity_status": entry.capacity_status,
        "free": entry.free,
        "last_verified_on": entry.service_at_location.last_verified_on
        or entry.service.last_verified_on,
    }


@router.get(
    "/directory/search", response=SearchOut, summary="Find help: words, need, distance, filters"
)
def directory_search(request: HttpRequest, params: Query[SearchParams]) -> dict[str, Any]:
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
    return {
        "items": [result_out(r) for r in page.results],
        "count": page.total,
        "page": page.page,
        "per_page": page.per_page,
        "pages": page.pages,
    }
