"""/api/v1: programs, enrollments, care plans, goals and progress, recommendations, plans of
care, follow-ups, encounters, team caseloads and a person's timeline — the same services
and rules as the pages."""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import paginate
from ninja.responses import Status

from puentes.care import selectors, services
from puentes.care.models import PlanOfCare, Recommendation
from puentes.care.presenters import (
    care_plan_out,
    encounter_out,
    encounters_out,
    enrollment_out,
    follow_up_out,
    goal_out,
    plan_of_care_out,
    program_out,
    recommendation_out,
)
from puentes.core.errors import invalid
from puentes.core.http import stored_file_download
from puentes.core.inputs import LocalTime
from puentes.core.pagination import Mapped, PagePagination
from puentes.network.auth import actor_of
from puentes.people.selectors import person_get

router = Router(tags=["care"])


class Member(Schema):
    id: uuid.UUID
    name: str


# Programs ------------------------------------------------------------------------------


class ProgramIn(Schema, extra="forbid"):
    name: str
    kind: str = Field(
        ...,
        description=(
            "asthma, diabetes, ed_users, cardiovascular, perinatal, ecm, community_supports, other"
        ),
    )
    description: str = ""
    target_population: str = ""
    worker_types: list[str] = []
    follow_up_days: int = Field(14, description="Days between automatic check-ins (0: none)")
    caseload_limit: int | None = Field(None, description="People per worker in this program")
    is_active: bool = True


class ProgramPatch(Schema, extra="forbid"):
    version: int
    name: str | None = None
    kind: str | None = None
    description: str | None = None
    target_population: str | None = None
    worker_types: list[str] | None = None
    follow_up_days: int | None = None
    caseload_limit: int | None = None
    is_active: bool | None = None


class ProgramOut(Schema):
    id: uuid.UUID
    version: int
    name: str
    kind: str
    kind_label: str
    description: str
    target_population: str
    worker_types: list[str]
    follow_up_days: int
    caseload_limit: int | None
    is_active: bool


@router.get("/programs", response=list[ProgramOut], summary="The organization's programs")
@paginate(PagePagination)
def program_list(request: HttpRequest, active_only: bool = False) -> Any:
    return Mapped(
        selectors.program_list(actor=actor_of(request), active_only=active_only), program_out
    )


@router.post("/programs", response={201: ProgramOut})
def program_create(request: HttpRequest, payload: ProgramIn) -> Any:
    return Status(
        201, program_out(services.program_create(actor=actor_of(request), fields=payload.dict()))
    )


@router.patch("/programs/{program_id}", response=ProgramOut)
def program_update(request: HttpRequest, program_id: uuid.UUID, payload: ProgramPatch) -> Any:
    fields = payload.dict(exclude_unset=True)
    version = fields.pop("version")
    program = services.program_update(
        actor=actor_of(request), program_id=program_id, version=version, fields=fields
    )
    return program_out(program)


# Enrollments --------------------------------------------------------------------------


class EnrollmentIn(Schema, extra="forbid"):
    person_id: uuid.UUID
    program_id: uuid.UUID
    status: str = Field("enrolled", description="referred, enrolled or active")
    referred_on: date | None = None
    start_date: date | None = None
    ecm_populations: list[str] = []
    community_supports: list[str] = []
    worker_ids: list[uuid.UUID] = Field([], description="Default: you")


class EnrollmentPatch(Schema, extra="forbid"):
    version: int
    worker_ids: list[uuid.UUID] | None = None
    ecm_populations: list[str] | None = None
    community_supports: list[str] | None = None


class EnrollmentStatusIn(Schema, extra="forbid"):
    version: int
    status: str = Field(..., description="enrolled, active, paused, completed or disenrolled")
    reason: str = Field("", description="Required to pause or disenroll")
    on: date | None = None


class ProgramRef(Schema):
    id: uuid.UUID
    name: str
    kind: str


