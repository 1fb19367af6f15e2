"""What the workforce's writes share: refusing unknown fields, the model's checks joined
to the others, dates not in the future, scans, who may keep a record, hours and
competencies."""

import datetime
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.errors import DomainError, invalid
from puentes.core.inputs import Errors
from puentes.core.services import validate
from puentes.core.uploads import scan_refusal
from puentes.network.models import Membership
from puentes.workforce.definitions import frameworks


def _refuse_unknown(fields: dict[str, Any], allowed: Iterable[str]) -> None:
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise invalid({name: [_("This field cannot be set here.")] for name in unknown})


def _checked(instance: Any, errors: Errors, exclude: Iterable[str] = ()) -> None:
    """The model's own checks (lengths, ranges, choices) added to the ``errors`` already
    found, so one answer names every field; raise if there are any."""
    try:
        validate(instance, exclude=exclude)
    except DomainError as error:
        for name, messages in error.fields.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise invalid(errors)


def _not_future(day: Any, name: str, errors: Errors) -> None:
    if isinstance(day, datetime.date) and day > timezone.localdate():
        errors.setdefault(name, []).append(_("The date cannot be in the future."))


def _evidence(file: UploadedFile | None, name: str, errors: Errors) -> None:
    refusal = scan_refusal(file) if file is not None else None
    if refusal:
        errors.setdefault(name, []).append(refusal)


def _may_keep(actor: Actor, worker: Membership) -> None:
    """Supervisors and administrators keep the team's records; a worker adds to their own."""
    if actor.can("workforce.manage"):
        return
    own = actor.membership is not None and actor.membership.pk == worker.pk
    if not (own and actor.can("workforce.own")):
        actor.require("workforce.manage")


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value is not None else None
    except InvalidOperation:
        return None


def _competencies(value: Any, errors: Errors) -> list[str]:
    known = {item.id for f in frameworks().values() for item in f.items()}
    chosen = list(dict.fromkeys(value or []))
    unknown = sorted(set(chosen) - known)
    if unknown:
        errors["competencies"] = [_("Unknown competencies: %(c)s.") % {"c": ", ".join(unknown)}]
    return chosen
