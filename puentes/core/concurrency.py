"""Optimistic concurrency: an update names the version it read; a stale one is refused."""

from typing import Any, TypeVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.core.errors import DomainError

M = TypeVar("M", bound=models.Model)


def lock_for_update(model: type[M], pk: Any) -> M:
    """Re-read a row inside the current transaction, locked on PostgreSQL (no-op on SQLite,
    whose IMMEDIATE transactions already serialize writers)."""
    return model._default_manager.select_for_update().get(pk=pk)


def check_version(instance: Any, expected_version: int | None) -> None:
    """Raise ``conflict`` if someone saved ``instance`` since the caller read it."""
    if expected_version is None:
        raise DomainError(
            "invalid",
            _("The version you are editing is required."),
            {"version": [_("This field is required.")]},
        )
    if instance.version != expected_version:
        raise DomainError(
            "conflict",
            _(
                "Someone else changed this record while you were editing it (you had version "
                "%(yours)s, it is now %(current)s). Reload it and apply your change again."
            )
            % {"yours": expected_version, "current": instance.version},
            {"version": [_("Stale version.")]},
            extra={"current_version": instance.version},
        )


def bump_version(instance: Any) -> None:
    instance.version += 1
    instance.updated_at = timezone.now()