class EnrollmentEventOut(Schema):
    occurred_on: datetime
    from_status: str
    to_status: str
    reason: str


class EnrollmentOut(Schema):
    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    program: ProgramRef
    status: str
    status_label: str
    status_reason: str
    referred_on: date | None
    start_date: date | None
    end_date: date | None
    ecm_populations: list[str]
    community_supports: list[str]
    workers: list[Member]
    history: list[EnrollmentEventOut]
    warnings: list[str] = []


class EnrollmentFilter(Schema):
    person_id: uuid.UUID | None = None
    program_id: uuid.UUID | None = None
    status: str = ""
    open_only: bool = False


def _with_warnings(actor: Any, enrollment: Any) -> dict[str, Any]:
    warnings = [
        w for m in enrollment.workers.all() for w in selectors.over_limit(actor=actor, member=m)
    ]
    return {**enrollment_out(enrollment), "warnings": warnings}


@router.get("/enrollments", response=list[EnrollmentOut])
@paginate(PagePagination)
def enrollment_list(request: HttpRequest, filters: Query[EnrollmentFilter]) -> Any:
    actor = actor_of(request)
    person = person_get(actor=actor, public_id=filters.person_id) if filters.person_id else None
    program = (
        selectors.program_get(actor=actor, public_id=filters.program_id)
        if filters.program_id
        else None
    )
    enrollments = selectors.enrollment_list(
        actor=actor,
        person=person,
        program=program,
        status=filters.status,
        open_only=filters.open_only,
    ).prefetch_related("events")
    return Mapped(enrollments, enrollment_out)


@router.post(
    "/enrollments",
    response={201: EnrollmentOut},
    summary="Enroll a person (warnings name programs over a worker's caseload limit)",
)
def enrollment_create(request: HttpRequest, payload: EnrollmentIn) -> Any:
    actor = actor_of(request)
    fields = payload.dict()
    person_id = fields.pop("person_id")
    enrollment = services.enrollment_create(actor=actor, person_id=person_id, fields=fields)
    return Status(201, _with_warnings(actor, enrollment))


@router.get("/enrollments/{enrollment_id}", response=EnrollmentOut)
def enrollment_get(request: HttpRequest, enrollment_id: uuid.UUID) -> Any:
    return enrollment_out(
        selectors.enrollment_get(actor=actor_of(request), public_id=enrollment_id)
    )


@router.patch("/enrollments/{enrollment_id}", response=EnrollmentOut)
def enrollment_update(
    request: HttpRequest, enrollment_id: uuid.UUID, payload: EnrollmentPatch
) -> Any:
    actor = actor_of(request)
    fields = payload.dict(exclude_unset=True)
    version = fields.pop("version")
    enrollment = services.enrollment_update(
        actor=actor, enrollment_id=enrollment_id, version=version, fields=fields
    )
    return _with_warnings(actor, enrollment)


@router.post("/enrollments/{enrollment_id}/status", response=EnrollmentOut)
def enrollment_status(
    request: HttpRequest, enrollment_id: uuid.UUID, payload: EnrollmentStatusIn
) -> Any:
    enrollment = services.enrollment_change_status(
        actor=actor_of(request), enrollment_id=enrollment_id, **payload.dict()
    )
    return enrollment_out(enrollment)


# Care plans and goals -------------------------------------------------------------------


class ProgressOut(Schema):
    recorded_on: date
    value: Decimal
    value_2: Decimal | None
    note: str
    meets_target: bool


class GoalOut(Schema):
    id: uuid.UUID
    version: int
    care_plan_id: uuid.UUID
    description: str
    need_ids: list[uuid.UUID]
    measure: str
    comparator: str
    target_value: Decimal
    target_value_2: Decimal | None
    unit: str
    target: str
    target_date: date
    status: str
    status_label: str
    progress: list[ProgressOut]


