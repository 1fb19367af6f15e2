"""Reads of care-management records, always scoped to the actor's organization: a program,
enrollment, plan, goal, document, follow-up or encounter of another organization is not
found (404). Nothing here is shared through referrals."""

import datetime
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from puentes.care.models import (
    OPEN_ENROLLMENT_STATUSES,
    SERVED_STATUSES,
    CarePlan,
    Encounter,
    EncounterService,
    EncounterStatus,
    EncounterTopic,
    Enrollment,
    FollowUp,
    FollowUpStatus,
    Goal,
    PlanOfCare,
    Program,
    ProgramKind,
    Recommendation,
)
from puentes.core.actor import Actor
from puentes.core.errors import invalid
from puentes.core.tenancy import one, unscoped
from puentes.network.models import Membership
from puentes.people.models import CaseloadAssignment, Person
from puentes.referrals.selectors import referral_list
from puentes.screening.definitions import instrument_find
from puentes.screening.selectors import need_list, screening_list

# Programs ------------------------------------------------------------------------------


def program_list(*, actor: Actor, active_only: bool = False) -> QuerySet[Program]:
    actor.require("care.view")
    programs = Program.objects.for_actor(actor)
    return programs.filter(is_active=True) if active_only else programs


def program_get(*, actor: Actor, public_id: uuid.UUID | str) -> Program:
    return one(program_list(actor=actor), public_id)


# Enrollments ---------------------------------------------------------------------------


def enrollment_list(
    *,
    actor: Actor,
    person: Person | None = None,
    program: Program | None = None,
    status: str = "",
    open_only: bool = False,
) -> QuerySet[Enrollment]:
    actor.require("care.view")
    enrollments = Enrollment.objects.for_actor(actor)
    if person is not None:
        enrollments = enrollments.filter(person=person)
    if program is not None:
        enrollments = enrollments.filter(program=program)
    if status:
        enrollments = enrollments.filter(status=status)
    if open_only:
        enrollments = enrollments.filter(status__in=OPEN_ENROLLMENT_STATUSES)
    return enrollments.select_related("program", "person").prefetch_related("workers__user")


def enrollment_get(*, actor: Actor, public_id: uuid.UUID | str) -> Enrollment:
    return one(enrollment_list(actor=actor), public_id, actor)


def active_enrollment(*, actor: Actor, person: Person) -> Enrollment | None:
    """The program an encounter with this person most likely belongs to: the most recently
    started one they are taking part in."""
    return (
        enrollment_list(actor=actor, person=person)
        .filter(status__in=SERVED_STATUSES)
        .order_by("-start_date", "-id")
        .first()
    )


def in_ecm(person: Person, day: datetime.date) -> bool:
    """Whether the person is enrolled in Enhanced Care Management on ``day``. A person in ECM
    cannot also receive the Medi-Cal CHW benefit (billing reads this)."""
    return (
        Enrollment.objects.for_organization(person.organization_id)
        .filter(person=person, program__kind=ProgramKind.ECM, status__in=SERVED_STATUSES)
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=day))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .exists()
    )


# Care plans and goals -------------------------------------------------------------------


def care_plan_list(*, actor: Actor, person: Person) -> QuerySet[CarePlan]:
    actor.require("care.view")
    return (
        CarePlan.objects.for_actor(actor)
        .filter(person=person)
        .select_related("enrollment__program")
        .prefetch_related("goals__progress", "goals__needs")
    )


def care_plan_get(*, actor: Actor, public_id: uuid.UUID | str) -> CarePlan:
    actor.require("care.view")
    plans = CarePlan.objects.for_actor(actor).select_related("person", "enrollment__program")
    return one(plans, public_id, actor)


def goal_list(*, actor: Actor, person: Person) -> QuerySet[Goal]:
    actor.require("care.view")
    return (
        Goal.objects.for_actor(actor)
        .filter(care_plan__person=person)
        .select_related("care_plan__enrollment__program")
        .prefetch_related("needs", "progress")
    )


def goal_get(*, actor: Actor, public_id: uuid.UUID | str) -> Goal:
    actor.require("care.view")
    goals = Goal.objects.for_actor(actor).select_related(
        "care_plan__person", "care_plan__enrollment__program"
    )
    return one(goals, public_id, actor)


