"""Base model and the append-only audit log."""

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from puentes.core.tenancy import TenantQuerySet


class BaseModel(models.Model):
    """UUID public id, timestamps, and a version for optimistic concurrency.

    The integer primary key never leaves the database; URLs and APIs use ``public_id``.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class Leased(models.Model):
    """A background job's row: which worker holds it and until when (core.jobs)."""

    lease_owner = models.CharField(max_length=80, blank=True, default="", editable=False)
    lease_expires_at = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        abstract = True


class AuditQuerySet(TenantQuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("audit events are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit events are append-only")


class AuditEvent(models.Model):
    """Who did or saw what, for which organization, when and from where. Never changed."""

    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    organization = models.ForeignKey(
        "network.Organization", null=True, on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    api_key = models.ForeignKey(
        "network.ApiKey", null=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("action"), max_length=64)
    object_type = models.CharField(max_length=64)
    object_id = models.UUIDField(null=True)
    # The person the event concerns, so a person's activity history is one indexed query.
    subject_person_id = models.UUIDField(null=True, db_index=True)
    client_ip = models.GenericIPAddressField(null=True)
    detail = models.JSONField(default=dict, blank=True)

    objects: ClassVar[models.Manager["AuditEvent"]] = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["organization", "-occurred_at"]),
            # Is this address blocked? Asked on every sign-in and API request: the few
            # failures of one address, not a count over the whole log.
            models.Index(
                fields=["client_ip", "action", "occurred_at"], name="audit_failures_by_ip"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit events are append-only")
