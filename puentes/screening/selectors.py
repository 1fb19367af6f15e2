"""Reads of screenings and needs, scoped to the actor's organization; reporting aggregates."""

import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any, Literal

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr, TruncMonth
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.errors import invalid
from puentes.core.tenancy import one, unscoped
from puentes.people.models import Person
from puentes.screening.definitions import Instrument, instrument_find, instruments_current
from puentes.screening.models import (
    OPEN_NEED_STATUSES,
    Finding,
    InstrumentChoice,
    Need,
    NeedEvent,
    NeedStatus,
    Outcome,
    Screening,
    ScreeningStatus,
)


def instrument_list_for(*, actor: Actor) -> list[Instrument]:
    """The instruments the actor's organization uses (all of them until it chooses)."""
    chosen = set(InstrumentChoice.objects.for_actor(actor).values_list("instrument_id", flat=True))
    instruments = instruments_current()
    return [i for i in instruments if i.id in chosen] if chosen else instruments


def instrument_get(instrument_id: str, version: str | None = None) -> Instrument:
    instrument = instrument_find(instrument_id, version)
    if instrument is None:
        message = _("%(id)s %(version)s is not a known instrument or version.") % {
            "id": instrument_id,
            "version": version or "",
        }
        raise invalid({"instrument": [message]})
    return instrument


def screening_list(*, actor: Actor, person: Person) -> QuerySet[Screening]:
    actor.require("person.view")
    return (
        Screening.objects.for_actor(actor)
        .filter(person=person)
        .select_related("started_by", "completed_by")
    )


def screening_get(*, actor: Actor, public_id: uuid.UUID | str) -> Screening:
    actor.require("person.view")
    return one(Screening.objects.for_actor(actor).select_related("person"), public_id)


def screening_read(*, actor: Actor, public_id: uuid.UUID | str) -> Screening:
    """screening_get for showing the answers to someone: the read is audited."""
    screening = screening_get(actor=actor, public_id=public_id)
    audit_record(
        actor=actor, action="screening.read", obj=screening, person_id=screening.person.public_id
    )
    return screening


def need_list(*, actor: Actor, person: Person, open_only: bool = False) -> QuerySet[Need]:
    actor.require("person.view")
    needs = Need.objects.for_actor(actor).filter(person=person)
    if open_only:
        needs = needs.filter(status__in=OPEN_NEED_STATUSES)
    return needs.select_related("screening")


def needs_of(*, actor: Actor, people: Iterable[Person]) -> QuerySet[Need]:
    """The needs of these people the actor's organization may see: what other apps (care's
    goals, encounters and follow-ups) link to, asked of screening rather than read
    directly."""
    return Need.objects.for_actor(actor).filter(person__in=list(people))


def diagnosed_needs(people: Q) -> QuerySet[Need]:
    """The needs of the people ``people`` (a condition on ``person_id``: a billing run reads
    by id range) selects that carry a diagnosis (Z) code and were not declined: the codes a
    claim may give. For system work on an organization's people, whose ids come from its
    own records."""
    needs = unscoped(Need, "a billing run's people, from its own encounters").filter(people)
    needs = needs.exclude(z_code="")
    return needs.exclude(status=NeedStatus.DECLINED)


def need_get(*, actor: Actor, public_id: uuid.UUID | str) -> Need:
    actor.require("person.view")
    return one(Need.objects.for_actor(actor).select_related("person", "screening"), public_id)


def need_read(*, actor: Actor, public_id: uuid.UUID | str) -> Need:
    """need_get for showing the need to someone: the read is audited."""
    need = need_get(actor=actor, public_id=public_id)
    audit_record(actor=actor, action="need.read", obj=need, person_id=need.person.public_id)
    return need


def need_history(*, actor: Actor, need: Need) -> QuerySet[NeedEvent]:
    actor.require("person.view")
    return NeedEvent.objects.for_actor(actor).filter(need=need).select_related("user", "screening")


Grouping = Literal["month", "zip"]


def _grouped(
    rows: QuerySet[Any], by: Grouping, date_field: str, zip_field: str
) -> list[dict[str, Any]]:
    key = TruncMonth(date_field) if by == "month" else Substr(zip_field, 1, 5)
    grouped = rows.annotate(group=key).values("group", "category").annotate(count=Count("id"))
    return [
        {
            by: (
                row["group"].isoformat()[:7]  # a date (needs) or a datetime (screenings)
                if by == "month" and row["group"]
                else row["group"] or ""
            ),
            "category": row["category"],
            "count": row["count"],
        }
        for row in grouped.order_by("group", "category")
    ]


def report_positive_screens(
    *, actor: Actor, by: Grouping = "month", since: date | None = None, until: date | None = None
) -> list[dict[str, Any]]:
    """Positive findings of completed screenings by domain, per month or per ZIP code."""
    actor.require("person.view")
    findings = Finding.objects.for_actor(actor).filter(
        screening__status=ScreeningStatus.COMPLETED,
        outcome=Outcome.POSITIVE,
    )
    if since:
        findings = findings.filter(screening__completed_at__date__gte=since)
    if until:
        findings = findings.filter(screening__completed_at__date__lte=until)
    return _grouped(findings, by, "screening__completed_at", "screening__person__postal_code")


def report_open_needs(*, actor: Actor, by: Grouping = "month") -> list[dict[str, Any]]:
    """Open needs by domain, per month identified or per ZIP code."""
    actor.require("person.view")
    needs = Need.objects.for_actor(actor).filter(status__in=OPEN_NEED_STATUSES)
    return _grouped(needs, by, "identified_on", "person__postal_code")
