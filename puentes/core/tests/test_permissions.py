"""docs/permissions.md is the contract; the code enforces exactly that table."""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone, translation

from conftest import MembershipFactory
from puentes.billing import selectors as billing_selectors
from puentes.billing import services as billing_services
from puentes.care import selectors as care_selectors
from puentes.care import services as care_services
from puentes.core.actor import Actor
from puentes.core.errors import DomainError
from puentes.core.permissions import ALL_ROLES, PERMISSIONS, markdown_table
from puentes.directory import services as directory_services
from puentes.network import selectors as network_selectors
from puentes.network import services as network_services
from puentes.network.models import Membership
from puentes.people import selectors as people_selectors
from puentes.people import services as people_services
from puentes.referrals import selectors as referral_selectors
from puentes.referrals import services as referral_services
from puentes.screening import services as screening_services
from puentes.workforce import selectors as workforce_selectors
from puentes.workforce import services as workforce_services

DOCS = Path(__file__).resolve().parents[3] / "docs" / "permissions.md"


def test_the_published_table_is_the_enforced_table():
    with translation.override("en"):
        assert markdown_table() in DOCS.read_text()


def _person(clinic_member, make_person, **kw):
    return make_person(clinic_member, **kw)


ACTIONS = {
    "organization.view": lambda a, ctx: network_selectors.member_list(actor=a),
    "organization.update": lambda a, ctx: network_services.organization_update(
        actor=a, version=1, fields={"city": "Davis"}
    ),
    "member.manage": lambda a, ctx: network_selectors.invitation_list(actor=a),
    "apikey.manage": lambda a, ctx: network_selectors.apikey_list(actor=a),
    "audit.view": lambda a, ctx: network_selectors.audit_list(actor=a),
    "person.view": lambda a, ctx: people_selectors.person_get(actor=a, public_id=ctx["p1"]),
    "person.create": lambda a, ctx: people_services.person_create(
        actor=a,
        allow_duplicate=True,
        fields={
            "given_name": "New",
            "family_name": "Person",
            "date_of_birth": datetime.date(1990, 1, 1),
        },
    ),
    "person.update": lambda a, ctx: people_services.person_update(
        actor=a, person_id=ctx["p1"], version=1, fields={"city": "Davis"}
    ),
    "person.merge": lambda a, ctx: people_services.person_merge(
        actor=a, duplicate_id=ctx["p2"], keep_id=ctx["p1"]
    ),
    "household.manage": lambda a, ctx: people_services.household_create(actor=a, name="H"),
    "identifier.manage": lambda a, ctx: people_services.identifier_add(
        actor=a, person_id=ctx["p1"], kind="mrn", issuer="Clinic", value="1"
    ),
    "consent.manage": lambda a, ctx: people_services.consent_record(
        actor=a,
        person_id=ctx["p1"],
        fields={
            "scope": "network",
            "purpose": "referral",
            "method": "verbal",
            "given_on": datetime.date(2026, 1, 1),
        },
    ),
    "caseload.assign": lambda a, ctx: people_services.caseload_assign(
        actor=a, person_id=ctx["p1"], member_id=ctx["worker"]
    ),
    "screening.perform": lambda a, ctx: screening_services.screening_start(
        actor=a, person_id=ctx["p1"], instrument_id="hunger-vital-sign"
    ),
    "need.manage": lambda a, ctx: screening_services.need_record(
        actor=a, person_id=ctx["p1"], category="stress"
    ),
    "screening.configure": lambda a, ctx: screening_services.instrument_choices_set(
        actor=a, instrument_ids=["prapare"]
    ),
    "referral.view": lambda a, ctx: referral_selectors.referral_list(actor=a),
    "referral.send": lambda a, ctx: referral_services.referral_create(
        actor=a, person_id=ctx["p1"], service_at_location_id=ctx["own_listing"]
    ),
    # Accepting needs the receiving side: the clinic receives a referral from Elsewhere.
    "referral.respond": lambda a, ctx: referral_services.referral_transition(
        actor=a, referral_id=ctx["incoming"], version=2, status="accepted"
    ),
    "directory.report": lambda a, ctx: directory_services.correction_report(
        actor=a, service_at_location_id=ctx["own_listing"], kind="phone", description="Wrong"
    ),
    "directory.listing.update": lambda a, ctx: directory_services.capacity_update(
        actor=a, service_at_location_id=ctx["own_listing"], version=1, status="waitlist"
    ),
    # Verifying a listing another organization maintains takes a directory administrator.
    "directory.manage": lambda a, ctx: directory_services.listing_verify(
        actor=a, service_at_location_id=ctx["other_listing"], version=1
    ),
    "program.manage": lambda a, ctx: care_services.program_create(
        actor=a, fields={"name": "Diabetes self-management", "kind": "diabetes"}
    ),
    "care.view": lambda a, ctx: care_selectors.program_list(actor=a),
    "care.manage": lambda a, ctx: care_services.follow_up_create(
        actor=a, person_id=ctx["p1"], fields={"title": "Call", "due_on": timezone.localdate()}
    ),
    "care.document": lambda a, ctx: care_services.recommendation_record(
        actor=a,
        person_id=ctx["p1"],
        fields={
            "practitioner_name": "Dr. Kim",
            "practitioner_npi": "1234567893",
            "credential": "MD",
            "recommended_on": timezone.localdate(),
            "scope": "Health education",
        },
    ),
    "encounter.log": lambda a, ctx: care_services.encounter_log(
        actor=a,
        fields={
            "person_id": ctx["p1"],
            "worker_id": ctx["chw"],
            "occurred_on": timezone.localdate() - datetime.timedelta(days=1),
            "duration_minutes": 30,
            "modality": "phone",
            "place_of_service": "02",
            "services": ["navigation"],
        },
    ),
    "team.view": lambda a, ctx: care_selectors.team_caseloads(actor=a),
    "coverage.manage": lambda a, ctx: billing_services.initiating_visit_record(
        actor=a,
        person_id=ctx["p1"],
        fields={
            "visit_date": timezone.localdate(),
            "code": "99214",
            "practitioner_name": "Dr. Kim",
            "practitioner_npi": "1234567893",
        },
    ),
    "billing.view": lambda a, ctx: billing_selectors.payer_list(actor=a),
    "billing.manage": lambda a, ctx: billing_services.fee_set(actor=a, code="98960", charge="50"),
    # A worker adds a training to their own record (an API key: to ana's).
    "workforce.own": lambda a, ctx: workforce_services.training_add(
        actor=a,
        worker=a.membership or Membership.objects.get(public_id=ctx["chw"]),
        fields={"title": "CE", "completed_on": datetime.date(2026, 1, 5), "hours": Decimal(2)},
    ),
    "workforce.view": lambda a, ctx: workforce_selectors.team_for(
        actor=a, day=datetime.date(2026, 3, 1)
    ),
    "workforce.manage": lambda a, ctx: workforce_services.experience_add(
        actor=a,
        worker=Membership.objects.get(public_id=ctx["chw"]),
        fields={
            "started_on": datetime.date(2025, 1, 1),
            "ended_on": datetime.date(2025, 6, 30),
            "hours": Decimal(500),
        },
    ),
    "training.offer": lambda a, ctx: workforce_services.course_create(
        actor=a,
        fields={
            "title": "Core",
            "provider": "Clinic",
            "hours": Decimal(4),
            "modality": "online",
            "language": "es",
        },
    ),
}


