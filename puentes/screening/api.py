"""API: instruments, screenings (partial save, submit, FHIR), needs, and reports."""

import uuid
from datetime import date, datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from puentes.core.pagination import PagePagination
from puentes.network.auth import actor_of
from puentes.people.selectors import person_get
from puentes.screening import fhir, selectors, services
from puentes.screening.definitions import Instrument, instruments_current
from puentes.screening.models import Need, Screening

router = Router(tags=["screening"])


class InstrumentSummary(Schema):
    id: str
    version: str
    title: dict[str, str]
    source: str
    local: bool
    loinc_panel: str | None
    questions: int


def _summary(instrument: Any) -> InstrumentSummary:
    return InstrumentSummary(
        id=instrument.id,
        version=instrument.version,
        title=instrument.title.model_dump(),
        source=instrument.source,
        local=instrument.local,
        loinc_panel=instrument.loinc_panel,
        questions=len(instrument.items),
    )


class InstrumentChoiceIn(Schema, extra="forbid"):
    instrument_ids: list[str]


class FindingOut(Schema):
    rule: str
    category: str
    z_code: str
    outcome: str
    total: int | None
    derived_code: str


class ScreeningOut(Schema):
    id: uuid.UUID
    person_id: uuid.UUID
    instrument: str
    instrument_version: str
    language: str
    status: str
    answers: dict[str, Any]
    findings: list[FindingOut]
    version: int
    created_at: datetime
    completed_at: datetime | None

    @staticmethod
    def resolve_id(obj: Screening) -> uuid.UUID:
        return obj.public_id

    @staticmethod
    def resolve_person_id(obj: Screening) -> uuid.UUID:
        return obj.person.public_id

    @staticmethod
    def resolve_instrument(obj: Screening) -> str:
        return obj.instrument_id

    @staticmethod
    def resolve_findings(obj: Screening) -> list[FindingOut]:
        return [
            FindingOut(
                rule=f.rule_id,
                category=f.category,
                z_code=f.z_code,
                outcome=f.outcome,
                total=f.total,
                derived_code=f.derived_code,
            )
            for f in obj.findings.all()
        ]


class ScreeningIn(Schema, extra="forbid"):
    instrument: str
    version: str | None = None
    language: Literal["en", "es"] | None = None
    answers: dict[str, Any] = {}
    submit: bool = Field(False, description="Score and close it now (a screening done offline).")
    idempotency_key: str = ""


class ScreeningPatch(Schema, extra="forbid"):
    version: int
    answers: dict[str, Any] = {}
    clear: list[str] = []
    language: Literal["en", "es"] | None = None


class SubmitIn(Schema, extra="forbid"):
    idempotency_key: str = ""


class NeedEventOut(Schema):
    occurred_at: datetime
    from_status: str
    to_status: str
    reason: str
    user: str | None

    @staticmethod
    def resolve_user(obj: Any) -> str | None:
        return obj.user.username if obj.user else None


class NeedOut(Schema):
    id: uuid.UUID
    person_id: uuid.UUID
    category: str
    z_code: str
    status: str
    note: str
    identified_on: date
    screening_id: uuid.UUID | None
    version: int

    @staticmethod
    def resolve_id(obj: Need) -> uuid.UUID:
        return obj.public_id

    @staticmethod
    def resolve_person_id(obj: Need) -> uuid.UUID:
        return obj.person.public_id

    @staticmethod
    def resolve_screening_id(obj: Need) -> uuid.UUID | None:
        return obj.screening.public_id if obj.screening else None


class NeedDetailOut(NeedOut):
    history: list[NeedEventOut]


class NeedIn(Schema, extra="forbid"):
    category: str
    note: str = ""
    z_code: str = ""


class NeedPatch(Schema, extra="forbid"):
    version: int
    status: str
    reason: str = ""


class ReportRow(Schema):
    month: str | None = None
    zip: str | None = None
    category: str
    count: int


@router.get("/instruments", response=list[InstrumentSummary], summary="Instruments offered")
def instrument_list(request: HttpRequest, all: bool = False) -> list[InstrumentSummary]:
    """The organization's instruments; ``all=true`` lists every instrument shipped."""
    actor = actor_of(request)
    instruments = instruments_current() if all else selectors.instrument_list_for(actor=actor)
    return [_summary(i) for i in instruments]


@router.get(
    "/instruments/{instrument_id}", response=Instrument, summary="An instrument's full definition"
)
def instrument_detail(
    request: HttpRequest, instrument_id: str, version: str | None = None
) -> Instrument:
    actor_of(request)
    return selectors.instrument_get(instrument_id, version)


@router.put("/organization/instruments", response=list[str], summary="Choose the instruments")
def instrument_choose(request: HttpRequest, payload: InstrumentChoiceIn) -> list[str]:
    return services.instrument_choices_set(
        actor=actor_of(request), instrument_ids=payload.instrument_ids
    )


