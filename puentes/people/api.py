"""API: people, households, identifiers, consents and caseloads. Same services as the pages."""

import uuid
from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from puentes.core.pagination import PagePagination
from puentes.network.auth import actor_of
from puentes.network.selectors import organization_get_on_network
from puentes.people import selectors, services
from puentes.people.models import (
    CaseloadAssignment,
    Consent,
    Household,
    HouseholdMember,
    Identifier,
    Person,
)

router = Router(tags=["people"])


class PersonFields(Schema, extra="forbid"):
    given_name: str
    family_name: str
    preferred_name: str = ""
    date_of_birth: date
    sex: str = ""
    gender_identity: str = ""
    preferred_language: str = "en"
    interpreter_needed: bool = False
    phone: str = ""
    email: str = ""
    preferred_contact_method: str = ""
    ok_to_call: bool = False
    ok_to_text: bool = False
    ok_to_email: bool = False
    ok_to_leave_voicemail: bool = False
    address_line1: str = ""
    address_line2: str = ""
    city: str = ""
    state: str = ""
    postal_code: str = ""
    notes: str = ""


class PersonIn(PersonFields):
    allow_duplicate: bool = Field(
        False, description="Register even though a likely duplicate exists (after checking)."
    )


class PersonPatch(Schema, extra="forbid"):
    version: int = Field(..., description="The version you read; a stale one gets 409.")
    given_name: str | None = None
    family_name: str | None = None
    preferred_name: str | None = None
    date_of_birth: date | None = None
    sex: str | None = None
    gender_identity: str | None = None
    preferred_language: str | None = None
    interpreter_needed: bool | None = None
    phone: str | None = None
    email: str | None = None
    preferred_contact_method: str | None = None
    ok_to_call: bool | None = None
    ok_to_text: bool | None = None
    ok_to_email: bool | None = None
    ok_to_leave_voicemail: bool | None = None
    address_line1: str | None = None
    address_line2: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    notes: str | None = None


class PersonOut(PersonFields, extra="ignore"):
    id: uuid.UUID
    status: str
    merged_into: uuid.UUID | None
    latitude: float | None
    longitude: float | None
    version: int
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_id(obj: Person) -> uuid.UUID:
        return obj.public_id

    @staticmethod
    def resolve_merged_into(obj: Person) -> uuid.UUID | None:
        return obj.merged_into.public_id if obj.merged_into_id else None  # type: ignore[union-attr]


class IdentifierIn(Schema, extra="forbid"):
    kind: str
    issuer: str = ""
    value: str


class IdentifierOut(Schema):
    id: uuid.UUID
    kind: str
    issuer: str
    value: str

    @staticmethod
    def resolve_id(obj: Identifier) -> uuid.UUID:
        return obj.public_id


class ConsentIn(Schema, extra="forbid"):
    scope: str
    organization_ids: list[uuid.UUID] = []
    purpose: str
    method: str
    given_on: date
    expires_on: date | None = None


class ConsentOut(Schema):
    id: uuid.UUID
    scope: str
    organization_ids: list[uuid.UUID]
    purpose: str
    method: str
    given_on: date
    expires_on: date | None
    revoked_at: datetime | None
    revocation_reason: str
    active: bool

    @staticmethod
    def resolve_id(obj: Consent) -> uuid.UUID:
        return obj.public_id

    @staticmethod
    def resolve_organization_ids(obj: Consent) -> list[uuid.UUID]:
        return [o.public_id for o in obj.organizations.all()]

    @staticmethod
    def resolve_active(obj: Consent) -> bool:
        return obj.is_active_on(timezone.localdate())


class RevokeIn(Schema, extra="forbid"):
    reason: str


class SharingOut(Schema):
    organization_id: uuid.UUID
    allowed: bool
    consent_ids: list[uuid.UUID]


class MergeIn(Schema, extra="forbid"):
    duplicate_id: uuid.UUID


class WorkerIn(Schema, extra="forbid"):
    member_id: uuid.UUID


class AssignmentOut(Schema):
    member_id: uuid.UUID
    name: str
    assigned_at: datetime
    ended_at: datetime | None

    @staticmethod
    def resolve_member_id(obj: CaseloadAssignment) -> uuid.UUID:
        return obj.worker.public_id

    @staticmethod
    def resolve_name(obj: CaseloadAssignment) -> str:
        return obj.worker.display_name

    @staticmethod
    def resolve_assigned_at(obj: CaseloadAssignment) -> datetime:
        return obj.created_at


