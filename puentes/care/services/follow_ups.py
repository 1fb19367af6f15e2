"""Follow-ups: what a worker means to do next, and when."""

import datetime
import uuid
from typing import Any, cast

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.care import selectors
from puentes.care.models import (
    Enrollment,
    FollowUp,
    FollowUpSource,
    FollowUpStatus,
    Goal,
)
from puentes.care.services._common import _worker
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import DomainError, invalid
from puentes.core.inputs import Errors, Fields, is_uuid, model_text, raise_if
from puentes.people.models import Person
from puentes.people.selectors import person_get
from puentes.referrals.models import CLOSED_STATUSES, Referral
from puentes.referrals.selectors import referrals_sent_about
from puentes.screening.selectors import needs_of


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
        "need_id": ("need", needs_of(actor=actor, people=[person])),
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
    title = model_text(FollowUp, fields, "title", errors, required=True)
    note = model_text(FollowUp, fields, "note", errors)
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
        follow_up.title = model_text(FollowUp, fields, "title", errors, required=True)
    if "note" in fields:
        follow_up.note = model_text(FollowUp, fields, "note", errors)
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
