"""API: the current organization, its members, and the network directory of organizations."""

import uuid
from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from puentes.core.pagination import PagePagination
from puentes.network import selectors, services
from puentes.network.auth import actor_of
from puentes.network.models import Membership, Organization

router = Router(tags=["organization"])


class OrganizationOut(Schema):
    id: uuid.UUID
    name: str
    kind: str
    npi: str
    tax_id: str
    address_line1: str
    address_line2: str
    city: str
    state: str
    postal_code: str
    phone: str
    time_zone: str
    languages_served: list[str]
    referral_response_days: int
    version: int

    @staticmethod
    def resolve_id(obj: Organization) -> uuid.UUID:
        return obj.public_id


class OrganizationSummary(Schema):
    id: uuid.UUID
    name: str
    kind: str

    @staticmethod
    def resolve_id(obj: Organization) -> uuid.UUID:
        return obj.public_id


class OrganizationPatch(Schema, extra="forbid"):
    version: int
    name: str | None = None
    kind: str | None = None
    npi: str | None = None
    tax_id: str | None = None
    address_line1: str | None = None
    address_line2: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    phone: str | None = None
    time_zone: str | None = None
    languages_served: list[str] | None = None
    referral_response_days: int | None = None


class MemberOut(Schema):
    id: uuid.UUID
    username: str
    name: str
    email: str
    role: str
    worker_type: str
    is_active: bool

    @staticmethod
    def resolve_id(obj: Membership) -> uuid.UUID:
        return obj.public_id

    @staticmethod
    def resolve_username(obj: Membership) -> str:
        return obj.user.username

    @staticmethod
    def resolve_name(obj: Membership) -> str:
        return obj.display_name

    @staticmethod
    def resolve_email(obj: Membership) -> str:
        return obj.user.email


class MeOut(Schema):
    organization: OrganizationSummary
    role: str
    username: str | None
    api_key: str | None
    memberships: list[OrganizationSummary]


@router.get("/me", response=MeOut, summary="Who is calling, in which organization and role")
def me(request: HttpRequest) -> dict[str, object]:
    actor = actor_of(request)
    memberships = (
        [m.organization for m in selectors.membership_list_for_user(actor.user)]
        if actor.user is not None
        else [actor.organization]
    )
    return {
        "organization": actor.organization,
        "role": actor.role,
        "username": actor.user.username if actor.user else None,
        "api_key": actor.api_key.prefix if actor.api_key else None,
        "memberships": memberships,
    }


@router.get("/organization", response=OrganizationOut, summary="The current organization")
def organization_current(request: HttpRequest) -> Organization:
    actor = actor_of(request)
    actor.require("organization.view")
    return actor.organization


@router.patch("/organization", response=OrganizationOut, summary="Edit the organization")
def organization_patch(request: HttpRequest, payload: OrganizationPatch) -> Organization:
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    return services.organization_update(actor=actor_of(request), version=version, fields=data)


@router.get("/organization/members", response=list[MemberOut], summary="Members")
@paginate(PagePagination)
def member_list(request: HttpRequest, include_inactive: bool = False) -> object:
    return selectors.member_list(actor=actor_of(request), include_inactive=include_inactive)


@router.get(
    "/organizations",
    response=list[OrganizationSummary],
    summary="Organizations on the network (to name in a consent)",
)
@paginate(PagePagination)
def organization_list(request: HttpRequest) -> object:
    actor_of(request).require("organization.view")
    return selectors.organization_list_on_network()


class AuditEventOut(Schema):
    occurred_at: datetime
    action: str
    object_type: str
    object_id: uuid.UUID | None
    person_id: uuid.UUID | None
    user: str | None
    api_key: str | None
    client_ip: str | None

    @staticmethod
    def resolve_person_id(obj: object) -> object:
        return getattr(obj, "subject_person_id", None)

    @staticmethod
    def resolve_user(obj: object) -> str | None:
        user = getattr(obj, "user", None)
        return user.username if user else None

    @staticmethod
    def resolve_api_key(obj: object) -> str | None:
        key = getattr(obj, "api_key", None)
        return key.prefix if key else None


@router.get("/audit", response=list[AuditEventOut], summary="Audit log (administrators)")
@paginate(PagePagination)
def audit_list(request: HttpRequest, action: str = "") -> object:
    return selectors.audit_list(actor=actor_of(request), action=action)
