"""Who is acting: a user (or API key) within one active organization, with one role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from puentes.core.errors import DomainError
from puentes.core.permissions import role_may

if TYPE_CHECKING:
    from puentes.network.models import ApiKey, Membership, Organization, User


@dataclass(frozen=True)
class Actor:
    organization: Organization
    role: str
    user: User | None = None
    membership: Membership | None = None
    api_key: ApiKey | None = None
    client_ip: str | None = None

    def can(self, action: str) -> bool:
        return role_may(self.role, action)

    def require(self, action: str) -> None:
        """Raise ``forbidden`` unless the role allows ``action`` (see core.permissions)."""
        if not self.can(action):
            raise DomainError("forbidden", _("Your role does not allow this."))

    @property
    def label(self) -> str:
        if self.user is not None:
            return self.user.get_full_name() or self.user.get_username()
        if self.api_key is not None:
            return f"API key {self.api_key.prefix}"
        return "system"
