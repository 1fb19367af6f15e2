"""API: recommendations and plans of care, with their scans."""

import uuid
from datetime import date
from typing import Any, cast

from django.http import HttpRequest
from ninja import Field, File, Schema
from ninja.files import UploadedFile
from ninja.responses import Status

from puentes.care import selectors, services
from puentes.care.api._common import router
from puentes.care.models import PlanOfCare, Recommendation
from puentes.care.presenters import (
    plan_of_care_out,
    recommendation_out,
)
from puentes.core.http import stored_file_download
from puentes.network.auth import actor_of
from puentes.people.selectors import person_get


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
