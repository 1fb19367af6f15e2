"""FHIR R4 mapping (HL7 SDOH Clinical Care / Gravity): a completed screening becomes a
QuestionnaireResponse plus one screening-response Observation per answer (and per derived
score), and a need becomes a Condition. These are plain dicts; the FHIR API will serve them.
"""

import uuid
from typing import Any

from puentes.screening.categories import CATEGORIES, GRAVITY_SYSTEM, ICD10CM_SYSTEM, LOINC_SYSTEM
from puentes.screening.definitions import Instrument, Item
from puentes.screening.models import Need, NeedStatus, Screening

SDOHCC = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/condition-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
_IDS = uuid.UUID("6f1c7a52-33a4-4d0e-9a8e-5b1f3c2a9d10")  # namespace for derived resource ids


def _patient(screening_or_need: Screening | Need) -> dict[str, str]:
    return {"reference": f"Patient/{screening_or_need.person.public_id}"}


def _answer_system(instrument: Instrument) -> str:
    return instrument.code_system or LOINC_SYSTEM


def _item_code(instrument: Instrument, item: Item) -> dict[str, Any]:
    system, code = (
        (LOINC_SYSTEM, item.loinc) if item.loinc else (_answer_system(instrument), item.id)
    )
    return {
        "coding": [{"system": system, "code": code, "display": item.text.en}],
        "text": item.text.en,
    }


def questionnaire_canonical(instrument: Instrument) -> str:
    base = (
        f"http://loinc.org/q/{instrument.loinc_panel}"
        if instrument.loinc_panel
        else f"urn:puentes:questionnaire:{instrument.id}"
    )
    return f"{base}|{instrument.version}"


def _answers_of(instrument: Instrument, item: Item, answer: dict[str, Any]) -> list[dict[str, Any]]:
    """FHIR answer values; a declined item has none."""
    if "value" in answer:
        return [{"valueInteger": answer["value"]}]
    codes = answer.get("codes") or ([answer["code"]] if "code" in answer else [])
    values = []
    for code in codes:
        choice = item.answer(code)
        display = choice.text.en if choice else code
        values.append(
            {
                "valueCoding": {
                    "system": _answer_system(instrument),
                    "code": code,
                    "display": display,
                }
            }
        )
    return values


def questionnaire_response(screening: Screening, instrument: Instrument) -> dict[str, Any]:
    items = []
    for item in instrument.items:
        if item.id not in screening.answers:
            continue
        entry: dict[str, Any] = {
            "linkId": item.id,
            "text": item.text.in_language(screening.language),
        }
        answers = _answers_of(instrument, item, screening.answers[item.id])
        if answers:
            entry["answer"] = answers
        items.append(entry)
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": str(screening.public_id),
        "questionnaire": questionnaire_canonical(instrument),
        "status": "completed" if screening.completed_at else "in-progress",
        "subject": _patient(screening),
        "language": screening.language,
        "item": items,
    }
    if screening.completed_at:
        resource["authored"] = screening.completed_at.isoformat()
    return resource


