"""Every write of screenings and needs."""

import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from puentes.core import icd10cm
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import DomainError, invalid
from puentes.core.inputs import Errors, model_text, raise_if
from puentes.people.models import Person, PersonStatus
from puentes.people.selectors import person_get
from puentes.screening.categories import CATEGORIES
from puentes.screening.definitions import Instrument, instrument_find, instruments_current
from puentes.screening.models import (
    OPEN_NEED_STATUSES,
    Finding,
    InstrumentChoice,
    Need,
    NeedEvent,
    NeedStatus,
    Screening,
    ScreeningStatus,
)
from puentes.screening.scoring import AnswerError, RuleResult, check_answer, is_enabled, score
from puentes.screening.selectors import (
    instrument_get,
    instrument_list_for,
    need_get,
    screening_get,
)

# A need in one of these is updated by a new positive screen rather than duplicated.
_REUSABLE_NEED_STATUSES = [NeedStatus.IDENTIFIED, NeedStatus.IN_PROGRESS, NeedStatus.DECLINED]
_REASON_REQUIRED = {NeedStatus.DECLINED, NeedStatus.UNABLE}
_Z_CODE = re.compile(r"Z\d{2}(\.\d{1,4})?")


def instrument_choices_set(*, actor: Actor, instrument_ids: Iterable[str]) -> list[str]:
    actor.require("screening.configure")
    chosen = sorted(set(instrument_ids))
    known = {instrument.id for instrument in instruments_current()}
    unknown = [i for i in chosen if i not in known]
    if unknown or not chosen:
        raise invalid(
            {
                "instruments": [
                    _("Choose at least one instrument.")
                    if not chosen
                    else _("Unknown instruments: %(ids)s") % {"ids": ", ".join(unknown)}
                ]
            }
        )
    with transaction.atomic():
        InstrumentChoice.objects.for_actor(actor).delete()
        InstrumentChoice.objects.bulk_create(
            InstrumentChoice(organization=actor.organization, instrument_id=i) for i in chosen
        )
        audit_record(actor=actor, action="screening.configure", detail={"instruments": chosen})
    return chosen


def _offered_instrument(actor: Actor, instrument_id: str, version: str | None) -> Instrument:
    instrument = instrument_get(instrument_id, version)
    if instrument.id not in {i.id for i in instrument_list_for(actor=actor)}:
        raise invalid({"instrument": [_("Your organization does not use this instrument.")]})
    return instrument


def _screenable_person(actor: Actor, person_id: uuid.UUID | str) -> Person:
    actor.require("screening.perform")
    person = person_get(actor=actor, public_id=person_id)
    if person.status != PersonStatus.ACTIVE:
        raise DomainError(
            "conflict", _("This record was merged into another one; screen that one.")
        )
    return person


def _language(language: str | None, person: Person) -> str:
    chosen = language or (
        person.preferred_language if person.preferred_language in dict(settings.LANGUAGES) else "en"
    )
    if chosen not in dict(settings.LANGUAGES):
        raise invalid({"language": [_("Choose English or Spanish.")]})
    return chosen


