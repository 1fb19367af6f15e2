"""Load the demo network: the test cast and ~200 synthetic people. Runs once; later runs
see the demo organization and change nothing."""

import datetime
import random
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone
from faker import Faker

from puentes.billing import services as billing
from puentes.care import services as care
from puentes.core.actor import Actor
from puentes.directory.models import ServiceAtLocation
from puentes.network.models import Membership, Organization, Role, WorkerType
from puentes.network.services import membership_create, organization_create, user_create
from puentes.people import services as people
from puentes.people.models import ConsentMethod, ConsentPurpose, ConsentScope, Person, Relationship
from puentes.referrals import services as referrals
from puentes.screening import services as screening
from puentes.screening.definitions import instrument_find
from puentes.screening.models import Need, NeedStatus
from puentes.web.demo_directory import load_demo_directory
from puentes.workforce.demo import load_workforce_demo

DEMO_PASSWORD = "puentes-demo"
CLINIC = "Valle Community Health Center"
# Real ZIP codes around Sacramento and Fresno, so addresses get real centroids.
DEMO_ZIPS = [
    "95815",
    "95817",
    "95818",
    "95820",
    "95823",
    "95824",
    "95828",
    "95838",
    "93701",
    "93702",
    "93706",
    "93721",
    "93725",
    "93727",
]

ORGANIZATIONS = {
    "clinic": {
        "name": CLINIC,
        "kind": "health_center",
        "npi": "1234567893",
        "tax_id": "94-1234567",
        "address_line1": "2100 Stockton Blvd",
        "city": "Sacramento",
        "state": "CA",
        "postal_code": "95817",
        "phone": "(916) 555-0142",
        "languages_served": ["en", "es", "hmn", "vi"],
    },
    "pantry": {
        "name": "Eastside Food Pantry",
        "kind": "cbo",
        "address_line1": "410 Oak Ave",
        "city": "Sacramento",
        "state": "CA",
        "postal_code": "95815",
        "languages_served": ["en", "es"],
    },
    "hub": {
        "name": "Valley Community Information Exchange",
        "kind": "other",
        "city": "Sacramento",
        "state": "CA",
        "postal_code": "95814",
        "languages_served": ["en", "es"],
    },
    "elsewhere": {
        "name": "Elsewhere Health Partners",
        "kind": "health_plan",
        "city": "Fresno",
        "state": "CA",
        "postal_code": "93721",
        "languages_served": ["en"],
    },
    # An intermediary: trains its member health centers' CHWs.
    "association": {
        "name": "Valley Health Center Association",
        "kind": "other",
        "city": "Sacramento",
        "state": "CA",
        "postal_code": "95811",
        "languages_served": ["en", "es"],
    },
    "riverside": {
        "name": "Riverside Community Health Center",
        "kind": "health_center",
        "city": "West Sacramento",
        "state": "CA",
        "postal_code": "95691",
        "languages_served": ["en", "es", "ru"],
    },
}
DEMO_PROGRAMS = [
    {
        "name": "Asthma home visiting",
        "kind": "asthma",
        "follow_up_days": 14,
        "caseload_limit": 40,
        "worker_types": ["chw", "promotor"],
        "target_population": "Children and adults with poorly controlled asthma",
    },
    {
        "name": "Diabetes self-management",
        "kind": "diabetes",
        "follow_up_days": 30,
        "caseload_limit": 60,
        "worker_types": ["chw", "promotor"],
        "target_population": "Adults with an HbA1c of 8% or more",
    },
    {
        "name": "Prenatal and postpartum support",
        "kind": "perinatal",
        "follow_up_days": 7,
        "worker_types": ["doula", "promotor"],
    },
    {
        "name": "Enhanced Care Management",
        "kind": "ecm",
        "follow_up_days": 7,
        "caseload_limit": 20,
        "worker_types": ["chw", "navigator"],
    },
]
ASTHMA_GOAL = {
    "description": "Sleep through the night without coughing",
    "measure": "Asthma control test",
    "comparator": "ge",
    "target_value": 20,
    "unit": "points",
}
SUGAR_GOAL = {
    "description": "Bring my sugar down so I can keep working",
    "measure": "HbA1c",
    "comparator": "lt",
    "target_value": 8,
    "unit": "%",
}
CAST = [
    # username, first, last, organization, role, worker type, language
    ("ana", "Ana", "Morales", "clinic", Role.CHW, WorkerType.PROMOTOR, "en"),
    ("sam", "Sam", "Okafor", "clinic", Role.SUPERVISOR, "", "en"),
    ("bea", "Bea", "Nguyen", "clinic", Role.BILLING, "", "en"),
    ("alma", "Alma", "Reyes", "clinic", Role.ORG_ADMIN, "", "es"),
    ("pat", "Pat", "Lee", "pantry", Role.CBO_STAFF, "", "en"),
    ("omar", "Omar", "Haddad", "elsewhere", Role.ORG_ADMIN, "", "en"),
    ("dora", "Dora", "Quintero", "hub", Role.DIRECTORY_ADMIN, "", "es"),
    ("leo", "Leo", "Campos", "clinic", Role.CHW, WorkerType.CHW, "es"),
    ("nora", "Nora", "Bautista", "clinic", Role.CHW, WorkerType.DOULA, "en"),
    ("ivy", "Ivy", "Torres", "association", Role.ORG_ADMIN, "", "en"),
]