# Payer documents ----------------------------------------------------------------------


def recommendation_list(*, actor: Actor, person: Person) -> QuerySet[Recommendation]:
    actor.require("care.view")
    return Recommendation.objects.for_actor(actor).filter(person=person).select_related("person")


def recommendation_get(*, actor: Actor, public_id: uuid.UUID | str) -> Recommendation:
    actor.require("care.view")
    documents = Recommendation.objects.for_actor(actor)
    return one(documents.select_related("person"), public_id, actor)


def plan_of_care_list(*, actor: Actor, person: Person) -> QuerySet[PlanOfCare]:
    actor.require("care.view")
    plans = PlanOfCare.objects.for_actor(actor).filter(person=person)
    return plans.select_related("person", "care_plan")


def plan_of_care_get(*, actor: Actor, public_id: uuid.UUID | str) -> PlanOfCare:
    actor.require("care.view")
    documents = PlanOfCare.objects.for_actor(actor)
    return one(documents.select_related("person"), public_id, actor)


# Follow-ups -----------------------------------------------------------------------------

FOLLOW_UP_WHEN = ("today", "overdue", "upcoming", "all")


def follow_up_list(
    *,
    actor: Actor,
    person: Person | None = None,
    assignee: Membership | None = None,
    when: str = "all",
    open_only: bool = True,
    links: bool = True,
) -> QuerySet[FollowUp]:
    """Follow-ups; ``when`` is today (due today or before), overdue (before today), upcoming
    (after today) or all. ``links=False`` leaves out the goal, need, enrollment and referral
    a follow-up may belong to, for lists that show only its person: joining five more
    tables costs PostgreSQL more to plan than the query costs to run."""
    actor.require("care.view")
    follow_ups = FollowUp.objects.for_actor(actor)
    if person is not None:
        follow_ups = follow_ups.filter(person=person)
    if assignee is not None:
        follow_ups = follow_ups.filter(assignee=assignee)
    if open_only:
        follow_ups = follow_ups.filter(status=FollowUpStatus.OPEN)
    today = timezone.localdate()
    if when == "today":
        follow_ups = follow_ups.filter(due_on__lte=today)
    elif when == "overdue":
        follow_ups = follow_ups.filter(due_on__lt=today)
    elif when == "upcoming":
        follow_ups = follow_ups.filter(due_on__gt=today)
    if not links:
        return follow_ups.select_related("person", "assignee__user")
    return follow_ups.select_related(
        "person",
        "assignee__user",
        "goal",
        "need",
        "enrollment",
        "referral__service_at_location__service",
    )


def follow_up_get(*, actor: Actor, public_id: uuid.UUID | str) -> FollowUp:
    return one(follow_up_list(actor=actor, open_only=False), public_id, actor)


def my_day(*, actor: Actor, limit: int | None = None) -> dict[str, Any]:
    """A worker's follow-ups due today and overdue, across their caseload, oldest first.
    With ``limit``, at most that many of each, and how many there are in all
    (``overdue_count``, ``today_count``): a caseload of a thousand can have hundreds due,
    and the home page is read on a phone."""
    if actor.membership is None or not actor.can("care.view"):
        return {"overdue": [], "today": []}
    today = timezone.localdate()
    due = follow_up_list(
        actor=actor, assignee=actor.membership, when="today", links=False
    ).order_by("due_on", "id")
    if limit is None:
        rows = list(due)
        return {
            "overdue": [f for f in rows if f.due_on < today],
            "today": [f for f in rows if f.due_on == today],
        }
    counts = due.aggregate(
        overdue=Count("id", filter=Q(due_on__lt=today)), today=Count("id", filter=Q(due_on=today))
    )
    return {
        "overdue": list(due.filter(due_on__lt=today)[:limit]),
        "today": list(due.filter(due_on=today)[:limit]),
        "overdue_count": counts["overdue"],
        "today_count": counts["today"],
    }


# Encounters -----------------------------------------------------------------------------