def _checked_answers(instrument: Instrument, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Every answer checked against its item; all problems reported together."""
    if not isinstance(answers, Mapping):
        raise invalid({"answers": [_("Answers must be an object keyed by question id.")]})
    checked: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for item_id, answer in answers.items():
        item = instrument.item(item_id)
        if item is None:
            errors[f"answers.{item_id}"] = [_("There is no such question in this instrument.")]
            continue
        try:
            checked[item_id] = check_answer(item, answer)
        except AnswerError as error:
            errors[f"answers.{item_id}"] = [str(error)]
    if errors:
        raise invalid(errors)
    return checked


@transaction.atomic
def screening_start(
    *,
    actor: Actor,
    person_id: uuid.UUID | str,
    instrument_id: str,
    version: str | None = None,
    language: str | None = None,
    answers: Mapping[str, Any] | None = None,
) -> Screening:
    """Begin a screening, optionally with its first answers (all checked before anything is
    written)."""
    person = _screenable_person(actor, person_id)
    instrument = _offered_instrument(actor, instrument_id, version)
    chosen_language = _language(language, person)
    checked = _checked_answers(instrument, answers or {})
    screening = Screening.objects.create(
        organization=actor.organization,
        person=person,
        instrument_id=instrument.id,
        instrument_version=instrument.version,
        language=chosen_language,
        answers=checked,
        started_by=actor.user,
    )
    audit_record(
        actor=actor,
        action="screening.start",
        obj=screening,
        person_id=person.public_id,
        detail={"instrument": instrument.id},
    )
    return screening


def _instrument_of(screening: Screening) -> Instrument:
    instrument = instrument_find(screening.instrument_id, screening.instrument_version)
    if instrument is None:
        raise DomainError(
            "conflict", _("This screening's instrument version is no longer shipped.")
        )
    return instrument


def _editable(actor: Actor, screening_id: uuid.UUID | str) -> Screening:
    actor.require("screening.perform")
    screening = lock_for_update(Screening, screening_get(actor=actor, public_id=screening_id).pk)
    if screening.status != ScreeningStatus.IN_PROGRESS:
        raise DomainError("conflict", _("This screening was already submitted."))
    return screening


@transaction.atomic
def screening_answer(
    *,
    actor: Actor,
    screening_id: uuid.UUID | str,
    version: int | None,
    answers: Mapping[str, Any],
    clear: Iterable[str] = (),
    language: str | None = None,
) -> Screening:
    """Save some answers (a partial update); ``clear`` removes answers to change one's mind."""
    screening = _editable(actor, screening_id)
    check_version(screening, version)
    instrument = _instrument_of(screening)
    merged = {**screening.answers, **_checked_answers(instrument, answers)}
    for item_id in clear:
        merged.pop(item_id, None)
    screening.answers = merged
    if language is not None:
        screening.language = _language(language, screening.person)
    bump_version(screening)
    screening.save()
    return screening


def _record_findings(screening: Screening, results: list[RuleResult]) -> None:
    Finding.objects.bulk_create(
        Finding(
            screening=screening,
            rule_id=r.rule_id,
            category=r.need,
            z_code=r.z_code or "",
            outcome=r.outcome,
            total=r.total,
            derived_code=r.derived_code or "",
        )
        for r in results
    )


def _needs_from(actor: Actor, screening: Screening, results: list[RuleResult]) -> list[Need]:
    """Create or update one need per positive domain."""
    needs = []
    seen: set[str] = set()
    for result in results:
        if result.outcome != "positive" or result.need in seen:
            continue
        seen.add(result.need)
        need = (
            Need.objects.for_actor(actor)
            .select_for_update()
            .filter(
                person=screening.person,
                category=result.need,
                status__in=_REUSABLE_NEED_STATUSES,
            )
            .order_by("-identified_on")
            .first()
        )
        if need is None:
            need = Need.objects.create(
                organization=actor.organization,
                person=screening.person,
                category=result.need,
                z_code=result.z_code or "",
                identified_on=timezone.localdate(),
                screening=screening,
                created_by=actor.user,
            )
            NeedEvent.objects.create(
                need=need,
                user=actor.user,
                to_status=need.status,
                reason=gettext_noop("Found by screening"),
                screening=screening,
            )
        else:
            need.screening = screening
            bump_version(need)
            need.save()
            NeedEvent.objects.create(
                need=need,
                user=actor.user,
                from_status=need.status,
                to_status=need.status,
                reason=gettext_noop("Confirmed by screening"),
                screening=screening,
            )
        needs.append(need)
    return needs


@transaction.atomic
def screening_submit(
    *, actor: Actor, screening_id: uuid.UUID | str, idempotency_key: str = ""
) -> Screening:
    """Score the answers, keep the findings, and create or update the person's needs.

    Submitting again with the same idempotency key returns the completed screening.
    """
    actor.require("screening.perform")
    errors: Errors = {}
    model_text(Screening, {"idempotency_key": idempotency_key}, "idempotency_key", errors)
    raise_if(errors)
    existing = screening_get(actor=actor, public_id=screening_id)
    if (
        existing.status == ScreeningStatus.COMPLETED
        and idempotency_key
        and (existing.idempotency_key == idempotency_key)
    ):
        return existing
    screening = _editable(actor, screening_id)
    instrument = _instrument_of(screening)
    # Answers to questions the skip logic no longer asks are dropped, not scored.
    screening.answers = {
        item_id: answer
        for item_id, answer in screening.answers.items()
        if (item := instrument.item(item_id)) is not None and is_enabled(item, screening.answers)
    }
    results = score(instrument, screening.answers)
    screening.status = ScreeningStatus.COMPLETED
    screening.completed_at = timezone.now()
    screening.completed_by = actor.user
    screening.idempotency_key = idempotency_key or ""
    bump_version(screening)
    try:
        with transaction.atomic():
            screening.save()
    except IntegrityError:
        raise DomainError(
            "conflict",
            _("This idempotency key was already used for another screening."),
            {"idempotency_key": [_("Already used.")]},
        ) from None
    _record_findings(screening, results)
    needs = _needs_from(actor, screening, results)
    audit_record(
        actor=actor,
        action="screening.submit",
        obj=screening,
        person_id=screening.person.public_id,
        detail={"instrument": instrument.id, "positive": sorted({n.category for n in needs})},
    )
    return screening


@transaction.atomic
def screening_record(
    *,
    actor: Actor,
    person_id: uuid.UUID | str,
    instrument_id: str,
    answers: Mapping[str, Any],
    version: str | None = None,
    language: str | None = None,
    idempotency_key: str = "",
) -> Screening:
    """Start, answer and submit in one call (a device that screened offline).

    The same idempotency key again returns the first screening instead of a second one.
    """
    actor.require("screening.perform")
    if idempotency_key:
        earlier = (
            Screening.objects.for_actor(actor)
            .filter(idempotency_key=idempotency_key)
            .select_related("person")
            .first()
        )
        if earlier is not None:
            if (
                str(earlier.person.public_id) != str(person_id)
                or earlier.instrument_id != instrument_id
            ):
                raise DomainError(
                    "conflict",
                    _("This idempotency key was already used for another screening."),
                    {"idempotency_key": [_("Already used.")]},
                )
            return earlier
    screening = screening_start(
        actor=actor,
        person_id=person_id,
        instrument_id=instrument_id,
        version=version,
        language=language,
        answers=answers,
    )
    return screening_submit(
        actor=actor, screening_id=screening.public_id, idempotency_key=idempotency_key
    )


def need_record(
    *, actor: Actor, person_id: uuid.UUID | str, category: str, note: str = "", z_code: str = ""
) -> Need:
    """A need the worker observed outside a screening (e.g. no place to store insulin)."""
    actor.require("need.manage")
    person = person_get(actor=actor, public_id=person_id)
    errors: dict[str, list[str]] = {}
    if category not in CATEGORIES:
        errors["category"] = [_("Choose a valid domain.")]
    model_text(Need, {"note": note}, "note", errors)
    if z_code and not _looks_like_z_code(z_code):
        errors["z_code"] = [_("A Z code looks like Z59.41.")]
    elif z_code and (why := icd10cm.refusal(z_code, timezone.localdate())):
        errors["z_code"] = [why]
    if errors:
        raise invalid(errors)
    with transaction.atomic():
        need = Need.objects.create(
            organization=actor.organization,
            person=person,
            category=category,
            z_code=z_code.upper(),
            note=(note or "").strip(),
            identified_on=timezone.localdate(),
            created_by=actor.user,
        )
        NeedEvent.objects.create(
            need=need,
            user=actor.user,
            to_status=need.status,
            reason=gettext_noop("Observed by a worker"),
        )
        audit_record(
            actor=actor,
            action="need.record",
            obj=need,
            person_id=person.public_id,
            detail={"category": category},
        )
    return need


def _looks_like_z_code(code: str) -> bool:
    return bool(_Z_CODE.fullmatch(code.upper()))


@transaction.atomic
def need_set_status(
    *, actor: Actor, need_id: uuid.UUID | str, version: int | None, status: str, reason: str = ""
) -> Need:
    actor.require("need.manage")
    need = lock_for_update(Need, need_get(actor=actor, public_id=need_id).pk)
    check_version(need, version)
    reason = (reason or "").strip()
    if status not in NeedStatus.values:
        raise invalid({"status": [_("Choose a valid status.")]})
    if status == need.status:
        raise invalid({"status": [_("The need already has this status.")]})
    if status in _REASON_REQUIRED and not reason:
        raise invalid({"reason": [_("Say why.")]})
    errors: Errors = {}
    model_text(NeedEvent, {"reason": reason}, "reason", errors)
    raise_if(errors)
    NeedEvent.objects.create(
        need=need, user=actor.user, from_status=need.status, to_status=status, reason=reason[:500]
    )
    need.status = status
    bump_version(need)
    need.save()
    audit_record(
        actor=actor,
        action="need.status",
        obj=need,
        person_id=need.person.public_id,
        detail={"status": status},
    )
    return need


def need_follow_referral(*, need: Need, status: str, reason: str, user: Any) -> None:
    """A referral's progress moves its needs: sending marks them in progress, completing
    resolves them, and a referral that ends without the service leaves them open with the
    reason. Called by the referral workflow, which has already checked who is acting (the
    receiving organization may close the loop on a need it cannot otherwise see)."""
    need = lock_for_update(Need, need.pk)
    if need.status not in OPEN_NEED_STATUSES:
        return
    NeedEvent.objects.create(
        need=need, user=user, from_status=need.status, to_status=status, reason=reason[:500]
    )
    if status != need.status:
        need.status = status
        bump_version(need)
        need.save()
