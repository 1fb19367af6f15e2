"""Every write to people, households, identifiers, consents and caseloads."""

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import DomainError, invalid
from puentes.core.inputs import model_text, raise_if
from puentes.core.services import apply_fields, validate
from puentes.core.validators import (
    normalize_mbi,
    normalize_phone,
    validate_mbi,
    validate_medicaid_id,
    validate_us_state,
    zip_centroid,
)
from puentes.network.models import Membership, Role
from puentes.network.selectors import member_get, organization_get_on_network
from puentes.people.models import (
    CaseloadAssignment,
    Consent,
    ConsentScope,
    Household,
    HouseholdMember,
    Identifier,
    IdentifierKind,
    Person,
    PersonStatus,
)
from puentes.people.selectors import (
    build_search_text,
    consent_get,
    household_get,
    identifier_get,
    person_get,
    person_likely_duplicates,
)
from puentes.people.signals import consent_revoked

PERSON_FIELDS = [
    "given_name", "family_name", "preferred_name", "date_of_birth", "sex", "gender_identity",
    "preferred_language", "interpreter_needed", "phone", "email", "preferred_contact_method",
    "ok_to_call", "ok_to_text", "ok_to_email", "ok_to_leave_voicemail", "address_line1",
    "address_line2", "city", "state", "postal_code", "notes",
]  # fmt: skip
_TEXT_FIELDS = {
    "given_name", "family_name", "preferred_name", "email", "address_line1", "address_line2",
    "city", "notes", "phone", "postal_code", "state",
}  # fmt: skip


