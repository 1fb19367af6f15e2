"""Recording audit events. Every service write and every read of a person calls this.

Reads are gathered per request: selectors note the people whose data they return
(``people_seen``) and ``ReadAuditMiddleware`` writes one event for the request naming them
all, so a page of 200 search results costs one insert, not 200. A request refused as not
found or forbidden is recorded too (``access.denied``), so repeated probes of other
organizations' ids are visible.
"""

import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from puentes.core.actor import Actor
from puentes.core.models import AuditEvent


def audit_record(
    *,
    actor: Actor,
    action: str,
    obj: Any = None,
    person_id: uuid.UUID | None = None,
    detail: dict[str, Any] | None = None,
    object_type: str = "",
    object_id: uuid.UUID | None = None,
) -> AuditEvent:
    """Append one event. ``obj`` is any model with a ``public_id`` (or name the record with
    ``object_type`` and ``object_id`` when it is not loaded); ``person_id`` ties the event
    to a person's activity history."""
    return AuditEvent.objects.create(
        organization=actor.organization,
        user=actor.user,
        api_key=actor.api_key,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else object_type,
        object_id=_object_id(obj) if obj is not None else object_id,
        subject_person_id=person_id,
        client_ip=actor.client_ip,
        detail=detail or {},
    )


@dataclass
class _ReadLog:
    actor: Actor | None = None
    people: dict[uuid.UUID, None] = field(default_factory=dict)


_read_log: ContextVar[_ReadLog | None] = ContextVar("puentes_read_log", default=None)

# Methods whose responses are reads; writes are audited by their services.
_READ_METHODS = {"GET", "HEAD"}
# Most people a list's event names; a page is at most 200 (API_PAGE_SIZE_MAX).
_MOST_NAMED = 500


def people_seen(actor: Actor, person_ids: Iterable[uuid.UUID | str | None]) -> None:
    """Note people whose data the current request returns. Outside a request (services
    called by commands, tasks and tests) nothing is noted: only a response shows data."""
    log = _read_log.get()
    if log is None:
        return
    if log.actor is None:
        log.actor = actor
    for person_id in person_ids:
        if person_id is not None:
            log.people.setdefault(uuid.UUID(str(person_id)), None)


def people_seen_in(actor: Actor, rows: Iterable[Any]) -> None:
    """Note the people a page of rows shows: people themselves, records that carry their
    person (loaded with it), and presented shapes with a ``person_id`` or a ``person``."""
    people_seen(actor, (_person_of(row) for row in rows))


def _person_of(row: Any) -> Any:
    if isinstance(row, dict):
        person = row.get("person")
        if isinstance(person, dict):
            return person.get("id")
        return row.get("person_id")
    meta = getattr(row, "_meta", None)
    if meta is None:
        return None
    if meta.label_lower == "people.person":
        return row.public_id
    cached = getattr(getattr(row, "_state", None), "fields_cache", {})
    person = cached.get("person")
    return getattr(person, "public_id", None)


def person_read_record(actor: Actor, person_id: uuid.UUID) -> None:
    """An explicit read of one person: noted for the request, or recorded at once when
    there is no request (a command or a test reading a record)."""
    if _read_log.get() is None:
        _write_read(actor, [person_id], where="")
    else:
        people_seen(actor, [person_id])


def _write_read(actor: Actor, people: list[uuid.UUID], *, where: str) -> None:
    detail: dict[str, Any] = {"where": where} if where else {}
    if len(people) == 1:
        audit_record(
            actor=actor,
            action="person.read",
            person_id=people[0],
            detail=detail,
            object_type="people.person",
            object_id=people[0],
        )
        return
    detail.update(count=len(people), people=[str(p) for p in people[:_MOST_NAMED]])
    audit_record(actor=actor, action="people.read", detail=detail)


@contextmanager
def reads_gathered() -> Iterator[_ReadLog]:
    log = _ReadLog()
    token = _read_log.set(log)
    try:
        yield log
    finally:
        _read_log.reset(token)


def _request_actor(request: HttpRequest) -> Actor | None:
    auth = getattr(request, "auth", None)
    if isinstance(auth, Actor):
        return auth
    actor = getattr(request, "_puentes_actor", None)
    return actor if isinstance(actor, Actor) else None