class CarePlanIn(Schema, extra="forbid"):
    person_id: uuid.UUID
    enrollment_id: uuid.UUID | None = None
    title: str = ""


class CarePlanOut(Schema):
    id: uuid.UUID
    title: str
    person_id: uuid.UUID
    enrollment_id: uuid.UUID | None
    program: str | None
    goals: list[GoalOut]


class GoalIn(Schema, extra="forbid"):
    person_id: uuid.UUID
    enrollment_id: uuid.UUID | None = Field(None, description="The program's plan (else general)")
    description: str = Field(..., description="In the person's own words")
    need_ids: list[uuid.UUID] = []
    measure: str = Field(..., description="e.g. HbA1c, Asthma control test, Blood pressure")
    comparator: str = Field(..., description="lt, le, eq, ge or gt")
    target_value: Decimal
    target_value_2: Decimal | None = Field(None, description="Second number, e.g. 80 of 130/80")
    unit: str = ""
    target_date: date | None = None


class GoalPatch(Schema, extra="forbid"):
    version: int
    description: str | None = None
    need_ids: list[uuid.UUID] | None = None
    measure: str | None = None
    comparator: str | None = None
    target_value: Decimal | None = None
    target_value_2: Decimal | None = None
    unit: str | None = None
    target_date: date | None = None
    status: str | None = Field(None, description="active, achieved, not-achieved, cancelled")


class ProgressIn(Schema, extra="forbid"):
    recorded_on: date | None = None
    value: Decimal
    value_2: Decimal | None = None
    note: str = ""


