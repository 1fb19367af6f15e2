"""manage.py export_hsds --format tabular|json OUT [--source NAME]"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from puentes.directory.exporting import export_json, export_tabular


class Command(BaseCommand):
    help = "Export the directory as HSDS 3.0: a tabular package (a folder) or a JSON file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("out", type=Path)
        parser.add_argument("--format", choices=["tabular", "json"], default="tabular")
        parser.add_argument("--source", help="only records imported from this source")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["format"] == "json":
            count = export_json(options["out"], source=options["source"])
            self.stdout.write(self.style.SUCCESS(f"Wrote {count:,} objects to {options['out']}"))
        else:
            counts = export_tabular(options["out"], source=options["source"])
            self.stdout.write(
                self.style.SUCCESS(
                    f"Wrote {sum(counts.values()):,} rows in {len(counts)} tables "
                    f"to {options['out']}"
                )
            )
