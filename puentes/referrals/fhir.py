"""A referral as the HL7 FHIR SDOH Clinical Care (Gravity) ServiceRequest and
TaskForReferralManagement, and back: a Task update from the other side becomes a status
change, and a ServiceRequest becomes a new referral's fields. Plain dicts; the tests
validate them with fhir.resources."""

import datetime
import uuid
from typing import Any, Literal

from django.utils.translation import gettext as _

from puentes.core.actor import Actor
from puentes.core.errors import invalid
from puentes.referrals import selectors
from puentes.referrals.models import Outcome, Referral, ReferralStatus
from puentes.screening.categories import CATEGORIES, GRAVITY_SYSTEM

SDOHCC = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition"
TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code"
OUTCOME_SYSTEM = "urn:puentes:referral-outcome"
_TASK_TO_SERVICE_REQUEST = {
    ReferralStatus.DRAFT: "draft",
    ReferralStatus.REQUESTED: "active",
    ReferralStatus.ACCEPTED: "active",
    ReferralStatus.IN_PROGRESS: "active",
    ReferralStatus.ON_HOLD: "on-hold",
    ReferralStatus.COMPLETED: "completed",
    ReferralStatus.REJECTED: "revoked",
    ReferralStatus.FAILED: "revoked",
    ReferralStatus.CANCELLED: "revoked",
    ReferralStatus.ENTERED_IN_ERROR: "entered-in-error",
}
_PRIORITY = {"routine": "routine", "urgent": "urgent", "asap": "asap"}


# Who reads the resources decides what they hold, by the same minimum-necessary rule as
# the JSON view: the referring side sees its own records; the receiving side sees the
# person only as the referral shares them (a contained Patient with no internal id, no
# needs' or consent's ids); once sharing has ended it sees that the referral was withdrawn
# and when, with no person, note, needs or reasons.
View = Literal["referring", "receiving", "withdrawn"]
PATIENT_ID = "patient"


def view_for(actor: Actor, referral: Referral) -> View:
    if referral.referring_organization_id == actor.organization.pk:
        return "referring"
    return "withdrawn" if selectors.withdrawn_from(actor, referral) else "receiving"


def _instant(moment: datetime.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _subject(referral: Referral, view: View, *, contained: bool = False) -> dict[str, Any]:
    """Who the referral is for, as this view may name them: our Patient for the referring
    side; for the receiving side the contained Patient (when the resource carries one) or
    just the name; after sharing ended, only that it was withdrawn."""
    if view == "referring":
        return {"reference": f"Patient/{referral.person.public_id}"}
    if view == "receiving":
        named = {"display": referral.person.display_name}
        return {"reference": f"#{PATIENT_ID}", **named} if contained else named
    return {"display": _("Withdrawn: the person's consent to share has ended.")}


def _shared_patient(shared: dict[str, Any]) -> dict[str, Any]:
    """The person as a referral shares them, as a contained Patient with no identifier."""
    telecom = [
        {"system": system, "value": shared[key]}
        for system, key in (("phone", "phone"), ("email", "email"))
        if shared[key]
    ]
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "id": PATIENT_ID,
        "name": [{"text": shared["name"]}],
    }
    if telecom:
        patient["telecom"] = telecom
    if shared["preferred_language"]:
        patient["communication"] = [
            {
                "language": {
                    "coding": [{"system": "urn:ietf:bcp:47", "code": shared["preferred_language"]}]
                },
                "preferred": True,
            }
        ]
    return patient


def service_request(
    referral: Referral, view: View = "referring", shared: dict[str, Any] | None = None
) -> dict[str, Any]:
    """``shared``: the person as the receiving side may see them (for its contained
    Patient); the referring side's view needs none."""
    needs = list(referral.needs.all()) if view != "withdrawn" else []
    service = referral.service_at_location.service
    resource: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "id": str(referral.public_id),
        "meta": {"profile": [f"{SDOHCC}/SDOHCC-ServiceRequest"]},
        "status": _TASK_TO_SERVICE_REQUEST[ReferralStatus(referral.status)],
        "intent": "order",
        "priority": _PRIORITY[referral.priority],
        "category": [
            {
                "coding": [
                    {
                        "system": GRAVITY_SYSTEM,
                        "code": need.category,
                        "display": str(CATEGORIES.get(need.category, need.category)),
                    }
                ]
            }
            for need in needs
        ]
        or [{"text": service.name}],
        "code": {"text": service.name},
        "subject": _subject(referral, view, contained=shared is not None),
        "authoredOn": _instant(referral.sent_at or referral.created_at),
        "requester": {
            "reference": f"Organization/{referral.referring_organization.public_id}",
            "display": referral.referring_organization.name,
        },
        "performer": [
            {
                "reference": f"HealthcareService/{referral.service_at_location.pk}",
                "display": service.name,
            }
        ],
    }
    if view == "receiving" and shared is not None:
        resource["contained"] = [_shared_patient(shared)]
    if view == "referring" and needs:
        resource["reasonReference"] = [{"reference": f"Condition/{n.public_id}"} for n in needs]
    if referral.requested_by:
        resource["occurrencePeriod"] = {"end": referral.requested_by.isoformat()}
    if view == "referring" and referral.consent_id:
        resource["supportingInfo"] = [{"reference": f"Consent/{referral.consent.public_id}"}]  # type: ignore[union-attr]
    if view != "withdrawn" and referral.note:
        resource["note"] = [{"text": referral.note}]
    return resource