def encounter_list(
    *,
    actor: Actor,
    person: Person | None = None,
    worker: Membership | None = None,
    include_amended: bool = False,
) -> QuerySet[Encounter]:
    actor.require("care.view")
    encounters = Encounter.objects.for_actor(actor)
    if person is not None:
        # Theirs, or a group session they were in: the ids first, by two indexed lookups in
        # one UNION (an OR across the participants join read every encounter of the
        # organization, and as a subquery the planner still did).
        present = Encounter.participants.through.objects.filter(person=person)
        own = unscoped(Encounter, "ids only, then read through the scoped query")
        ids = own.filter(person=person).order_by().values_list("id", flat=True)
        others = present.order_by().values_list("encounter_id", flat=True)
        encounters = encounters.filter(id__in=list(ids.union(others)))
    if worker is not None:
        encounters = encounters.filter(worker=worker)
    if not include_amended:
        encounters = encounters.filter(status=EncounterStatus.CURRENT)
    # A page shows each encounter's amendment links: joined, not a query a row.
    return encounters.select_related(
        "person", "worker__user", "enrollment__program", "amends", "amendment"
    )


# Which encounters other apps hold: billing holds those on a standing claim. A held
# encounter cannot be edited, only amended. Holders register at start-up (billing's
# AppConfig.ready), so care never imports the apps built on it.
EncounterHolder = Callable[[Collection[int]], set[int]]
_HOLDERS: list[EncounterHolder] = []


def encounter_holder_register(holder: EncounterHolder) -> None:
    if holder not in _HOLDERS:
        _HOLDERS.append(holder)


# What became of an encounter in the apps built on care (billing: claimed, charged to a
# grant, or what its engine says now), for the encounter's page; registered, so care imports
# none of them.
EncounterOutcomes = Callable[..., list[dict[str, Any]]]
_OUTCOMES: list[EncounterOutcomes] = []


def encounter_outcomes_register(outcomes: EncounterOutcomes) -> None:
    if outcomes not in _OUTCOMES:
        _OUTCOMES.append(outcomes)


def encounter_outcomes(*, actor: Actor, encounter: Encounter) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for outcomes in _OUTCOMES:
        found += outcomes(actor=actor, encounter=encounter)
    return found


def encounters_billed(encounter_ids: Collection[int]) -> set[int]:
    """Of these encounters (primary keys), the ones that stand on a claim now."""
    billed: set[int] = set()
    for holder in _HOLDERS:
        billed |= holder(encounter_ids)
    return billed


def encounter_billed(encounter: Encounter) -> bool:
    return bool(encounters_billed([encounter.pk]))


def encounter_locked(encounter: Encounter, billed: bool | None = None) -> bool:
    """Whether an encounter can no longer be edited, only amended: it was replaced by an
    amendment, or stands on a claim (``billed``, when the caller already asked)."""
    if encounter.status == EncounterStatus.AMENDED:
        return True
    return encounter_billed(encounter) if billed is None else billed


def encounter_get(*, actor: Actor, public_id: uuid.UUID | str) -> Encounter:
    encounters = encounter_list(actor=actor, include_amended=True).select_related(
        "amends", "amendment"
    )
    return one(encounters, public_id, actor)


def recent_choices(*, actor: Actor, worker: Membership | None, limit: int = 20) -> dict[str, Any]:
    """The services, topics and place the worker chose most in their latest encounters, so
    the form can put them first."""
    counts: dict[str, dict[str, int]] = {"services": {}, "topics": {}}
    last_place = ""
    if worker is not None:
        latest = encounter_list(actor=actor, worker=worker).values(
            "services", "topics", "place_of_service"
        )[:limit]
        for row in latest:
            last_place = last_place or row["place_of_service"]
            for key in ("services", "topics"):
                for code in row[key] or []:
                    counts[key][code] = counts[key].get(code, 0) + 1

    def ordered(choices: Any, key: str) -> list[tuple[str, str]]:
        rank = counts[key]
        return sorted(choices, key=lambda choice: -rank.get(choice[0], 0))

    return {
        "services": ordered(EncounterService.choices, "services"),
        "topics": ordered(EncounterTopic.choices, "topics"),
        "place_of_service": last_place,
    }


# The person's timeline -----------------------------------------------------------------


