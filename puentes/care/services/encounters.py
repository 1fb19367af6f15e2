"""Encounters: logging, amending and what each one links."""

import datetime
import uuid
from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.care import selectors
from puentes.care.models import (
    SERVED_STATUSES,
    Encounter,
    EncounterRevision,
    EncounterService,
    EncounterStatus,
    EncounterTopic,
    Goal,
    Modality,
    PlaceOfService,
)
from puentes.care.services._common import _codes, _worker
from puentes.care.services.care_plans import _enrollment_of
from puentes.care.services.follow_ups import schedule_cadence
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import DomainError, invalid
from puentes.core.inputs import Errors, Fields, is_uuid, model_number, model_text, raise_if
from puentes.people.models import Person
from puentes.people.selectors import person_get, person_list
from puentes.referrals.selectors import referrals_sent_about
from puentes.screening.selectors import needs_of

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
    if "duration_minutes" not in errors:
        model_number(Encounter, {"duration_minutes": minutes}, "duration_minutes", errors)
    if "duration_minutes" in errors or not isinstance(minutes, int):
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
        for p in person_list(actor=actor).filter(public_id__in=[i for i in ids if is_uuid(i)])
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
        "need_ids": needs_of(actor=actor, people=present),
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
    note = model_text(Encounter, fields, "note", errors)
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
    errors: Errors = {}
    model_text(Encounter, {"idempotency_key": key}, "idempotency_key", errors)
    raise_if(errors)
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
    errors: Errors = {}
    model_text(Encounter, {"reason": reason}, "reason", errors, field="amendment_reason")
    raise_if(errors)
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
