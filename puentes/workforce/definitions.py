"""Who may do (and bill) what, as data: definitions/*.yaml, validated with pydantic.

Two kinds of file, one per state programme and version:
- ``certificate``: a credential a body issues (HCAI's CHW/P/R certificate, Massachusetts's
  board certification), with the pathways to earn it and its renewal;
- ``payer``: what a payer asks of the worker delivering a service it pays for (Medi-Cal's
  certificate or work-experience pathway and 6 hours of training a year). A payer rule set
  names one (``worker_requirement``); the billing engine asks qualification.py.

Also ``credentials.yaml`` (other things a pathway asks for: CPR, an exam, a background check)
and ``frameworks/*.yaml`` (competency frameworks). A figure the sources do not confirm carries
``confirmed: false`` and is shown as such.
"""

import datetime
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, model_validator

from puentes.core.dates import add_months
from puentes.core.definitions import Strict, Text
from puentes.network.models import WorkerType

DEFINITIONS_DIR = Path(__file__).resolve().parent / "definitions"


class Source(Strict):
    title: str
    url: str | None = None


class Hours(Strict):
    """Hours accumulated toward a pathway (experience: within ``within_years`` before the
    pathway starts, or before the day asked about when no start is recorded)."""

    hours: float = Field(gt=0)
    within_years: int | None = Field(None, ge=1)
    confirmed: bool = True


class Years(Strict):
    """Years of experience (the dated spans recorded) within ``within_years``."""

    years: float = Field(gt=0)
    within_years: int = Field(ge=1)
    confirmed: bool = True


