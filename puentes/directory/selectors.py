"""Reads of the directory (public data: no tenant scoping, only active records)."""

import math
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import F, Q, QuerySet, TextField, TimeField, Value
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.errors import DomainError, invalid, not_found
from puentes.core.progress import progress_of
from puentes.core.tenancy import one
from puentes.core.text import normalize
from puentes.core.validators import zip_centroid
from puentes.directory import models as m
from puentes.directory.importing.uploads import progress_key

EARTH_RADIUS_M = 6_371_000


def _words(queryset: QuerySet[Any], search: str, fields: list[str]) -> QuerySet[Any]:
    for word in normalize(search).split():
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def _tagged(ids_field: str, taxonomy_term_id: uuid.UUID | None, taxonomy_id: uuid.UUID | None) -> Q:
    """Records tagged (through attributes) with a term, or with any term of a taxonomy."""
    attributes = m.Attribute.objects.filter(is_active=True)
    if taxonomy_term_id:
        attributes = attributes.filter(taxonomy_term_id=taxonomy_term_id)
    if taxonomy_id:
        attributes = attributes.filter(taxonomy_term__taxonomy_ref_id=taxonomy_id)
    return Q(**{f"{ids_field}__in": attributes.values("link_id")})


def service_list(
    *,
    search: str = "",
    taxonomy_term_id: uuid.UUID | None = None,
    taxonomy_id: uuid.UUID | None = None,
    organization_id: uuid.UUID | None = None,
    modified_after: datetime | None = None,
) -> QuerySet[m.Service]:
    services = m.Service.objects.filter(is_active=True).select_related("organization", "program")
    if search:
        services = _words(services, search, ["name", "description", "alternate_name"])
    if taxonomy_term_id or taxonomy_id:
        services = services.filter(_tagged("id", taxonomy_term_id, taxonomy_id))
    if organization_id:
        services = services.filter(organization_id=organization_id)
    if modified_after:
        services = services.filter(updated_at__gte=modified_after)
    return services.order_by("name", "id")


def service_get(service_id: uuid.UUID) -> m.Service:
    service = m.Service.objects.filter(is_active=True, id=service_id).first()
    if service is None:
        raise not_found()
    return service


def _bounding_box(latitude: float, longitude: float, metres: float) -> Q:
    """A cheap pre-filter on indexed columns before the exact distance."""
    delta_lat = math.degrees(metres / EARTH_RADIUS_M)
    delta_lon = math.degrees(
        metres / (EARTH_RADIUS_M * max(math.cos(math.radians(latitude)), 0.01))
    )
    return Q(
        location__latitude__range=(latitude - delta_lat, latitude + delta_lat),
        location__longitude__range=(longitude - delta_lon, longitude + delta_lon),
    )


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def service_at_location_list(
    *,
    search: str = "",
    taxonomy_term_id: uuid.UUID | None = None,
    taxonomy_id: uuid.UUID | None = None,
    organization_id: uuid.UUID | None = None,
    modified_after: datetime | None = None,
    postcode: str = "",
    proximity: float | None = None,
) -> QuerySet[m.ServiceAtLocation] | list[m.ServiceAtLocation]:
    """``postcode`` alone: locations with that postal code; with ``proximity`` (metres): those
    within that distance of the postcode's centroid, nearest first."""
    sals = m.ServiceAtLocation.objects.filter(
        is_active=True, service__is_active=True, location__is_active=True
    ).select_related("service", "location")
    if search:
        sals = _words(
            sals, search, ["service__name", "service__description", "description", "location__name"]
        )
    if taxonomy_term_id or taxonomy_id:
        sals = sals.filter(_tagged("service_id", taxonomy_term_id, taxonomy_id))
    if organization_id:
        sals = sals.filter(service__organization_id=organization_id)
    if modified_after:
        sals = sals.filter(updated_at__gte=modified_after)
    if proximity is not None and not postcode:
        raise invalid({"proximity": [_("proximity needs a postcode.")]})
    if postcode and proximity is None:
        return (
            sals.filter(location__addresses__postal_code__startswith=postcode[:5])
            .distinct()
            .order_by("id")
        )
    if postcode and proximity is not None:
        centre = zip_centroid(postcode[:5])
        if centre is None:
            raise invalid(
                {"postcode": [_("%(value)s is not a known postcode.") % {"value": postcode}]}
            )
        near = sals.filter(_bounding_box(*centre, proximity))
        scored = [
            (distance_m(*centre, s.location.latitude, s.location.longitude), s)
            for s in near
            if s.location.latitude is not None and s.location.longitude is not None
        ]
        return [
            s
            for d, s in sorted(scored, key=lambda pair: (pair[0], str(pair[1].id)))
            if d <= proximity
        ]
    return sals.order_by("service__name", "id")


