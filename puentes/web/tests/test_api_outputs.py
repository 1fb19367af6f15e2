"""One output style: every API operation declares a typed response schema, so what a
program receives is documented in the OpenAPI and checked on the way out. A route that
answers with a file, a FHIR resource or nothing says so here, with why."""

import typing

from puentes.api import api

# Not a schema of ours, each for its reason.
EXEMPT = {
    # 204 No Content.
    "identifier_remove": "no content",
    "worker_unassign": "no content",
    "household_remove_member": "no content",
    # Files: the bytes are the answer.
    "recommendation_download": "the scanned document",
    "plan_of_care_download": "the scanned document",
    "batch_837p": "an X12 837P file",
    "batch_csv": "a CSV file",
    # FHIR R4 resources, built and validated with fhir.resources.
    "screening_fhir": "a FHIR QuestionnaireResponse and Observations",
    "need_fhir": "a FHIR Condition",
    "referral_fhir": "a FHIR ServiceRequest and Task",
}


def _untyped(annotation: object) -> bool:
    """Any, or a dict of Any (at any depth of lists): a shape nobody declared."""
    if annotation is typing.Any:
        return True
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is dict:
        return typing.Any in args
    if origin in (list, tuple, typing.Union):
        return any(_untyped(arg) for arg in args)
    return False


def _operations():
    for _prefix, router in api._routers:
        for path, view in router.path_operations.items():
            for operation in view.operations:
                yield path, operation


def test_every_operation_declares_a_typed_response():
    untyped = []
    for path, operation in _operations():
        name = operation.view_func.__name__
        if name in EXEMPT:
            continue
        models = operation.response_models or {}
        declared = [m for m in models.values() if hasattr(m, "model_fields")]
        if not declared or any(_untyped(m.model_fields["response"].annotation) for m in declared):
            untyped.append(f"{path} {name}")
    assert not untyped, "declare a response schema:\n" + "\n".join(sorted(untyped))


def test_the_exemptions_are_real_routes():
    names = {operation.view_func.__name__ for _path, operation in _operations()}
    assert set(EXEMPT) <= names
