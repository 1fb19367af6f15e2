"""The FHIR mapping validates against FHIR R4 (fhir.resources' R4B models)."""

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.condition import Condition
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from conftest import actor_for
from puentes.screening import fhir, services
from puentes.screening.definitions import instrument_find
from puentes.screening.models import Need

ANSWERS = {
    "living_situation": {"code": "LA31994-9"},
    "housing_problems": {"codes": ["LA28580-1", "LA32001-2"]},
    "food_worry": {"code": "LA6729-3"},
    "food_ran_out": {"declined": True},
    "safety_hurt": {"code": "LA6482-9"},
    "safety_insult": {"code": "LA6482-9"},
    "safety_threaten": {"code": "LA6270-8"},
    "safety_scream": {"code": "LA6270-8"},
}


def test_a_completed_screening_is_a_valid_questionnaire_response_and_observations(ana, maria):
    screening = services.screening_record(
        actor=actor_for(ana),
        person_id=maria.public_id,
        instrument_id="ahc-hrsn-core",
        answers=ANSWERS,
    )
    instrument = instrument_find("ahc-hrsn-core")
    bundle = fhir.screening_bundle(screening, instrument)
    Bundle.model_validate(bundle)
    resources = [entry["resource"] for entry in bundle["entry"]]
    response = QuestionnaireResponse.model_validate(resources[0])
    assert response.questionnaire == "http://loinc.org/q/96777-8|2017-core"
    assert response.language == "es" and response.item[0].text.startswith("¿Cuál es su situación")
    observations = [Observation.model_validate(r) for r in resources[1:]]
    codes = [o.code.coding[0].code for o in observations]
    assert codes.count("96778-6") == 2  # one per housing problem chosen
    assert "88123-5" not in codes  # declined: no observation, never a negative
    total = next(o for o in observations if o.code.coding[0].code == "95614-4")
    assert total.valueInteger == 12
    gravity = {
        c.coding[0].code for o in observations for c in o.category if "sdoh" in c.coding[0].system
    }
    assert {"housing-instability", "inadequate-housing", "food-insecurity"} <= gravity


def test_the_hunger_vital_sign_derived_item_is_an_observation(ana, maria):
    screening = services.screening_record(
        actor=actor_for(ana),
        person_id=maria.public_id,
        instrument_id="hunger-vital-sign",
        answers={"food_worry": {"code": "LA28398-8"}, "food_ran_out": {"code": "LA28398-8"}},
    )
    resources = [
        e["resource"]
        for e in fhir.screening_bundle(screening, instrument_find("hunger-vital-sign"))["entry"]
    ]
    derived = next(
        r for r in resources if r.get("code", {}).get("coding", [{}])[0].get("code") == "88124-3"
    )
    Observation.model_validate(derived)
    assert derived["valueCodeableConcept"]["coding"][0]["code"] == "LA19983-8"


def test_a_need_is_a_valid_condition(ana, maria):
    services.screening_record(
        actor=actor_for(ana),
        person_id=maria.public_id,
        instrument_id="ahc-hrsn-core",
        answers=ANSWERS,
    )
    need = Need.objects.get(category="food-insecurity")
    condition = Condition.model_validate(fhir.need_condition(need))
    assert condition.code.coding[0].code == "Z59.41"
    assert condition.clinicalStatus.coding[0].code == "active"
    assert condition.verificationStatus.coding[0].code == "unconfirmed"
    assert condition.evidence[0].detail[0].reference.startswith("QuestionnaireResponse/")
    observed = services.need_record(
        actor=actor_for(ana), person_id=maria.public_id, category="stress", note=""
    )
    assert Condition.model_validate(fhir.need_condition(observed)).code.text == "Stress"