def task(referral: Referral, view: View = "referring") -> dict[str, Any]:
    owner = referral.receiving_organization
    resource: dict[str, Any] = {
        "resourceType": "Task",
        "id": str(uuid.uuid5(referral.public_id, "task")),
        "meta": {
            "profile": [f"{SDOHCC}/SDOHCC-TaskForReferralManagement"],
            "versionId": str(referral.version),
        },
        "status": referral.status,
        "intent": "order",
        "priority": _PRIORITY[referral.priority],
        "code": {"coding": [{"system": TASK_CODE, "code": "fulfill"}]},
        "focus": {"reference": f"ServiceRequest/{referral.public_id}"},
        "for": _subject(referral, view),
        "authoredOn": _instant(referral.sent_at or referral.created_at),
        "lastModified": _instant(referral.updated_at),
        "requester": {"reference": f"Organization/{referral.referring_organization.public_id}"},
    }
    if owner is not None:
        resource["owner"] = {"reference": f"Organization/{owner.public_id}", "display": owner.name}
    if referral.status_reason and view != "withdrawn":
        resource["statusReason"] = {"text": referral.status_reason}
    if view == "withdrawn" and referral.sharing_ended_at is not None:
        resource["executionPeriod"] = {"end": _instant(referral.sharing_ended_at)}
    if referral.status == ReferralStatus.COMPLETED and referral.outcome:
        resource["output"] = [
            {
                "type": {"coding": [{"system": GRAVITY_SYSTEM, "code": "resulting-activity"}]},
                "valueCodeableConcept": {
                    "coding": [
                        {
                            "system": OUTCOME_SYSTEM,
                            "code": referral.outcome,
                            "display": str(Outcome(referral.outcome).label),
                        }
                    ],
                    "text": (referral.outcome_note if view != "withdrawn" else "")
                    or str(Outcome(referral.outcome).label),
                },
            }
        ]
    return resource


def transition_from_task(resource: dict[str, Any]) -> dict[str, Any]:
    """The status change a Task update asks for (its meta.versionId is the version read)."""
    if resource.get("resourceType") != "Task":
        raise invalid({"resourceType": [_("Send a FHIR Task.")]})
    version = str((resource.get("meta") or {}).get("versionId") or "")
    if not version.isdigit():
        raise invalid({"meta.versionId": [_("Send the version you read in meta.versionId.")]})
    change: dict[str, Any] = {
        "version": int(version),
        "status": str(resource.get("status", "")),
        "reason": str((resource.get("statusReason") or {}).get("text", "")),
    }
    for output in resource.get("output") or []:
        for coding in (output.get("valueCodeableConcept") or {}).get("coding") or []:
            if coding.get("system") == OUTCOME_SYSTEM:
                change["outcome"] = coding.get("code", "")
                text = output["valueCodeableConcept"].get("text", "")
                change["outcome_note"] = "" if text == coding.get("display") else text
    return change


def _reference_id(reference: dict[str, Any] | None, kind: str, field: str) -> str:
    text = str((reference or {}).get("reference", ""))
    prefix = f"{kind}/"
    if not text.startswith(prefix):
        raise invalid({field: [_("Expected a reference to a %(kind)s.") % {"kind": kind}]})
    return text[len(prefix) :]


def creation_from_service_request(resource: dict[str, Any]) -> dict[str, Any]:
    """The fields of a new referral from a ServiceRequest (performer: HealthcareService/<id>
    of a directory service at a location; reasonReference: the person's needs). An active
    request is sent at once; a draft stays a draft."""
    if resource.get("resourceType") != "ServiceRequest":
        raise invalid({"resourceType": [_("Send a FHIR ServiceRequest.")]})
    performers = resource.get("performer") or [None]
    fields: dict[str, Any] = {
        "person_id": _reference_id(resource.get("subject"), "Patient", "subject"),
        "service_at_location_id": _reference_id(performers[0], "HealthcareService", "performer"),
        "need_ids": [
            _reference_id(r, "Condition", "reasonReference")
            for r in resource.get("reasonReference") or []
        ],
        "note": " ".join(n.get("text", "") for n in resource.get("note") or []).strip(),
        "priority": resource.get("priority", "routine"),
        "send": resource.get("status") == "active",
    }
    end = (resource.get("occurrencePeriod") or {}).get("end")
    if end:
        try:
            fields["requested_by"] = datetime.date.fromisoformat(str(end)[:10])
        except ValueError:
            raise invalid({"occurrencePeriod": [_("Not a date.")]}) from None
    for key in ("person_id", "service_at_location_id"):
        try:
            uuid.UUID(fields[key])
        except ValueError:
            raise invalid({key: [_("Not a valid id.")]}) from None
    return fields