@router.get("/care-plans", response=list[CarePlanOut], summary="A person's care plans and goals")
def care_plan_list(request: HttpRequest, person_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    person = person_get(actor=actor, public_id=person_id)
    return [care_plan_out(p) for p in selectors.care_plan_list(actor=actor, person=person)]


@router.post("/care-plans", response={201: CarePlanOut})
def care_plan_create(request: HttpRequest, payload: CarePlanIn) -> Any:
    plan = services.care_plan_create(actor=actor_of(request), **payload.dict())
    return Status(201, care_plan_out(plan))


@router.get("/care-plans/{care_plan_id}", response=CarePlanOut)
def care_plan_get(request: HttpRequest, care_plan_id: uuid.UUID) -> Any:
    return care_plan_out(selectors.care_plan_get(actor=actor_of(request), public_id=care_plan_id))


@router.post("/goals", response={201: GoalOut}, summary="Set a goal (starts the plan if needed)")
def goal_create(request: HttpRequest, payload: GoalIn) -> Any:
    fields = payload.dict()
    person_id, enrollment_id = fields.pop("person_id"), fields.pop("enrollment_id")
    goal = services.goal_create(
        actor=actor_of(request), person_id=person_id, enrollment_id=enrollment_id, fields=fields
    )
    return Status(201, goal_out(goal))


@router.get("/goals/{goal_id}", response=GoalOut)
def goal_get(request: HttpRequest, goal_id: uuid.UUID) -> Any:
    return goal_out(selectors.goal_get(actor=actor_of(request), public_id=goal_id))


@router.patch("/goals/{goal_id}", response=GoalOut)
def goal_update(request: HttpRequest, goal_id: uuid.UUID, payload: GoalPatch) -> Any:
    fields = payload.dict(exclude_unset=True)
    version = fields.pop("version")
    goal = services.goal_update(
        actor=actor_of(request), goal_id=goal_id, version=version, fields=fields
    )
    return goal_out(goal)


@router.post("/goals/{goal_id}/progress", response={201: GoalOut}, summary="Record a measurement")
def goal_progress(request: HttpRequest, goal_id: uuid.UUID, payload: ProgressIn) -> Any:
    actor = actor_of(request)
    services.goal_progress_add(actor=actor, goal_id=goal_id, fields=payload.dict())
    return Status(201, goal_out(selectors.goal_get(actor=actor, public_id=goal_id)))


# Recommendations and plans of care -------------------------------------------------------


class PractitionerIn(Schema, extra="forbid"):
    person_id: uuid.UUID
    practitioner_name: str
    practitioner_npi: str
    credential: str = Field(
        ..., description="MD, DO, NP, PA, CNM, RN, LCSW, LMFT, PsyD, DDS, PharmD, other"
    )


class RecommendationIn(PractitionerIn):
    recommended_on: date
    scope: str = Field(..., description="The CHW services recommended")
    expires_on: date | None = None
    diagnosis_code: str = Field("", description="ICD-10-CM code the practitioner gave")


class PlanOfCareIn(PractitionerIn):
    signed_on: date
    valid_until: date | None = None
    summary: str
    care_plan_id: uuid.UUID | None = None


class DocumentOut(Schema):
    id: uuid.UUID
    person_id: uuid.UUID
    practitioner_name: str
    practitioner_npi: str
    credential: str
    has_attachment: bool
    attachment_name: str


class RecommendationOut(DocumentOut):
    recommended_on: date
    scope: str
    expires_on: date | None
    diagnosis_code: str


class PlanOfCareOut(DocumentOut):
    signed_on: date
    valid_until: date | None
    summary: str
    care_plan_id: uuid.UUID | None


def _documents(request: HttpRequest, person_id: uuid.UUID, list_of: Any, out: Any) -> list[Any]:
    actor = actor_of(request)
    person = person_get(actor=actor, public_id=person_id)
    return [out(d) for d in list_of(actor=actor, person=person)]


@router.get("/recommendations", response=list[RecommendationOut])
def recommendation_list(request: HttpRequest, person_id: uuid.UUID) -> Any:
    return _documents(request, person_id, selectors.recommendation_list, recommendation_out)


@router.post("/recommendations", response={201: RecommendationOut})
def recommendation_create(request: HttpRequest, payload: RecommendationIn) -> Any:
    fields = payload.dict()
    person_id = fields.pop("person_id")
    document = services.recommendation_record(
        actor=actor_of(request), person_id=person_id, fields=fields
    )
    return Status(201, recommendation_out(document))


@router.get("/plans-of-care", response=list[PlanOfCareOut])
def plan_of_care_list(request: HttpRequest, person_id: uuid.UUID) -> Any:
    return _documents(request, person_id, selectors.plan_of_care_list, plan_of_care_out)


@router.post("/plans-of-care", response={201: PlanOfCareOut})
def plan_of_care_create(request: HttpRequest, payload: PlanOfCareIn) -> Any:
    fields = payload.dict()
    person_id = fields.pop("person_id")
    document = services.plan_of_care_record(
        actor=actor_of(request), person_id=person_id, fields=fields
    )
    return Status(201, plan_of_care_out(document))


@router.post(
    "/recommendations/{document_id}/attachment",
    response=RecommendationOut,
    summary="Attach the scanned recommendation (multipart field `file`; PDF or image, ≤ 10 MB)",
)
def recommendation_attach(
    request: HttpRequest, document_id: uuid.UUID, file: File[UploadedFile]
) -> Any:
    document = services.document_attach(
        actor=actor_of(request), kind="recommendation", document_id=document_id, upload=file
    )
    return recommendation_out(cast(Recommendation, document))


@router.get("/recommendations/{document_id}/attachment", response={200: None})
def recommendation_download(request: HttpRequest, document_id: uuid.UUID) -> Any:
    document = selectors.recommendation_get(actor=actor_of(request), public_id=document_id)
    return stored_file_download(document.attachment, document.attachment_name)


@router.post(
    "/plans-of-care/{document_id}/attachment",
    response=PlanOfCareOut,
    summary="Attach the signed plan of care (multipart field `file`; PDF or image, ≤ 10 MB)",
)
def plan_of_care_attach(
    request: HttpRequest, document_id: uuid.UUID, file: File[UploadedFile]
) -> Any:
    document = services.document_attach(
        actor=actor_of(request), kind="plan_of_care", document_id=document_id, upload=file
    )
    return plan_of_care_out(cast(PlanOfCare, document))


@router.get("/plans-of-care/{document_id}/attachment", response={200: None})
def plan_of_care_download(request: HttpRequest, document_id: uuid.UUID) -> Any:
    document = selectors.plan_of_care_get(actor=actor_of(request), public_id=document_id)
    return stored_file_download(document.attachment, document.attachment_name)


# Follow-ups -----------------------------------------------------------------------------


class FollowUpIn(Schema, extra="forbid"):
    person_id: uuid.UUID
    title: str
    due_on: date
    note: str = ""
    assignee_id: uuid.UUID | None = Field(None, description="Default: you")
    goal_id: uuid.UUID | None = None
    need_id: uuid.UUID | None = None
    referral_id: uuid.UUID | None = None


class FollowUpPatch(Schema, extra="forbid"):
    version: int
    title: str | None = None
    note: str | None = None
    due_on: date | None = None
    assignee_id: uuid.UUID | None = None


class FollowUpClose(Schema, extra="forbid"):
    version: int
    status: str = Field("done", description="done or cancelled")


class FollowUpOut(Schema):
    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    person_name: str
    assignee: Member | None
    title: str
    note: str
    due_on: date
    status: str
    source: str
    goal_id: uuid.UUID | None
    need_id: uuid.UUID | None
    referral_id: uuid.UUID | None
    enrollment_id: uuid.UUID | None
    completed_at: datetime | None


class FollowUpFilter(Schema):
    mine: bool = Field(False, description="Only those assigned to you")
    person_id: uuid.UUID | None = None
    when: str = Field("all", description="today (due today or earlier), overdue, upcoming, all")
    open_only: bool = True


@router.get("/follow-ups", response=list[FollowUpOut], summary="Follow-ups (My day: mine & today)")
@paginate(PagePagination)
def follow_up_list(request: HttpRequest, filters: Query[FollowUpFilter]) -> Any:
    actor = actor_of(request)
    if filters.when not in selectors.FOLLOW_UP_WHEN:
        raise invalid({"when": [_("Choose today, overdue, upcoming or all.")]})
    person = person_get(actor=actor, public_id=filters.person_id) if filters.person_id else None
    follow_ups = selectors.follow_up_list(
        actor=actor,
        person=person,
        when=filters.when,
        open_only=filters.open_only,
        assignee=actor.membership if filters.mine else None,
    )
    if filters.mine and actor.membership is None:
        follow_ups = follow_ups.none()
    return Mapped(follow_ups, follow_up_out)


@router.post("/follow-ups", response={201: FollowUpOut})
def follow_up_create(request: HttpRequest, payload: FollowUpIn) -> Any:
    fields = payload.dict()
    person_id = fields.pop("person_id")
    follow_up = services.follow_up_create(
        actor=actor_of(request), person_id=person_id, fields=fields
    )
    return Status(201, follow_up_out(follow_up))


@router.get("/follow-ups/{follow_up_id}", response=FollowUpOut)
def follow_up_get(request: HttpRequest, follow_up_id: uuid.UUID) -> Any:
    return follow_up_out(selectors.follow_up_get(actor=actor_of(request), public_id=follow_up_id))


@router.patch("/follow-ups/{follow_up_id}", response=FollowUpOut)
def follow_up_update(request: HttpRequest, follow_up_id: uuid.UUID, payload: FollowUpPatch) -> Any:
    fields = payload.dict(exclude_unset=True)
    version = fields.pop("version")
    follow_up = services.follow_up_update(
        actor=actor_of(request), follow_up_id=follow_up_id, version=version, fields=fields
    )
    return follow_up_out(follow_up)


@router.post("/follow-ups/{follow_up_id}/close", response=FollowUpOut, summary="Done or cancelled")
def follow_up_close(request: HttpRequest, follow_up_id: uuid.UUID, payload: FollowUpClose) -> Any:
    follow_up = services.follow_up_close(
        actor=actor_of(request), follow_up_id=follow_up_id, **payload.dict()
    )
    return follow_up_out(follow_up)


# Encounters -----------------------------------------------------------------------------


class EncounterFields(Schema, extra="forbid"):
    person_id: uuid.UUID | None = Field(None, description="The person (individual encounter)")
    is_group: bool = False
    participant_ids: list[uuid.UUID] = Field([], description="Registered people present (group)")
    group_size: int | None = Field(None, description="Everyone present, registered or not")
    worker_id: uuid.UUID | None = Field(None, description="Default: you")
    enrollment_id: uuid.UUID | None = None
    occurred_on: date
    start_time: LocalTime | None = None
    end_time: LocalTime | None = None
    duration_minutes: int | None = Field(None, description="Or give start and end times")
    modality: str = Field(..., description="in_person, phone, video or text")
    place_of_service: str = Field(..., description="CMS place-of-service code, e.g. 12 home")
    services: list[str] = Field(..., description="health_education, navigation, screening, …")
    topics: list[str] = []
    need_ids: list[uuid.UUID] = []
    goal_ids: list[uuid.UUID] = []
    referral_ids: list[uuid.UUID] = []
    note: str = ""


class EncounterIn(EncounterFields):
    idempotency_key: str = Field("", description="Retrying with the same key logs nothing new")


class EncounterPatch(Schema, extra="forbid"):
    version: int
    person_id: uuid.UUID | None = None
    participant_ids: list[uuid.UUID] | None = None
    group_size: int | None = None
    worker_id: uuid.UUID | None = None
    enrollment_id: uuid.UUID | None = None
    occurred_on: date | None = None
    start_time: LocalTime | None = None
    end_time: LocalTime | None = None
    duration_minutes: int | None = None
    modality: str | None = None
    place_of_service: str | None = None
    services: list[str] | None = None
    topics: list[str] | None = None
    need_ids: list[uuid.UUID] | None = None
    goal_ids: list[uuid.UUID] | None = None
    referral_ids: list[uuid.UUID] | None = None
    note: str | None = None


class AmendmentIn(EncounterPatch):
    version: int = Field(0, description="Not used: the billed encounter does not change")
    reason: str


class EncounterOut(Schema):
    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    is_group: bool
    participant_ids: list[uuid.UUID]
    group_size: int
    worker: Member
    enrollment_id: uuid.UUID | None
    occurred_on: date
    start_time: LocalTime | None
    end_time: LocalTime | None
    duration_minutes: int
    modality: str
    place_of_service: str
    services: list[str]
    topics: list[str]
    need_ids: list[uuid.UUID]
    goal_ids: list[uuid.UUID]
    referral_ids: list[uuid.UUID]
    note: str
    status: str
    billed: bool
    locked: bool
    amends: uuid.UUID | None
    amended_by: uuid.UUID | None
    amendment_reason: str


class RevisionOut(Schema):
    version: int
    edited_at: datetime
    changed_fields: list[str]
    snapshot: dict[str, Any]


def _stringify(fields: dict[str, Any]) -> dict[str, Any]:
    """Ids as strings, as the services compare them."""
    return {
        name: (
            [str(v) for v in value]
            if isinstance(value, list) and name.endswith("_ids")
            else (str(value) if isinstance(value, uuid.UUID) else value)
        )
        for name, value in fields.items()
    }


@router.get("/encounters", response=list[EncounterOut])
@paginate(PagePagination)
def encounter_list(
    request: HttpRequest, person_id: uuid.UUID | None = None, mine: bool = False
) -> Any:
    actor = actor_of(request)
    person = person_get(actor=actor, public_id=person_id) if person_id else None
    encounters = selectors.encounter_list(
        actor=actor, person=person, worker=actor.membership if mine else None
    ).prefetch_related("participants", "needs", "goals", "referrals")
    return Mapped(encounters, encounter_out, encounters_out)


@router.post(
    "/encounters",
    response={200: EncounterOut, 201: EncounterOut},
    summary="Log an encounter (201; 200 with the first one when the idempotency key was used)",
)
def encounter_create(request: HttpRequest, payload: EncounterIn) -> Any:
    fields = _stringify(payload.dict(exclude_unset=True))
    key = fields.pop("idempotency_key", "")
    encounter, created = services.encounter_log(
        actor=actor_of(request), fields=fields, idempotency_key=key
    )
    return Status(201 if created else 200, encounter_out(encounter))


@router.get("/encounters/{encounter_id}", response=EncounterOut)
def encounter_get(request: HttpRequest, encounter_id: uuid.UUID) -> Any:
    return encounter_out(selectors.encounter_get(actor=actor_of(request), public_id=encounter_id))


@router.patch(
    "/encounters/{encounter_id}",
    response=EncounterOut,
    summary="Correct an encounter (423 once billed: record an amendment)",
)
def encounter_update(request: HttpRequest, encounter_id: uuid.UUID, payload: EncounterPatch) -> Any:
    fields = _stringify(payload.dict(exclude_unset=True))
    version = fields.pop("version")
    encounter = services.encounter_update(
        actor=actor_of(request), encounter_id=encounter_id, version=version, fields=fields
    )
    return encounter_out(encounter)


@router.post(
    "/encounters/{encounter_id}/amendments",
    response={201: EncounterOut},
    summary="Amend a billed encounter: a new encounter replaces it",
)
def encounter_amend(request: HttpRequest, encounter_id: uuid.UUID, payload: AmendmentIn) -> Any:
    fields = _stringify(payload.dict(exclude_unset=True))
    fields.pop("version", None)
    reason = fields.pop("reason")
    amendment = services.encounter_amend(
        actor=actor_of(request), encounter_id=encounter_id, reason=reason, fields=fields
    )
    return Status(201, encounter_out(amendment))


@router.get("/encounters/{encounter_id}/history", response=list[RevisionOut])
def encounter_history(request: HttpRequest, encounter_id: uuid.UUID) -> Any:
    return selectors.encounter_get(actor=actor_of(request), public_id=encounter_id).revisions.all()


# Timeline and team ----------------------------------------------------------------------


class TimelineOut(Schema):
    kind: str
    kind_label: str
    on: date
    title: str
    detail: str
    url: str


@router.get("/persons/{person_id}/timeline", response=list[TimelineOut])
def person_timeline(request: HttpRequest, person_id: uuid.UUID) -> Any:
    actor = actor_of(request)
    return selectors.person_timeline(
        actor=actor, person=person_get(actor=actor, public_id=person_id)
    )


class WorkerCaseloadOut(Schema):
    member: Member
    people: int
    overdue_follow_ups: int
    without_contact: int
    over_limit: list[str]


class ReassignIn(Schema, extra="forbid"):
    person_id: uuid.UUID
    from_member_id: uuid.UUID
    to_member_id: uuid.UUID


@router.get("/team/caseloads", response=list[WorkerCaseloadOut], summary="Caseload per worker")
def team_caseloads(request: HttpRequest, quiet_days: int = 30) -> Any:
    rows = selectors.team_caseloads(actor=actor_of(request), quiet_days=quiet_days)
    return [
        {**row.__dict__, "member": {"id": row.member.public_id, "name": row.member.display_name}}
        for row in rows
    ]


@router.post(
    "/team/reassign", response=dict[str, list[str]], summary="Move a person to another worker"
)
def team_reassign(request: HttpRequest, payload: ReassignIn) -> Any:
    warnings = services.caseload_reassign(actor=actor_of(request), **payload.dict())
    return {"warnings": warnings}
