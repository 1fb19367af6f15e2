"""The shipped Medi-Cal and Rhode Island figures against the project's domain facts
(../shared/docs/domain/billing.md, with their sources): a figure changed in one place and
not the other fails here."""

import os
import re
from pathlib import Path

import pytest

from puentes.workforce.definitions import latest

SHARED = Path(os.environ.get("PUENTES_SHARED", Path(__file__).resolve().parents[4] / "shared"))
FACTS = SHARED / "docs" / "domain" / "billing.md"

pytestmark = pytest.mark.skipif(
    not FACTS.exists(), reason=f"the domain facts are not at {FACTS} (set PUENTES_SHARED)"
)


def _facts() -> str:
    return re.sub(r"\s+", " ", FACTS.read_text(encoding="utf-8"))


def test_medi_cal_chw_figures_are_the_domain_facts() -> None:
    text = _facts()
    medi_cal, hcai = latest("ca-medi-cal-chw"), latest("ca-hcai-chw")
    assert medi_cal is not None and hcai is not None
    experience = medi_cal.pathway("work_experience")
    assert experience is not None and experience.experience_hours is not None
    hours, years = experience.experience_hours.hours, experience.experience_hours.within_years
    assert f"{hours:,.0f} hours in the last {years}" in text
    assert f"certificate within {experience.certificate_within_months} months" in text
    assert medi_cal.continuing_education is not None
    assert f"**{medi_cal.continuing_education.hours:.0f} hours** of continuing training" in text
    training = hcai.pathway("training")
    assert training is not None and training.training_hours and training.fieldwork_hours
    assert f"≥{training.training_hours.hours:.0f} hours of training" in text
    assert f"≥{training.fieldwork_hours.hours:.0f} of supervised fieldwork" in text


def test_rhode_island_and_massachusetts_figures_are_the_domain_facts() -> None:
    text = _facts()
    plan = latest("ri-medicaid-chw")
    assert plan is not None and plan.pathway("plan") is not None
    months = plan.pathway("plan").certificate_within_months  # type: ignore[union-attr]
    assert f"obtain it within {months} months" in text
    massachusetts = latest("ma-chw")
    assert massachusetts is not None and massachusetts.renewal is not None
    renewal = massachusetts.renewal
    assert (
        f"renewal every {renewal.every_years} years with {renewal.continuing_education_hours:.0f}"
        in text
    )
