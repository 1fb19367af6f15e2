"""Payer documents: practitioners' recommendations and plans of care."""

import datetime
import re
import uuid
from collections.abc import Callable
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.care import selectors
from puentes.care.models import (
    CarePlan,
    Credential,
    PlanOfCare,
    Recommendation,
)
from puentes.care.services._common import _today
from puentes.core import icd10cm
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version
from puentes.core.errors import DomainError
from puentes.core.inputs import Errors, Fields, is_uuid, model_text, raise_if
from puentes.core.uploads import scan_refusal
from puentes.core.validators import validate_npi
from puentes.people.models import Person
from puentes.people.selectors import person_get


def _practitioner(
    model: type[Recommendation] | type[PlanOfCare], fields: Fields, errors: Errors
) -> dict[str, Any]:
    npi = str(fields.get("practitioner_npi") or "").strip()
    try:
        validate_npi(npi)
    except ValidationError as error:
        errors["practitioner_npi"] = list(error.messages)
    if fields.get("credential") not in Credential.values:
        errors["credential"] = [_("Choose the practitioner's credential.")]
    return {
        "practitioner_name": model_text(model, fields, "practitioner_name", errors, required=True),
        "practitioner_npi": npi,
        "credential": fields.get("credential"),
    }


def _attachment(upload: UploadedFile | None, errors: Errors) -> dict[str, Any]:
    if upload is None:
        return {}
    refusal = scan_refusal(upload)
    if refusal:
        errors["attachment"] = [refusal]
    return {"attachment": upload, "attachment_name": (upload.name or "scan")[-200:]}


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
    text: str,
    extra: Callable[[Person, Errors], dict[str, Any]] | None = None,
) -> Any:
    """What recording either payer document takes: the practitioner, a date that is not in
    the future and an optional later end (``dates``: start, end, message when the end is
    not after the start), one required text, the scan, and any ``extra`` columns."""
    actor.require("care.document")
    person = person_get(actor=actor, public_id=person_id)
    errors: Errors = {}
    start_name, end_name, end_message = dates
    columns = _practitioner(model, fields, errors)
    start = _past_date(fields, start_name, errors, required=True)
    end = fields.get(end_name) or None
    if end and isinstance(start, datetime.date) and end <= start:
        errors[end_name] = [end_message]
    columns.update({start_name: start, end_name: end})
    columns[text] = model_text(model, fields, text, errors, required=True)
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
            text="scope",
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
            text="summary",
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
