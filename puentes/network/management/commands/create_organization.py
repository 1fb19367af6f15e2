"""Operators: create an organization and its first administrator on a new deployment."""

import getpass
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from puentes.core.errors import DomainError
from puentes.network.models import OrganizationKind, Role
from puentes.network.services import membership_create, organization_create, user_create


class Command(BaseCommand):
    help = "Create an organization and its first administrator (asks for the password)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--name", required=True)
        parser.add_argument("--kind", required=True, choices=OrganizationKind.values)
        parser.add_argument("--admin-username", required=True)
        parser.add_argument("--admin-email", required=True)
        parser.add_argument("--time-zone", default="America/Los_Angeles")

    def handle(self, *args: Any, **options: Any) -> None:
        password = getpass.getpass("Administrator's password: ")
        try:
            with transaction.atomic():
                organization = organization_create(
                    fields={
                        "name": options["name"],
                        "kind": options["kind"],
                        "time_zone": options["time_zone"],
                    }
                )
                user = user_create(
                    username=options["admin_username"],
                    password=password,
                    email=options["admin_email"],
                    first_name="",
                    last_name="",
                    language="en",
                )
                membership_create(user=user, organization=organization, role=Role.ORG_ADMIN)
        except DomainError as error:
            details = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.fields.items())
            raise CommandError(f"{error.message} {details}") from None
        self.stdout.write(self.style.SUCCESS(f"Created {organization.name}."))
