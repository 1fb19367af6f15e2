"""The demo's workforce: Ana certified in California (her certificate expires in 45 days), Leo
on Medi-Cal's work-experience pathway with his certificate due next month, Nora a doula; the
regional association of health centers (an intermediary) with two member health centers, a
core-competency training its members' workers attended."""

import datetime
from decimal import Decimal

from django.utils import timezone

from puentes.core.actor import Actor
from puentes.core.dates import add_months
from puentes.network.models import Membership, Organization
from puentes.workforce import services
from puentes.workforce.models import ExperienceRecord, PathwayStart


def load_workforce_demo(
    members: dict[str, Membership], intermediary: Organization, second_member: Organization
) -> None:
    today = timezone.localdate()
    sam = _actor(members["sam"])
    ana, leo, nora = members["ana"], members["leo"], members["nora"]
    services.profile_set(
        sam,
        ana,
        {
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
        sam,
        ana,
        {
            "programme": "ca-hcai-chw",
            "number": "CHW-2023-0412",
            "issued_on": add_months(today, -36),
            "expires_on": today + datetime.timedelta(days=45),
        },
    )
    services.profile_set(
        sam,
        leo,
        {
            "worker_types": ["chw"],
            "hire_date": add_months(today, -17),
            "languages": [{"language": "es", "level": "fluent"}],
            "supervisor_id": members["sam"].public_id,
        },
    )
    started = add_months(today, -17) + datetime.timedelta(days=14)  # certificate due next month
    PathwayStart.objects.create(
        organization=leo.organization,
        worker=leo,
        definition="ca-medi-cal-chw",
        pathway="work_experience",
        started_on=started,
    )
    ExperienceRecord.objects.create(
        organization=leo.organization,
        worker=leo,
        started_on=add_months(started, -34),
        ended_on=started - datetime.timedelta(days=1),
        hours=Decimal(2150),
        employer="Promotoras del Valle (volunteer and paid)",
        role="Promotor de salud",
    )
    services.profile_set(
        sam, nora, {"worker_types": ["doula", "perinatal"], "hire_date": add_months(today, -10)}
    )
    for programme in ("cpr_adult_infant", "hipaa_training", "births_supported_3"):
        services.certification_add(
            sam,
            nora,
            {
                "programme": programme,
                "issued_on": add_months(today, -11),
                "expires_on": add_months(today, 13) if programme == "cpr_adult_infant" else None,
            },
        )
    services.training_add(
        sam,
        nora,
        {
            "title": "Full-spectrum doula training",
            "provider": "Birthworkers of Sacramento",
            "completed_on": add_months(today, -11),
            "hours": Decimal(16),
        },
    )
    services.supervision_record(
        sam,
        {
            "held_on": today - datetime.timedelta(days=7),
            "minutes": 60,
            "kind": "group",
            "topics": "Closing referrals; self-care",
        },
        [ana.public_id, leo.public_id],
    )
    _intermediary(members, intermediary, second_member, today)


def _intermediary(
    members: dict[str, Membership],
    intermediary: Organization,
    second_member: Organization,
    today: datetime.date,
) -> None:
    for member in (members["ana"].organization, second_member):
        services.affiliation_create(intermediary, member, add_months(today, -24))
    ivy = _actor(members["ivy"])
    course = services.course_create(
        ivy,
        {
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
        ivy,
        course.public_id,
        {
            "kind": "learning_collaborative",
            "held_on": held,
            "hours": Decimal(6),
            "location": "Sacramento",
        },
    )
    services.attendance_record(
        ivy, session.public_id, [members["ana"].public_id, members["leo"].public_id]
    )


def _actor(member: Membership) -> Actor:
    return Actor(
        organization=member.organization, role=member.role, user=member.user, membership=member
    )