def _clean_text(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Trim surrounding spaces; None for a text field means empty."""
    cleaned = dict(fields)
    for name in _TEXT_FIELDS & set(cleaned):
        value = cleaned[name]
        cleaned[name] = "" if value is None else str(value).strip()
    if cleaned.get("email"):
        cleaned["email"] = cleaned["email"].lower()
    return cleaned


def _prepare_person(person: Person) -> None:
    """Validate and fill the fields the service derives (E.164 phone, ZIP centroid)."""
    validate(person, exclude=["organization", "created_by", "merged_into"])
    if person.phone:
        person.phone = normalize_phone(person.phone)
    centroid = zip_centroid(person.postal_code[:5]) if person.postal_code else None
    person.latitude, person.longitude = centroid if centroid else (None, None)


def _refresh_search_text(person: Person) -> None:
    values = list(person.identifiers.values_list("value", flat=True)) if person.pk else []
    person.search_text = build_search_text(person, values)


def _duplicate_error(matches: list[Any]) -> DomainError:
    return DomainError(
        "duplicate",
        _(
            "This person may already be registered. Open the existing record, or confirm "
            "that this is someone else."
        ),
        {"__all__": [_("Possible duplicate.")]},
        extra={
            "matches": [
                {
                    "id": str(m.person.public_id),
                    "name": m.person.display_name,
                    "date_of_birth": m.person.date_of_birth.isoformat(),
                    "score": round(m.score, 2),
                }
                for m in matches
            ]
        },
    )


def person_create(
    *, actor: Actor, fields: Mapping[str, Any], allow_duplicate: bool = False
) -> Person:
    """Register a person in the actor's organization.

    Unless ``allow_duplicate``, refuses with ``duplicate`` (listing the matches) when someone
    born the same day with a similar name is already registered. A frontline worker who
    registers a person is assigned to them.
    """
    actor.require("person.create")
    person = Person(organization=actor.organization, created_by=actor.user)
    apply_fields(person, _clean_text(fields), PERSON_FIELDS)
    _prepare_person(person)
    if not allow_duplicate:
        matches = person_likely_duplicates(
            actor=actor,
            given_name=person.given_name,
            family_name=person.family_name,
            date_of_birth=person.date_of_birth,
        )
        if matches:
            raise _duplicate_error(matches)
    _refresh_search_text(person)
    with transaction.atomic():
        person.save()
        audit_record(
            actor=actor,
            action="person.create",
            obj=person,
            person_id=person.public_id,
            detail={"allowed_duplicate": allow_duplicate} if allow_duplicate else {},
        )
        membership = actor.membership
        if membership is not None and (membership.worker_type or membership.role == Role.CHW):
            _assign(actor=actor, person=person, worker=membership)
    return person


@transaction.atomic
def person_update(
    *, actor: Actor, person_id: uuid.UUID | str, version: int | None, fields: Mapping[str, Any]
) -> Person:
    actor.require("person.update")
    person = lock_for_update(Person, person_get(actor=actor, public_id=person_id).pk)
    _require_active(person)
    check_version(person, version)
    changed = apply_fields(person, _clean_text(fields), PERSON_FIELDS)
    _prepare_person(person)
    if changed:
        _refresh_search_text(person)
        bump_version(person)
        person.save()
        audit_record(
            actor=actor,
            action="person.update",
            obj=person,
            person_id=person.public_id,
            detail={"fields": sorted(changed)},
        )
    return person


def _require_active(person: Person) -> None:
    if person.status != PersonStatus.ACTIVE:
        raise DomainError("conflict", _("This record was merged into another one; edit that one."))


@transaction.atomic
def person_merge(
    *, actor: Actor, duplicate_id: uuid.UUID | str, keep_id: uuid.UUID | str
) -> Person:
    """Fold the ``duplicate`` record into ``keep``. Identifiers, consents, household,
    caseload and history move over; blank fields of ``keep`` are filled from the duplicate;
    the duplicate stays, marked merged, so links to it still resolve."""
    actor.require("person.merge")
    keep = lock_for_update(Person, person_get(actor=actor, public_id=keep_id).pk)
    duplicate = lock_for_update(Person, person_get(actor=actor, public_id=duplicate_id).pk)
    if keep.pk == duplicate.pk:
        raise invalid({"keep_id": [_("Choose two different people.")]})
    _require_active(keep)
    _require_active(duplicate)
    filled = _fill_blank_fields(keep, duplicate)
    _move_identifiers(duplicate, keep)
    Consent.objects.filter(person=duplicate).update(person=keep)
    _move_household(duplicate, keep)
    _move_assignments(duplicate, keep)
    duplicate.status = PersonStatus.MERGED
    duplicate.merged_into = keep
    bump_version(duplicate)
    duplicate.save()
    _refresh_search_text(keep)
    bump_version(keep)
    keep.save()
    detail = {"kept": str(keep.public_id), "merged": str(duplicate.public_id), "filled": filled}
    audit_record(
        actor=actor, action="person.merge", obj=keep, person_id=keep.public_id, detail=detail
    )
    audit_record(
        actor=actor,
        action="person.merged_away",
        obj=duplicate,
        person_id=duplicate.public_id,
        detail=detail,
    )
    return keep


def _fill_blank_fields(keep: Person, duplicate: Person) -> list[str]:
    filled = []
    for name in PERSON_FIELDS:
        if name == "notes":
            continue
        if getattr(keep, name) in ("", None) and getattr(duplicate, name) not in ("", None):
            setattr(keep, name, getattr(duplicate, name))
            filled.append(name)
    if duplicate.notes and duplicate.notes not in keep.notes:
        keep.notes = f"{keep.notes}\n\n{duplicate.notes}".strip()
        filled.append("notes")
    if keep.latitude is None and duplicate.latitude is not None:
        keep.latitude, keep.longitude = duplicate.latitude, duplicate.longitude
    return filled


def _move_identifiers(duplicate: Person, keep: Person) -> None:
    kept = set(keep.identifiers.values_list("kind", "issuer", "value"))
    for identifier in list(duplicate.identifiers.all()):
        if (identifier.kind, identifier.issuer, identifier.value) in kept:
            identifier.delete()
        else:
            identifier.person = keep
            identifier.save(update_fields=["person", "updated_at"])


def _move_household(duplicate: Person, keep: Person) -> None:
    link = HouseholdMember.objects.filter(person=duplicate).first()
    if link is None:
        return
    if HouseholdMember.objects.filter(person=keep).exists():
        link.delete()
    else:
        link.person = keep
        link.save(update_fields=["person", "updated_at"])


def _move_assignments(duplicate: Person, keep: Person) -> None:
    open_workers = set(
        keep.assignments.filter(ended_at__isnull=True).values_list("worker_id", flat=True)
    )
    for assignment in duplicate.assignments.all():
        if assignment.ended_at is None and assignment.worker_id in open_workers:
            assignment.ended_at = timezone.now()
            assignment.save(update_fields=["ended_at", "updated_at"])
        else:
            assignment.person = keep
            assignment.save(update_fields=["person", "updated_at"])


# Households ---------------------------------------------------------------------------


def household_create(*, actor: Actor, name: str) -> Household:
    actor.require("household.manage")
    household = Household(organization=actor.organization, name=(name or "").strip())
    validate(household, exclude=["organization"])
    with transaction.atomic():
        household.save()
        audit_record(actor=actor, action="household.create", obj=household)
    return household


@transaction.atomic
def household_rename(
    *, actor: Actor, household_id: uuid.UUID | str, version: int | None, name: str
) -> Household:
    actor.require("household.manage")
    household = lock_for_update(Household, household_get(actor=actor, public_id=household_id).pk)
    check_version(household, version)
    household.name = (name or "").strip()
    validate(household, exclude=["organization"])
    bump_version(household)
    household.save()
    audit_record(actor=actor, action="household.update", obj=household)
    return household


@transaction.atomic
def household_add_member(
    *, actor: Actor, household_id: uuid.UUID | str, person_id: uuid.UUID | str, relationship: str
) -> HouseholdMember:
    """Put a person in a household. A person lives in one household; moving them is explicit."""
    actor.require("household.manage")
    household = household_get(actor=actor, public_id=household_id)
    person = person_get(actor=actor, public_id=person_id)
    _require_active(person)
    current = HouseholdMember.objects.filter(person=person).select_related("household").first()
    if current is not None:
        raise DomainError(
            "conflict",
            _("%(person)s is already in the household %(household)s. Remove them there first.")
            % {"person": person.display_name, "household": current.household.name},
            {"person_id": [_("Already in a household.")]},
        )
    link = HouseholdMember(household=household, person=person, relationship=relationship)
    validate(link, exclude=["household", "person"])
    link.save()
    audit_record(
        actor=actor,
        action="household.add_member",
        obj=household,
        person_id=person.public_id,
        detail={"relationship": relationship},
    )
    return link


@transaction.atomic
def household_join(
    *,
    actor: Actor,
    person_id: uuid.UUID | str,
    relationship: str,
    household_id: uuid.UUID | str | None = None,
    new_household_name: str = "",
) -> HouseholdMember:
    """Put a person in an existing household, or in a new one named ``new_household_name``;
    if adding them fails, the new household is not kept either."""
    if household_id is None:
        household_id = household_create(actor=actor, name=new_household_name).public_id
    return household_add_member(
        actor=actor, household_id=household_id, person_id=person_id, relationship=relationship
    )


@transaction.atomic
def household_remove_member(*, actor: Actor, person_id: uuid.UUID | str) -> None:
    actor.require("household.manage")
    person = person_get(actor=actor, public_id=person_id)
    link = HouseholdMember.objects.filter(person=person).select_related("household").first()
    if link is None:
        raise DomainError("not_found", _("This person is not in a household."))
    household = link.household
    link.delete()
    audit_record(
        actor=actor, action="household.remove_member", obj=household, person_id=person.public_id
    )


# Identifiers --------------------------------------------------------------------------


def _clean_identifier(kind: str, issuer: str, value: str) -> tuple[str, str]:
    """Normalize and check an identifier by kind; returns (issuer, value)."""
    issuer = (issuer or "").strip()
    value = (value or "").strip()
    errors: dict[str, list[str]] = {}
    if kind == IdentifierKind.MEDICAID:
        issuer = issuer.upper()
        try:
            validate_us_state(issuer)
        except ValidationError:
            errors["issuer"] = [_("For a Medicaid ID, the issuer is the state (e.g. CA).")]
    try:
        if kind == IdentifierKind.MEDICARE_MBI:
            issuer = issuer or "CMS"
            value = normalize_mbi(value)
            validate_mbi(value)
        elif kind == IdentifierKind.MEDICAID:
            value = value.upper().replace(" ", "").replace("-", "")
            validate_medicaid_id(value)
    except ValidationError as error:
        errors["value"] = list(error.messages)
    if errors:
        raise invalid(errors)
    return issuer, value


def identifier_add(
    *, actor: Actor, person_id: uuid.UUID | str, kind: str, issuer: str, value: str
) -> Identifier:
    actor.require("identifier.manage")
    person = person_get(actor=actor, public_id=person_id)
    _require_active(person)
    if kind not in IdentifierKind.values:
        raise invalid({"kind": [_("Choose a valid kind of identifier.")]})
    issuer, value = _clean_identifier(kind, issuer, value)
    identifier = Identifier(
        organization=actor.organization, person=person, kind=kind, issuer=issuer, value=value
    )
    validate(identifier, exclude=["organization", "person"])
    try:
        with transaction.atomic():
            identifier.save()
            _refresh_search_text(person)
            person.save(update_fields=["search_text"])
            audit_record(
                actor=actor,
                action="identifier.add",
                obj=identifier,
                person_id=person.public_id,
                detail={"kind": kind},
            )
    except IntegrityError:
        # Two people given the same identifier at the same moment: the constraint wins.
        raise invalid(
            {"value": [_("Another person already has this identifier from this issuer.")]}
        ) from None
    return identifier


@transaction.atomic
def identifier_remove(*, actor: Actor, identifier_id: uuid.UUID | str) -> None:
    actor.require("identifier.manage")
    identifier = identifier_get(actor=actor, public_id=identifier_id)
    person = identifier.person
    audit_record(
        actor=actor,
        action="identifier.remove",
        obj=identifier,
        person_id=person.public_id,
        detail={"kind": identifier.kind},
    )
    identifier.delete()
    _refresh_search_text(person)
    person.save(update_fields=["search_text"])


# Consent ------------------------------------------------------------------------------

CONSENT_FIELDS = ["scope", "purpose", "method", "given_on", "expires_on"]


def consent_record(
    *,
    actor: Actor,
    person_id: uuid.UUID | str,
    fields: Mapping[str, Any],
    organization_ids: Iterable[uuid.UUID | str] = (),
) -> Consent:
    """Record a consent to share. Named scope needs at least one partner organization."""
    actor.require("consent.manage")
    person = person_get(actor=actor, public_id=person_id)
    _require_active(person)
    consent = Consent(organization=actor.organization, person=person, recorded_by=actor.user)
    apply_fields(consent, fields, CONSENT_FIELDS)
    validate(consent, exclude=["organization", "person", "recorded_by"])
    errors: dict[str, list[str]] = {}
    if consent.expires_on and consent.expires_on < consent.given_on:
        errors["expires_on"] = [_("The expiry date is before the date given.")]
    if consent.given_on > timezone.localdate():
        errors["given_on"] = [_("Consent cannot be dated in the future.")]
    try:
        partners = _consent_partners(actor, consent.scope, organization_ids)
    except DomainError as error:
        errors.update(error.fields)
    if errors:
        raise invalid(errors)
    with transaction.atomic():
        consent.save()
        consent.organizations.set(partners)
        audit_record(
            actor=actor,
            action="consent.record",
            obj=consent,
            person_id=person.public_id,
            detail={
                "scope": consent.scope,
                "purpose": consent.purpose,
                "organizations": [str(o.public_id) for o in partners],
            },
        )
    return consent


def _consent_partners(
    actor: Actor, scope: str, organization_ids: Iterable[uuid.UUID | str]
) -> list[Any]:
    ids = list(organization_ids)
    if scope == ConsentScope.NETWORK:
        if ids:
            raise invalid(
                {
                    "organization_ids": [
                        _("Leave the organizations empty when sharing with the whole network.")
                    ]
                }
            )
        return []
    if not ids:
        raise invalid({"organization_ids": [_("Name at least one organization.")]})
    partners = []
    for organization_id in ids:
        try:
            partners.append(organization_get_on_network(organization_id))
        except (DomainError, ValidationError, ValueError):
            raise invalid(
                {
                    "organization_ids": [
                        _("%(id)s is not an organization on the network.") % {"id": organization_id}
                    ]
                }
            ) from None
    return partners


@transaction.atomic
def consent_revoke(*, actor: Actor, consent_id: uuid.UUID | str, reason: str) -> Consent:
    actor.require("consent.manage")
    consent = lock_for_update(Consent, consent_get(actor=actor, public_id=consent_id).pk)
    if consent.revoked_at is not None:
        raise DomainError("conflict", _("This consent was already revoked."))
    reason = (reason or "").strip()
    if not reason:
        raise invalid({"reason": [_("Say why the consent is revoked.")]})
    errors: dict[str, list[str]] = {}
    model_text(Consent, {"reason": reason}, "reason", errors, field="revocation_reason")
    raise_if(errors)
    consent.revoked_at = timezone.now()
    consent.revoked_by = actor.user
    consent.revocation_reason = reason
    bump_version(consent)
    consent.save()
    audit_record(
        actor=actor, action="consent.revoke", obj=consent, person_id=consent.person.public_id
    )
    consent_revoked.send(sender=Consent, consent=consent, user=actor.user)
    return consent


# Caseload -----------------------------------------------------------------------------


def _assign(*, actor: Actor, person: Person, worker: Membership) -> CaseloadAssignment:
    if CaseloadAssignment.objects.filter(
        person=person, worker=worker, ended_at__isnull=True
    ).exists():
        raise DomainError(
            "conflict",
            _("This worker is already assigned."),
            {"member_id": [_("Already assigned.")]},
        )
    assignment = CaseloadAssignment.objects.create(
        person=person, worker=worker, assigned_by=actor.user
    )
    audit_record(
        actor=actor,
        action="caseload.assign",
        obj=assignment,
        person_id=person.public_id,
        detail={"worker": str(worker.public_id)},
    )
    return assignment


@transaction.atomic
def caseload_assign(
    *, actor: Actor, person_id: uuid.UUID | str, member_id: uuid.UUID | str
) -> CaseloadAssignment:
    actor.require("caseload.assign")
    person = person_get(actor=actor, public_id=person_id)
    _require_active(person)
    worker = member_get(actor=actor, public_id=member_id)
    if not worker.is_active:
        raise invalid({"member_id": [_("This member is deactivated.")]})
    return _assign(actor=actor, person=person, worker=worker)


@transaction.atomic
def caseload_unassign(
    *, actor: Actor, person_id: uuid.UUID | str, member_id: uuid.UUID | str
) -> None:
    actor.require("caseload.assign")
    person = person_get(actor=actor, public_id=person_id)
    worker = member_get(actor=actor, public_id=member_id)
    assignment = CaseloadAssignment.objects.filter(
        person=person, worker=worker, ended_at__isnull=True
    ).first()
    if assignment is None:
        raise DomainError("not_found", _("This worker is not assigned to this person."))
    assignment.ended_at = timezone.now()
    bump_version(assignment)
    assignment.save()
    audit_record(
        actor=actor,
        action="caseload.unassign",
        obj=assignment,
        person_id=person.public_id,
        detail={"worker": str(worker.public_id)},
    )
