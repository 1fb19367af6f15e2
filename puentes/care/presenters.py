"""Care records as the API returns them (plain dicts the API schemas validate)."""

from typing import Any

from puentes.care.models import (
    CarePlan,
    Encounter,
    Enrollment,
    FollowUp,
    Goal,
    GoalProgress,
    PlanOfCare,
    Program,
    Recommendation,
)
from puentes.care.selectors import encounter_billed, encounter_locked, encounters_billed
from puentes.network.models import Membership


def _member(member: Membership | None) -> dict[str, Any] | None:
    if member is None:
        return None
    return {"id": member.public_id, "name": member.display_name}


def _ids(rows: Any) -> list[Any]:
    return [row.public_id for row in rows.all()]


def program_out(program: Program) -> dict[str, Any]:
    return {
        "id": program.public_id,
        "version": program.version,
        "name": program.name,
        "kind": program.kind,
        "kind_label": str(program.get_kind_display()),
        "description": program.description,
        "target_population": program.target_population,
        "worker_types": program.worker_types,
        "follow_up_days": program.follow_up_days,
        "caseload_limit": program.caseload_limit,
        "is_active": program.is_active,
    }


def enrollment_out(enrollment: Enrollment) -> dict[str, Any]:
    return {
        "id": enrollment.public_id,
        "version": enrollment.version,
        "person_id": enrollment.person.public_id,
        "program": {
            "id": enrollment.program.public_id,
            "name": enrollment.program.name,
            "kind": enrollment.program.kind,
        },
        "status": enrollment.status,
        "status_label": str(enrollment.get_status_display()),
        "status_reason": enrollment.status_reason,
        "referred_on": enrollment.referred_on,
        "start_date": enrollment.start_date,
        "end_date": enrollment.end_date,
        "ecm_populations": enrollment.ecm_populations,
        "community_supports": enrollment.community_supports,
        "workers": [_member(w) for w in enrollment.workers.all()],
        "history": [
            {
                "occurred_on": e.occurred_at,
                "from_status": e.from_status,
                "to_status": e.to_status,
                "reason": e.reason,
            }
            for e in enrollment.events.all()
        ],
    }


def progress_out(progress: GoalProgress) -> dict[str, Any]:
    return {
        "recorded_on": progress.recorded_on,
        "value": progress.value,
        "value_2": progress.value_2,
        "note": progress.note,
        "meets_target": progress.meets_target,
    }


def goal_out(goal: Goal) -> dict[str, Any]:
    return {
        "id": goal.public_id,
        "version": goal.version,
        "care_plan_id": goal.care_plan.public_id,
        "description": goal.description,
        "need_ids": _ids(goal.needs),
        "measure": goal.measure,
        "comparator": goal.comparator,
        "target_value": goal.target_value,
        "target_value_2": goal.target_value_2,
        "unit": goal.unit,
        "target": goal.target_text(),
        "target_date": goal.target_date,
        "status": goal.status,
        "status_label": str(goal.get_status_display()),
        "progress": [progress_out(p) for p in goal.progress.all()],
    }


def care_plan_out(plan: CarePlan) -> dict[str, Any]:
    enrollment = plan.enrollment
    return {
        "id": plan.public_id,
        "title": plan.title,
        "person_id": plan.person.public_id,
        "enrollment_id": enrollment.public_id if enrollment else None,
        "program": enrollment.program.name if enrollment else None,
        "goals": [goal_out(g) for g in plan.goals.all()],
    }


def _document(document: Recommendation | PlanOfCare) -> dict[str, Any]:
    return {
        "id": document.public_id,
        "person_id": document.person.public_id,
        "practitioner_name": document.practitioner_name,
        "practitioner_npi": document.practitioner_npi,
        "credential": document.credential,
        "has_attachment": bool(document.attachment),
        "attachment_name": document.attachment_name,
    }


def recommendation_out(document: Recommendation) -> dict[str, Any]:
    return {
        **_document(document),
        "recommended_on": document.recommended_on,
        "scope": document.scope,
        "expires_on": document.expires_on,
        "diagnosis_code": document.diagnosis_code,
    }


def plan_of_care_out(document: PlanOfCare) -> dict[str, Any]:
    return {
        **_document(document),
        "signed_on": document.signed_on,
        "valid_until": document.valid_until,
        "summary": document.summary,
        "care_plan_id": document.care_plan.public_id if document.care_plan else None,
    }


def follow_up_out(follow_up: FollowUp) -> dict[str, Any]:
    def ref(row: Any) -> Any:
        return row.public_id if row is not None else None

    return {
        "id": follow_up.public_id,
        "version": follow_up.version,
        "person_id": follow_up.person.public_id,
        "person_name": follow_up.person.display_name,
        "assignee": _member(follow_up.assignee),
        "title": follow_up.title,
        "note": follow_up.note,
        "due_on": follow_up.due_on,
        "status": follow_up.status,
        "source": follow_up.source,
        "goal_id": ref(follow_up.goal),
        "need_id": ref(follow_up.need),
        "referral_id": ref(follow_up.referral),
        "enrollment_id": ref(follow_up.enrollment),
        "completed_at": follow_up.completed_at,
    }


def encounters_out(encounters: list[Encounter]) -> list[dict[str, Any]]:
    """A page of encounters, asking billing once which of them stand on a claim."""
    billed = encounters_billed([e.pk for e in encounters])
    return [encounter_out(e, billed=e.pk in billed) for e in encounters]


def encounter_out(encounter: Encounter, billed: bool | None = None) -> dict[str, Any]:
    amendment = getattr(encounter, "amendment", None)
    if billed is None:
        billed = encounter_billed(encounter)
    return {
        "id": encounter.public_id,
        "version": encounter.version,
        "person_id": encounter.person.public_id,
        "is_group": encounter.is_group,
        "participant_ids": _ids(encounter.participants),
        "group_size": encounter.group_size,
        "worker": _member(encounter.worker),
        "enrollment_id": encounter.enrollment.public_id if encounter.enrollment else None,
        "occurred_on": encounter.occurred_on,
        "start_time": encounter.start_time,
        "end_time": encounter.end_time,
        "duration_minutes": encounter.duration_minutes,
        "modality": encounter.modality,
        "place_of_service": encounter.place_of_service,
        "services": encounter.services,
        "topics": encounter.topics,
        "need_ids": _ids(encounter.needs),
        "goal_ids": _ids(encounter.goals),
        "referral_ids": _ids(encounter.referrals),
        "note": encounter.note,
        "status": encounter.status,
        "billed": billed,
        "locked": encounter_locked(encounter, billed),
        "amends": encounter.amends.public_id if encounter.amends else None,
        "amended_by": amendment.public_id if amendment else None,
        "amendment_reason": encounter.amendment_reason,
    }
