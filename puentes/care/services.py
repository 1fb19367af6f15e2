"""Writes of care management: programs, enrollments, care plans and goals, payer documents,
follow-ups and encounters. Every write checks the role, reaches records only through the
actor's organization, validates everything before writing anything, and is audited."""

import datetime
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.care import selectors
from puentes.care.models import (
    OPEN_ENROLLMENT_STATUSES,
    SERVED_STATUSES,
    CarePlan,
    CommunitySupport,
    Comparator,
    Credential,
    EcmPopulation,
    Encounter,
    EncounterRevision,
    EncounterService,
    EncounterStatus,
    EncounterTopic,
    Enrollment,
    EnrollmentEvent,
    EnrollmentStatus,
    FollowUp,
    FollowUpSource,
    FollowUpStatus,
    Goal,
    GoalProgress,
    GoalStatus,
    Modality,
    PlaceOfService,
    PlanOfCare,
    Program,
    ProgramKind,
    Recommendation,
)
from puentes.core import icd10cm
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import DomainError, invalid
from puentes.core.inputs import Errors, Fields, clean_text, is_uuid, raise_if
from puentes.core.validators import validate_npi
from puentes.network.models import Membership, WorkerType
from puentes.people import services as people_services
from puentes.people.models import Person
from puentes.people.selectors import person_get
from puentes.referrals.models import CLOSED_STATUSES, Referral
from puentes.referrals.selectors import referrals_sent_about
from puentes.screening.models import Need


def _today() -> datetime.date:
    return timezone.localdate()


