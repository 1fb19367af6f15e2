"""Payer rule sets: YAML files in rulesets/, validated with pydantic when loaded.

A rule set says, for one payer program and a range of dates of service, which codes pay
for community health work, how minutes become units, the limits, the prerequisites and who
may deliver the work. Values the sources do not confirm carry ``confirmed: false`` and are
shown as such. Adding a payer, or a new year's rules, is adding a file: the engine
(engine.py) interprets these and describes no payer in code.
"""

import datetime
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, model_validator

from puentes.billing import visit_codes
from puentes.care.models import EncounterService, PlaceOfService, ProgramKind
from puentes.core.definitions import Strict, Text
from puentes.network.models import WorkerType
from puentes.workforce.definitions import requirement_ids

RULESETS_DIR = Path(__file__).resolve().parent / "rulesets"


class Source(Strict):
    title: str
    url: str | None = None


class Code(Strict):
    """One procedure code. ``timing`` says how an encounter's minutes earn it:
    per_encounter — units of ``unit_minutes`` from each encounter's minutes;
    monthly_first — one unit once the person's minutes in the calendar month pass the
    midpoint of ``unit_minutes``; monthly_addon — each further ``unit_minutes`` block in
    the month after the first code's time; per_visit — one unit per visit, between
    ``min_minutes`` and ``max_minutes``."""

    code: str = Field(pattern=r"^[A-Z0-9]{5}$")
    modifiers: list[str] = []
    description: str
    timing: Literal["per_encounter", "monthly_first", "monthly_addon", "per_visit"]
    unit_minutes: int = Field(30, ge=1)
    min_minutes: int | None = None
    max_minutes: int | None = None
    participants_min: int = Field(1, ge=1)
    participants_max: int = Field(1, ge=1)
    max_units_per_line: int | None = None
    # A per-visit code billed at most this many times (ever, or per pregnancy episode).
    max_visits: int | None = None
    # At most once in this many months for the person (e.g. G0136: every 6 months).
    interval_months: int | None = None
    # Only for visits delivering one of these services (a per-visit family whose codes pay
    # for different events: a prenatal visit, labor support, support after a loss).
    services: list[str] | None = None
    # Needs a practitioner's written recommendation even where a standing one covers the
    # rule set (Medi-Cal's additional postpartum doula visits).
    requires_written_recommendation: bool = False
    effective_from: datetime.date | None = None
    effective_to: datetime.date | None = None
    confirmed: bool = True

    def in_effect(self, day: datetime.date) -> bool:
        return (self.effective_from is None or self.effective_from <= day) and (
            self.effective_to is None or day <= self.effective_to
        )


class Family(Strict):
    """A way of billing the work (e.g. CPT time codes, or monthly G-codes); the engine uses
    the first family, in the payer's preferred order, whose conditions the encounter meets."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Text
    codes: list[Code] = Field(min_length=1)
    worker_types: list[str] | None = None
    services: list[str] | None = None
    requires_initiating_visit: bool = False
    # The initiating visit's codes (or groups of billing/definitions/practitioner_visits.yaml)
    # that count; any recorded visit when not given.
    initiating_visit_codes: list[str] | None = None
    requires_treatment_plan: bool = False
    # The person's consent naming the billing practitioner (Medicare CHI and PIN).
    requires_consent: bool = False
    # A serious, high-risk condition expected to last 3 months or more (PIN).
    requires_serious_condition: bool = False
    # A practitioner's visit on the same day, of these codes or groups (G0136).
    same_day_visit_codes: list[str] | None = None

    @property
    def monthly(self) -> bool:
        """Its codes count the person's minutes across a calendar month."""
        return self.codes[0].timing.startswith("monthly")


class Limit(Strict):
    period: Literal["day", "month", "year"]
    units: int | None = None
    minutes: int | None = None
    visits: int | None = None
    when_exceeded: Literal["deny", "prior_authorization"] = "deny"
    confirmed: bool = True
    # An unconfirmed limit can ship switched off, shown as such, so the rule set does
    # not refuse what the sources allow.
    enabled: bool = True
    note: Text | None = None

    @model_validator(mode="after")
    def _one_measure(self) -> "Limit":
        if [self.units, self.minutes, self.visits].count(None) != 2:
            raise ValueError("a limit counts exactly one of units, minutes or visits")
        return self


class MonthlyTime(Strict):
    """How a rule set's monthly time codes are billed, where payers' guidance differs or
    is not confirmed for these codes.

    first_unit_at: "midpoint" - the first code once the month's minutes pass half its
    time (the CPT time rule: 31 of 60); "full" - only once they reach it.
    date_of_service: "threshold_met" - the line is dated the day the month's time earns
    it (CMS allows this for the monthly care-management codes: CCM FAQ, 2016);
    "month_end" - dated the last day of the month, and billed once it is over."""

    first_unit_at: Literal["midpoint", "full"] = "midpoint"
    first_unit_confirmed: bool = False
    date_of_service: Literal["threshold_met", "month_end"] = "threshold_met"
    date_of_service_confirmed: bool = False
    source: str | None = None


