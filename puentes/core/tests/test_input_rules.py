"""One input style: a field's length and range are declared once, on its model field.
Services check writes against the model (``model_text``, ``model_number``) and page forms
build their fields from it (``form_field``), so neither the form nor the API repeats a
rule; these tests fail when a form or a service writes a limit of its own again."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import FieldDoesNotExist

from puentes.care.forms import EncounterForm, ProgramForm
from puentes.care.models import Encounter, Program
from puentes.core.inputs import form_field, model_number, model_text
from puentes.directory.models import Service

PACKAGE = Path(__file__).resolve().parents[2]
LIMITS = {"max_length", "min_value", "max_value"}

# Inputs that are not a column: each says why its own limit is right.
EXEMPT = {
    # Queries and filters, not writes: nothing is stored.
    ("directory/forms.py", "SearchForm"): "a search query",
    ("network/forms.py", "AuditFilterForm"): "a filter of the audit log",
    # Typed with punctuation the service strips before storing the model's shorter value.
    ("billing/forms.py", "ProfileForm"): "ZIP+4 with its hyphen, a phone with its brackets",
    # A comma-separated list the service splits into codes, each checked on its own.
    ("billing/forms.py", "PriorAuthorizationForm"): "codes typed as one list",
}


def _limits_in(path: Path) -> list[tuple[str, int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ClassDef):
            continue
        for call in ast.walk(node):
            if isinstance(call, ast.Call):
                for keyword in call.keywords:
                    if keyword.arg in LIMITS:
                        found.append((node.name, call.lineno, keyword.arg))
    return found


def test_no_page_form_repeats_a_model_rule() -> None:
    repeated = []
    for path in sorted(PACKAGE.glob("*/forms.py")):
        module = path.relative_to(PACKAGE).as_posix()
        for form, line, keyword in _limits_in(path):
            if (module, form) not in EXEMPT:
                repeated.append(f"{module}:{line} {form} declares {keyword}")
    assert not repeated, "use core.inputs.form_field so the model's rule applies:\n" + "\n".join(
        repeated
    )


def test_no_service_writes_a_length_of_its_own() -> None:
    """``clean_text(..., limit=N)`` outside core.inputs is a second copy of a model rule."""
    copies = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts or path.name == "inputs.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "clean_text"
                and any(k.arg == "limit" for k in node.keywords)
            ):
                copies.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not copies, "use core.inputs.model_text:\n" + "\n".join(copies)


def test_form_fields_carry_the_model_rules() -> None:
    form = ProgramForm()
    days = form.fields["follow_up_days"]
    assert (days.min_value, days.max_value) == (0, 365)  # type: ignore[attr-defined]
    assert form.fields["name"].max_length == 120  # type: ignore[attr-defined]
    minutes = EncounterForm(choices={}).fields["duration_minutes"]
    assert (minutes.min_value, minutes.max_value) == (1, 720)  # type: ignore[attr-defined]


def test_the_page_and_the_service_give_the_same_message() -> None:
    errors: dict[str, list[str]] = {}
    model_number(Program, {"follow_up_days": 366}, "follow_up_days", errors)
    form = ProgramForm(data={"name": "x", "kind": "chw", "follow_up_days": 366})
    assert not form.is_valid()
    assert errors["follow_up_days"] == ["Enter a number of days from 0 to 365."]
    # The form's own check names the same limit (Django's wording, in the user's language).
    assert "365" in form.errors["follow_up_days"][0]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"follow_up_days": 0}, {}),
        ({"follow_up_days": 365}, {}),
        ({"follow_up_days": -1}, {"follow_up_days": ["Enter a number of days from 0 to 365."]}),
        ({"follow_up_days": True}, {"follow_up_days": ["Enter a whole number."]}),
        ({"follow_up_days": "7"}, {"follow_up_days": ["Enter a whole number."]}),
        ({"caseload_limit": None}, {}),
        (
            {"caseload_limit": 1001},
            {"caseload_limit": ["Enter a limit from 1 to 1,000, or leave it empty."]},
        ),
    ],
)
def test_model_number_checks_the_model_range(fields: dict, expected: dict) -> None:
    errors: dict[str, list[str]] = {}
    model_number(Program, fields, next(iter(fields)), errors)
    assert errors == expected


def test_model_text_refuses_instead_of_cutting() -> None:
    errors: dict[str, list[str]] = {}
    text = model_text(Encounter, {"note": "x" * 5001}, "note", errors)
    assert len(text) == 5001  # kept whole for the error, never truncated
    assert errors == {"note": ["Keep it under 5,000 characters."]}
    errors = {}
    assert model_text(Encounter, {"reason": " why "}, "reason", errors, field="amendment_reason")
    assert errors == {}


def test_a_field_without_a_declared_rule_is_a_programming_error() -> None:
    # An HSDS description has no length of ours: a service may not claim to check one.
    with pytest.raises(TypeError, match="declares no max_length"):
        model_text(Service, {"description": "x"}, "description", {})
    with pytest.raises(FieldDoesNotExist):
        form_field(Service, "missing")