def service_at_location_get(record_id: uuid.UUID) -> m.ServiceAtLocation:
    sal = (
        m.ServiceAtLocation.objects.filter(is_active=True, id=record_id)
        .select_related("service")
        .first()
    )
    if sal is None:
        raise not_found()
    return sal


def organization_list(*, search: str = "") -> QuerySet[m.Organization]:
    organizations = m.Organization.objects.filter(is_active=True)
    if search:
        organizations = _words(organizations, search, ["name", "description", "alternate_name"])
    return organizations.order_by("name", "id")


def organization_get(record_id: uuid.UUID) -> m.Organization:
    organization = m.Organization.objects.filter(is_active=True, id=record_id).first()
    if organization is None:
        raise not_found()
    return organization


def taxonomy_list(*, search: str = "") -> QuerySet[m.Taxonomy]:
    taxonomies = m.Taxonomy.objects.filter(is_active=True)
    return (_words(taxonomies, search, ["name", "description"]) if search else taxonomies).order_by(
        "name", "id"
    )


def taxonomy_get(record_id: uuid.UUID) -> m.Taxonomy:
    taxonomy = m.Taxonomy.objects.filter(is_active=True, id=record_id).first()
    if taxonomy is None:
        raise not_found()
    return taxonomy


def taxonomy_term_list(
    *,
    search: str = "",
    taxonomy_id: uuid.UUID | None = None,
    top_only: bool = False,
    parent_id: uuid.UUID | None = None,
) -> QuerySet[m.TaxonomyTerm]:
    terms = m.TaxonomyTerm.objects.filter(is_active=True).select_related("taxonomy_ref")
    if search:
        terms = _words(terms, search, ["name", "description", "code"])
    if taxonomy_id:
        terms = terms.filter(taxonomy_ref_id=taxonomy_id)
    if top_only:
        terms = terms.filter(parent__isnull=True)
    if parent_id:
        terms = terms.filter(parent_id=parent_id)
    return terms.order_by("code", "name", "id")


def taxonomy_term_get(record_id: uuid.UUID) -> m.TaxonomyTerm:
    term = (
        m.TaxonomyTerm.objects.filter(is_active=True, id=record_id)
        .select_related("taxonomy_ref")
        .first()
    )
    if term is None:
        raise not_found()
    return term


def _corrections_visible_to(actor: Actor) -> QuerySet[m.Correction]:
    """Directory admins see every report; an organization sees the reports on the listings
    it maintains and the reports its own members made."""
    corrections = m.Correction.objects.select_related(
        "service_at_location__service__organization",
        "service_at_location__location",
        "reported_by",
        "reported_by_organization",
        "resolved_by",
    )
    if actor.can("directory.manage"):
        return corrections
    return corrections.filter(
        Q(service_at_location__service__organization__network_organization=actor.organization)
        | Q(reported_by_organization=actor.organization)
    )


def correction_list(*, actor: Actor, status: str = "") -> QuerySet[m.Correction]:
    corrections = _corrections_visible_to(actor)
    if status:
        if status not in m.CorrectionStatus.values:
            raise invalid({"status": [_("Choose a valid status.")]})
        corrections = corrections.filter(status=status)
    return corrections.order_by("-created_at", "-id")


def correction_get(*, actor: Actor, public_id: uuid.UUID | str) -> m.Correction:
    correction = one(_corrections_visible_to(actor), public_id)
    return correction


def listing_maintained_by(actor: Actor, service: m.Service) -> bool:
    """Whether the actor may edit this listing (the services enforce the same rule)."""
    if actor.can("directory.manage"):
        return True
    if not actor.can("directory.listing.update") or service.organization is None:
        return False
    return service.organization.network_organization_id == actor.organization.pk


def first_phone(service: m.Service) -> m.Phone | None:
    """The service's main phone: its first active one."""
    return service.phones.filter(is_active=True).order_by("id").first()


def maintainer_check(actor: Actor, service: m.Service) -> None:
    """Only the network organization linked to the listing's directory organization, or a
    directory administrator, may change a listing. The listing itself is public, so anyone
    else is refused (403), not told it does not exist."""
    if listing_maintained_by(actor, service):
        return
    actor.require("directory.listing.update")
    raise DomainError(
        "forbidden",
        _(
            "Only the organization that maintains this listing, or a directory "
            "administrator, can change it."
        ),
    )