class DiagnosisRule(Strict):
    """Which diagnosis codes a payer program accepts on its claims (by code prefix: "O"
    takes every O code, "Z34" every supervision-of-pregnancy code); others are left off."""

    kinds: Text  # what they are, for messages ("pregnancy or postpartum")
    prefixes: list[str] = Field(min_length=1)
    confirmed: bool = False
    source: str | None = None

    def accepts(self, code: str) -> bool:
        return code.upper().startswith(tuple(self.prefixes))


class StandingRecommendation(Strict):
    """A payer's own recommendation that stands in for a practitioner's written one (DHCS's
    statewide standing recommendation for doula services)."""

    title: Text
    effective_from: datetime.date
    confirmed: bool = False
    source: str | None = None


class Threshold(Strict):
    units: int
    confirmed: bool = True


class RuleSet(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str
    title: Text
    jurisdiction: str
    payer_type: Literal["medicaid", "medicare", "commercial", "other"]
    effective_from: datetime.date
    effective_to: datetime.date | None = None
    sources: list[Source] = Field(min_length=1)
    billable: bool = True
    # Why the work cannot be billed to this payer (and where it goes instead).
    not_billable_reason: Text | None = None
    unit_rounding: Literal["cpt_midpoint"] = "cpt_midpoint"
    services: list[str] = []
    worker_types: list[str] = []
    # What the worker must hold on the date of service (a workforce definition of kind
    # "payer": certificate, pathway, continuing training).
    worker_requirement: str | None = None
    places_of_service: list[str] | None = None
    requires_recommendation: bool = False
    standing_recommendation: StandingRecommendation | None = None
    plan_of_care_after_units_per_year: Threshold | None = None
    excluded_program_kinds: list[str] = []
    # Whether an FQHC or RHC may be the billing (supervising) provider on fee-for-service
    # claims; managed-care plans are billed either way.
    fqhc_rhc_fee_for_service: bool = True
    diagnosis_required: bool = True
    diagnoses: DiagnosisRule | None = None
    limits: list[Limit] = []
    families: list[Family] = []
    monthly_time: MonthlyTime = MonthlyTime()
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "RuleSet":
        if self.billable and not self.families:
            raise ValueError("a billable rule set needs at least one code family")
        if not self.billable and self.not_billable_reason is None:
            raise ValueError("say why the work is not billable (not_billable_reason)")
        checks = [
            ("services", self.services, EncounterService.values),
            ("worker_types", self.worker_types, WorkerType.values),
            ("places_of_service", self.places_of_service or [], PlaceOfService.values),
            ("excluded_program_kinds", self.excluded_program_kinds, ProgramKind.values),
        ]
        for f in self.families:
            checks.append((f"{f.id}.worker_types", f.worker_types or [], WorkerType.values))
            checks.append((f"{f.id}.services", f.services or [], EncounterService.values))
            for c in f.codes:
                checks.append((f"{c.code}.services", c.services or [], EncounterService.values))
            for name in ("initiating_visit_codes", "same_day_visit_codes"):
                listed = getattr(f, name) or []
                checks.append((f"{f.id}.{name}", listed, visit_codes.allowed_names()))
        if self.worker_requirement and self.worker_requirement not in requirement_ids():
            raise ValueError(f"worker_requirement: unknown {self.worker_requirement}")
        for name, values, allowed in checks:
            unknown = sorted(set(values) - set(allowed))
            if unknown:
                raise ValueError(f"{name}: unknown {', '.join(unknown)}")
        return self

    def in_effect(self, day: datetime.date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    def family(self, family_id: str) -> Family | None:
        return next((f for f in self.families if f.id == family_id), None)


class RuleSetError(ValueError):
    pass


@cache
def rule_sets() -> tuple[RuleSet, ...]:
    """Every rule set version shipped, validated; a bad file stops start-up, named."""
    found = []
    for path in sorted(RULESETS_DIR.glob("*.yaml")):
        try:
            found.append(RuleSet.model_validate(yaml.safe_load(path.read_text())))
        except Exception as error:  # pydantic or YAML: say which file
            raise RuleSetError(f"{path.name}: {error}") from error
    keys = [(r.id, r.version) for r in found]
    if len(keys) != len(set(keys)):
        raise RuleSetError("two rule set files share an id and version")
    return tuple(found)


def rule_set_ids() -> list[str]:
    return sorted({r.id for r in rule_sets()})


@lru_cache(maxsize=8192)
def rule_set_for(rule_set_id: str, day: datetime.date) -> RuleSet | None:
    """The version of a rule set in effect on a date of service (remembered: a run asks
    for the same few hundred days a million times, and rule sets load once a process)."""
    return next((r for r in rule_sets() if r.id == rule_set_id and r.in_effect(day)), None)
