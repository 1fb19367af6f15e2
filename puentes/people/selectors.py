"""Every read of people data, scoped to the actor's organization.

A record of another organization is reported as not found, never as forbidden, so its
existence is not revealed.
"""

import datetime
import difflib
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, Prefetch, Q, QuerySet
from django.utils import timezone

from puentes.core.actor import Actor
from puentes.core.audit import people_seen, person_read_record
from puentes.core.errors import not_found
from puentes.core.models import AuditEvent
from puentes.core.tenancy import one, unscoped
from puentes.core.text import digits, normalize
from puentes.network.models import Membership, Organization
from puentes.people.models import (
    CaseloadAssignment,
    Consent,
    ConsentScope,
    Household,
    HouseholdMember,
    Identifier,
    Person,
    PersonStatus,
)


def _people(actor: Actor) -> QuerySet[Person]:
    actor.require("person.view")
    return Person.objects.for_actor(actor)


def person_list(
    *, actor: Actor, query: str = "", assigned_to: Membership | None = None
) -> QuerySet[Person]:
    """Active people of the actor's organization, optionally matching ``query`` (every word
    must appear in a name, phone number or identifier; accents and case do not matter)."""
    people = _people(actor).filter(status=PersonStatus.ACTIVE)
    for word in normalize(query).split():
        people = people.filter(search_text__contains=word)
    if assigned_to is not None:
        people = people.filter(assignments__worker=assigned_to, assignments__ended_at__isnull=True)
    return people.order_by("family_name", "given_name", "id")


def person_get(*, actor: Actor, public_id: uuid.UUID | str) -> Person:
    """One person of the actor's organization. A page or API read that gets here returns
    the person's data (or data about them), so the request's audit event names them."""
    person = one(_people(actor), public_id)
    people_seen(actor, [person.public_id])
    return person


def person_read(*, actor: Actor, public_id: uuid.UUID | str) -> Person:
    """person_get for showing the record to someone: the read is audited (with the request's
    other reads, or at once outside a request)."""
    person = person_get(actor=actor, public_id=public_id)
    person_read_record(actor, person.public_id)
    return person


def build_search_text(person: Person, identifier_values: list[str]) -> str:
    parts = [person.given_name, person.family_name, person.preferred_name, *identifier_values]
    text = normalize(" ".join(parts))
    phone = digits(person.phone)
    if phone:
        text += f" {phone} {phone[-10:]}"
    return text[:400]


@dataclass(frozen=True)
class LikelyMatch:
    person: Person
    score: float


def _name_similarity(given: str, family: str, candidate: Person) -> float:
    typed = normalize(f"{given} {family}")
    scores = []
    for first in {candidate.given_name, candidate.preferred_name} - {""}:
        for full in (f"{first} {candidate.family_name}", f"{candidate.family_name} {first}"):
            scores.append(difflib.SequenceMatcher(None, typed, normalize(full)).ratio())
    # Two-part family names ("López Hernández") are often entered with only the first part.
    typed_family = set(normalize(family).split())
    candidate_family = set(normalize(candidate.family_name).split())
    same_given_start = normalize(given)[:3] == normalize(candidate.given_name)[:3]
    if typed_family & candidate_family and same_given_start:
        scores.append(0.9)
    return max(scores, default=0.0)


def person_likely_duplicates(
    *,
    actor: Actor,
    given_name: str,
    family_name: str,
    date_of_birth: datetime.date,
    exclude: Person | None = None,
    threshold: float = 0.75,
) -> list[LikelyMatch]:
    """People of the organization born the same day whose name is similar, best first."""
    candidates = person_list(actor=actor).filter(date_of_birth=date_of_birth)
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude.pk)
    matches = [
        LikelyMatch(person, score)
        for person in candidates
        if (score := _name_similarity(given_name, family_name, person)) >= threshold
    ]
    return sorted(matches, key=lambda match: -match.score)


