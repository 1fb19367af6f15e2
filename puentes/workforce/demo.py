"""The demo's workforce, written through the services: Ana certified in California (her
certificate expires in 45 days), Leo on Medi-Cal's work-experience pathway with his
certificate due next month, Nora a doula; the regional association of health centers (an
intermediary) with two member health centers and a core-competency session its members'
workers attended."""

import datetime
from decimal import Decimal

from django.utils import timezone

from puentes.core.actor import Actor
from puentes.core.dates import add_months
from puentes.network.models import Membership, Organization
from puentes.workforce import services


def load_workforce_demo(
    members: dict[str, Membership], intermediary: Organization, second_member: Organization
) -> None:
    today = timezone.localdate()
    sam = _actor(members["sam"])
    _ana(sam, members, today)
    _leo(sam, members, today)
    _nora(sam, members["nora"], today)
    services.supervision_record(
        actor=sam,
        fields={
            "held_on": today - datetime.timedelta(days=7),
            "minutes": 60,
            "kind": "group",
            "topics": "Closing referrals; self-care",
        },
        worker_ids=[members["ana"].public_id, members["leo"].public_id],
    )
    _intermediary(members, intermediary, second_member, today)


def _ana(sam: Actor, members: dict[str, Membership], today: datetime.date) -> None:
    ana = members["ana"]
    services.profile_set(
        actor=sam,
        worker=ana,
        fields={
            "worker_types": ["chw", "promotor"],
            "hire_date": add_months(today, -40),
            "languages": [
                {"language": "es", "level": "native"},
                {"language": "en", "level": "fluent"},
            ],
            "supervisor_id": members["sam"].public_id,
            "caseload_capacity": 60,
        },
    )
    services.certification_add(
        actor=sam,
        worker=ana,
        fields={
            "programme": "ca-hcai-chw",
            "number": "CHW-2023-0412",
            "issued_on": add_months(today, -36),
            "expires_on": today + datetime.timedelta(days=45),
        },
    )


def _leo(sam: Actor, members: dict[str, Membership], today: datetime.date) -> None:
    leo = members["leo"]
    services.profile_set(
        actor=sam,
        worker=leo,
        fields={
            "worker_types": ["chw"],
            "hire_date": add_months(today, -17),
            "languages": [{"language": "es", "level": "fluent"}],
            "supervisor_id": members["sam"].public_id,
        },
    )
    started = add_months(today, -17) + datetime.timedelta(days=14)  # certificate due next month
    services.pathway_start(
        actor=sam,
        worker=leo,
        fields={
            "definition": "ca-medi-cal-chw",
            "pathway": "work_experience",
            "started_on": started,
        },
    )
    services.experience_add(
        actor=sam,
        worker=leo,
        fields={
            "started_on": add_months(started, -34),
            "ended_on": started - datetime.timedelta(days=1),
            "hours": Decimal(2150),
            "employer": "Promotoras del Valle (volunteer and paid)",
            "role": "Promotor de salud",
        },
    )


def _nora(sam: Actor, nora: Membership, today: datetime.date) -> None:
    services.profile_set(
        actor=sam,
        worker=nora,
        fields={"worker_types": ["doula", "perinatal"], "hire_date": add_months(today, -10)},
    )
    for programme in ("cpr_adult_infant", "hipaa_training", "births_supported_3"):
        services.certification_add(
            actor=sam,
            worker=nora,
            fields={
                "programme": programme,
                "issued_on": add_months(today, -11),
                "expires_on": add_months(today, 13) if programme == "cpr_adult_infant" else None,
            },
        )
    services.training_add(
        actor=sam,
        worker=nora,
        fields={
            "title": "Full-spectrum doula training",
            "provider": "Birthworkers of Sacramento",
            "completed_on": add_months(today, -11),
            "hours": Decimal(16),
        },
    )


def _intermediary(
    members: dict[str, Membership],
    intermediary: Organization,
    second_member: Organization,
    today: datetime.date,
) -> None:
    for member in (members["ana"].organization, second_member):
        services.affiliation_create(
            intermediary=intermediary, member=member, since=add_months(today, -24)
        )
    ivy = _actor(members["ivy"])
    course = services.course_create(
        actor=ivy,
        fields={
            "title": "CHW core competencies: motivational interviewing",
            "provider": "Valley Health Center Association",
            "hours": Decimal(6),
            "competencies": ["communication", "interpersonal", "coaching_social_support"],
            "modality": "hybrid",
            "language": "es",
            "open_to_members": True,
        },
    )
    held = max(today - datetime.timedelta(days=14), today.replace(month=1, day=1))
    session = services.session_create(
        actor=ivy,
        course_id=course.public_id,
        fields={
            "kind": "learning_collaborative",
            "held_on": held,
            "hours": Decimal(6),
            "location": "Sacramento",
        },
    )
    services.attendance_record(
        actor=ivy,
        session_id=session.public_id,
        worker_ids=[members["ana"].public_id, members["leo"].public_id],
    )


def _actor(member: Membership) -> Actor:
    return Actor(
        organization=member.organization, role=member.role, user=member.user, membership=member
    )
