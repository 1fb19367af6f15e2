"""Care plans, goals and their progress."""

import datetime
import uuid
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django.db import transaction
from django.utils.translation import gettext as _

from puentes.care import selectors
from puentes.care.models import (
    CarePlan,
    Comparator,
    Enrollment,
    Goal,
    GoalProgress,
    GoalStatus,
)
from puentes.care.services._common import _today
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import DomainError, invalid
from puentes.core.inputs import Errors, Fields, is_uuid, model_text, raise_if
from puentes.people.models import Person
from puentes.people.selectors import person_get
from puentes.screening.models import Need
from puentes.screening.selectors import needs_of


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
    title = model_text(CarePlan, {"title": title}, "title", errors)
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
        clean["description"] = model_text(Goal, fields, "description", errors, required=True)
    if wanted("measure"):
        clean["measure"] = model_text(Goal, fields, "measure", errors, required=True)
    if wanted("unit"):
        clean["unit"] = model_text(Goal, fields, "unit", errors)
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
            needs_of(actor=actor, people=[person]).filter(
                public_id__in=[i for i in ids if is_uuid(i)]
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
    note = model_text(GoalProgress, fields, "note", errors)
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