class Pathway(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Text
    confirmed: bool = True
    # Accepted for starts on or before this day (a pathway a state has closed).
    open_until: datetime.date | None = None
    certificates: list[str] = []  # holds a current one of these
    training_hours: Hours | None = None
    fieldwork_hours: Hours | None = None  # supervised fieldwork, part of the training
    experience_hours: Hours | None = None
    experience_years: Years | None = None
    supervision_hours: Hours | None = None
    credentials: list[str] = []  # each held and current
    # A pathway one may work under for a while (experience, a plan to certify): it ends
    # this many months after the worker starts on it, unless a certificate is held by then.
    certificate_within_months: int | None = Field(None, ge=1)
    then_certificates: list[str] = []

    def certify_by(self, started: datetime.date) -> datetime.date | None:
        """The day a certificate is due for a worker who started on this pathway."""
        if self.certificate_within_months is None:
            return None
        return add_months(started, self.certificate_within_months)

    @model_validator(mode="after")
    def _complete(self) -> "Pathway":
        if self.certificate_within_months and not self.then_certificates:
            raise ValueError(f"{self.id}: certificate_within_months needs then_certificates")
        return self


class ContinuingEducation(Strict):
    """Training hours a worker needs every ``every_years`` (counted over that many years
    before the date of service, once the worker has qualified that long)."""

    hours: float = Field(gt=0)
    every_years: int = Field(1, ge=1)
    confirmed: bool = True
    window_confirmed: bool = True
    note: Text | None = None


class Renewal(Strict):
    every_years: int = Field(ge=1)
    continuing_education_hours: float = Field(ge=0)
    confirmed: bool = True


class Definition(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str
    kind: Literal["certificate", "payer"]
    title: Text
    jurisdiction: str = Field(pattern=r"^[A-Z]{2}$")
    issuer: str
    worker_types: list[str] = Field(min_length=1)
    effective_from: datetime.date
    effective_to: datetime.date | None = None
    confirmed: bool
    voluntary: bool = False
    sources: list[Source] = Field(min_length=1)
    competency_framework: str | None = None
    pathways: list[Pathway] = Field(min_length=1)
    continuing_education: ContinuingEducation | None = None
    renewal: Renewal | None = None
    note: Text | None = None

    def in_effect(self, day: datetime.date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )

    def pathway(self, pathway_id: str) -> Pathway | None:
        return next((p for p in self.pathways if p.id == pathway_id), None)


class Credential(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    title: Text
    expires: bool


class Competency(Strict):
    id: str
    title: Text


class Framework(Strict):
    id: str
    title: Text
    sources: list[Source] = Field(min_length=1)
    roles: list[Competency] = []
    skills: list[Competency] = []
    competencies: list[Competency] = []

    def items(self) -> list[Competency]:
        return [*self.roles, *self.skills, *self.competencies]


class DefinitionError(ValueError):
    pass


def _load(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text())
    except yaml.YAMLError as error:
        raise DefinitionError(f"{path.name}: {error}") from error


@cache
def credentials() -> dict[str, Credential]:
    raw = _load(DEFINITIONS_DIR / "credentials.yaml")
    try:
        found = [Credential.model_validate(item) for item in raw]  # type: ignore[attr-defined]
    except Exception as error:
        raise DefinitionError(f"credentials.yaml: {error}") from error
    return {c.id: c for c in found}


@cache
def frameworks() -> dict[str, Framework]:
    found = {}
    for path in sorted((DEFINITIONS_DIR / "frameworks").glob("*.yaml")):
        try:
            framework = Framework.model_validate(_load(path))
        except DefinitionError:
            raise
        except Exception as error:
            raise DefinitionError(f"{path.name}: {error}") from error
        found[framework.id] = framework
    return found


@cache
def definitions() -> tuple[Definition, ...]:
    """Every definition shipped, validated and cross-checked; a bad file stops start-up,
    named."""
    found = []
    for path in sorted(DEFINITIONS_DIR.glob("*.yaml")):
        if path.name == "credentials.yaml":
            continue
        try:
            found.append(Definition.model_validate(_load(path)))
        except DefinitionError:
            raise
        except Exception as error:
            raise DefinitionError(f"{path.name}: {error}") from error
    keys = [(d.id, d.version) for d in found]
    if len(keys) != len(set(keys)):
        raise DefinitionError("two definition files share an id and version")
    _cross_check(found)
    return tuple(found)


def _cross_check(found: list[Definition]) -> None:
    certificates = {d.id for d in found if d.kind == "certificate"} | set(credentials())
    for definition in found:
        unknown_types = set(definition.worker_types) - set(WorkerType.values)
        if unknown_types:
            raise DefinitionError(f"{definition.id}: unknown worker types {sorted(unknown_types)}")
        framework = definition.competency_framework
        if framework and framework not in frameworks():
            raise DefinitionError(f"{definition.id}: unknown competency framework {framework}")
        for pathway in definition.pathways:
            named = {*pathway.certificates, *pathway.then_certificates, *pathway.credentials}
            unknown = named - certificates
            if unknown:
                raise DefinitionError(
                    f"{definition.id}.{pathway.id}: unknown certificates {sorted(unknown)}"
                )


def definition_for(definition_id: str, day: datetime.date) -> Definition | None:
    """The version of a definition in effect on a day."""
    return next((d for d in definitions() if d.id == definition_id and d.in_effect(day)), None)


def latest(definition_id: str) -> Definition | None:
    versions = [d for d in definitions() if d.id == definition_id]
    return max(versions, key=lambda d: d.effective_from) if versions else None


def certificate_ids() -> list[str]:
    """What a worker's record may hold: state certificates and the other credentials."""
    return sorted({d.id for d in definitions() if d.kind == "certificate"} | set(credentials()))


def requirement_ids() -> list[str]:
    return sorted({d.id for d in definitions() if d.kind == "payer"})


def programme_title(programme: str, language: str) -> str:
    """The title of a certificate, credential or payer requirement, by its id."""
    credential = credentials().get(programme)
    if credential is not None:
        return credential.title.in_language(language)
    definition = latest(programme)
    return definition.title.in_language(language) if definition else programme