class Command(BaseCommand):
    help = "Load the demo organizations, users and about 200 synthetic people (once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--people", type=int, default=200)
        parser.add_argument("--listings", type=int, default=300)

    def handle(self, *args: Any, **options: Any) -> None:
        if Organization.objects.filter(name=CLINIC).exists():
            self.stdout.write("Demo data is already loaded.")
            return
        with transaction.atomic():
            organizations = {key: organization_create(fields=f) for key, f in ORGANIZATIONS.items()}
            members = self._cast(organizations)
            self._people(organizations["clinic"], members, organizations, options["people"])
            load_demo_directory(organizations["pantry"], count=options["listings"])
            self._referrals(members)
            self._care(members)
            load_workforce_demo(members, organizations["association"], organizations["riverside"])
            self._billing(members)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))

    def _cast(self, organizations: dict[str, Organization]) -> dict[str, Membership]:
        members = {}
        for username, first, last, org_key, role, worker_type, language in CAST:
            user = user_create(
                username=username,
                password=DEMO_PASSWORD,
                email=f"{username}@example.org",
                first_name=first,
                last_name=last,
                language=language,
            )
            members[username] = membership_create(
                user=user,
                organization=organizations[org_key],
                role=role,
                worker_type=worker_type,
            )
        return members

    def _people(
        self,
        clinic: Organization,
        members: dict[str, Membership],
        organizations: dict[str, Organization],
        count: int,
    ) -> None:
        rng = random.Random(2026)  # noqa: S311 - demo data, not security
        fakers = {"en": Faker("en_US"), "es": Faker("es_MX")}
        for faker in fakers.values():
            faker.seed_instance(2026)
        ana, sam = members["ana"], members["sam"]
        as_ana = Actor(organization=clinic, role=ana.role, user=ana.user, membership=ana)
        as_sam = Actor(organization=clinic, role=sam.role, user=sam.user, membership=sam)
        created: list[tuple[Any, str]] = []
        family = ""
        for index in range(count):
            spanish = rng.random() < 0.55
            faker = fakers["es" if spanish else "en"]
            actor = as_ana if index % 4 == 0 else as_sam
            fields = _person_fields(rng, faker, spanish)
            # About half the people live with the person registered just before them.
            joins_previous = bool(created) and rng.random() < 0.45
            if joins_previous:
                fields["family_name"] = family
            family = fields["family_name"]
            person = people.person_create(actor=actor, allow_duplicate=True, fields=fields)
            created.append((person, "joins" if joins_previous else "new"))
            if rng.random() < 0.45:
                medicaid_id = f"9{rng.randrange(10**7):07d}{rng.choice('ABCDEFGH')}"
                people.identifier_add(
                    actor=as_sam,
                    person_id=person.public_id,
                    kind="medicaid",
                    issuer="CA",
                    value=medicaid_id,
                )
            if rng.random() < 0.5:
                given_on = datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randrange(300))
                people.consent_record(
                    actor=actor,
                    person_id=person.public_id,
                    organization_ids=[organizations["pantry"].public_id],
                    fields={
                        "scope": ConsentScope.NAMED,
                        "purpose": ConsentPurpose.REFERRAL,
                        "method": rng.choice(list(ConsentMethod)),
                        "given_on": given_on,
                        "expires_on": None,
                    },
                )
        self._households(rng, as_sam, created)
        self._screenings(rng, as_ana, [person for person, _kind in created])

    def _referrals(self, members: dict[str, Membership]) -> None:
        """ana has referred people with a food need (and consent) to the pantry; pat has
        answered some: one completed, one accepted, the rest waiting in the inbox."""
        ana, pat = members["ana"], members["pat"]
        as_ana = Actor(organization=ana.organization, role=ana.role, user=ana.user, membership=ana)
        as_pat = Actor(organization=pat.organization, role=pat.role, user=pat.user, membership=pat)
        listing = ServiceAtLocation.objects.filter(
            service__organization__network_organization=pat.organization
        ).first()
        needs = Need.objects.filter(
            category="food-insecurity",
            status=NeedStatus.IDENTIFIED,
            person__consents__organizations=pat.organization,
        ).select_related("person")[:5]
        if listing is None:
            return
        for position, need in enumerate(needs):
            referral = referrals.referral_create(
                actor=as_ana,
                person_id=need.person.public_id,
                service_at_location_id=listing.pk,
                need_ids=[need.public_id],
                note="Demo: family asked for groceries this week.",
                send=True,
                confirm_capacity=True,
            )
            if position < 2:
                referral = referrals.referral_transition(
                    actor=as_pat,
                    referral_id=referral.public_id,
                    version=referral.version,
                    status="accepted",
                )
            if position == 0:
                referrals.referral_transition(
                    actor=as_pat,
                    referral_id=referral.public_id,
                    version=referral.version,
                    status="completed",
                    outcome="food",
                    outcome_note="Two weeks of groceries",
                )

    def _care(self, members: dict[str, Membership]) -> None:
        """The clinic's programs; a dozen of ana's people enrolled in asthma home visiting
        or diabetes self-management (one in ECM), each with a goal, a recent visit and the
        next check-in — some due today, some overdue — and a practitioner's recommendation."""
        ana, sam = members["ana"], members["sam"]
        as_ana = Actor(organization=ana.organization, role=ana.role, user=ana.user, membership=ana)
        as_sam = Actor(organization=sam.organization, role=sam.role, user=sam.user, membership=sam)
        programs = [care.program_create(actor=as_sam, fields=fields) for fields in DEMO_PROGRAMS]
        asthma, diabetes, ecm = programs[0], programs[1], programs[3]
        today = timezone.localdate()
        people_of_ana = list(
            Person.objects.filter(
                assignments__worker=ana, assignments__ended_at__isnull=True
            ).order_by("id")[:12]
        )
        for index, person in enumerate(people_of_ana):
            program, goal = (asthma, ASTHMA_GOAL) if index % 2 == 0 else (diabetes, SUGAR_GOAL)
            visit_day = today - datetime.timedelta(days=program.follow_up_days - 1 + index % 3)
            enrollment = care.enrollment_create(
                actor=as_ana,
                person_id=person.public_id,
                fields={"program_id": program.public_id, "start_date": visit_day},
            )
            care.goal_create(
                actor=as_ana,
                person_id=person.public_id,
                enrollment_id=enrollment.public_id,
                fields={**goal, "target_date": today + datetime.timedelta(days=120)},
            )
            care.encounter_log(
                actor=as_ana,
                fields={
                    "person_id": str(person.public_id),
                    "enrollment_id": str(enrollment.public_id),
                    "occurred_on": visit_day,
                    "start_time": datetime.time(10, 0),
                    "duration_minutes": 45 if index % 3 else 60,
                    "modality": "in_person",
                    "place_of_service": "12",
                    "services": ["health_education", "navigation"][: 1 + index % 2],
                    "topics": ["asthma", "home_environment"]
                    if program == asthma
                    else ["diabetes", "nutrition"],
                    "note": "Demo: home visit.",
                },
            )
            care.recommendation_record(
                actor=as_ana,
                person_id=person.public_id,
                fields={
                    "practitioner_name": "Dr. Rosa Kim",
                    "practitioner_npi": "1234567893",
                    "credential": "MD",
                    "recommended_on": visit_day - datetime.timedelta(days=30),
                    "expires_on": visit_day + datetime.timedelta(days=335),
                    "scope": "Health education and navigation for a chronic condition",
                    "diagnosis_code": "Z71.89",
                },
            )
        if people_of_ana:
            care.enrollment_create(
                actor=as_ana,
                person_id=people_of_ana[-1].public_id,
                fields={
                    "program_id": ecm.public_id,
                    "ecm_populations": ["utilization"],
                    "community_supports": ["housing_navigation"],
                },
            )

    def _billing(self, members: dict[str, Membership]) -> None:
        """The clinic set up to bill Medi-Cal (profile, supervising provider, fees), the
        people in its programs covered, and a county grant for what Medi-Cal does not pay."""
        ana, bea = members["ana"], members["bea"]
        as_ana = Actor(organization=ana.organization, role=ana.role, user=ana.user, membership=ana)
        as_bea = Actor(organization=bea.organization, role=bea.role, user=bea.user, membership=bea)
        supervisor = billing.provider_add(
            actor=as_bea,
            fields={
                "first_name": "Rosa",
                "last_name": "Kim",
                "npi": "1234567893",
                "role": "supervising",
            },
        )
        billing.billing_profile_set(
            actor=as_bea,
            fields={
                "taxonomy_code": "251S00000X",
                "postal_code_9": "958171234",
                "submitter_id": "VALLECHC01",
                "contact_name": "Bea Nguyen",
                "contact_phone": "9165550142",
                "supervising_provider_id": supervisor.public_id,
            },
        )
        for code, charge in {
            "98960": "52.00",
            "98961": "26.00",
            "98962": "18.00",
            "G0019": "80.00",
            "G0022": "45.00",
        }.items():
            billing.fee_set(actor=as_bea, code=code, charge=charge)
        medi_cal = billing.payer_create(
            actor=as_bea,
            fields={
                "name": "Medi-Cal",
                "payer_identifier": "610442",
                "filing_indicator": "MC",
                "rule_set_id": "medi-cal-chw",
            },
        )
        today = timezone.localdate()
        enrolled = (
            Person.objects.for_organization(ana.organization)
            .filter(enrollments__isnull=False)
            .distinct()
        )
        for person in enrolled:
            billing.coverage_add(
                actor=as_ana,
                person_id=person.public_id,
                fields={
                    "payer_id": medi_cal.public_id,
                    "member_id": f"9{person.pk:07d}A",
                    "start_date": today - datetime.timedelta(days=365),
                    "plan_name": "Medi-Cal FFS",
                },
            )
        billing.funding_source_create(
            actor=as_bea,
            fields={
                "name": "County CHW grant",
                "funder": "Sacramento County Public Health",
                "kind": "grant",
                "start_date": today - datetime.timedelta(days=200),
                "end_date": today + datetime.timedelta(days=165),
                "amount": "50000",
                "hourly_rate": "55",
                "services": [],
            },
        )
        self._pass_through(members, as_bea, today)

    def _pass_through(
        self, members: dict[str, Membership], as_bea: Actor, today: datetime.date
    ) -> None:
        """The association passes part of a state grant through to the clinic, which draws
        a CHW-positions funding on it."""
        ivy = members["ivy"]
        as_ivy = Actor(organization=ivy.organization, role=ivy.role, user=ivy.user, membership=ivy)
        grant = billing.funding_source_create(
            actor=as_ivy,
            fields={
                "name": "State CHW workforce grant (pass-through)",
                "funder": "California Department of Public Health",
                "kind": "pass_through",
                "start_date": today - datetime.timedelta(days=180),
                "end_date": today + datetime.timedelta(days=185),
                "amount": "400000",
                "hourly_rate": "45",
            },
        )
        award = billing.sub_award_create(
            actor=as_ivy,
            funding_id=grant.public_id,
            fields={
                "member_id": as_bea.organization.public_id,
                "amount": "120000",
                "start_date": today - datetime.timedelta(days=180),
                "end_date": today + datetime.timedelta(days=185),
                "purpose": "Two CHW positions and their training",
            },
        )
        billing.funding_source_create(
            actor=as_bea,
            fields={
                "name": "CHW positions (Valley Health Center Association)",
                "funder": "Valley Health Center Association",
                "kind": "pass_through",
                "start_date": today - datetime.timedelta(days=180),
                "end_date": today + datetime.timedelta(days=185),
                "amount": "120000",
                "hourly_rate": "45",
                "sub_award_id": award.public_id,
            },
        )

    def _screenings(self, rng: random.Random, actor: Actor, created: list[Any]) -> None:
        """About a third of the people were screened with the AHC core tool."""
        instrument = instrument_find("ahc-hrsn-core")
        if instrument is None:
            return
        for person in created:
            if rng.random() > 0.35:
                continue
            answers: dict[str, Any] = {}
            for item in instrument.items:
                # The first answer is the reassuring one; most people give it.
                choice = item.answers[0] if rng.random() < 0.65 else rng.choice(item.answers)
                answers[item.id] = (
                    {"codes": [choice.code]} if item.type == "multiple" else {"code": choice.code}
                )
            screening.screening_record(
                actor=actor,
                person_id=person.public_id,
                instrument_id=instrument.id,
                answers=answers,
            )

    def _households(self, rng: random.Random, actor: Actor, created: list[tuple[Any, str]]) -> None:
        """People registered one after another with the same family name form a household."""
        relationships = [
            Relationship.SPOUSE,
            Relationship.CHILD,
            Relationship.CHILD,
            Relationship.PARENT,
            Relationship.SIBLING,
        ]
        groups: list[list[Any]] = []
        for person, kind in created:
            if kind == "joins":
                groups[-1].append(person)
            else:
                groups.append([person])
        for group in groups:
            if len(group) < 2:
                continue
            household = people.household_create(actor=actor, name=f"{group[0].family_name}")
            for position, person in enumerate(group):
                relationship = Relationship.SELF if position == 0 else rng.choice(relationships)
                people.household_add_member(
                    actor=actor,
                    household_id=household.public_id,
                    person_id=person.public_id,
                    relationship=relationship,
                )


