"""Scoped reads of the workforce: a worker's facts for the qualification check, the team's
standing per payer, what expires soon, hours this year."""

import datetime
import uuid
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.dates import add_months
from puentes.core.errors import invalid, not_found
from puentes.core.inputs import is_uuid
from puentes.core.tenancy import one, unscoped
from puentes.network.models import Membership, Organization, Role
from puentes.network.selectors import members_who_may
from puentes.workforce.definitions import Definition, Pathway, latest, requirement_ids
from puentes.workforce.models import (
    Affiliation,
    Certification,
    Course,
    ExperienceRecord,
    PathwayStart,
    SupervisionSession,
    TrainingRecord,
    TrainingSession,
    WorkerProfile,
)
from puentes.workforce.qualification import (
    Held,
    Progress,
    Qualification,
    WorkerFacts,
    pathway_progress,
    qualify,
)

# A frontline worker: a member with a worker type, or in the CHW role.
FRONTLINE = Q(role=Role.CHW) | ~Q(worker_type="")


def workers(organization: Organization) -> QuerySet[Membership]:
    """The organization's active frontline workers, by name."""
    return (
        Membership.objects.for_organization(organization)
        .filter(FRONTLINE, is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def team_workers(*, actor: Actor) -> QuerySet[Membership]:
    """The team, for one who may see its records."""
    actor.require("workforce.view")
    return workers(actor.organization)


def worker_get(*, actor: Actor, public_id: uuid.UUID | str) -> Membership:
    """One of the actor's organization's workers: any, for one who may see the team's
    records; oneself, for a worker; else 404."""
    own = actor.membership is not None and str(actor.membership.public_id) == str(public_id)
    if not (actor.can("workforce.view") or (own and actor.can("workforce.own"))):
        raise not_found()
    return one(workers(actor.organization), public_id)


def certification_get(*, actor: Actor, public_id: uuid.UUID | str) -> Certification:
    """A certification on a record the actor may see (the team's, or their own), or 404."""
    found = one(Certification.objects.for_actor(actor).select_related("worker"), public_id)
    worker_get(actor=actor, public_id=found.worker.public_id)
    return found


def supervisor_choices(*, actor: Actor) -> list[tuple[str, str]]:
    """Who may supervise the organization's workers: its supervisors and administrators."""
    actor.require("workforce.manage")
    return [
        (str(m.public_id), m.display_name)
        for m in members_who_may(actor.organization, "workforce.manage")
    ]


def profile_of(member: Membership) -> WorkerProfile | None:
    return (
        WorkerProfile.objects.for_organization(member.organization)
        .filter(member=member)
        .select_related("supervisor__user")
        .first()
    )


def facts_for(organization: Organization, member_ids: list[int]) -> dict[int, WorkerFacts]:
    """Each worker's facts for the qualification check: one read per table for them all."""
    found: dict[int, WorkerFacts] = defaultdict(WorkerFacts)
    members = Membership.objects.for_organization(organization).filter(pk__in=member_ids)
    profiles = dict(
        WorkerProfile.objects.for_organization(organization)
        .filter(member__in=members)
        .values_list("member_id", "worker_types")
    )
    for pk, worker_type in members.values_list("pk", "worker_type"):
        types = set(profiles.get(pk) or [])
        if worker_type:
            types.add(worker_type)
        found[pk].worker_types = frozenset(types)
    scoped = {"worker_id__in": member_ids}
    for worker, programme, issued, expires in (
        Certification.objects.for_organization(organization)
        .filter(**scoped)
        .values_list("worker_id", "programme", "issued_on", "expires_on")
    ):
        found[worker].held.append(Held(programme, issued, expires))
    for worker, definition, pathway, started in (
        PathwayStart.objects.for_organization(organization)
        .filter(**scoped)
        .values_list("worker_id", "definition", "pathway", "started_on")
    ):
        found[worker].pathways[(definition, pathway)] = started
    for worker, done, hours, fieldwork in (
        TrainingRecord.objects.for_organization(organization)
        .filter(**scoped)
        .values_list("worker_id", "completed_on", "hours", "fieldwork_hours")
    ):
        found[worker].trainings.append((done, hours, fieldwork))
    for worker, begun, ended, hours in (
        ExperienceRecord.objects.for_organization(organization)
        .filter(**scoped)
        .values_list("worker_id", "started_on", "ended_on", "hours")
    ):
        found[worker].experience.append((begun, ended, hours))
    for worker, day, minutes in SupervisionSession.workers.through.objects.filter(
        supervisionsession__organization=organization, membership_id__in=member_ids
    ).values_list("membership_id", "supervisionsession__held_on", "supervisionsession__minutes"):
        found[worker].supervision.append((day, minutes))
    return {pk: found[pk] for pk in member_ids}


class Qualifications:
    """The billing engine's view: whether a worker qualifies under a requirement on a day,
    for a whole run (each worker's facts read once, each answer remembered)."""

    def __init__(self, organization: Organization) -> None:
        self.organization = organization
        self._facts: dict[int, WorkerFacts] | None = None
        self._names: dict[int, str] = {}
        self._answers: dict[tuple[int, str, datetime.date], list[tuple[str, str]]] = {}

    def _load(self) -> dict[int, WorkerFacts]:
        if self._facts is None:
            members = Membership.objects.for_organization(self.organization)
            rows = members.values_list("pk", "user__first_name", "user__last_name")
            self._names = {pk: f"{first} {last}".strip() for pk, first, last in rows}
            self._facts = facts_for(self.organization, list(self._names))
        return self._facts

    def refusals(
        self, worker: int | None, requirement: str, day: datetime.date
    ) -> list[tuple[str, str]]:
        """Why the worker may not deliver work billed under ``requirement`` on ``day``
        (reason, fix), naming the worker; empty when they qualify."""
        if worker is None:
            return [(_("No worker is recorded on the encounter."), _("Record who delivered it."))]
        key = (worker, requirement, day)
        answer = self._answers.get(key)
        if answer is None:
            facts = self._load().get(worker, WorkerFacts())
            standing = qualify(requirement, facts, day)
            name = self._names.get(worker, "")
            answer = [
                (
                    _("%(worker)s does not qualify on %(day)s — %(reason)s")
                    % {
                        "worker": name,
                        "day": date_format(day, "SHORT_DATE_FORMAT"),
                        "reason": r.reason,
                    },
                    r.fix,
                )
                for r in standing.reasons
            ]
            self._answers[key] = answer
        return answer


def worker_standing(
    *, actor: Actor, member: Membership, requirement: str, day: datetime.date
) -> Qualification:
    """One worker's standing under one requirement on a day."""
    facts = facts_for(actor.organization, [member.pk])[member.pk]
    return qualify(requirement, facts, day)


def requirements_shown(organization: Organization) -> list[Definition]:
    """The payer requirements of the organization's state (all of them when it has none
    there): what its workers' standing is shown against."""
    every = [d for d in (latest(i) for i in requirement_ids()) if d is not None]
    return [d for d in every if d.jurisdiction == organization.state] or every


@dataclass
class TeamRow:
    member: Membership
    standing: dict[str, Qualification]
    training_hours_year: Decimal
    supervision_hours_year: Decimal


def team_standing(
    organization: Organization, day: datetime.date, members: list[Membership] | None = None
) -> tuple[list[Definition], list[TeamRow]]:
    """Each worker's standing (all, or ``members``) under each requirement in use, hours of
    training and of supervision this calendar year."""
    if members is None:
        members = list(workers(organization))
    ids = [m.pk for m in members]
    facts = facts_for(organization, ids)
    requirements = requirements_shown(organization)
    rows = [
        TeamRow(
            member=m,
            standing={d.id: qualify(d.id, facts[m.pk], day) for d in requirements},
            training_hours_year=facts[m.pk].training_hours(day.year, day),
            supervision_hours_year=facts[m.pk].supervision_hours(day.year, day),
        )
        for m in members
    ]
    return requirements, rows


def team_for(
    *, actor: Actor, day: datetime.date, members: list[Membership] | None = None
) -> tuple[list[Definition], list[TeamRow]]:
    """The team's standing, for one who may see it."""
    actor.require("workforce.view")
    return team_standing(actor.organization, day, members)


def deadlines_for(*, actor: Actor, day: datetime.date, within_days: int = 90) -> list["Deadline"]:
    """What falls due in the team within ``within_days`` (1 to 366)."""
    actor.require("workforce.view")
    if not 1 <= within_days <= 366:
        raise invalid({"within_days": [_("Between 1 and 366 days.")]})
    return deadlines(actor.organization, day, within_days)


@dataclass
class Deadline:
    member: Membership
    day: datetime.date
    what: str  # the certificate or pathway's programme id
    kind: str  # "expires" (a certificate) or "certify_by" (a pathway's window)
    pathway: str = ""


def deadlines(
    organization: Organization, day: datetime.date, within_days: int = 90
) -> list[Deadline]:
    """Certificates that expire (and are not renewed) and pathway windows that close (with
    no certificate held) within ``within_days``."""
    until = day + datetime.timedelta(days=within_days)
    members = {m.pk: m for m in workers(organization)}
    found: list[Deadline] = []
    for pk, facts in facts_for(organization, list(members)).items():
        for held in facts.held:
            renewed = any(
                h.programme == held.programme and h.issued_on > held.issued_on for h in facts.held
            )
            if held.expires_on and day <= held.expires_on <= until and not renewed:
                found.append(Deadline(members[pk], held.expires_on, held.programme, "expires"))
        for (definition_id, pathway_id), started in facts.pathways.items():
            definition = latest(definition_id)
            pathway = definition.pathway(pathway_id) if definition else None
            due = pathway.certify_by(started) if pathway else None
            certified = pathway is not None and any(
                h.programme in pathway.then_certificates for h in facts.held
            )
            if pathway and due and day <= due <= until and not certified:
                found.append(Deadline(members[pk], due, definition_id, "certify_by", pathway_id))
    found.sort(key=lambda d: (d.day, d.member.pk))
    return found


@dataclass
class PathwayStanding:
    """A pathway the worker started: how far they are toward its hours, and when a
    certificate is due (if the pathway says)."""

    start: PathwayStart
    definition: Definition
    pathway: Pathway
    progress: list[Progress]
    certify_by: datetime.date | None


@dataclass
class RenewalStanding:
    """Continuing education toward renewing a certificate held: hours recorded since it
    was issued, against what its renewal asks, by when."""

    certification: Certification
    title: str
    hours: Decimal
    needed: Decimal
    renew_by: datetime.date


def _renewals(
    certifications: list[Certification], facts: WorkerFacts, day: datetime.date
) -> list[RenewalStanding]:
    found = []
    language = get_language() or "en"
    for held in certifications:
        definition = latest(held.programme)
        renewal = definition.renewal if definition else None
        if definition is None or renewal is None or not renewal.continuing_education_hours:
            continue
        renew_by = held.expires_on or add_months(held.issued_on, 12 * renewal.every_years)
        if renew_by < day:
            continue  # lapsed: its expiry is said beside it
        hours = sum(
            (h for done, h, _f in facts.trainings if held.issued_on <= done <= day), Decimal(0)
        )
        found.append(
            RenewalStanding(
                held,
                definition.title.in_language(language),
                hours,
                Decimal(str(renewal.continuing_education_hours)),
                renew_by,
            )
        )
    return found


@dataclass
class WorkerRecord:
    member: Membership
    profile: WorkerProfile | None
    certifications: list[Certification]
    pathways: list[PathwayStanding]
    renewals: list[RenewalStanding]
    trainings: list[TrainingRecord]
    experience: list[ExperienceRecord]
    supervision: list[SupervisionSession]
    standing: dict[str, Qualification]
    requirements: list[Definition]


def worker_record(*, actor: Actor, member: Membership, day: datetime.date) -> WorkerRecord:
    organization = actor.organization
    facts = facts_for(organization, [member.pk])[member.pk]
    requirements = requirements_shown(organization)
    certifications = list(Certification.objects.for_actor(actor).filter(worker=member))
    return WorkerRecord(
        member=member,
        profile=profile_of(member),
        certifications=certifications,
        pathways=_pathway_standings(actor, member, facts, day),
        renewals=_renewals(certifications, facts, day),
        trainings=list(
            TrainingRecord.objects.for_actor(actor)
            .filter(worker=member)
            .select_related("credited_by")[:200]
        ),
        experience=list(ExperienceRecord.objects.for_actor(actor).filter(worker=member)),
        supervision=list(
            SupervisionSession.objects.for_actor(actor)
            .filter(workers=member)
            .select_related("supervisor__user")[:100]
        ),
        standing={d.id: qualify(d.id, facts, day) for d in requirements},
        requirements=requirements,
    )


def _pathway_standings(
    actor: Actor, member: Membership, facts: WorkerFacts, day: datetime.date
) -> list[PathwayStanding]:
    found = []
    for start in PathwayStart.objects.for_actor(actor).filter(worker=member):
        definition = latest(start.definition)
        pathway = definition.pathway(start.pathway) if definition else None
        if definition is None or pathway is None:
            continue  # a programme no longer shipped: nothing to measure against
        progress = pathway_progress(definition, pathway, facts, day)
        found.append(
            PathwayStanding(
                start, definition, pathway, progress, pathway.certify_by(start.started_on)
            )
        )
    return found


def courses_visible(*, actor: Actor) -> QuerySet[Course]:
    """The organization's own courses and its intermediaries' courses open to members."""
    return Course.objects.for_actor(actor).select_related("organization")


def course_list(*, actor: Actor) -> QuerySet[Course]:
    actor.require("workforce.own")
    return courses_visible(actor=actor)


def courses_offered(*, actor: Actor) -> QuerySet[Course]:
    """The courses the actor's organization offers, with how many sessions each has had."""
    actor.require("training.offer")
    return (
        Course.objects.for_organization(actor.organization)
        .annotate(session_count=Count("sessions"))
        .order_by("title", "pk")
    )


def course_offered_get(*, actor: Actor, public_id: uuid.UUID | str) -> Course:
    return one(courses_offered(actor=actor), public_id)


def session_offered_get(*, actor: Actor, public_id: uuid.UUID | str) -> TrainingSession:
    actor.require("training.offer")
    sessions = TrainingSession.objects.for_organization(actor.organization)
    return one(sessions.select_related("course"), public_id)


def attendance_choices(*, actor: Actor, session: TrainingSession) -> list[tuple[str, str]]:
    """Whom the session's hours may be credited to: the organization's workers, and its
    members' workers for a course open to members (their names and organizations only)."""
    choices = [(str(m.public_id), m.display_name) for m in workers(actor.organization)]
    if session.course.open_to_members:
        choices += [
            (str(m.public_id), f"{m.display_name} — {m.organization.name}")
            for m in member_workers(actor=actor)
        ]
    return choices


def session_attendance(*, actor: Actor, session: TrainingSession) -> list[TrainingRecord]:
    """Who was credited for the session (names and organizations only)."""
    actor.require("training.offer")
    return list(
        unscoped(TrainingRecord, "a session's attendance spans the member organizations")
        .filter(session=session)
        .select_related("worker__user", "organization")
        .order_by("organization__name", "worker__user__last_name")
    )


def member_organization_get(*, actor: Actor, public_id: uuid.UUID | str) -> Organization:
    """One of the intermediary's member organizations, or 404."""
    affiliation = (
        Affiliation.objects.for_actor(actor)
        .filter(member__public_id=public_id)
        .select_related("member")
        .first()
        if is_uuid(public_id)
        else None
    )
    if affiliation is None:
        raise not_found()
    return affiliation.member


def member_workers(*, actor: Actor) -> QuerySet[Membership]:
    """An intermediary's members' workers: names only, for attendance."""
    return (
        unscoped(Membership, "an intermediary credits attendance to its members' workers")
        .filter(
            FRONTLINE, organization__intermediaries__intermediary=actor.organization, is_active=True
        )
        .select_related("user", "organization")
        .order_by("organization__name", "user__last_name", "pk")
    )


def credited_hours(*, actor: Actor) -> list[dict[str, Any]]:
    """What an intermediary credited to its members' workers: hours per worker and member
    organization (never anything about the people they serve)."""
    actor.require("training.offer")
    rows = (
        unscoped(TrainingRecord, "the hours an intermediary credited to members' workers")
        .filter(credited_by=actor.organization)
        .values(
            "organization__name",
            "worker__public_id",
            "worker__user__first_name",
            "worker__user__last_name",
        )
        .annotate(hours=Sum("hours"))
        .order_by("organization__name", "worker__user__last_name")
    )
    return list(rows)
