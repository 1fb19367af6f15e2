"""The scoring engine: interprets an instrument's rules over a set of answers.

Answers are a mapping of item id to one of
    {"code": "LA33-6"}                 a single choice
    {"codes": ["LA31996-4", ...]}      a multiple choice
    {"value": 12000}                   an integer
    {"declined": true}                 the person declined to answer
An item that is unanswered or declined is never counted as negative: a rule that depends on
it is "unknown" unless another of its items is already positive.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from django.utils.translation import gettext as _

from puentes.screening.definitions import Instrument, Item, Rule

Outcome = Literal["positive", "negative", "unknown"]


class AnswerError(ValueError):
    """An answer that does not fit its item; the message says why."""


@dataclass(frozen=True)
class RuleResult:
    rule_id: str
    need: str
    z_code: str | None
    outcome: Outcome
    total: int | None = None
    derived_code: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule_id,
            "need": self.need,
            "z_code": self.z_code,
            "outcome": self.outcome,
            "total": self.total,
            "derived_code": self.derived_code,
        }


def check_answer(item: Item, answer: Any) -> dict[str, Any]:
    """Return the answer in canonical form, or raise AnswerError."""
    if not isinstance(answer, Mapping) or len(answer) != 1:
        raise AnswerError(_("Give exactly one of code, codes, value or declined."))
    ((kind, value),) = answer.items()
    if kind == "declined":
        if value is not True:
            raise AnswerError(_("declined must be true."))
        return {"declined": True}
    if item.type == "choice" and kind == "code":
        if not isinstance(value, str) or item.answer(value) is None:
            raise AnswerError(
                _("%(value)s is not one of this question's answers.") % {"value": repr(value)}
            )
        return {"code": value}
    if item.type == "multiple" and kind == "codes":
        return {"codes": _check_codes(item, value)}
    if item.type == "integer" and kind == "value":
        if not isinstance(value, int) or isinstance(value, bool):
            raise AnswerError(_("The answer must be a whole number."))
        if not (item.minimum or 0) <= value <= (item.maximum or 0):
            raise AnswerError(
                _("The answer must be between %(low)s and %(high)s.")
                % {"low": item.minimum, "high": item.maximum}
            )
        return {"value": value}
    expected = {"choice": "code", "multiple": "codes", "integer": "value"}[item.type]
    raise AnswerError(_("This question takes %(kind)s (or declined).") % {"kind": repr(expected)})


def _check_codes(item: Item, value: Any) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise AnswerError(_("Choose at least one answer."))
    if len(set(value)) != len(value):
        raise AnswerError(_("An answer is chosen twice."))
    for code in value:
        answer = item.answer(code)
        if answer is None:
            raise AnswerError(
                _("%(value)s is not one of this question's answers.") % {"value": repr(code)}
            )
        if answer.exclusive and len(value) > 1:
            raise AnswerError(
                _("%(value)s cannot be combined with other answers.") % {"value": repr(code)}
            )
    return list(value)


def is_enabled(item: Item, answers: Mapping[str, Any]) -> bool:
    """Skip logic: an item with enable_when is asked only after a matching answer."""
    if item.enable_when is None:
        return True
    controlling = answers.get(item.enable_when.item) or {}
    chosen = controlling.get("codes") or ([controlling["code"]] if "code" in controlling else [])
    return any(code in item.enable_when.answers for code in chosen)


def enabled_items(instrument: Instrument, answers: Mapping[str, Any]) -> list[Item]:
    return [item for item in instrument.items if is_enabled(item, answers)]


def _chosen_codes(answer: Mapping[str, Any] | None) -> list[str] | None:
    """The chosen codes, or None when unanswered or declined."""
    if not answer or answer.get("declined"):
        return None
    if "code" in answer:
        return [answer["code"]]
    if "codes" in answer:
        return list(answer["codes"])
    return None


def _item_outcome(item: Item, rule: Rule, answer: Mapping[str, Any] | None) -> Outcome:
    codes = _chosen_codes(answer)
    if codes is None or any(getattr(item.answer(c), "declines", False) for c in codes):
        return "unknown"
    if rule.positive_answers:
        return "positive" if set(codes) & set(rule.positive_answers) else "negative"
    return "positive" if set(codes) - set(rule.negative_answers) else "negative"


def _score_rule(instrument: Instrument, rule: Rule, answers: Mapping[str, Any]) -> RuleResult:
    items = [i for i in (instrument.item(item_id) for item_id in rule.items) if i is not None]
    applicable = [item for item in items if is_enabled(item, answers)]
    if rule.total is not None:
        return _score_total(rule, applicable, answers)
    outcomes = [_item_outcome(item, rule, answers.get(item.id)) for item in applicable]
    if "positive" in outcomes:
        outcome: Outcome = "positive"
    elif "unknown" in outcomes:
        outcome = "unknown"
    else:
        outcome = "negative"
    derived = None
    if rule.derived is not None and outcome != "unknown":
        derived = (rule.derived.positive if outcome == "positive" else rule.derived.negative).code
    return RuleResult(rule.id, rule.need, rule.z_code, outcome, derived_code=derived)


def _score_total(rule: Rule, items: list[Item], answers: Mapping[str, Any]) -> RuleResult:
    """A total exists only when every item is answered; positive strictly above the threshold."""
    if rule.total is None:
        raise ValueError("not a total rule")
    scores = []
    for item in items:
        codes = _chosen_codes(answers.get(item.id))
        answer = item.answer(codes[0]) if codes else None
        if answer is None or answer.declines or answer.score is None:
            return RuleResult(rule.id, rule.need, rule.z_code, "unknown")
        scores.append(answer.score)
    total = sum(scores)
    outcome: Outcome = "positive" if total > rule.total.positive_above else "negative"
    return RuleResult(rule.id, rule.need, rule.z_code, outcome, total=total)


def score(instrument: Instrument, answers: Mapping[str, Any]) -> list[RuleResult]:
    """Every rule's result, in the definition's order."""
    return [_score_rule(instrument, rule, answers) for rule in instrument.rules]