class HouseholdIn(Schema, extra="forbid"):
    name: str


class HouseholdPatch(Schema, extra="forbid"):
    version: int
    name: str


class HouseholdMemberIn(Schema, extra="forbid"):
    person_id: uuid.UUID
    relationship: str


class HouseholdMemberOut(Schema):
    person_id: uuid.UUID
    name: str
    relationship: str

    @staticmethod
    def resolve_person_id(obj: HouseholdMember) -> uuid.UUID:
        return obj.person.public_id

    @staticmethod
    def resolve_name(obj: HouseholdMember) -> str:
        return obj.person.display_name


class HouseholdOut(Schema):
    id: uuid.UUID
    name: str
    version: int
    members: list[HouseholdMemberOut]

    @staticmethod
    def resolve_id(obj: Household) -> uuid.UUID:
        return obj.public_id

    @staticmethod
    def resolve_members(obj: Household) -> list[HouseholdMember]:
        return list(obj.members.all())


# People ------------------------------------------------------------------------------


@router.get("/persons", response=list[PersonOut], summary="List and search people")
@paginate(PagePagination)
def person_list(request: HttpRequest, q: str = "", mine: bool = False) -> Any:
    """``q``: words of a name, a phone number or an identifier. ``mine``: only the caller's
    caseload."""
    actor = actor_of(request)
    return selectors.person_list(
        actor=actor, query=q, assigned_to=actor.membership if mine else None
    ).select_related("merged_into")


@router.post("/persons", response={201: PersonOut}, summary="Register a person")
def person_create(request: HttpRequest, payload: PersonIn) -> Status[Person]:
    """A likely duplicate (same birth date, similar name) is refused with 409 ``duplicate``
    and the matches; send ``allow_duplicate: true`` once you have checked them."""
    data = payload.dict()
    allow = data.pop("allow_duplicate")
    person = services.person_create(actor=actor_of(request), fields=data, allow_duplicate=allow)
    return Status(201, person)


@router.get("/persons/{person_id}", response=PersonOut, summary="One person (audited read)")
def person_detail(request: HttpRequest, person_id: uuid.UUID) -> Person:
    return selectors.person_read(actor=actor_of(request), public_id=person_id)


@router.patch("/persons/{person_id}", response=PersonOut, summary="Edit a person")
def person_patch(request: HttpRequest, person_id: uuid.UUID, payload: PersonPatch) -> Person:
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    return services.person_update(
        actor=actor_of(request), person_id=person_id, version=version, fields=data
    )


@router.post("/persons/{person_id}/merge", response=PersonOut, summary="Merge a duplicate in")
def person_merge(request: HttpRequest, person_id: uuid.UUID, payload: MergeIn) -> Person:
    return services.person_merge(
        actor=actor_of(request), duplicate_id=payload.duplicate_id, keep_id=person_id
    )


# Identifiers -------------------------------------------------------------------------


