"""Writes of programs."""

import uuid
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from puentes.care import selectors
from puentes.care.models import (
    Program,
    ProgramKind,
)
from puentes.care.services._common import _codes
from puentes.core.actor import Actor
from puentes.core.audit import audit_record
from puentes.core.concurrency import bump_version, check_version, lock_for_update
from puentes.core.errors import DomainError
from puentes.core.inputs import Errors, Fields, model_number, model_text, raise_if
from puentes.network.models import WorkerType

PROGRAM_FIELDS = (
    "name",
    "kind",
    "description",
    "target_population",
    "worker_types",
    "follow_up_days",
    "caseload_limit",
    "is_active",
)


def _clean_program(fields: Fields) -> dict[str, Any]:
    errors: Errors = {}
    unknown = set(fields) - set(PROGRAM_FIELDS)
    if unknown:
        errors["__all__"] = [_("Unknown fields: %(f)s.") % {"f": ", ".join(sorted(unknown))}]
    clean: dict[str, Any] = {}
    if "name" in fields:
        clean["name"] = model_text(Program, fields, "name", errors, required=True)
    if "kind" in fields:
        if fields["kind"] not in ProgramKind.values:
            errors["kind"] = [_("Choose a kind of program from the list.")]
        clean["kind"] = fields["kind"]
    for name in ("description", "target_population"):
        if name in fields:
            clean[name] = model_text(Program, fields, name, errors)
    if "worker_types" in fields:
        clean["worker_types"] = _codes(
            fields["worker_types"], WorkerType.values, "worker_types", errors
        )
    for name in ("follow_up_days", "caseload_limit"):
        if name in fields:
            clean[name] = model_number(Program, fields, name, errors)
    if "is_active" in fields:
        clean["is_active"] = bool(fields["is_active"])
    raise_if(errors)
    return clean


def _save_program(program: Program) -> None:
    try:
        with transaction.atomic():
            program.save()
    except IntegrityError:
        raise DomainError(
            "duplicate",
            _("Your organization already has a program with this name."),
            {"name": [_("Choose another name.")]},
        ) from None


@transaction.atomic
def program_create(*, actor: Actor, fields: Fields) -> Program:
    actor.require("program.manage")
    missing = {
        name: [_("This field is required.")] for name in ("name", "kind") if not fields.get(name)
    }
    raise_if(missing)
    program = Program(organization=actor.organization, **_clean_program(fields))
    _save_program(program)
    audit_record(actor=actor, action="program.create", obj=program)
    return program


@transaction.atomic
def program_update(
    *, actor: Actor, program_id: uuid.UUID | str, version: int | None, fields: Fields
) -> Program:
    actor.require("program.manage")
    program = lock_for_update(Program, selectors.program_get(actor=actor, public_id=program_id).pk)
    check_version(program, version)
    clean = _clean_program(fields)
    for name, value in clean.items():
        setattr(program, name, value)
    bump_version(program)
    _save_program(program)
    audit_record(
        actor=actor, action="program.update", obj=program, detail={"fields": sorted(clean)}
    )
    return program
