"""Checks every visit must pass, whatever code would pay for it."""

import datetime
from collections.abc import Callable
from functools import lru_cache

from puentes.billing.engine._common import (
    PersonRecord,
    Problem,
    Visit,
    _,
    _current,
    _day,
    _language,
    _standing,
    _Title,
    _worker_label,
    worker_type_allowed,
)
from puentes.billing.rulesets import RuleSet
from puentes.care.models import EncounterService, labels_of
from puentes.core import icd10cm


def _common_unmet(rules: RuleSet, visit: Visit, person: PersonRecord) -> list[str]:
    """Which of the checks every visit must pass it fails (cheap: no messages)."""
    unmet = []
    if rules.services and visit.services.isdisjoint(rules.services):
        unmet.append("services")
    if rules.worker_types and not worker_type_allowed(visit.worker_type, rules.worker_types):
        unmet.append("worker")
    if rules.places_of_service and visit.place_of_service not in rules.places_of_service:
        unmet.append("place")
    if (
        rules.requires_recommendation
        and not _current(person.recommendations, visit.day)
        and not _standing(rules, visit.day)
    ):
        unmet.append("recommendation")
    if rules.excluded_program_kinds and any(
        kind in rules.excluded_program_kinds and _current([(start or visit.day, end)], visit.day)
        for kind, start, end in person.programs
    ):
        unmet.append("excluded_program")
    if rules.diagnosis_required and not visit.diagnoses:
        unmet.append("diagnosis")
    elif _invalid_diagnosis(visit.diagnoses, visit.day):
        unmet.append("diagnosis_invalid")
    return unmet


@lru_cache(maxsize=65536)
def _invalid_diagnosis(codes: tuple[str, ...], day: datetime.date) -> str:
    """The first of the codes that is not a billable ICD-10-CM code on the day, or ""."""
    for code in codes:
        if not icd10cm.valid_on(code, day):
            return code
    return ""


def _common_problems(
    rules: RuleSet, visit: Visit, person: PersonRecord, unmet: list[str]
) -> list[Problem]:
    """The failed common checks, said with their fixes."""
    title = _Title(rules.title)
    said: dict[str, Callable[[], Problem]] = {
        "services": lambda: Problem(
            _("The services delivered (%(services)s) are not covered by %(title)s.")
            % {
                "services": ", ".join(labels_of(EncounterService, sorted(visit.services))),
                "title": title,
            },
            _("Covered: %(services)s.")
            % {"services": ", ".join(labels_of(EncounterService, rules.services))},
        ),
        "worker": lambda: Problem(
            _("%(worker)s is not a qualified worker for %(title)s.")
            % {"worker": _worker_label(visit.worker_type), "title": title},
            _("The visit must be delivered by: %(types)s.")
            % {"types": ", ".join(_worker_label(t) for t in rules.worker_types)},
        ),
        "place": lambda: Problem(
            _("Place of service %(pos)s is not covered.") % {"pos": visit.place_of_service},
            _("Allowed places of service: %(list)s.")
            % {"list": ", ".join(rules.places_of_service or [])},
        ),
        "recommendation": lambda: _recommendation_problem(person, visit.day),
        "excluded_program": lambda: Problem(
            _(
                "Enrolled in Enhanced Care Management on %(day)s: "
                "the person cannot also receive %(title)s."
            )
            % {"day": _day(visit.day), "title": title},
            _("Bill the work through the ECM provider, or charge it to a grant."),
        ),
        "diagnosis": lambda: _no_diagnosis(rules),
        "diagnosis_invalid": lambda: Problem(
            icd10cm.refusal(_invalid_diagnosis(visit.diagnoses, visit.day), visit.day) or "",
            _("Correct the code on the need or on the practitioner's recommendation."),
        ),
    }
    return [said[check]() for check in unmet]


def _no_diagnosis(rules: RuleSet) -> Problem:
    if rules.diagnoses is not None:
        return Problem(
            _("No %(kinds)s diagnosis code (%(prefixes)s…).")
            % {
                "kinds": rules.diagnoses.kinds.in_language(_language()),
                "prefixes": ", ".join(rules.diagnoses.prefixes),
            },
            _("Record the practitioner's code on the recommendation."),
        )
    return Problem(
        _("No diagnosis code."),
        _(
            "Link a need with a Z code to the encounter, or record the practitioner's "
            "ICD-10-CM code on the recommendation."
        ),
    )


def _recommendation_problem(person: PersonRecord, day: datetime.date) -> Problem:
    """Why no recommendation covers the day (the caller knows none does)."""
    expired = [end for start, end in person.recommendations if end is not None and end < day]
    if expired:
        return Problem(
            _("The recommendation expired on %(day)s.") % {"day": _day(max(expired))},
            _("Record a new written recommendation from a licensed practitioner."),
        )
    return Problem(
        _("No written recommendation for CHW services on the date of service."),
        _("Record a licensed practitioner's written recommendation (name, NPI, date)."),
    )
