"""Tenancy as a mechanism: every read of an organization's data goes through a scoped
query set, so the organization filter is written once here and cannot be forgotten.

A model holding tenant data uses ``objects = TenantManager()``. ``Model.objects.for_actor
(actor)`` is what the actor's organization may see: by default the rows whose
``tenant_path`` (the organization key, or a path to it such as "care_plan__organization")
is the actor's organization. A model whose rule differs overrides ``for_actor`` on its own
query set (referrals: the sending side, or the receiving side but never a draft).

``one(queryset, public_id)`` is the single "the row with this id, or 404": a row of another
organization is as unknown as a missing one, so its existence is never revealed.

Work that runs for the system rather than for a member (a batch's worker, an import) reads
with ``for_organization(organization)``; anything else must say why it is unscoped with
``unscoped(Model, reason)``, so every such read is named and can be found.
"""

import uuid
from typing import Any, Generic, Self, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet

from puentes.core.actor import Actor
from puentes.core.errors import not_found

M = TypeVar("M", bound=models.Model)


class TenantQuerySet(QuerySet[M], Generic[M]):
    def for_organization(self, organization: Any) -> Self:
        """Rows of one organization (for system work done on its behalf)."""
        path = getattr(self.model, "tenant_path", "organization")
        return self.filter(**{path: organization})

    def for_actor(self, actor: Actor) -> Self:
        """Rows the actor's organization may see (override where the rule differs)."""
        return self.for_organization(actor.organization)


class TenantManager(models.Manager[M]):
    """The manager of a model holding tenant data: its query sets are TenantQuerySets."""

    def get_queryset(self) -> TenantQuerySet[M]:
        return TenantQuerySet(self.model, using=self._db)

    def for_actor(self, actor: Actor) -> TenantQuerySet[M]:
        return self.get_queryset().for_actor(actor)

    def for_organization(self, organization: Any) -> TenantQuerySet[M]:
        return self.get_queryset().for_organization(organization)


def one(queryset: QuerySet[M], public_id: uuid.UUID | str, seen_by: Actor | None = None) -> M:
    """The row with ``public_id`` in ``queryset`` (already scoped), or 404. With
    ``seen_by``, the row is about a person whose data the request now shows, so the
    request's read audit names them."""
    try:
        found = queryset.filter(public_id=public_id).first()
    except ValidationError:  # a malformed id is as unknown as a missing one
        found = None
    if found is None:
        raise not_found()
    if seen_by is not None:
        from puentes.core.audit import people_seen  # audit's models load after this module

        people_seen(seen_by, [found.person.public_id])  # type: ignore[attr-defined]
    return found


def unscoped(model: type[M], reason: str) -> QuerySet[M]:
    """All rows of a tenant model, for work that must cross organizations (``reason`` says
    why; it is there to be read in review)."""
    if not reason.strip():
        raise ValueError("say why the read crosses organizations")
    return model._default_manager.all()


def is_tenant_model(model: type[models.Model]) -> bool:
    """Whether a model holds an organization's data: it has an organization key or
    declares a path to one."""
    if hasattr(model, "tenant_path"):
        return True
    return any(
        field.name == "organization" and field.is_relation for field in model._meta.get_fields()
    )
