"""Rows read from a source, with where they came from, before any checking."""

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import charset_normalizer
from django.utils.translation import gettext as _


@dataclass
class Row:
    values: dict[str, Any]
    file: str
    line: int  # 1-based line in a CSV (the header is line 1), or item number in JSON


@dataclass
class Rejection:
    file: str
    line: int
    table: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} ({self.table}): {self.reason}"


@dataclass
class Repair:
    """A value changed because its meaning was certain (see importing.repairs)."""

    file: str
    line: int
    table: str
    field: str
    before: str
    after: str
    kind: str


@dataclass
class Dataset:
    """Rows by HSDS table name, plus problems found while reading."""

    tables: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    rejections: list[Rejection] = field(default_factory=list)
    repairs: list["Repair"] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The files a package reader looked for, to name them when it finds no rows.
    looked_for: list[str] = field(default_factory=list)

    def add(self, table: str, values: dict[str, Any], file: str, line: int) -> None:
        self.tables[table].append(Row(values, file, line))

    def count(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


def read_csv(path: Path, dataset: Dataset) -> list[tuple[int, dict[str, str]]]:
    """A CSV's rows with their line numbers; malformed files are reported, not guessed at.
    A file that is not UTF-8 is read in the encoding charset-normalizer detects, and the
    guess is reported."""
    try:
        return _read_rows(path, "utf-8-sig", dataset)
    except UnicodeDecodeError:
        guess = charset_normalizer.from_path(path).best()
        if guess is None:
            dataset.rejections.append(
                Rejection(path.name, 0, "", _("cannot read the CSV: its encoding is unknown"))
            )
            return []
        dataset.notes.append(
            _("%(file)s is not UTF-8: read as %(encoding)s (detected; check accented letters)")
            % {"file": path.name, "encoding": guess.encoding}
        )
        try:
            return _read_rows(path, guess.encoding, dataset)
        except (UnicodeDecodeError, LookupError) as error:
            dataset.rejections.append(
                Rejection(path.name, 0, "", _("cannot read the CSV: %(error)s") % {"error": error})
            )
            return []


def _read_rows(path: Path, encoding: str, dataset: Dataset) -> list[tuple[int, dict[str, str]]]:
    rows = []
    try:
        with path.open(newline="", encoding=encoding) as handle:
            reader = csv.DictReader(handle, strict=True)
            if reader.fieldnames is None:
                return []
            for row in reader:
                if None in row:
                    dataset.rejections.append(
                        Rejection(path.name, reader.line_num, "", _("more values than columns"))
                    )
                    continue
                rows.append((reader.line_num, {k.strip(): (v or "") for k, v in row.items()}))
    except csv.Error as error:
        dataset.rejections.append(
            Rejection(path.name, 0, "", _("cannot read the CSV: %(error)s") % {"error": error})
        )
    return rows
