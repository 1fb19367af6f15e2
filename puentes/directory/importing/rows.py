"""Rows read from a source, with where they came from, before any checking."""

import codecs
import csv
from collections import defaultdict
from collections.abc import Iterator
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
class CsvFile:
    """A CSV file read row by row when the loader reaches its table, so a package of any
    size is never held in memory. Its encoding is settled (and its rows counted, for the
    progress bar) before any row is read."""

    path: Path
    encoding: str
    lines: int

    def rows(self, dataset: "Dataset") -> Iterator[Row]:
        for line, values in _stream_rows(self.path, self.encoding, dataset):
            yield Row({k: v for k, v in values.items() if v != ""}, self.path.name, line)


@dataclass
class Dataset:
    """Rows by HSDS table name, plus problems found while reading: rows held in memory
    (JSON documents, legacy packages, rows a repair adds) and CSV files streamed from disk."""

    tables: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    files: dict[str, list[CsvFile]] = field(default_factory=lambda: defaultdict(list))
    rejections: list[Rejection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The files a package reader looked for, to name them when it finds no rows.
    looked_for: list[str] = field(default_factory=list)

    def add(self, table: str, values: dict[str, Any], file: str, line: int) -> None:
        self.tables[table].append(Row(values, file, line))

    def rows(self, table: str, *, quiet: bool = False) -> Iterator[Row]:
        """A table's rows: those in memory, then those of its CSV files, read as they go.
        ``quiet``: a look ahead (for a repair), whose reading problems the real pass reports."""
        yield from self.tables.get(table, [])
        for csv_file in self.files.get(table, []):
            yield from csv_file.rows(Dataset() if quiet else self)

    def hold(self, table: str) -> list[Row]:
        """A table's rows, all in memory (for the few small tables a repair looks at whole)."""
        for csv_file in self.files.pop(table, []):
            self.tables[table].extend(csv_file.rows(self))
        return self.tables[table]

    def estimate(self) -> int:
        """About how many rows there are (a CSV's lines), for the progress bar."""
        held = sum(len(rows) for rows in self.tables.values())
        return held + sum(f.lines for files in self.files.values() for f in files)


_BLOCK = 1 << 20


def open_csv(path: Path, dataset: Dataset) -> CsvFile | None:
    """The file ready to stream: UTF-8 when it all decodes as UTF-8, else the encoding
    charset-normalizer detects (reported). None, with a rejection, when it cannot be read."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = 0
    try:
        with path.open("rb") as handle:
            while block := handle.read(_BLOCK):
                decoder.decode(block)
                lines += block.count(b"\n")
            decoder.decode(b"", final=True)
        return CsvFile(path, "utf-8-sig", max(lines - 1, 0))
    except UnicodeDecodeError:
        pass
    guess = charset_normalizer.from_path(path).best()
    if guess is None:
        dataset.rejections.append(
            Rejection(path.name, 0, "", _("cannot read the CSV: its encoding is unknown"))
        )
        return None
    dataset.notes.append(
        _("%(file)s is not UTF-8: read as %(encoding)s (detected; check accented letters)")
        % {"file": path.name, "encoding": guess.encoding}
    )
    return CsvFile(path, guess.encoding, max(lines - 1, 0))


def read_csv(path: Path, dataset: Dataset) -> list[tuple[int, dict[str, str]]]:
    """A CSV's rows with their line numbers, all in memory (legacy packages, which are
    mapped across files); malformed files are reported, not guessed at."""
    opened = open_csv(path, dataset)
    return list(_stream_rows(path, opened.encoding, dataset)) if opened else []


def _stream_rows(
    path: Path, encoding: str, dataset: Dataset
) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows with their line numbers. A row with more values than columns is reported and
    skipped; a file that stops being CSV is reported from the line where it stopped."""
    line = 0
    try:
        with path.open(newline="", encoding=encoding) as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                return
            names = [name.strip() for name in header]
            width = len(names)
            for values in reader:
                line = reader.line_num
                if not values:
                    continue  # a blank line
                if len(values) > width:
                    dataset.rejections.append(
                        Rejection(path.name, line, "", _("more values than columns"))
                    )
                    continue
                if len(values) < width:
                    values += [""] * (width - len(values))
                yield line, dict(zip(names, values, strict=True))
    except (csv.Error, UnicodeDecodeError, LookupError) as error:
        dataset.rejections.append(
            Rejection(path.name, line, "", _("cannot read the CSV: %(error)s") % {"error": error})
        )
