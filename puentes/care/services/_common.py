"""What the care services share."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.inputs import Errors, is_uuid
from puentes.network.models import Membership
from puentes.network.selectors import member_list


def _today() -> datetime.date:
    return timezone.localdate()


def _codes(values: Any, allowed: Iterable[str], name: str, errors: Errors) -> list[str]:
    codes = [str(v) for v in (values or [])]
    unknown = sorted(set(codes) - set(allowed))
    if unknown:
        errors.setdefault(name, []).append(
            _("Not in the list: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    return list(dict.fromkeys(codes))


def _worker(actor: Actor, member_id: Any, name: str, errors: Errors) -> Membership | None:
    """A current member of the actor's organization, or an error on ``name``."""
    member = (
        member_list(actor=actor).filter(public_id=member_id).select_related("user").first()
        if is_uuid(member_id)
        else None
    )
    if member is None:
        errors.setdefault(name, []).append(_("Choose a current member of your organization."))
    return member