class ReadAuditMiddleware:
    """One audit event per request that returned people's data, and one per request refused
    as not found or forbidden to a signed-in caller."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with reads_gathered() as log:
            response = self.get_response(request)
            status = response.status_code
            if request.method in _READ_METHODS and status < 400 and log.people and log.actor:
                _write_read(log.actor, list(log.people), where=request.path[:200])
            elif status in (403, 404):
                actor = log.actor or _request_actor(request)
                if actor is not None:
                    _write_denied(actor, request, status)
        return response


def _write_denied(actor: Actor, request: HttpRequest, status: int) -> None:
    detail = {"method": request.method, "path": request.path[:200], "status": status}
    audit_record(actor=actor, action="access.denied", detail=detail)


def _object_id(obj: Any) -> uuid.UUID | None:
    """A record's public UUID: ``public_id``, or the primary key of directory records,
    whose HSDS ids are public UUIDs already."""
    if obj is None:
        return None
    public_id = getattr(obj, "public_id", None)
    if public_id is None and isinstance(obj.pk, uuid.UUID):
        return obj.pk
    return public_id


AUDIT_ACTION_LABELS = {
    "person.create": _("registered the person"),
    "person.read": _("opened the record"),
    "people.read": _("listed or searched people"),
    "access.denied": _("was refused a record (not found or not allowed)"),
    "signin.failed": _("failed to sign in"),
    "apikey.failed": _("presented an API key that was refused"),
    "person.update": _("edited the record"),
    "person.merge": _("merged a duplicate record into this one"),
    "person.merged_away": _("merged this record into another"),
    "household.create": _("created a household"),
    "household.update": _("renamed a household"),
    "household.add_member": _("added to a household"),
    "household.remove_member": _("removed from a household"),
    "identifier.add": _("added an identifier"),
    "identifier.remove": _("removed an identifier"),
    "consent.record": _("recorded consent to share"),
    "consent.revoke": _("revoked consent to share"),
    "caseload.assign": _("assigned a worker"),
    "caseload.unassign": _("unassigned a worker"),
    "organization.update": _("edited the organization"),
    "member.update": _("changed a member's role"),
    "member.activate": _("reactivated a member"),
    "member.deactivate": _("deactivated a member"),
    "invitation.create": _("invited a member"),
    "invitation.revoke": _("withdrew an invitation"),
    "invitation.accept": _("accepted an invitation"),
    "apikey.create": _("created an API key"),
    "apikey.revoke": _("revoked an API key"),
    "screening.start": _("started a screening"),
    "screening.submit": _("screened a person"),
    "screening.configure": _("chose the screening instruments"),
    "need.record": _("recorded a need"),
    "need.status": _("changed a need's status"),
    "screening.read": _("opened a screening"),
    "need.read": _("opened a need"),
    "directory.service.update": _("edited a directory listing"),
    "directory.capacity.update": _("changed a listing's capacity"),
    "directory.verify": _("verified a directory listing"),
    "directory.correction.report": _("reported a problem with a listing"),
    "directory.correction.resolve": _("closed a reported problem"),
    "directory.import": _("imported directory data"),
    "referral.create": _("started a referral"),
    "referral.status": _("changed a referral's status"),
    "referral.read": _("opened a referral"),
    "program.create": _("added a program"),
    "program.update": _("edited a program"),
    "enrollment.create": _("enrolled the person in a program"),
    "enrollment.status": _("changed a program enrollment's status"),
    "enrollment.update": _("changed a program enrollment"),
    "care_plan.create": _("started a care plan"),
    "goal.create": _("set a goal"),
    "goal.update": _("changed a goal"),
    "goal.progress": _("recorded progress on a goal"),
    "recommendation.record": _("recorded a practitioner's recommendation"),
    "recommendation.attach": _("attached a scanned recommendation"),
    "plan_of_care.record": _("recorded a plan of care"),
    "plan_of_care.attach": _("attached a scanned plan of care"),
    "follow_up.create": _("added a follow-up"),
    "follow_up.update": _("changed a follow-up"),
    "follow_up.close": _("closed a follow-up"),
    "encounter.log": _("logged an encounter"),
    "encounter.update": _("edited an encounter"),
    "encounter.amend": _("amended a billed encounter"),
    "payer.create": _("added a payer"),
    "coverage.add": _("recorded coverage"),
    "coverage.end": _("ended a coverage"),
    "initiating_visit.record": _("recorded an initiating visit"),
    "provider.add": _("added a provider"),
    "billing_profile.set": _("changed the billing set-up"),
    "fee.set": _("set a fee"),
    "funding.create": _("added a funding source"),
    "batch.generate": _("generated a claim batch"),
    "batch.status": _("changed a claim batch's status"),
    "batch.cancel": _("cancelled a claim batch being generated"),
    "batch.export": _("downloaded a claim batch's file"),
    "directory.import.cancel": _("cancelled a directory import"),
    "claim.void": _("voided a claim"),
    "claim.correct": _("sent a corrected claim"),
    "remittance.import": _("imported a remittance"),
    "grants.charge": _("charged work to grants"),
}
