"""Caseloads: who follows whom."""

import uuid
from typing import cast

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.care import selectors
from puentes.care.models import (
    OPEN_ENROLLMENT_STATUSES,
    Enrollment,
    FollowUp,
    FollowUpStatus,
)
from puentes.care.services._common import _worker
from puentes.core.actor import Actor
from puentes.core.errors import invalid
from puentes.core.inputs import Errors, is_uuid, raise_if
from puentes.network.models import Membership
from puentes.people import services as people_services
from puentes.people.selectors import person_get


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


@transaction.atomic
def caseload_reassign_many(
    *,
    actor: Actor,
    person_ids: list[uuid.UUID],
    from_member_id: uuid.UUID | str,
    to_member_id: uuid.UUID | str,
) -> list[str]:
    """``caseload_reassign`` for several people: all of them move, or, when one cannot
    (the refusal names why), none does. Returns the warnings, each once."""
    warnings: list[str] = []
    for person_id in person_ids:
        warnings += caseload_reassign(
            actor=actor,
            person_id=person_id,
            from_member_id=from_member_id,
            to_member_id=to_member_id,
        )
    return list(dict.fromkeys(warnings))
