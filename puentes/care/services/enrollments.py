"""Enrollment in programs, and its moves."""

import datetime
import uuid
from typing import Any, cast

from django.db import transaction
from django.utils.translation import gettext as _

from puentes.care import selectors
from puentes.care.calaim import calaim
from puentes.care.models import (
    OPEN_ENROLLMENT_STATUSES,
    SERVED_STATUSES,
    Enrollment,
    EnrollmentEvent,
    EnrollmentStatus,
    Program,
)
from puentes.care.services._common import _codes, _today, _worker
from puentes.care.services.follow_ups import _cancel_cadence, schedule_cadence
from puentes.care.workflow import REASON_REQUIRED, STARTING_STATUSES, moves_from
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import invalid
from puentes.core.inputs import Errors, Fields, is_uuid, model_text, raise_if
from puentes.network.models import Membership
from puentes.people.selectors import person_get


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
    """ECM populations of focus and Community Supports, as CalAIM's rules (data) allow for
    the program's kind."""
    rules = calaim()
    populations = _codes(
        fields.get("ecm_populations"), rules.populations, "ecm_populations", errors
    )
    supports = _codes(
        fields.get("community_supports"), rules.community_supports, "community_supports", errors
    )
    if program is not None:
        rule = rules.rule_for(program.kind)
        if rule.populations == "required" and not populations:
            errors.setdefault("ecm_populations", []).append(
                _("Record at least one ECM population of focus.")
            )
        if populations and rule.populations == "not_allowed":
            errors.setdefault("ecm_populations", []).append(
                _("Populations of focus belong to an Enhanced Care Management program.")
            )
        if supports and rule.community_supports == "not_allowed":
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
    if status not in moves_from(enrollment.status):
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
    errors: Errors = {}
    model_text(EnrollmentEvent, {"reason": reason}, "reason", errors)
    raise_if(errors)
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