@dataclass
class TimelineEntry:
    kind: str
    kind_label: str
    on: datetime.date
    title: str
    detail: str = ""
    url: str = ""


def _day(moment: datetime.datetime | None) -> datetime.date:
    return timezone.localtime(moment).date() if moment else timezone.localdate()


def _instrument_title(screening: Any) -> str:

    instrument = instrument_find(screening.instrument_id, screening.instrument_version)
    if instrument is None:
        return str(screening.instrument_id)
    language = "es" if (get_language() or "").startswith("es") else "en"
    return str(instrument.title.in_language(language))


def person_timeline(*, actor: Actor, person: Person, limit: int = 50) -> list[TimelineEntry]:
    """Screenings, needs, referrals, enrollments, goals, follow-ups and encounters of one
    person, newest first (the most recent ``limit`` of each kind, then the latest overall)."""

    actor.require("care.view")
    entries: list[TimelineEntry] = []
    for s in screening_list(actor=actor, person=person).order_by("-created_at")[:limit]:
        entries.append(
            TimelineEntry(
                "screening",
                _("Screening"),
                _day(s.completed_at or s.created_at),
                _instrument_title(s),
                str(s.get_status_display()),
                reverse("screening:detail", args=[s.public_id]),
            )
        )
    for n in need_list(actor=actor, person=person).order_by("-identified_on")[:limit]:
        entries.append(
            TimelineEntry(
                "need",
                _("Need"),
                n.identified_on,
                str(n.get_category_display()),
                str(n.get_status_display()),
                reverse("screening:need", args=[n.public_id]),
            )
        )
    if actor.can("referral.view"):
        referrals = referral_list(actor=actor, box="sent", person_id=person.public_id)
        for r in referrals.select_related("service_at_location__service")[:limit]:
            entries.append(
                TimelineEntry(
                    "referral",
                    _("Referral"),
                    _day(r.created_at),
                    r.service_at_location.service.name,
                    str(r.get_status_display()),
                    reverse("referrals:detail", args=[r.public_id]),
                )
            )
    for e in enrollment_list(actor=actor, person=person)[:limit]:
        entries.append(
            TimelineEntry(
                "enrollment",
                _("Program"),
                e.start_date or e.referred_on or _day(e.created_at),
                e.program.name,
                str(e.get_status_display()),
                reverse("care:enrollment", args=[e.public_id]),
            )
        )
    for g in goal_list(actor=actor, person=person).order_by("-created_at")[:limit]:
        entries.append(
            TimelineEntry(
                "goal",
                _("Goal"),
                _day(g.created_at),
                g.description,
                f"{g.target_text()} · {g.get_status_display()}",
                reverse("care:goal", args=[g.public_id]),
            )
        )
    for f in follow_up_list(actor=actor, person=person, open_only=False).order_by("-due_on")[
        :limit
    ]:
        entries.append(
            TimelineEntry(
                "follow_up",
                _("Follow-up"),
                f.due_on,
                f.title,
                str(f.get_status_display()),
                reverse("care:follow_up", args=[f.public_id]),
            )
        )
    for c in encounter_list(actor=actor, person=person)[:limit]:
        entries.append(
            TimelineEntry(
                "encounter",
                _("Encounter"),
                c.occurred_on,
                ", ".join(c.service_labels()),
                _("%(minutes)s min, %(how)s, %(worker)s")
                % {
                    "minutes": c.duration_minutes,
                    "how": c.get_modality_display(),
                    "worker": c.worker.display_name,
                },
                reverse("care:encounter", args=[c.public_id]),
            )
        )
    entries.sort(key=lambda entry: entry.on, reverse=True)
    return entries[:limit]


# Team caseloads -------------------------------------------------------------------------


@dataclass
class WorkerCaseload:
    member: Membership
    people: int
    overdue_follow_ups: int
    without_contact: int
    over_limit: list[str]


def frontline_workers(*, actor: Actor) -> QuerySet[Membership]:
    """The organization's current members with a worker type (who carry caseloads)."""
    actor.require("care.view")
    return (
        Membership.objects.for_actor(actor)
        .filter(is_active=True)
        .exclude(worker_type="")
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "id")
    )


def team_workers(*, actor: Actor) -> QuerySet[Membership]:
    actor.require("team.view")
    return frontline_workers(actor=actor)