@router.get("/persons/{person_id}/identifiers", response=list[IdentifierOut])
@paginate(PagePagination)
def identifier_list(request: HttpRequest, person_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    person = selectors.person_get(actor=actor, public_id=person_id)
    return selectors.identifier_list(actor=actor, person=person)


@router.post("/persons/{person_id}/identifiers", response={201: IdentifierOut})
def identifier_add(
    request: HttpRequest, person_id: uuid.UUID, payload: IdentifierIn
) -> Status[Identifier]:
    identifier = services.identifier_add(
        actor=actor_of(request), person_id=person_id, **payload.dict()
    )
    return Status(201, identifier)


@router.delete("/identifiers/{identifier_id}", response={204: None})
def identifier_remove(request: HttpRequest, identifier_id: uuid.UUID) -> Status[None]:
    services.identifier_remove(actor=actor_of(request), identifier_id=identifier_id)
    return Status(204, None)


# Consent -----------------------------------------------------------------------------


@router.get("/persons/{person_id}/consents", response=list[ConsentOut])
@paginate(PagePagination)
def consent_list(request: HttpRequest, person_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    person = selectors.person_get(actor=actor, public_id=person_id)
    return selectors.consent_list(actor=actor, person=person)


@router.post("/persons/{person_id}/consents", response={201: ConsentOut})
def consent_record(
    request: HttpRequest, person_id: uuid.UUID, payload: ConsentIn
) -> Status[Consent]:
    data = payload.dict()
    organization_ids = data.pop("organization_ids")
    consent = services.consent_record(
        actor=actor_of(request),
        person_id=person_id,
        fields=data,
        organization_ids=organization_ids,
    )
    return Status(201, consent)


@router.post("/consents/{consent_id}/revoke", response=ConsentOut)
def consent_revoke(request: HttpRequest, consent_id: uuid.UUID, payload: RevokeIn) -> Consent:
    return services.consent_revoke(
        actor=actor_of(request), consent_id=consent_id, reason=payload.reason
    )


@router.get(
    "/persons/{person_id}/sharing",
    response=SharingOut,
    summary="May this organization see the person now?",
)
def person_sharing(
    request: HttpRequest, person_id: uuid.UUID, organization_id: uuid.UUID
) -> SharingOut:
    actor = actor_of(request)
    person = selectors.person_get(actor=actor, public_id=person_id)
    organization = organization_get_on_network(organization_id)
    consents = selectors.consents_permitting(person, organization)
    return SharingOut(
        organization_id=organization.public_id,
        allowed=selectors.consent_permits(person, organization),
        consent_ids=[c.public_id for c in consents],
    )


# Caseload ----------------------------------------------------------------------------


@router.get("/persons/{person_id}/workers", response=list[AssignmentOut])
@paginate(PagePagination)
def worker_list(request: HttpRequest, person_id: uuid.UUID, include_ended: bool = False) -> Any:
    actor = actor_of(request)
    person = selectors.person_get(actor=actor, public_id=person_id)
    assignments = selectors.assignment_list(actor=actor, person=person)
    return assignments if include_ended else assignments.filter(ended_at__isnull=True)


@router.post("/persons/{person_id}/workers", response={201: AssignmentOut})
def worker_assign(request: HttpRequest, person_id: uuid.UUID, payload: WorkerIn) -> Any:
    assignment = services.caseload_assign(
        actor=actor_of(request), person_id=person_id, member_id=payload.member_id
    )
    return Status(201, assignment)


@router.delete("/persons/{person_id}/workers/{member_id}", response={204: None})
def worker_unassign(
    request: HttpRequest, person_id: uuid.UUID, member_id: uuid.UUID
) -> Status[None]:
    services.caseload_unassign(actor=actor_of(request), person_id=person_id, member_id=member_id)
    return Status(204, None)


# Households --------------------------------------------------------------------------


@router.get("/households", response=list[HouseholdOut], tags=["households"])
@paginate(PagePagination)
def household_list(request: HttpRequest, q: str = "") -> Any:
    return selectors.household_list(actor=actor_of(request), query=q)


@router.post("/households", response={201: HouseholdOut}, tags=["households"])
def household_create(request: HttpRequest, payload: HouseholdIn) -> Status[Household]:
    household = services.household_create(actor=actor_of(request), name=payload.name)
    return Status(
        201, selectors.household_get(actor=actor_of(request), public_id=household.public_id)
    )


@router.get("/households/{household_id}", response=HouseholdOut, tags=["households"])
def household_detail(request: HttpRequest, household_id: uuid.UUID) -> Household:
    return selectors.household_get(actor=actor_of(request), public_id=household_id)


@router.patch("/households/{household_id}", response=HouseholdOut, tags=["households"])
def household_patch(
    request: HttpRequest, household_id: uuid.UUID, payload: HouseholdPatch
) -> Household:
    actor = actor_of(request)
    services.household_rename(
        actor=actor, household_id=household_id, version=payload.version, name=payload.name
    )
    return selectors.household_get(actor=actor, public_id=household_id)


@router.post(
    "/households/{household_id}/members", response={201: HouseholdOut}, tags=["households"]
)
def household_add_member(
    request: HttpRequest, household_id: uuid.UUID, payload: HouseholdMemberIn
) -> Status[Household]:
    actor = actor_of(request)
    services.household_add_member(
        actor=actor,
        household_id=household_id,
        person_id=payload.person_id,
        relationship=payload.relationship,
    )
    return Status(201, selectors.household_get(actor=actor, public_id=household_id))


@router.delete("/persons/{person_id}/household", response={204: None}, tags=["households"])
def household_remove_member(request: HttpRequest, person_id: uuid.UUID) -> Status[None]:
    services.household_remove_member(actor=actor_of(request), person_id=person_id)
    return Status(204, None)
