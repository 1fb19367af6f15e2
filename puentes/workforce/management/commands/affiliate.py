"""Make an organization a member of an intermediary (both have agreed outside Puentes)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from puentes.core.errors import DomainError
from puentes.network.models import Organization
from puentes.workforce.services import affiliation_create


class Command(BaseCommand):
    help = "Make MEMBER a member organization of INTERMEDIARY (by exact name or public id)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("intermediary")
        parser.add_argument("member")

    def handle(self, *args: Any, **options: Any) -> None:
        intermediary = _organization(options["intermediary"])
        member = _organization(options["member"])
        try:
            affiliation_create(intermediary=intermediary, member=member, since=timezone.localdate())
        except DomainError as error:
            raise CommandError(error.message) from error
        self.stdout.write(f"{member.name} is a member of {intermediary.name}.")


def _organization(name_or_id: str) -> Organization:
    found = Organization.objects.filter(name=name_or_id)
    if not found.exists() and len(name_or_id) == 36:
        found = Organization.objects.filter(public_id=name_or_id)
    if found.count() != 1:
        raise CommandError(f"No single organization named {name_or_id!r}.")
    return found.get()