def team_member_get(*, actor: Actor, public_id: uuid.UUID | str) -> Membership:
    return one(team_workers(actor=actor), public_id)


def caseload_people(*, actor: Actor, member: Membership) -> QuerySet[Person]:
    """The people assigned to ``member``, each with the date of their last encounter (by
    anyone in the organization) and their overdue follow-ups."""
    actor.require("team.view")
    today = timezone.localdate()
    return (
        Person.objects.for_actor(actor)
        .filter(
            assignments__worker=member,
            assignments__ended_at__isnull=True,
        )
        .annotate(
            last_contact=Max(
                "encounters__occurred_on",
                filter=Q(encounters__status=EncounterStatus.CURRENT),
            ),
            overdue=Count(
                "follow_ups",
                filter=Q(follow_ups__status=FollowUpStatus.OPEN, follow_ups__due_on__lt=today),
                distinct=True,
            ),
        )
        .order_by("last_contact", "family_name", "given_name", "id")
    )


def over_limit(*, actor: Actor, member: Membership) -> list[str]:
    """Programs in which ``member`` carries more open enrollments than the program allows."""
    return over_limits(actor=actor, members=[member]).get(member.pk, [])


def over_limits(*, actor: Actor, members: list[Membership]) -> dict[int, list[str]]:
    """``over_limit`` for several workers in one query (the team page lists them all)."""
    rows = (
        Enrollment.objects.for_actor(actor)
        .filter(
            workers__in=members,
            status__in=OPEN_ENROLLMENT_STATUSES,
            program__caseload_limit__isnull=False,
        )
        .values("workers", "program__name", "program__caseload_limit")
        .annotate(n=Count("id"))
        .order_by("workers", "program__name")
    )
    found: dict[int, list[str]] = {}
    for r in rows:
        if r["n"] > r["program__caseload_limit"]:
            found.setdefault(r["workers"], []).append(
                _("%(program)s: %(count)s people, limit %(limit)s")
                % {
                    "program": r["program__name"],
                    "count": r["n"],
                    "limit": r["program__caseload_limit"],
                }
            )
    return found


def team_caseloads(*, actor: Actor, quiet_days: int = 30) -> list[WorkerCaseload]:
    """For each worker: people assigned, overdue follow-ups, people with no contact in
    ``quiet_days`` days, and programs over their caseload limit."""
    if not 1 <= quiet_days <= 365:
        raise invalid({"quiet_days": [_("Choose from 1 to 365 days.")]})
    workers = list(team_workers(actor=actor))
    today = timezone.localdate()
    since = today - datetime.timedelta(days=quiet_days)
    # The workers are the organization's own members, so their assignments are its own: no
    # join to every person to check it (that join made the counts scan the organization).
    open_assignments = unscoped(CaseloadAssignment, "of the organization's own workers").filter(
        ended_at__isnull=True, worker__in=workers
    )
    # COUNT(*) over indexed columns only, so PostgreSQL counts from the indexes
    # (assignment_open_worker, encounter_org_contact, followup_day) without reading rows.
    people = dict(open_assignments.values_list("worker").annotate(n=Count("*")))
    recent = Encounter.objects.for_actor(actor).filter(
        status=EncounterStatus.CURRENT, occurred_on__gte=since, person=OuterRef("person")
    )
    contacted = dict(
        open_assignments.filter(Exists(recent)).values_list("worker").annotate(n=Count("*"))
    )
    quiet = {worker: n - contacted.get(worker, 0) for worker, n in people.items()}
    overdue = dict(
        unscoped(FollowUp, "the follow-ups of the organization's own workers")
        .filter(status=FollowUpStatus.OPEN, due_on__lt=today, assignee__in=workers)
        .values_list("assignee")
        .annotate(n=Count("*"))
    )
    limits = over_limits(actor=actor, members=workers)
    return [
        WorkerCaseload(
            member=w,
            people=people.get(w.pk, 0),
            overdue_follow_ups=overdue.get(w.pk, 0),
            without_contact=quiet.get(w.pk, 0),
            over_limit=limits.get(w.pk, []),
        )
        for w in workers
    ]