def _codes(values: Any, allowed: Iterable[str], name: str, errors: Errors) -> list[str]:
    codes = [str(v) for v in (values or [])]
    unknown = sorted(set(codes) - set(allowed))
    if unknown:
        errors.setdefault(name, []).append(
            _("Not in the list: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    return list(dict.fromkeys(codes))


def _worker(actor: Actor, member_id: Any, name: str, errors: Errors) -> Membership | None:
    """A current member of the actor's organization, or an error on ``name``."""
    member = (
        Membership.objects.for_actor(actor)
        .filter(public_id=member_id, is_active=True)
        .select_related("user")
        .first()
        if is_uuid(member_id)
        else None
    )
    if member is None:
        errors.setdefault(name, []).append(_("Choose a current member of your organization."))
    return member


# Programs ------------------------------------------------------------------------------

PROGRAM_FIELDS = (
    "name",
    "kind",
    "description",
    "target_population",
    "worker_types",
    "follow_up_days",
    "caseload_limit",
    "is_active",
)


def _clean_program(fields: Fields) -> dict[str, Any]:
    errors: Errors = {}
    unknown = set(fields) - set(PROGRAM_FIELDS)
    if unknown:
        errors["__all__"] = [_("Unknown fields: %(f)s.") % {"f": ", ".join(sorted(unknown))}]
    clean: dict[str, Any] = {}
    if "name" in fields:
        clean["name"] = clean_text(fields, "name", errors, limit=120, required=True)
    if "kind" in fields:
        if fields["kind"] not in ProgramKind.values:
            errors["kind"] = [_("Choose a kind of program from the list.")]
        clean["kind"] = fields["kind"]
    for name, limit in (("description", 2000), ("target_population", 500)):
        if name in fields:
            clean[name] = clean_text(fields, name, errors, limit=limit)
    if "worker_types" in fields:
        clean["worker_types"] = _codes(
            fields["worker_types"], WorkerType.values, "worker_types", errors
        )
    if "follow_up_days" in fields:
        days = fields["follow_up_days"]
        if not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= 365:
            errors["follow_up_days"] = [_("Enter a number of days from 0 to 365.")]
        clean["follow_up_days"] = days
    if "caseload_limit" in fields:
        limit = fields["caseload_limit"]
        if limit is not None and (not isinstance(limit, int) or not 1 <= limit <= 1000):
            errors["caseload_limit"] = [_("Enter a limit from 1 to 1,000, or leave it empty.")]
        clean["caseload_limit"] = limit
    if "is_active" in fields:
        clean["is_active"] = bool(fields["is_active"])
    raise_if(errors)
    return clean


def _save_program(program: Program) -> None:
    try:
        with transaction.atomic():
            program.save()
    except IntegrityError:
        raise DomainError(
            "duplicate",
            _("Your organization already has a program with this name."),
            {"name": [_("Choose another name.")]},
        ) from None


@transaction.atomic
def program_create(*, actor: Actor, fields: Fields) -> Program:
    actor.require("program.manage")
    missing = {
        name: [_("This field is required.")] for name in ("name", "kind") if not fields.get(name)
    }
    raise_if(missing)
    program = Program(organization=actor.organization, **_clean_program(fields))
    _save_program(program)
    audit_record(actor=actor, action="program.create", obj=program)
    return program


@transaction.atomic
def program_update(
    *, actor: Actor, program_id: uuid.UUID | str, version: int | None, fields: Fields
) -> Program:
    actor.require("program.manage")
    program = lock_for_update(Program, selectors.program_get(actor=actor, public_id=program_id).pk)
    check_version(program, version)
    clean = _clean_program(fields)
    for name, value in clean.items():
        setattr(program, name, value)
    bump_version(program)
    _save_program(program)
    audit_record(
        actor=actor, action="program.update", obj=program, detail={"fields": sorted(clean)}
    )
    return program


# Enrollments ---------------------------------------------------------------------------

# Which status an enrollment may move to from each status.
ENROLLMENT_MOVES: dict[str, set[str]] = {
    EnrollmentStatus.REFERRED: {"enrolled", "active", "disenrolled"},
    EnrollmentStatus.ENROLLED: {"active", "paused", "completed", "disenrolled"},
    EnrollmentStatus.ACTIVE: {"paused", "completed", "disenrolled"},
    EnrollmentStatus.PAUSED: {"active", "completed", "disenrolled"},
    EnrollmentStatus.COMPLETED: set(),
    EnrollmentStatus.DISENROLLED: set(),
}
REASON_REQUIRED = {EnrollmentStatus.DISENROLLED, EnrollmentStatus.PAUSED}
STARTING_STATUSES = (EnrollmentStatus.REFERRED, EnrollmentStatus.ENROLLED, EnrollmentStatus.ACTIVE)


def _program_of_organization(actor: Actor, program_id: Any, errors: Errors) -> Program | None:
    program = (
        Program.objects.for_actor(actor).filter(public_id=program_id).first()
        if is_uuid(program_id)
        else None
    )
    if program is None:
        errors["program_id"] = [_("Choose one of the programs your organization runs.")]
    elif not program.is_active:
        errors["program_id"] = [_("This program is closed for enrollment.")]
    return program


def _calaim(program: Program | None, fields: Fields, errors: Errors) -> dict[str, list[str]]:
    populations = _codes(
        fields.get("ecm_populations"), EcmPopulation.values, "ecm_populations", errors
    )
    supports = _codes(
        fields.get("community_supports"), CommunitySupport.values, "community_supports", errors
    )
    if program is not None:
        if program.kind == ProgramKind.ECM and not populations:
            errors.setdefault("ecm_populations", []).append(
                _("Record at least one ECM population of focus.")
            )
        if populations and program.kind != ProgramKind.ECM:
            errors.setdefault("ecm_populations", []).append(
                _("Populations of focus belong to an Enhanced Care Management program.")
            )
        calaim = (ProgramKind.ECM, ProgramKind.COMMUNITY_SUPPORTS)
        if supports and program.kind not in calaim:
            errors.setdefault("community_supports", []).append(
                _("Community Supports belong to an ECM or Community Supports program.")
            )
    return {"ecm_populations": populations, "community_supports": supports}


def _workers(actor: Actor, ids: Any, errors: Errors) -> list[Membership]:
    workers = []
    for member_id in ids or []:
        member = _worker(actor, member_id, "worker_ids", errors)
        if member is not None:
            workers.append(member)
    return workers


@transaction.atomic
def enrollment_create(*, actor: Actor, person_id: uuid.UUID | str, fields: Fields) -> Enrollment:
    """Enroll (or refer) a person in one of the organization's programs. Starting as enrolled
    or active schedules the first follow-up of the program's cadence."""
    actor.require("care.manage")
    person = person_get(actor=actor, public_id=person_id)
    errors: Errors = {}
    program = _program_of_organization(actor, fields.get("program_id"), errors)
    status = fields.get("status") or EnrollmentStatus.ENROLLED
    if status not in STARTING_STATUSES:
        errors["status"] = [_("A new enrollment is referred, enrolled or active.")]
    start_date = fields.get("start_date") or (None if status == "referred" else _today())
    referred_on = fields.get("referred_on") or (_today() if status == "referred" else None)
    for name, day in (("start_date", start_date), ("referred_on", referred_on)):
        if day and day > _today() + datetime.timedelta(days=365):
            errors[name] = [_("Choose a date within the next year.")]
    calaim = _calaim(program, fields, errors)
    ids = fields.get("worker_ids")
    workers = (
        _workers(actor, ids, errors) if ids else ([actor.membership] if actor.membership else [])
    )
    if (
        program is not None
        and Enrollment.objects.filter(
            person=person, program=program, status__in=OPEN_ENROLLMENT_STATUSES
        ).exists()
    ):
        errors["program_id"] = [
            _("%(person)s is already in this program.") % {"person": person.display_name}
        ]
    raise_if(errors)
    program = cast(Program, program)  # a missing program is among the errors raised above
    enrollment = Enrollment.objects.create(
        organization=actor.organization,
        person=person,
        program=program,
        status=status,
        referred_on=referred_on,
        start_date=start_date,
        created_by=actor.user,
        **calaim,
    )
    enrollment.workers.set(workers)
    EnrollmentEvent.objects.create(enrollment=enrollment, user=actor.user, to_status=status)
    if status in SERVED_STATUSES:
        schedule_cadence(enrollment, after=enrollment.start_date or _today(), user=actor.user)
    audit_record(
        actor=actor,
        action="enrollment.create",
        obj=enrollment,
        person_id=person.public_id,
        detail={"program": program.name, "status": status},
    )
    return enrollment


def _locked_enrollment(actor: Actor, enrollment_id: Any, version: int | None) -> Enrollment:
    found = selectors.enrollment_get(actor=actor, public_id=enrollment_id)
    enrollment = lock_for_update(Enrollment, found.pk)
    check_version(enrollment, version)
    return enrollment


@transaction.atomic
def enrollment_change_status(
    *,
    actor: Actor,
    enrollment_id: uuid.UUID | str,
    version: int | None,
    status: str,
    reason: str = "",
    on: datetime.date | None = None,
) -> Enrollment:
    """Move an enrollment on (enrolled, active, paused, completed, disenrolled). Leaving the
    program ends its automatic follow-ups; (re)starting schedules the next one."""
    actor.require("care.manage")
    enrollment = _locked_enrollment(actor, enrollment_id, version)
    reason = (reason or "").strip()
    on = on or _today()
    if status not in ENROLLMENT_MOVES.get(enrollment.status, set()):
        raise invalid(
            {
                "status": [
                    _("An enrollment that is %(current)s cannot become %(status)s.")
                    % {
                        "current": enrollment.get_status_display(),
                        "status": dict(EnrollmentStatus.choices).get(status, status),
                    }
                ]
            }
        )
    if status in REASON_REQUIRED and not reason:
        raise invalid({"reason": [_("Say why.")]})
    if len(reason) > 500:
        raise invalid({"reason": [_("Keep the reason under 500 characters.")]})
    if on > _today():
        raise invalid({"on": [_("The date cannot be in the future.")]})
    EnrollmentEvent.objects.create(
        enrollment=enrollment,
        user=actor.user,
        from_status=enrollment.status,
        to_status=status,
        reason=reason,
    )
    enrollment.status, enrollment.status_reason = status, reason
    if status in SERVED_STATUSES and enrollment.start_date is None:
        enrollment.start_date = on
    if status in (EnrollmentStatus.COMPLETED, EnrollmentStatus.DISENROLLED):
        enrollment.end_date = on
    bump_version(enrollment)
    enrollment.save()
    if status in SERVED_STATUSES:
        schedule_cadence(enrollment, after=on, user=actor.user)
    else:
        _cancel_cadence(enrollment, actor.user)
    audit_record(
        actor=actor,
        action="enrollment.status",
        obj=enrollment,
        person_id=enrollment.person.public_id,
        detail={"status": status},
    )
    return enrollment


@transaction.atomic
def enrollment_update(
    *, actor: Actor, enrollment_id: uuid.UUID | str, version: int | None, fields: Fields
) -> Enrollment:
    """Change the assigned workers and the CalAIM details of an enrollment."""
    actor.require("care.manage")
    enrollment = _locked_enrollment(actor, enrollment_id, version)
    errors: Errors = {}
    unknown = set(fields) - {"worker_ids", "ecm_populations", "community_supports"}
    if unknown:
        errors["__all__"] = [_("Unknown fields: %(f)s.") % {"f": ", ".join(sorted(unknown))}]
    workers = _workers(actor, fields.get("worker_ids"), errors) if "worker_ids" in fields else None
    merged = {
        "ecm_populations": fields.get("ecm_populations", enrollment.ecm_populations),
        "community_supports": fields.get("community_supports", enrollment.community_supports),
    }
    calaim = _calaim(enrollment.program, merged, errors)
    raise_if(errors)
    enrollment.ecm_populations = calaim["ecm_populations"]
    enrollment.community_supports = calaim["community_supports"]
    bump_version(enrollment)
    enrollment.save()
    if workers is not None:
        enrollment.workers.set(workers)
    audit_record(
        actor=actor,
        action="enrollment.update",
        obj=enrollment,
        person_id=enrollment.person.public_id,
        detail={"fields": sorted(fields)},
    )
    return enrollment


# Follow-ups ---------------------------------------------------------------------------


def schedule_cadence(enrollment: Enrollment, *, after: datetime.date, user: Any) -> None:
    """The program's next follow-up for this enrollment, ``follow_up_days`` after ``after``
    (its start, or the latest contact), replacing the open one it had."""
    days = enrollment.program.follow_up_days
    if not days:
        return
    open_ones = FollowUp.objects.filter(
        enrollment=enrollment, source=FollowUpSource.CADENCE, status=FollowUpStatus.OPEN
    )
    due_on = after + datetime.timedelta(days=days)
    if open_ones.filter(due_on=due_on).exists():
        return
    open_ones.update(
        status=FollowUpStatus.DONE,
        completed_at=timezone.now(),
        completed_by=user,
        updated_at=timezone.now(),
    )
    FollowUp.objects.create(
        organization=enrollment.organization,
        person=enrollment.person,
        assignee=enrollment.workers.filter(is_active=True).first(),
        title=_("%(program)s check-in") % {"program": enrollment.program.name},
        due_on=due_on,
        source=FollowUpSource.CADENCE,
        enrollment=enrollment,
        created_by=user,
    )


def _cancel_cadence(enrollment: Enrollment, user: Any) -> None:
    FollowUp.objects.filter(
        enrollment=enrollment, source=FollowUpSource.CADENCE, status=FollowUpStatus.OPEN
    ).update(status=FollowUpStatus.CANCELLED, completed_by=user, updated_at=timezone.now())


def follow_referral(referral: Referral, user: Any) -> None:
    """A sent referral with a wanted-by date gets a follow-up for the referring worker on
    that date; a closed referral's open follow-ups are done."""
    if referral.status in CLOSED_STATUSES:
        FollowUp.objects.filter(referral=referral, status=FollowUpStatus.OPEN).update(
            status=FollowUpStatus.DONE,
            completed_at=timezone.now(),
            completed_by=user,
            updated_at=timezone.now(),
        )
        return
    if referral.requested_by is None or FollowUp.objects.filter(referral=referral).exists():
        return
    FollowUp.objects.create(
        organization=referral.referring_organization,
        person=referral.person,
        assignee=referral.referring_member,
        title=_("Follow up on the referral to %(service)s")
        % {"service": referral.service_at_location.service.name},
        due_on=referral.requested_by,
        source=FollowUpSource.REFERRAL,
        referral=referral,
        created_by=user,
    )


def _links(actor: Actor, person: Person, fields: Fields, errors: Errors) -> dict[str, Any]:
    """The optional goal, need and referral a follow-up is about: the person's own."""
    links: dict[str, Any] = {}
    lookups: dict[str, tuple[str, QuerySet[Any]]] = {
        "goal_id": (
            "goal",
            Goal.objects.for_actor(actor).filter(care_plan__person=person),
        ),
        "need_id": ("need", Need.objects.for_actor(actor).filter(person=person)),
        "referral_id": (
            "referral",
            referrals_sent_about(actor=actor, people=[person]),
        ),
    }
    for name, (attribute, queryset) in lookups.items():
        value = fields.get(name)
        if not value:
            continue
        found = queryset.filter(public_id=value).first() if is_uuid(value) else None
        if found is None:
            errors[name] = [_("Choose one of this person's records.")]
        links[attribute] = found
    return links


@transaction.atomic
def follow_up_create(*, actor: Actor, person_id: uuid.UUID | str, fields: Fields) -> FollowUp:
    actor.require("care.manage")
    person = person_get(actor=actor, public_id=person_id)
    errors: Errors = {}
    title = clean_text(fields, "title", errors, limit=200, required=True)
    note = clean_text(fields, "note", errors, limit=1000)
    due_on = fields.get("due_on")
    if not isinstance(due_on, datetime.date):
        errors["due_on"] = [_("Choose the date it is due.")]
        due_on = None
    assignee_id = fields.get("assignee_id")
    assignee = (
        _worker(actor, assignee_id, "assignee_id", errors) if assignee_id else actor.membership
    )
    links = _links(actor, person, fields, errors)
    raise_if(errors)
    follow_up = FollowUp.objects.create(
        organization=actor.organization,
        person=person,
        assignee=assignee,
        title=title,
        note=note,
        due_on=cast(datetime.date, due_on),  # checked above
        created_by=actor.user,
        **links,
    )
    audit_record(actor=actor, action="follow_up.create", obj=follow_up, person_id=person.public_id)
    return follow_up


@transaction.atomic
def follow_up_close(
    *, actor: Actor, follow_up_id: uuid.UUID | str, version: int | None, status: str = "done"
) -> FollowUp:
    """Mark a follow-up done (or cancelled)."""
    actor.require("care.manage")
    found = selectors.follow_up_get(actor=actor, public_id=follow_up_id)
    follow_up = lock_for_update(FollowUp, found.pk)
    check_version(follow_up, version)
    if status not in (FollowUpStatus.DONE, FollowUpStatus.CANCELLED):
        raise invalid({"status": [_("Choose done or cancelled.")]})
    if follow_up.status != FollowUpStatus.OPEN:
        raise DomainError("conflict", _("This follow-up is already closed."))
    follow_up.status = status
    follow_up.completed_at, follow_up.completed_by = timezone.now(), actor.user
    bump_version(follow_up)
    follow_up.save()
    audit_record(
        actor=actor,
        action="follow_up.close",
        obj=follow_up,
        person_id=found.person.public_id,
        detail={"status": status},
    )
    return follow_up


@transaction.atomic
def follow_up_update(
    *, actor: Actor, follow_up_id: uuid.UUID | str, version: int | None, fields: Fields
) -> FollowUp:
    """Reschedule, reword or reassign an open follow-up."""
    actor.require("care.manage")
    found = selectors.follow_up_get(actor=actor, public_id=follow_up_id)
    follow_up = lock_for_update(FollowUp, found.pk)
    check_version(follow_up, version)
    if follow_up.status != FollowUpStatus.OPEN:
        raise DomainError("conflict", _("This follow-up is already closed."))
    errors: Errors = {}
    unknown = set(fields) - {"title", "note", "due_on", "assignee_id"}
    if unknown:
        errors["__all__"] = [_("Unknown fields: %(f)s.") % {"f": ", ".join(sorted(unknown))}]
    if "title" in fields:
        follow_up.title = clean_text(fields, "title", errors, limit=200, required=True)
    if "note" in fields:
        follow_up.note = clean_text(fields, "note", errors, limit=1000)
    if "due_on" in fields:
        if not isinstance(fields["due_on"], datetime.date):
            errors["due_on"] = [_("Choose the date it is due.")]
        follow_up.due_on = fields["due_on"]
    if "assignee_id" in fields:
        follow_up.assignee = _worker(actor, fields["assignee_id"], "assignee_id", errors)
    raise_if(errors)
    bump_version(follow_up)
    follow_up.save()
    audit_record(
        actor=actor,
        action="follow_up.update",
        obj=follow_up,
        person_id=found.person.public_id,
        detail={"fields": sorted(fields)},
    )
    return follow_up


# Care plans and goals -------------------------------------------------------------------


def _enrollment_of(actor: Actor, person: Person, enrollment_id: Any, errors: Errors) -> Any:
    if not enrollment_id:
        return None
    enrollment = (
        Enrollment.objects.for_actor(actor)
        .filter(person=person, public_id=enrollment_id)
        .select_related("program")
        .first()
        if is_uuid(enrollment_id)
        else None
    )
    if enrollment is None:
        errors["enrollment_id"] = [_("Choose one of this person's programs.")]
    return enrollment


def _care_plan_for(actor: Actor, person: Person, enrollment: Enrollment | None) -> CarePlan:
    plan = CarePlan.objects.filter(person=person, enrollment=enrollment).first()
    if plan is not None:
        return plan
    title = (
        _("%(program)s care plan") % {"program": enrollment.program.name}
        if enrollment is not None
        else _("Care plan")
    )
    plan = CarePlan.objects.create(
        organization=actor.organization,
        person=person,
        enrollment=enrollment,
        title=title,
        created_by=actor.user,
    )
    audit_record(actor=actor, action="care_plan.create", obj=plan, person_id=person.public_id)
    return plan


@transaction.atomic
def care_plan_create(
    *, actor: Actor, person_id: uuid.UUID | str, enrollment_id: Any = None, title: str = ""
) -> CarePlan:
    """The person's care plan (for a program, or their general one); an existing one is
    refused as a duplicate."""
    actor.require("care.manage")
    person = person_get(actor=actor, public_id=person_id)
    errors: Errors = {}
    enrollment = _enrollment_of(actor, person, enrollment_id, errors)
    title = clean_text({"title": title}, "title", errors, limit=200)
    raise_if(errors)
    if CarePlan.objects.filter(person=person, enrollment=enrollment).exists():
        raise DomainError(
            "duplicate",
            _("This person already has a care plan for this program."),
            {"enrollment_id": [_("Add goals to the existing plan.")]},
        )
    plan = _care_plan_for(actor, person, enrollment)
    if title:
        plan.title = title
        plan.save(update_fields=["title"])
    return plan


def _decimal(value: Any, name: str, errors: Errors, *, required: bool) -> Decimal | None:
    if value is None or value == "":
        if required:
            errors[name] = [_("Enter a number.")]
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        errors[name] = [_("Enter a number.")]
        return None
    if not number.is_finite() or abs(number) >= Decimal("10000000"):
        errors[name] = [_("Enter a number below 10,000,000.")]
        return None
    return number.quantize(Decimal("0.01"))


GOAL_FIELDS = {
    "description",
    "need_ids",
    "measure",
    "comparator",
    "target_value",
    "target_value_2",
    "unit",
    "target_date",
    "status",
}


def _clean_goal(
    actor: Actor, person: Person, fields: Fields, *, partial: bool
) -> tuple[dict[str, Any], list[Need] | None]:
    errors: Errors = {}
    unknown = set(fields) - GOAL_FIELDS
    if unknown:
        errors["__all__"] = [_("Unknown fields: %(f)s.") % {"f": ", ".join(sorted(unknown))}]
    clean: dict[str, Any] = {}

    def wanted(name: str) -> bool:
        return not partial or name in fields

    if wanted("description"):
        clean["description"] = clean_text(fields, "description", errors, limit=500, required=True)
    if wanted("measure"):
        clean["measure"] = clean_text(fields, "measure", errors, limit=100, required=True)
    if wanted("unit"):
        clean["unit"] = clean_text(fields, "unit", errors, limit=30)
    if wanted("comparator"):
        if fields.get("comparator") not in Comparator.values:
            errors["comparator"] = [_("Choose below, at most, exactly, at least or above.")]
        clean["comparator"] = fields.get("comparator")
    if wanted("target_value"):
        clean["target_value"] = _decimal(
            fields.get("target_value"), "target_value", errors, required=True
        )
    if wanted("target_value_2"):
        clean["target_value_2"] = _decimal(
            fields.get("target_value_2"), "target_value_2", errors, required=False
        )
    if wanted("target_date"):
        target_date = fields.get("target_date")
        if not isinstance(target_date, datetime.date):
            errors["target_date"] = [_("A goal needs a target date.")]
        clean["target_date"] = target_date
    if "status" in fields:
        if fields["status"] not in GoalStatus.values:
            errors["status"] = [_("Choose a status from the list.")]
        clean["status"] = fields["status"]
    needs = None
    if wanted("need_ids"):
        ids = [str(i) for i in fields.get("need_ids") or []]
        needs = list(
            Need.objects.for_actor(actor).filter(
                person=person, public_id__in=[i for i in ids if is_uuid(i)]
            )
        )
        if len(needs) != len(set(ids)):
            errors["need_ids"] = [_("Choose needs of this person.")]
    raise_if(errors)
    return clean, needs


@transaction.atomic
def goal_create(
    *, actor: Actor, person_id: uuid.UUID | str, fields: Fields, enrollment_id: Any = None
) -> Goal:
    """A goal on the person's care plan for ``enrollment_id`` (or their general plan), which
    is started if the person has none yet."""
    actor.require("care.manage")
    person = person_get(actor=actor, public_id=person_id)
    errors: Errors = {}
    enrollment = _enrollment_of(actor, person, enrollment_id, errors)
    raise_if(errors)
    clean, needs = _clean_goal(actor, person, fields, partial=False)
    if clean["target_date"] < _today():
        raise invalid({"target_date": [_("The target date cannot be in the past.")]})
    plan = _care_plan_for(actor, person, enrollment)
    goal = Goal.objects.create(care_plan=plan, created_by=actor.user, **clean)
    goal.needs.set(needs or [])
    audit_record(actor=actor, action="goal.create", obj=goal, person_id=person.public_id)
    return goal


@transaction.atomic
def goal_update(
    *, actor: Actor, goal_id: uuid.UUID | str, version: int | None, fields: Fields
) -> Goal:
    actor.require("care.manage")
    found = selectors.goal_get(actor=actor, public_id=goal_id)
    goal = lock_for_update(Goal, found.pk)
    check_version(goal, version)
    person = found.care_plan.person
    clean, needs = _clean_goal(actor, person, fields, partial=True)
    for name, value in clean.items():
        setattr(goal, name, value)
    bump_version(goal)
    goal.save()
    if needs is not None:
        goal.needs.set(needs)
    audit_record(
        actor=actor,
        action="goal.update",
        obj=goal,
        person_id=person.public_id,
        detail={"fields": sorted(fields)},
    )
    return goal


@transaction.atomic
def goal_progress_add(*, actor: Actor, goal_id: uuid.UUID | str, fields: Fields) -> GoalProgress:
    """A dated measurement towards a goal (two numbers for a two-number target)."""
    actor.require("care.manage")
    goal = selectors.goal_get(actor=actor, public_id=goal_id)
    errors: Errors = {}
    recorded_on = fields.get("recorded_on") or _today()
    if not isinstance(recorded_on, datetime.date):
        errors["recorded_on"] = [_("Enter a date.")]
    elif recorded_on > _today():
        errors["recorded_on"] = [_("The date cannot be in the future.")]
    value = _decimal(fields.get("value"), "value", errors, required=True)
    value_2 = _decimal(
        fields.get("value_2"), "value_2", errors, required=goal.target_value_2 is not None
    )
    note = clean_text(fields, "note", errors, limit=500)
    raise_if(errors)
    progress = GoalProgress.objects.create(
        goal=goal,
        recorded_on=recorded_on,
        value=cast(Decimal, value),  # required above
        value_2=value_2,
        note=note,
        recorded_by=actor.user,
    )
    audit_record(
        actor=actor,
        action="goal.progress",
        obj=goal,
        person_id=goal.care_plan.person.public_id,
    )
    return progress


# Payer documents ------------------------------------------------------------------------

ATTACHMENT_TYPES = {"pdf", "png", "jpg", "jpeg", "heic", "tif", "tiff"}
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024


def _practitioner(fields: Fields, errors: Errors) -> dict[str, Any]:
    npi = str(fields.get("practitioner_npi") or "").strip()
    try:
        validate_npi(npi)
    except ValidationError as error:
        errors["practitioner_npi"] = list(error.messages)
    if fields.get("credential") not in Credential.values:
        errors["credential"] = [_("Choose the practitioner's credential.")]
    return {
        "practitioner_name": clean_text(
            fields, "practitioner_name", errors, limit=200, required=True
        ),
        "practitioner_npi": npi,
        "credential": fields.get("credential"),
    }


def _attachment(upload: UploadedFile | None, errors: Errors) -> dict[str, Any]:
    if upload is None:
        return {}
    name = upload.name or "scan"
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in ATTACHMENT_TYPES:
        errors["attachment"] = [_("Attach a PDF or an image (PNG, JPEG, HEIC, TIFF).")]
    elif (upload.size or 0) > ATTACHMENT_MAX_BYTES:
        errors["attachment"] = [_("Attach a file of at most 10 MB.")]
    return {"attachment": upload, "attachment_name": name[-200:]}


def _past_date(fields: Fields, name: str, errors: Errors, *, required: bool) -> Any:
    day = fields.get(name)
    if day is None or day == "":
        if required:
            errors[name] = [_("Enter a date.")]
        return None
    if not isinstance(day, datetime.date):
        errors[name] = [_("Enter a date.")]
    elif day > _today():
        errors[name] = [_("The date cannot be in the future.")]
    return day


def _record_document(
    *,
    actor: Actor,
    person_id: uuid.UUID | str,
    model: type[Recommendation] | type[PlanOfCare],
    fields: Fields,
    attachment: UploadedFile | None,
    dates: tuple[str, str, str],
    text: tuple[str, int],
    extra: Callable[[Person, Errors], dict[str, Any]] | None = None,
) -> Any:
    """What recording either payer document takes: the practitioner, a date that is not in
    the future and an optional later end (``dates``: start, end, message when the end is
    not after the start), one required text, the scan, and any ``extra`` columns."""
    actor.require("care.document")
    person = person_get(actor=actor, public_id=person_id)
    errors: Errors = {}
    start_name, end_name, end_message = dates
    columns = _practitioner(fields, errors)
    start = _past_date(fields, start_name, errors, required=True)
    end = fields.get(end_name) or None
    if end and isinstance(start, datetime.date) and end <= start:
        errors[end_name] = [end_message]
    columns.update({start_name: start, end_name: end})
    columns[text[0]] = clean_text(fields, text[0], errors, limit=text[1], required=True)
    if extra is not None:
        columns.update(extra(person, errors))
    columns.update(_attachment(attachment, errors))
    raise_if(errors)
    document = model.objects.create(
        organization=actor.organization, person=person, created_by=actor.user, **columns
    )
    action = "recommendation.record" if model is Recommendation else "plan_of_care.record"
    audit_record(actor=actor, action=action, obj=document, person_id=person.public_id)
    return document


@transaction.atomic
def recommendation_record(
    *,
    actor: Actor,
    person_id: uuid.UUID | str,
    fields: Fields,
    attachment: UploadedFile | None = None,
) -> Recommendation:
    """A licensed practitioner's written recommendation for CHW services."""
    return cast(
        Recommendation,
        _record_document(
            actor=actor,
            person_id=person_id,
            model=Recommendation,
            fields=fields,
            attachment=attachment,
            dates=(
                "recommended_on",
                "expires_on",
                _("The expiry must be after the date of the recommendation."),
            ),
            text=("scope", 500),
            extra=_diagnosis(fields),
        ),
    )


def _as_day(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


ICD10_CM = re.compile(r"^[A-TV-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")


def _diagnosis(fields: Fields) -> Callable[[Person, Errors], dict[str, Any]]:
    def check(person: Person, errors: Errors) -> dict[str, Any]:
        code = str(fields.get("diagnosis_code") or "").strip().upper()
        if code and not ICD10_CM.match(code):
            errors["diagnosis_code"] = [_("Enter an ICD-10-CM code, such as Z59.41 or E11.9.")]
        elif code:
            # A code that did not exist (or is not billable) on the date it was given.
            day = _as_day(fields.get("recommended_on")) or timezone.localdate()
            why = icd10cm.refusal(code, day)
            if why:
                errors["diagnosis_code"] = [why]
        return {"diagnosis_code": code}

    return check


@transaction.atomic
def plan_of_care_record(
    *,
    actor: Actor,
    person_id: uuid.UUID | str,
    fields: Fields,
    attachment: UploadedFile | None = None,
) -> PlanOfCare:
    """A plan of care signed by a licensed practitioner, optionally tied to a care plan."""

    def care_plan(person: Person, errors: Errors) -> dict[str, Any]:
        plan_id = fields.get("care_plan_id")
        if not plan_id:
            return {}
        plans = CarePlan.objects.for_actor(actor).filter(person=person)
        plan = plans.filter(public_id=plan_id).first() if is_uuid(plan_id) else None
        if plan is None:
            errors["care_plan_id"] = [_("Choose one of this person's care plans.")]
        return {"care_plan": plan}

    return cast(
        PlanOfCare,
        _record_document(
            actor=actor,
            person_id=person_id,
            model=PlanOfCare,
            fields=fields,
            attachment=attachment,
            dates=("signed_on", "valid_until", _("The end must be after the date it was signed.")),
            text=("summary", 2000),
            extra=care_plan,
        ),
    )


@transaction.atomic
def document_attach(
    *, actor: Actor, kind: str, document_id: uuid.UUID | str, upload: UploadedFile
) -> Recommendation | PlanOfCare:
    """Attach the scan to a recommendation or plan of care that has none yet (a scan is
    never replaced silently: record a new document instead)."""
    actor.require("care.document")
    getter = (
        selectors.recommendation_get if kind == "recommendation" else selectors.plan_of_care_get
    )
    document = getter(actor=actor, public_id=document_id)
    if document.attachment:
        raise DomainError(
            "conflict",
            _("This document already has a scan. Record a new document to replace it."),
            {"attachment": [_("Already attached.")]},
        )
    errors: Errors = {}
    scan = _attachment(upload, errors)
    raise_if(errors)
    document.attachment, document.attachment_name = scan["attachment"], scan["attachment_name"]
    bump_version(document)
    document.save()
    audit_record(
        actor=actor, action=f"{kind}.attach", obj=document, person_id=document.person.public_id
    )
    return document


# Encounters ---------------------------------------------------------------------------

ENCOUNTER_FIELDS = {
    "person_id",
    "is_group",
    "participant_ids",
    "group_size",
    "worker_id",
    "enrollment_id",
    "occurred_on",
    "start_time",
    "end_time",
    "duration_minutes",
    "modality",
    "place_of_service",
    "services",
    "topics",
    "need_ids",
    "goal_ids",
    "referral_ids",
    "note",
}
# A visit logged a few minutes early (clock drift between phone and server) is not refused.
FUTURE_TOLERANCE = datetime.timedelta(minutes=5)


def _minutes_between(start: datetime.time, end: datetime.time) -> int:
    day = datetime.date(2000, 1, 1)
    delta = datetime.datetime.combine(day, end) - datetime.datetime.combine(day, start)
    return int(delta.total_seconds() // 60)


def _timing(fields: Fields, errors: Errors) -> dict[str, Any]:
    """Date, start, end and minutes: start and end give the minutes; start and minutes give
    the end; minutes alone are enough. Nothing may end before it starts or lie ahead."""
    occurred_on, start, end = (
        fields.get("occurred_on"),
        fields.get("start_time"),
        fields.get("end_time"),
    )
    minutes = fields.get("duration_minutes")
    if not isinstance(occurred_on, datetime.date):
        errors["occurred_on"] = [_("Enter the date of the encounter.")]
        return {}
    if start and end:
        if end <= start:
            errors["end_time"] = [_("The end must be after the start.")]
            return {}
        between = _minutes_between(start, end)
        if minutes not in (None, "") and minutes != between:
            errors["duration_minutes"] = [
                _("%(minutes)s minutes does not match the start and end times (%(between)s).")
                % {"minutes": minutes, "between": between}
            ]
        minutes = between
    elif end and not start:
        errors["start_time"] = [_("Enter the start time too, or only the minutes.")]
        return {}
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 720:
        errors.setdefault("duration_minutes", []).append(
            _("Enter how long it lasted: 1 to 720 minutes.")
        )
        return {}
    if start and not end:
        finish = datetime.datetime.combine(occurred_on, start) + datetime.timedelta(minutes=minutes)
        if finish.date() != occurred_on:
            errors["duration_minutes"] = [_("The encounter must end on the day it started.")]
            return {}
        end = finish.time()
    now = timezone.localtime()
    began = datetime.datetime.combine(occurred_on, start or datetime.time(0, 0))
    if occurred_on > now.date() or (start and began > now.replace(tzinfo=None) + FUTURE_TOLERANCE):
        errors["occurred_on"] = [_("An encounter cannot be in the future.")]
    if occurred_on < now.date() - datetime.timedelta(days=366):
        errors["occurred_on"] = [_("Encounters older than a year cannot be logged.")]
    return {
        "occurred_on": occurred_on,
        "start_time": start,
        "end_time": end,
        "duration_minutes": minutes,
    }


def _people_present(actor: Actor, fields: Fields, errors: Errors) -> tuple[Any, list[Person], int]:
    """The encounter's person, everyone present, and the group size."""
    if not fields.get("is_group"):
        person_id = fields.get("person_id")
        person = person_get(actor=actor, public_id=person_id) if person_id else None
        if person is None:
            errors["person_id"] = [_("Choose the person.")]
        return person, [person] if person else [], 1
    ids = [str(i) for i in fields.get("participant_ids") or []]
    if fields.get("person_id") and str(fields["person_id"]) not in ids:
        ids.insert(0, str(fields["person_id"]))
    if not ids:
        errors["participant_ids"] = [_("A group session needs the people who were present.")]
        return None, [], 0
    people = {
        str(p.public_id): p
        for p in Person.objects.for_actor(actor).filter(
            public_id__in=[i for i in ids if is_uuid(i)]
        )
    }
    if len(people) != len(set(ids)):
        errors["participant_ids"] = [_("Choose people of your organization.")]
        return None, [], 0
    present = [people[i] for i in dict.fromkeys(ids)]
    size = fields.get("group_size") or len(present)
    if not isinstance(size, int) or size < max(2, len(present)) or size > 500:
        errors["group_size"] = [
            _("A group has at least 2 people and at least as many as are listed (%(n)s).")
            % {"n": len(present)}
        ]
    return present[0], present, size


def _linked(
    actor: Actor, present: list[Person], fields: Fields, errors: Errors
) -> dict[str, list[Any]]:
    """Needs, goals and referrals of the people present, by id."""
    querysets: dict[str, QuerySet[Any]] = {
        "need_ids": Need.objects.for_actor(actor).filter(person__in=present),
        "goal_ids": Goal.objects.for_actor(actor).filter(care_plan__person__in=present),
        "referral_ids": referrals_sent_about(actor=actor, people=present),
    }
    linked: dict[str, list[Any]] = {}
    for name, queryset in querysets.items():
        ids = [str(i) for i in fields.get(name) or []]
        rows = list(queryset.filter(public_id__in=[i for i in ids if is_uuid(i)]))
        if len(rows) != len(set(ids)):
            errors[name] = [_("Choose records of the people present.")]
        linked[name] = rows
    return linked


def _clean_encounter(actor: Actor, fields: Fields) -> tuple[dict[str, Any], dict[str, Any]]:
    """Every field of an encounter checked at once: (columns, relations), or ``invalid``
    naming each bad field."""
    errors: Errors = {}
    unknown = set(fields) - ENCOUNTER_FIELDS
    if unknown:
        errors["__all__"] = [_("Unknown fields: %(f)s.") % {"f": ", ".join(sorted(unknown))}]
    person, present, size = _people_present(actor, fields, errors)
    timing = _timing(fields, errors)
    worker_id = fields.get("worker_id")
    worker = _worker(actor, worker_id, "worker_id", errors) if worker_id else actor.membership
    if worker is None and "worker_id" not in errors:
        errors["worker_id"] = [_("Say which worker met the person.")]
    if fields.get("modality") not in Modality.values:
        errors["modality"] = [_("Choose in person, phone, video or text.")]
    if fields.get("place_of_service") not in PlaceOfService.values:
        errors["place_of_service"] = [
            _("Choose a place-of-service code from the list (e.g. 12 home, 11 office).")
        ]
    services = _codes(fields.get("services"), EncounterService.values, "services", errors)
    if not services and "services" not in errors:
        errors["services"] = [_("Choose at least one service delivered.")]
    topics = _codes(fields.get("topics"), EncounterTopic.values, "topics", errors)
    note = clean_text(fields, "note", errors, limit=5000)
    enrollment = (
        _enrollment_of(actor, person, fields.get("enrollment_id"), errors) if person else None
    )
    linked = _linked(actor, present, fields, errors)
    raise_if(errors)
    columns = {
        "person": person,
        "is_group": bool(fields.get("is_group")),
        "group_size": size,
        "worker": worker,
        "enrollment": enrollment,
        "modality": fields["modality"],
        "place_of_service": fields["place_of_service"],
        "services": services,
        "topics": topics,
        "note": note,
        **timing,
    }
    relations = {
        "participants": present if fields.get("is_group") else [],
        "needs": linked["need_ids"],
        "goals": linked["goal_ids"],
        "referrals": linked["referral_ids"],
    }
    return columns, relations


def _set_relations(encounter: Encounter, relations: Mapping[str, list[Any]]) -> None:
    for name, rows in relations.items():
        getattr(encounter, name).set(rows)


def _after_contact(encounter: Encounter, user: Any) -> None:
    """A contact in a program moves its cadence: the next check-in is counted from the
    latest contact."""
    enrollment = encounter.enrollment
    if enrollment is None or enrollment.status not in SERVED_STATUSES:
        return
    latest = (
        Encounter.objects.filter(enrollment=enrollment, status=EncounterStatus.CURRENT)
        .order_by("-occurred_on")
        .values_list("occurred_on", flat=True)
        .first()
    )
    schedule_cadence(enrollment, after=latest or encounter.occurred_on, user=user)


def encounter_log(
    *, actor: Actor, fields: Fields, idempotency_key: str = ""
) -> tuple[Encounter, bool]:
    """Log an encounter; returns it and whether it is new. The same idempotency key again
    returns the first encounter instead of logging a second one (a retried submission)."""
    actor.require("encounter.log")
    key = (idempotency_key or "").strip()
    if len(key) > 100:
        raise invalid({"idempotency_key": [_("Keep the key under 100 characters.")]})
    if key:
        existing = Encounter.objects.for_actor(actor).filter(idempotency_key=key).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            encounter = _log(actor, fields, key)
    except IntegrityError:
        # Two submissions with the same key raced; the other one won.
        existing = Encounter.objects.for_actor(actor).filter(idempotency_key=key).first()
        if key and existing is not None:
            return existing, False
        raise
    return encounter, True


def _log(actor: Actor, fields: Fields, key: str) -> Encounter:
    columns, relations = _clean_encounter(actor, fields)
    encounter = Encounter.objects.create(
        organization=actor.organization, idempotency_key=key, created_by=actor.user, **columns
    )
    _set_relations(encounter, relations)
    _after_contact(encounter, actor.user)
    audit_record(
        actor=actor,
        action="encounter.log",
        obj=encounter,
        person_id=encounter.person.public_id,
        detail={
            "minutes": encounter.duration_minutes,
            "participants": len(relations["participants"]) or 1,
        },
    )
    return encounter


def _snapshot(encounter: Encounter) -> dict[str, Any]:
    def ids(name: str) -> list[str]:
        return sorted(str(row.public_id) for row in getattr(encounter, name).all())

    return {
        "person_id": str(encounter.person.public_id),
        "is_group": encounter.is_group,
        "participant_ids": ids("participants"),
        "group_size": encounter.group_size,
        "worker_id": str(encounter.worker.public_id),
        "enrollment_id": str(encounter.enrollment.public_id) if encounter.enrollment else None,
        "occurred_on": encounter.occurred_on.isoformat(),
        "start_time": encounter.start_time.isoformat() if encounter.start_time else None,
        "end_time": encounter.end_time.isoformat() if encounter.end_time else None,
        "duration_minutes": encounter.duration_minutes,
        "modality": encounter.modality,
        "place_of_service": encounter.place_of_service,
        "services": list(encounter.services),
        "topics": list(encounter.topics),
        "need_ids": ids("needs"),
        "goal_ids": ids("goals"),
        "referral_ids": ids("referrals"),
        "note": encounter.note,
    }


def _as_fields(snapshot: Mapping[str, Any]) -> dict[str, Any]:
    """A snapshot read back into the types the encounter fields take."""
    fields = dict(snapshot)
    fields["occurred_on"] = datetime.date.fromisoformat(snapshot["occurred_on"])
    for name in ("start_time", "end_time"):
        fields[name] = datetime.time.fromisoformat(snapshot[name]) if snapshot.get(name) else None
    return fields


def _merged(snapshot: Mapping[str, Any], fields: Fields) -> dict[str, Any]:
    """The encounter as it would be with ``fields`` changed. A new start or length re-derives
    the end (unless the end is given too); a new end re-derives the length."""
    merged = {**_as_fields(snapshot), **fields}
    if "end_time" not in fields and {"start_time", "duration_minutes"} & set(fields):
        merged["end_time"] = None
    if "duration_minutes" not in fields and "end_time" in fields:
        merged["duration_minutes"] = None
    return merged


def _locked_message() -> DomainError:
    return DomainError(
        "locked",
        _("This encounter has been billed, so it cannot be changed. Record an amendment instead."),
    )


@transaction.atomic
def encounter_update(
    *, actor: Actor, encounter_id: uuid.UUID | str, version: int | None, fields: Fields
) -> Encounter:
    """Change an encounter that has not been billed; what it said before is kept."""
    actor.require("encounter.log")
    found = selectors.encounter_get(actor=actor, public_id=encounter_id)
    encounter = lock_for_update(Encounter, found.pk)
    check_version(encounter, version)
    if selectors.encounter_locked(encounter):
        raise _locked_message()
    before = _snapshot(encounter)
    columns, relations = _clean_encounter(actor, _merged(before, fields))
    EncounterRevision.objects.create(
        encounter=encounter,
        version=encounter.version,
        snapshot=before,
        changed_fields=sorted(name for name in fields if before.get(name) != fields[name]),
        edited_by=actor.user,
    )
    for name, value in columns.items():
        setattr(encounter, name, value)
    bump_version(encounter)
    encounter.save()
    _set_relations(encounter, relations)
    _after_contact(encounter, actor.user)
    audit_record(
        actor=actor,
        action="encounter.update",
        obj=encounter,
        person_id=encounter.person.public_id,
        detail={"fields": sorted(fields)},
    )
    return encounter


@transaction.atomic
def encounter_amend(
    *, actor: Actor, encounter_id: uuid.UUID | str, reason: str, fields: Fields
) -> Encounter:
    """Correct a billed encounter: a new encounter replaces it (``amends`` points back); the
    billed one stays as it was, marked as amended."""
    actor.require("encounter.log")
    found = selectors.encounter_get(actor=actor, public_id=encounter_id)
    original = lock_for_update(Encounter, found.pk)
    if original.status == EncounterStatus.AMENDED:
        raise DomainError("conflict", _("This encounter was already amended; amend the amendment."))
    if not selectors.encounter_billed(original):
        raise DomainError("invalid", _("This encounter has not been billed; edit it instead."))
    reason = (reason or "").strip()
    if not reason:
        raise invalid({"reason": [_("Say what the amendment corrects.")]})
    if len(reason) > 500:
        raise invalid({"reason": [_("Keep the reason under 500 characters.")]})
    columns, relations = _clean_encounter(actor, _merged(_snapshot(original), fields))
    amendment = Encounter.objects.create(
        organization=actor.organization,
        amends=original,
        amendment_reason=reason,
        created_by=actor.user,
        **columns,
    )
    _set_relations(amendment, relations)
    original.status = EncounterStatus.AMENDED
    bump_version(original)
    original.save()
    audit_record(
        actor=actor,
        action="encounter.amend",
        obj=amendment,
        person_id=amendment.person.public_id,
        detail={"amends": str(original.public_id)},
    )
    return amendment


# Caseloads ---------------------------------------------------------------------------


@transaction.atomic
def caseload_reassign(
    *,
    actor: Actor,
    person_id: uuid.UUID | str,
    from_member_id: uuid.UUID | str,
    to_member_id: uuid.UUID | str,
) -> list[str]:
    """Hand a person from one worker to another: the assignment, their open follow-ups and
    their program enrollments move. Returns warnings (programs over the new worker's
    caseload limit)."""
    actor.require("caseload.assign")
    person = person_get(actor=actor, public_id=person_id)
    if str(from_member_id) == str(to_member_id):
        raise invalid({"to_member_id": [_("Choose a different worker.")]})
    errors: Errors = {}
    source = (
        _worker(actor, from_member_id, "from_member_id", errors)
        if is_uuid(from_member_id)
        else None
    )
    target = _worker(actor, to_member_id, "to_member_id", errors)
    if source is None and "from_member_id" not in errors:
        errors["from_member_id"] = [_("Choose a current member of your organization.")]
    raise_if(errors)
    source, target = cast(Membership, source), cast(Membership, target)  # checked above
    people_services.caseload_unassign(
        actor=actor, person_id=person.public_id, member_id=source.public_id
    )
    already = person.assignments.filter(worker=target, ended_at__isnull=True).exists()
    if not already:
        people_services.caseload_assign(
            actor=actor, person_id=person.public_id, member_id=target.public_id
        )
    FollowUp.objects.filter(person=person, assignee=source, status=FollowUpStatus.OPEN).update(
        assignee=target, updated_at=timezone.now()
    )
    for enrollment in Enrollment.objects.filter(
        person=person, workers=source, status__in=OPEN_ENROLLMENT_STATUSES
    ):
        enrollment.workers.remove(source)
        enrollment.workers.add(target)
    return selectors.over_limit(actor=actor, member=target)
