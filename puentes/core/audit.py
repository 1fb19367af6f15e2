"""Recording audit events. Every service write and every read of a person calls this."""

import uuid
from typing import Any

from puentes.core.actor import Actor
from puentes.core.models import AuditEvent


def audit_record(
    *,
    actor: Actor,
    action: str,
    obj: Any = None,
    person_id: uuid.UUID | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event. ``obj`` is any model with a ``public_id``; ``person_id`` ties the
    event to a person's activity history."""
    return AuditEvent.objects.create(
        organization=actor.organization,
        user=actor.user,
        api_key=actor.api_key,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=getattr(obj, "public_id", None),
        subject_person_id=person_id,
        client_ip=actor.client_ip,
        detail=detail or {},
    )