def import_list(*, actor: Actor) -> QuerySet[m.DirectoryImport]:
    actor.require("directory.manage")
    return m.DirectoryImport.objects.select_related("started_by").order_by("-created_at", "-id")


def import_get(*, actor: Actor, public_id: uuid.UUID | str) -> m.DirectoryImport:
    """An import, with the live figures of a running one laid over its row (its own
    transaction is still open, so the row cannot show them)."""
    imported = one(import_list(actor=actor), public_id)
    live = (
        progress_of(progress_key(imported.pk))
        if imported.status == m.ImportStatus.RUNNING
        else None
    )
    if live:
        imported.phase, imported.done, imported.total = live["phase"], live["done"], live["total"]  # type: ignore[assignment]
    return imported


@dataclass(frozen=True)
class Place:
    """Where and when a listing is offered, as a referral shows it: the address, the first
    phone, the hours and what to bring."""

    address: str = ""
    phone: str = ""
    hours: str = ""
    bring: str = ""


def listing_places(listings: Iterable[m.ServiceAtLocation]) -> dict[Any, Place]:
    """Each listing's Place (by its id), read in one statement for any number of them: the
    four kinds of record a Place is made of come back as one union of tagged rows."""
    listings = list(listings)
    if not listings:
        return {}
    service_ids = {sal.service_id for sal in listings}
    location_ids = {sal.location_id for sal in listings}
    rows: dict[tuple[str, Any], list[tuple[Any, ...]]] = defaultdict(list)
    for kind, owner, *values in _place_rows(service_ids, location_ids):
        rows[(kind, owner)].append(tuple(values))
    places = {}
    for sal in listings:
        address = next(iter(rows[("address", sal.location_id)]), None)
        phone = next(iter(rows[("phone", sal.service_id)]), None)
        places[sal.pk] = Place(
            address=f"{address[0]}, {address[1]}, {address[2]} {address[3]}" if address else "",
            phone=phone[0] if phone else "",
            hours="; ".join(_hours_text(row) for row in rows[("hours", sal.service_id)]),
            bring="; ".join(row[0] for row in rows[("bring", sal.service_id)]),
        )
    return places


def _hours_text(row: tuple[Any, ...]) -> str:
    byday, description, opens_at, closes_at = row[0], row[1], row[4], row[5]
    times = f"{opens_at:%H:%M}–{closes_at:%H:%M}" if opens_at and closes_at else ""
    return " ".join(part for part in (byday, times, description) if part)


def _place_rows(service_ids: set[Any], location_ids: set[Any]) -> Any:
    """(kind, owner id, four texts, two times) rows: active addresses of the locations,
    phones, hours that say something, and documents to bring of the services."""
    text: TextField[str, str] = TextField()
    no_text = Value("", output_field=TextField())
    # Typed, so PostgreSQL does not take the first rows' empty times for text.
    no_time = Cast(Value(None), output_field=TimeField())
    columns = ["kind", "owner", "t1", "t2", "t3", "t4", "time1", "time2"]

    def tagged(queryset: QuerySet[Any], kind: str, owner: str, **values: Any) -> QuerySet[Any]:
        texts = {f"t{n}": values.get(f"t{n}", no_text) for n in range(1, 5)}
        times = {name: values.get(name, no_time) for name in ("time1", "time2")}
        tagged_rows: QuerySet[Any] = (
            queryset.filter(is_active=True)
            .order_by()
            .annotate(kind=Value(kind, output_field=text), owner=F(owner), **texts, **times)
            .values_list(*columns)
        )
        return tagged_rows

    addresses = tagged(
        m.Address.objects.filter(location_id__in=location_ids),
        "address",
        "location_id",
        t1=F("address_1"),
        t2=F("city"),
        t3=F("state_province"),
        t4=F("postal_code"),
    )
    phones = tagged(
        m.Phone.objects.filter(service_id__in=service_ids), "phone", "service_id", t1=F("number")
    )
    hours = tagged(
        m.Schedule.objects.filter(service_id__in=service_ids).filter(
            ~Q(byday="") | Q(opens_at__isnull=False) | ~Q(description="")
        ),
        "hours",
        "service_id",
        t1=F("byday"),
        t2=F("description"),
        time1=F("opens_at"),
        time2=F("closes_at"),
    )
    bring = tagged(
        m.RequiredDocument.objects.filter(service_id__in=service_ids),
        "bring",
        "service_id",
        t1=F("document"),
    )
    return addresses.union(phones, hours, bring, all=True)