def _person_fields(rng: random.Random, faker: Faker, spanish: bool) -> dict[str, Any]:
    female = rng.random() < 0.55
    given = faker.first_name_female() if female else faker.first_name_male()
    family = faker.last_name() + (f" {faker.last_name()}" if spanish and rng.random() < 0.4 else "")
    zip_code = rng.choice(DEMO_ZIPS)
    return {
        "given_name": given,
        "family_name": family,
        "date_of_birth": faker.date_of_birth(minimum_age=1, maximum_age=88),
        "sex": "female" if female else "male",
        "preferred_language": "es" if spanish else rng.choice(["en", "en", "en", "vi", "hmn"]),
        "interpreter_needed": spanish and rng.random() < 0.5,
        "phone": f"(916) 555-{rng.randrange(100, 10000):04d}"
        if zip_code.startswith("958")
        else f"(559) 555-{rng.randrange(100, 10000):04d}",
        "ok_to_call": True,
        "ok_to_text": rng.random() < 0.7,
        "preferred_contact_method": rng.choice(["phone", "text", "in_person"]),
        "address_line1": f"{rng.randrange(100, 9999)} {faker.street_name()}",
        "city": "Sacramento" if zip_code.startswith("958") else "Fresno",
        "state": "CA",
        "postal_code": zip_code,
    }