def _observation(
    screening: Screening,
    key: str,
    code: dict[str, Any],
    value: dict[str, Any],
    categories: list[str],
    derived_from: list[str],
) -> dict[str, Any]:
    category = [
        {"coding": [{"system": OBSERVATION_CATEGORY, "code": "social-history"}]},
        {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey"}]},
        *(
            {"coding": [{"system": GRAVITY_SYSTEM, "code": c, "display": str(CATEGORIES[c])}]}
            for c in categories
        ),
    ]
    return {
        "resourceType": "Observation",
        "id": str(uuid.uuid5(_IDS, f"{screening.public_id}/{key}")),
        "meta": {"profile": [f"{SDOHCC}/SDOHCC-ObservationScreeningResponse"]},
        "status": "final",
        "category": category,
        "code": code,
        "subject": _patient(screening),
        "effectiveDateTime": (screening.completed_at or screening.created_at).isoformat(),
        **value,
        "derivedFrom": [{"reference": reference} for reference in derived_from],
    }


def screening_observations(screening: Screening, instrument: Instrument) -> list[dict[str, Any]]:
    """One Observation per answer given, and one per total or derived result."""
    response = f"QuestionnaireResponse/{screening.public_id}"
    domains_of: dict[str, list[str]] = {}
    for rule in instrument.rules:
        for item_id in rule.items:
            domains_of.setdefault(item_id, [])
            if rule.need not in domains_of[item_id]:
                domains_of[item_id].append(rule.need)
    observations = []
    for item in instrument.items:
        answer = screening.answers.get(item.id)
        if not answer or answer.get("declined"):
            continue
        for index, value in enumerate(_answers_of(instrument, item, answer)):
            fhir_value = (
                {"valueInteger": value["valueInteger"]}
                if "valueInteger" in value
                else {"valueCodeableConcept": {"coding": [value["valueCoding"]]}}
            )
            observations.append(
                _observation(
                    screening,
                    f"{item.id}/{index}",
                    _item_code(instrument, item),
                    fhir_value,
                    domains_of.get(item.id, []),
                    [response],
                )
            )
    observations.extend(_derived_observations(screening, instrument, response))
    return observations


def _derived_observations(
    screening: Screening, instrument: Instrument, response: str
) -> list[dict[str, Any]]:
    findings = {f.rule_id: f for f in screening.findings.all()}
    derived = []
    for rule in instrument.rules:
        finding = findings.get(rule.id)
        if finding is None:
            continue
        if rule.total is not None and finding.total is not None:
            code = {
                "coding": [
                    {
                        "system": LOINC_SYSTEM,
                        "code": rule.total.loinc,
                        "display": rule.total.text.en,
                    }
                ]
            }
            derived.append(
                _observation(
                    screening,
                    f"total/{rule.id}",
                    code,
                    {"valueInteger": finding.total},
                    [rule.need],
                    [response],
                )
            )
        if rule.derived is not None and finding.derived_code:
            chosen = (
                rule.derived.positive
                if finding.derived_code == rule.derived.positive.code
                else rule.derived.negative
            )
            code = {
                "coding": [
                    {
                        "system": LOINC_SYSTEM,
                        "code": rule.derived.loinc,
                        "display": rule.derived.text.en,
                    }
                ]
            }
            value = {
                "valueCodeableConcept": {
                    "coding": [
                        {"system": LOINC_SYSTEM, "code": chosen.code, "display": chosen.text.en}
                    ]
                }
            }
            derived.append(
                _observation(screening, f"derived/{rule.id}", code, value, [rule.need], [response])
            )
    return derived


def screening_bundle(screening: Screening, instrument: Instrument) -> dict[str, Any]:
    resources = [
        questionnaire_response(screening, instrument),
        *screening_observations(screening, instrument),
    ]
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [
            {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}
            for resource in resources
        ],
    }


_CLINICAL_STATUS = {
    NeedStatus.IDENTIFIED: "active",
    NeedStatus.IN_PROGRESS: "active",
    NeedStatus.UNABLE: "active",
    NeedStatus.RESOLVED: "resolved",
    NeedStatus.DECLINED: "inactive",
}


def need_condition(need: Need) -> dict[str, Any]:
    """A need as an SDOHCC Condition (a health concern). The Z code is a suggestion, so the
    verification status stays unconfirmed until a clinician confirms it."""
    label = str(CATEGORIES.get(need.category, need.category))
    code: dict[str, Any] = {"text": label}
    if need.z_code:
        code["coding"] = [{"system": ICD10CM_SYSTEM, "code": need.z_code}]
    condition: dict[str, Any] = {
        "resourceType": "Condition",
        "id": str(need.public_id),
        "meta": {"profile": [f"{SDOHCC}/SDOHCC-Condition"]},
        "clinicalStatus": {
            "coding": [
                {"system": CONDITION_CLINICAL, "code": _CLINICAL_STATUS[NeedStatus(need.status)]}
            ]
        },
        "verificationStatus": {
            "coding": [{"system": CONDITION_VERIFICATION, "code": "unconfirmed"}]
        },
        "category": [
            {"coding": [{"system": CONDITION_CATEGORY, "code": "health-concern"}]},
            {"coding": [{"system": GRAVITY_SYSTEM, "code": need.category, "display": label}]},
        ],
        "code": code,
        "subject": _patient(need),
        "onsetDateTime": need.identified_on.isoformat(),
        "recordedDate": need.created_at.isoformat(),
    }
    if need.screening_id:
        condition["evidence"] = [
            {
                "detail": [
                    {"reference": f"QuestionnaireResponse/{need.screening.public_id}"}  # type: ignore[union-attr]
                ]
            }
        ]
    if need.status == NeedStatus.RESOLVED:
        condition["abatementDateTime"] = need.updated_at.isoformat()
    return condition
