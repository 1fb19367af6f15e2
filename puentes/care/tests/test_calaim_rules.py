"""CalAIM's enrollment rules are data (care/definitions/calaim.yaml): the codes there are
the model's choices, and the program kinds it names exist."""

import pytest
import yaml
from pydantic import ValidationError

from puentes.care.calaim import CALAIM_FILE, CalAim, calaim
from puentes.care.models import CommunitySupport, EcmPopulation, ProgramKind


def test_the_codes_are_the_models_choices():
    rules = calaim()
    assert sorted(rules.populations) == sorted(EcmPopulation.values)
    assert sorted(rules.community_supports) == sorted(CommunitySupport.values)
    assert set(rules.program_kinds) <= set(ProgramKind.values)
    assert rules.sources


def test_ecm_requires_populations_and_other_kinds_carry_none():
    rules = calaim()
    assert rules.rule_for("ecm").populations == "required"
    assert rules.rule_for("community_supports").community_supports == "allowed"
    assert rules.rule_for("asthma").populations == "not_allowed"
    assert rules.rule_for("asthma").community_supports == "not_allowed"


def test_a_misspelt_rule_is_refused():
    data = yaml.safe_load(CALAIM_FILE.read_text(encoding="utf-8"))
    data["program_kinds"]["ecm"]["populations"] = "sometimes"
    with pytest.raises(ValidationError):
        CalAim.model_validate(data)
