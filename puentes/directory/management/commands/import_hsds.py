"""manage.py import_hsds PATH [--source NAME] [--skip-invalid] [--partial] [--dry-run]
[--allow-deactivate]"""

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from puentes.directory.importing.loader import ImportFailed, TooManyDeactivated
from puentes.directory.importing.repairs import REPAIR_KINDS
from puentes.directory.services import directory_import


class Command(BaseCommand):
    help = (
        "Import HSDS data: an HSDS 3.0 JSON file, an HSDS 3.0 tabular package (folder or "
        "datapackage.json), or a legacy HSDS 1.x/2.x tabular folder."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--source", help="name of the source (default: the file or folder name)"
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid rows and report the rejected ones",
        )
        parser.add_argument(
            "--partial",
            action="store_true",
            help="do not mark records missing from this import inactive",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check everything and say what would change, writing nothing",
        )
        parser.add_argument(
            "--allow-deactivate",
            action="store_true",
            help="let a full import mark inactive more of the source than "
            "PUENTES_DIRECTORY_DEACTIVATE_MAX_PERCENT (default 20)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        source = options["source"] or path.resolve().stem
        try:
            report = directory_import(
                path=path,
                source=source,
                skip_invalid=options["skip_invalid"],
                full=not options["partial"],
                progress=self._progress,
                allow_deactivate=options["allow_deactivate"],
                dry_run=options["dry_run"],
            )
        except TooManyDeactivated as refusal:
            raise CommandError(
                f"{refusal.message} (--allow-deactivate allows it; --dry-run shows it.)"
            ) from None
        except ImportFailed as failure:
            for rejection in failure.rejections[:200]:
                self.stderr.write(f"  {rejection}")
            if len(failure.rejections) > 200:
                self.stderr.write(f"  … and {len(failure.rejections) - 200} more")
            raise CommandError(
                f"{len(failure.rejections)} problem(s): nothing was imported. "
                "Fix them, or use --skip-invalid to import the valid rows."
            ) from None
        self._summary(report)

    def _progress(self, table: str, done: int, total: int) -> None:
        if not sys.stdout.isatty() and total > 0 and done < total:
            return
        width = 30
        filled = int(width * done / total) if total else width
        self.stdout.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} {table:<24}", ending=""
        )
        self.stdout.flush()

    def _repairs(self, repairs: list[Any]) -> None:
        """Repairs grouped by kind, with a count and the first three of each."""
        groups: dict[str, list[Any]] = {}
        for repair in repairs:
            groups.setdefault(repair.kind, []).append(repair)
        for kind, items in sorted(groups.items()):
            self.stdout.write(f"Repaired: {REPAIR_KINDS.get(kind, kind)}: {len(items):,}")
            for r in items[:3]:
                where = f"{r.file}:{r.line} {r.table}.{r.field}"
                self.stdout.write(f"  {where}: {r.before!r} -> {r.after!r}")

    def _summary(self, report: Any) -> None:
        self.stdout.write("")
        for note in report.notes:
            self.stdout.write(note)
        verb = "Would import" if report.dry_run else "Imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {report.source}: {report.total(report.created):,} created, "
                f"{report.total(report.updated):,} updated, "
                f"{report.total(report.unchanged):,} unchanged, "
                f"{report.total(report.deactivated):,} marked inactive."
            )
        )
        kinds = ("created", "updated", "unchanged", "deactivated")
        for table in sorted({t for kind in kinds for t, n in getattr(report, kind).items() if n}):
            counts = "  ".join(f"{kind} {getattr(report, kind).get(table, 0):,}" for kind in kinds)
            self.stdout.write(f"  {table:<24} {counts}")
        for kind, tables in report.samples.items():
            for table, names in tables.items():
                self.stdout.write(f"  {kind} {table}: {'; '.join(names)}")
        self._repairs(report.repairs)
        for rejection in report.rejections:
            self.stdout.write(self.style.WARNING(f"  rejected {rejection}"))
        if report.dry_run:
            self.stdout.write("Dry run: nothing was written.")