def test_every_action_in_the_table_has_a_door_tested_here():
    assert set(ACTIONS) == set(PERMISSIONS)


def _incoming_referral(clinic, make_listing, make_person):
    """A referral from another organization to one of the clinic's listings."""
    other = MembershipFactory(role="chw", worker_type="chw")
    person = make_person(other)
    people_services.consent_record(
        actor=Actor(organization=other.organization, role="chw", user=other.user, membership=other),
        person_id=person.public_id,
        organization_ids=[clinic.public_id],
        fields={"scope": "named", "purpose": "referral", "method": "verbal",
                "given_on": datetime.date(2026, 1, 1)},
    )  # fmt: skip
    referral = referral_services.referral_create(
        actor=Actor(organization=other.organization, role="chw", user=other.user, membership=other),
        person_id=person.public_id,
        service_at_location_id=make_listing(maintainer=clinic).id,
        send=True,
    )
    return referral.public_id


@pytest.mark.parametrize("role", ALL_ROLES)
@pytest.mark.parametrize("action", list(PERMISSIONS))
def test_role_may_do_exactly_what_the_table_says(
    role, action, clinic, ana, sam, make_person, make_listing
):
    ctx = {
        "p1": make_person(ana).public_id,
        "p2": make_person(ana).public_id,
        "worker": sam.public_id,
        "chw": ana.public_id,
        "own_listing": make_listing(maintainer=clinic).id,
        "other_listing": make_listing().id,
        "incoming": _incoming_referral(clinic, make_listing, make_person),
    }
    if role.startswith("api_"):
        actor = Actor(organization=clinic, role=role)
    else:
        member = MembershipFactory(
            organization=clinic, role=role, worker_type="chw" if role == "chw" else ""
        )
        actor = Actor(organization=clinic, role=role, user=member.user, membership=member)
    allowed = role in PERMISSIONS[action]
    if allowed:
        ACTIONS[action](actor, ctx)
    else:
        with pytest.raises(DomainError) as caught:
            ACTIONS[action](actor, ctx)
        assert caught.value.code == "forbidden"