@router.get("/persons/{person_id}/screenings", response=list[ScreeningOut])
@paginate(PagePagination)
def screening_list(request: HttpRequest, person_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    person = person_get(actor=actor, public_id=person_id)
    return (
        selectors.screening_list(actor=actor, person=person)
        .select_related("person")
        .prefetch_related("findings")
    )


@router.post("/persons/{person_id}/screenings", response={201: ScreeningOut})
def screening_create(
    request: HttpRequest, person_id: uuid.UUID, payload: ScreeningIn
) -> Status[Screening]:
    """Start a screening (answers optional), or with ``submit`` record a finished one."""
    actor = actor_of(request)
    if payload.submit:
        screening = services.screening_record(
            actor=actor,
            person_id=person_id,
            instrument_id=payload.instrument,
            version=payload.version,
            language=payload.language,
            answers=payload.answers,
            idempotency_key=payload.idempotency_key,
        )
    else:
        screening = services.screening_start(
            actor=actor,
            person_id=person_id,
            instrument_id=payload.instrument,
            version=payload.version,
            language=payload.language,
            answers=payload.answers,
        )
    return Status(201, screening)


@router.get("/screenings/{screening_id}", response=ScreeningOut)
def screening_detail(request: HttpRequest, screening_id: uuid.UUID) -> Screening:
    return selectors.screening_read(actor=actor_of(request), public_id=screening_id)


@router.patch("/screenings/{screening_id}", response=ScreeningOut, summary="Save answers")
def screening_patch(
    request: HttpRequest, screening_id: uuid.UUID, payload: ScreeningPatch
) -> Screening:
    return services.screening_answer(
        actor=actor_of(request),
        screening_id=screening_id,
        version=payload.version,
        answers=payload.answers,
        clear=payload.clear,
        language=payload.language,
    )


@router.post("/screenings/{screening_id}/submit", response=ScreeningOut, summary="Score it")
def screening_submit(request: HttpRequest, screening_id: uuid.UUID, payload: SubmitIn) -> Screening:
    return services.screening_submit(
        actor=actor_of(request), screening_id=screening_id, idempotency_key=payload.idempotency_key
    )


@router.get(
    "/screenings/{screening_id}/fhir", summary="As FHIR R4: QuestionnaireResponse + Observations"
)
def screening_fhir(request: HttpRequest, screening_id: uuid.UUID) -> Any:
    screening = selectors.screening_read(actor=actor_of(request), public_id=screening_id)
    instrument = selectors.instrument_get(screening.instrument_id, screening.instrument_version)
    return fhir.screening_bundle(screening, instrument)


@router.get("/persons/{person_id}/needs", response=list[NeedOut], tags=["needs"])
@paginate(PagePagination)
def need_list(request: HttpRequest, person_id: uuid.UUID, open: bool = False) -> Any:
    actor = actor_of(request)
    person = person_get(actor=actor, public_id=person_id)
    return selectors.need_list(actor=actor, person=person, open_only=open).select_related("person")


@router.post("/persons/{person_id}/needs", response={201: NeedOut}, tags=["needs"])
def need_create(request: HttpRequest, person_id: uuid.UUID, payload: NeedIn) -> Status[Need]:
    need = services.need_record(actor=actor_of(request), person_id=person_id, **payload.dict())
    return Status(201, need)


def _need_detail(request: HttpRequest, need_id: uuid.UUID) -> Need:
    actor = actor_of(request)
    need = selectors.need_read(actor=actor, public_id=need_id)
    need.history = list(selectors.need_history(actor=actor, need=need))  # type: ignore[attr-defined]
    return need


@router.get("/needs/{need_id}", response=NeedDetailOut, tags=["needs"])
def need_detail(request: HttpRequest, need_id: uuid.UUID) -> Need:
    return _need_detail(request, need_id)


@router.patch("/needs/{need_id}", response=NeedDetailOut, tags=["needs"])
def need_patch(request: HttpRequest, need_id: uuid.UUID, payload: NeedPatch) -> Need:
    services.need_set_status(
        actor=actor_of(request),
        need_id=need_id,
        version=payload.version,
        status=payload.status,
        reason=payload.reason,
    )
    return _need_detail(request, need_id)


@router.get("/needs/{need_id}/fhir", tags=["needs"], summary="As a FHIR R4 Condition")
def need_fhir(request: HttpRequest, need_id: uuid.UUID) -> Any:
    return fhir.need_condition(selectors.need_read(actor=actor_of(request), public_id=need_id))


@router.get("/reports/positive-screens", response=list[ReportRow], tags=["reports"])
def report_positive_screens(
    request: HttpRequest,
    by: Literal["month", "zip"] = "month",
    since: date | None = None,
    until: date | None = None,
) -> list[ReportRow]:
    rows = selectors.report_positive_screens(
        actor=actor_of(request), by=by, since=since, until=until
    )
    return [ReportRow.model_validate(row) for row in rows]


@router.get("/reports/open-needs", response=list[ReportRow], tags=["reports"])
def report_open_needs(
    request: HttpRequest, by: Literal["month", "zip"] = "month"
) -> list[ReportRow]:
    rows = selectors.report_open_needs(actor=actor_of(request), by=by)
    return [ReportRow.model_validate(row) for row in rows]
