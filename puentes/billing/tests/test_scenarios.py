"""The payer rules as scenario tables: billing/tests/scenarios/*.yaml, one file per rule
set, each row a person's record and visit history with the outcome the payer's rules give
each visit (lines with codes and units; waiting for more monthly time; or the reasons it
is not billable) and the source that says so. The engine is run over every row as a
batch run would run it, the ledger carried from visit to visit; a row can start a new
batch, whose ledger is rebuilt from the lines already claimed, as runs._ledgers does from
the database. A rule change that alters an outcome must change a row."""

import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from puentes.billing.engine import Authorization, Ledger, Line, PersonRecord, Visit, evaluate
from puentes.billing.rulesets import rule_set_for

TABLES = sorted((Path(__file__).parent / "scenarios").glob("*.yaml"))


def _rows() -> list[Any]:
    rows = []
    for path in TABLES:
        table = yaml.safe_load(path.read_text(encoding="utf-8"))
        for row in table["scenarios"]:
            rows.append(pytest.param(table, row, id=f"{path.stem}: {row['name']}"))
    return rows


def _day(value: Any) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def _person(table: dict[str, Any], given: dict[str, Any]) -> PersonRecord:
    spec = {**table.get("person", {}), **given}
    periods = {
        name: [(_day(start), _day(end) if end else None) for start, end in spec.get(name, [])]
        for name in ("recommendations", "plans_of_care", "conditions")
    }
    return PersonRecord(
        **periods,
        initiating_visits=[(_day(d), str(code), npi) for d, code, npi in spec.get("visits", [])],
        consents=[(_day(d), npi) for d, npi in spec.get("consents", [])],
        programs=[
            (kind, _day(s), _day(e) if e else None) for kind, s, e in spec.get("programs", [])
        ],
        authorizations=[
            Authorization(
                a["number"],
                table["rule_set"],
                _day(a["start"]),
                _day(a["end"]),
                frozenset(str(c) for c in a.get("codes", [])),
                a.get("units"),
                a.get("minutes"),
            )
            for a in spec.get("authorizations", [])
        ],
    )


def _visit(table: dict[str, Any], number: int, given: dict[str, Any]) -> Visit:
    spec = {**table.get("visit", {}), **given}
    return Visit(
        key=number,
        person=1,
        day=_day(spec["day"]),
        minutes=spec["minutes"],
        participants=spec.get("participants", 1),
        services=frozenset(spec["services"]),
        place_of_service=str(spec.get("pos", "12")),
        worker_type=spec["worker"],
        diagnoses=tuple(spec.get("diagnoses", [])),
    )


class _Claims:
    """What the rows' visits have put on claims and kept waiting, to rebuild a ledger from
    at a batch boundary (as runs._ledgers does from claim lines)."""

    def __init__(self) -> None:
        self.lines: list[tuple[datetime.date, int, str, list[Line], str]] = []
        self.billed_time: list[tuple[datetime.date, int, str]] = []  # claimed by time_from
        self.waiting: dict[tuple[str, int, int], list[tuple[datetime.date, int]]] = {}

    def ledger(self) -> Ledger:
        ledger = Ledger()
        for day, minutes, family, lines, authorization in self.lines:
            ledger.record(day, minutes, family, lines)
            if authorization:
                ledger.authorize(authorization, sum(line.units for line in lines), minutes)
        for day, minutes, family in self.billed_time:
            ledger.wait(day, minutes, family)
        for (family, _year, _month), times in self.waiting.items():
            for day, minutes in times:
                ledger.wait(day, minutes, family)
        return ledger


@pytest.mark.parametrize(("table", "row"), _rows())
def test_scenario(table, row):
    assert row.get("source"), "every row cites its source"
    person = _person(table, row.get("person", {}))
    claims, ledger = _Claims(), Ledger()
    visits = row["visits"]
    assert len(visits) == len(row["expect"]), "one expected outcome a visit"
    for number, (given, expected) in enumerate(zip(visits, row["expect"], strict=True)):
        if given.get("new_batch"):
            ledger = claims.ledger()
        visit = _visit(table, number, given)
        rules = rule_set_for(table["rule_set"], visit.day)
        assert rules is not None, f"no {table['rule_set']} rules on {visit.day}"
        if rules.diagnoses is not None:  # as a run keeps only the kinds the payer takes
            visit = visit._replace(
                diagnoses=tuple(c for c in visit.diagnoses if rules.diagnoses.accepts(c))
            )
        outcome = evaluate(rules, visit, person, ledger, row.get("prefer", []), language="en")
        said = f"visit {number + 1} ({visit.day}, {visit.minutes} min): {outcome}"
        got_lines = [[line.code, line.units] for line in outcome.lines]
        if "lines" in expected:
            assert outcome.billable, said
            assert got_lines == [[str(code), units] for code, units in expected["lines"]], said
        if expected.get("waiting"):
            assert outcome.counts_toward_month and not outcome.lines, said
        if "problems" in expected:
            assert not outcome.billable and not outcome.counts_toward_month, said
            reasons = " ".join(p.reason for p in outcome.problems)
            for words in expected["problems"]:
                assert words in reasons, said
        for words in expected.get("notes", []):
            assert words in " ".join(outcome.notes), said
        assert outcome.authorization == expected.get("authorization", ""), said
        if outcome.billable:
            ledger.record(visit.day, visit.minutes, outcome.family, outcome.lines)
            if outcome.authorization:
                ledger.authorize(
                    outcome.authorization, sum(x.units for x in outcome.lines), visit.minutes
                )
            key = (outcome.family, visit.day.year, visit.day.month)
            earlier = claims.waiting.pop(key, [])
            claims.lines.append(
                (visit.day, visit.minutes, outcome.family, outcome.lines, outcome.authorization)
            )
            # The waiting visits a monthly line bills are claimed with it (time_from).
            claims.billed_time += [(day, minutes, outcome.family) for day, minutes in earlier]
        elif outcome.counts_toward_month:
            ledger.wait(visit.day, visit.minutes, outcome.family)
            key = (outcome.family, visit.day.year, visit.day.month)
            claims.waiting.setdefault(key, []).append((visit.day, visit.minutes))


def test_the_tables_cover_every_payable_rule_set_with_80_rows_or_more():
    counts: dict[str, int] = {}
    for path in TABLES:
        table = yaml.safe_load(path.read_text(encoding="utf-8"))
        counts[table["rule_set"]] = counts.get(table["rule_set"], 0) + len(table["scenarios"])
    assert sum(counts.values()) >= 80, counts
    assert {
        "medi-cal-chw",
        "medi-cal-doula",
        "medicare-chi-pin",
        "michigan-chw",
        "rhode-island-chw",
    } <= set(counts), counts
