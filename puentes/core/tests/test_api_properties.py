"""Property-based probing of the whole API (schemathesis over /api/v1/openapi.json): for
generated requests to every operation, as a signed-in organization through its API key,
no answer is a server error and every answer conforms to the schema the API declares.

Bounded (PUENTES_API_PROBE_EXAMPLES examples an operation, default 8) so `make test` stays
quick on both databases; raise it locally to probe harder."""

import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from conftest import actor_for, attach_records
from puentes.api import api
from puentes.network.services import apikey_create

EXAMPLES = int(os.environ.get("PUENTES_API_PROBE_EXAMPLES", "8"))
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.response_schema_conformance,
    schemathesis.checks.content_type_conformance,
]


@pytest.fixture
def api_schema(db):
    """The API's own description, called in-process through Django's WSGI handler. As in
    Django's test client, the handler must not close the test's database connection at the
    start or end of each request (PostgreSQL's tests run inside that connection's transaction)."""
    loaded = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1"))
    loaded.app = WSGIHandler()
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield loaded
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture
def probe_key(alma, ana, maria, pantry):
    """An administrator's read-write key over an organization with a person and records."""
    attach_records(ana, maria, pantry)
    _key, raw = apikey_create(actor=actor_for(alma), name="probe", scope="read_write")
    return raw


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_operation_fails_or_breaks_its_schema(case, probe_key):
    response = case.call(headers={"Authorization": f"Bearer {probe_key}"})
    case.validate_response(response, checks=CHECKS)