def person_history(*, actor: Actor, person: Person) -> QuerySet[AuditEvent]:
    """Everything recorded about the person, including records merged into it."""
    merged_ids = list(
        Person.objects.for_actor(actor)
        .filter(merged_into=person)
        .values_list("public_id", flat=True)
    )
    return (
        AuditEvent.objects.for_actor(actor)
        .filter(
            subject_person_id__in=[person.public_id, *merged_ids],
        )
        .select_related("user", "api_key")
    )


def household_list(*, actor: Actor, query: str = "") -> QuerySet[Household]:
    actor.require("person.view")
    households = Household.objects.for_actor(actor)
    if query:
        households = households.filter(name__icontains=query)
    return households.prefetch_related(
        Prefetch(
            "members",
            queryset=HouseholdMember.objects.for_actor(actor).select_related("person"),
        )
    )


def household_get(*, actor: Actor, public_id: uuid.UUID | str) -> Household:
    household = one(household_list(actor=actor), public_id)
    return household


def household_of(person: Person) -> HouseholdMember | None:
    members = HouseholdMember.objects.for_organization(person.organization_id)
    return members.select_related("household").filter(person=person).first()


def identifier_list(*, actor: Actor, person: Person) -> QuerySet[Identifier]:
    actor.require("person.view")
    return Identifier.objects.for_actor(actor).filter(person=person)


def identifier_get(*, actor: Actor, public_id: uuid.UUID | str) -> Identifier:
    actor.require("person.view")
    identifier = (
        Identifier.objects.for_actor(actor)
        .filter(public_id=public_id)
        .select_related("person")
        .first()
    )
    if identifier is None:
        raise not_found()
    return identifier


def consent_list(*, actor: Actor, person: Person) -> QuerySet[Consent]:
    actor.require("person.view")
    return (
        Consent.objects.for_actor(actor)
        .filter(person=person)
        .prefetch_related("organizations")
        .select_related("recorded_by", "revoked_by")
    )


def consent_get(*, actor: Actor, public_id: uuid.UUID | str) -> Consent:
    actor.require("person.view")
    consent = (
        Consent.objects.for_actor(actor)
        .filter(public_id=public_id)
        .select_related("person")
        .first()
    )
    if consent is None:
        raise not_found()
    return consent


def consents_permitting(
    person: Person, organization: Organization, on: datetime.date | None = None
) -> QuerySet[Consent]:
    """The person's consents in force on ``on`` (today) that cover ``organization``."""
    day = on or timezone.localdate()
    return (
        Consent.objects.for_organization(person.organization_id)
        .filter(
            person=person,
            revoked_at__isnull=True,
            given_on__lte=day,
        )
        .filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=day),
            Q(scope=ConsentScope.NETWORK) | Q(scope=ConsentScope.NAMED, organizations=organization),
        )
        .distinct()
    )


def consent_in_force(
    person: Any, organization: Any, purpose: str, on: datetime.date | None = None
) -> Exists:
    """Whether a consent of ``person`` in force on ``on`` (today) covers ``organization``
    for ``purpose``, as an expression: with ``OuterRef``s it answers for every row of a
    list in the list's own statement (the referral inbox asked once per row)."""
    day = on or timezone.localdate()
    consents = unscoped(Consent, "the outer row's person, already scoped").filter(
        person=person, purpose=purpose, revoked_at__isnull=True, given_on__lte=day
    )
    return Exists(
        consents.filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=day),
            Q(scope=ConsentScope.NETWORK) | Q(scope=ConsentScope.NAMED, organizations=organization),
        )
    )


def consent_permits(
    person: Person, organization: Organization, on: datetime.date | None = None
) -> bool:
    """May ``organization`` see this person now? Its own organization always may."""
    if person.organization_id == organization.pk:
        return True
    return consents_permitting(person, organization, on).exists()


def assignment_list(*, actor: Actor, person: Person) -> QuerySet[CaseloadAssignment]:
    actor.require("person.view")
    return (
        CaseloadAssignment.objects.for_actor(actor)
        .filter(person=person)
        .select_related("worker__user", "assigned_by")
    )
