"""/hsds/ answers as the official OpenAPI says; responses validate against the official schemas."""

import json

import jsonschema  # type: ignore[import-untyped]
import pytest
from django.test import Client

from puentes.directory.models import Attribute, Service, ServiceAtLocation
from puentes.directory.services import directory_import
from puentes.directory.tests.packages import SKIP_REASON, STANDARDS, write_package

COMPILED = STANDARDS / "hsds-3.0" / "schema" / "compiled"
needs_standards = pytest.mark.skipif(not STANDARDS.exists(), reason=SKIP_REASON)


@pytest.fixture
def directory(db, tmp_path):
    directory_import(path=write_package(tmp_path / "pkg"), source="sac211")
    if STANDARDS.exists():
        directory_import(path=STANDARDS / "hsds-1.1-sample", source="legacy")


def _validator(name):
    schema = json.loads((COMPILED / name).read_text())
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _assert_valid(name, document):
    errors = [f"{list(e.path)}: {e.message}" for e in _validator(name).iter_errors(document)]
    assert errors == []


def _assert_page(item_schema, page):
    """The Page envelope from the official OpenAPI; each item against its compiled schema."""
    openapi = json.loads((STANDARDS / "hsds-3.0" / "schema" / "openapi.json").read_text())
    envelope = dict(openapi["components"]["schemas"]["Page"])
    envelope["properties"] = {k: v for k, v in envelope["properties"].items() if k != "contents"}
    assert list(jsonschema.Draft202012Validator(envelope).iter_errors(page)) == []
    assert set(page) == {
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
        "contents",
    }
    for item in page["contents"]:
        _assert_valid(item_schema, item)


def test_meta():
    body = Client().get("/hsds/").json()
    assert body["version"] == "3.0" and body["openapi_url"].endswith("/hsds/openapi.json")


@needs_standards
@pytest.mark.parametrize("query", ["", "?minimal=true", "?full=true", "?search=food&per_page=1"])
def test_service_lists_validate(directory, query):
    page = Client().get(f"/hsds/services{query}").json()
    _assert_page("service.json" if "full" in query else "service_list.json", page)
    assert page["total_items"] >= 1


@needs_standards
def test_every_service_validates_fully_nested(directory):
    for service in Service.objects.all():
        _assert_valid("service.json", Client().get(f"/hsds/services/{service.id}").json())


@needs_standards
def test_service_at_locations_and_organizations_validate(directory):
    client = Client()
    _assert_page("service_at_location_list.json", client.get("/hsds/service_at_locations").json())
    _assert_page(
        "service_at_location.json", client.get("/hsds/service_at_locations?full=true").json()
    )
    for sal in ServiceAtLocation.objects.all()[:5]:
        _assert_valid(
            "service_at_location.json", client.get(f"/hsds/service_at_locations/{sal.id}").json()
        )
    orgs = client.get("/hsds/organizations?full_service=true").json()
    _assert_page("organization.json", orgs)
    _assert_page("organization_list.json", client.get("/hsds/organizations").json())
    first = orgs["contents"][0]["id"]
    _assert_valid(
        "organization.json", client.get(f"/hsds/organizations/{first}?full_service=true").json()
    )


def test_pagination_envelope(directory):
    page = Client().get("/hsds/services?per_page=1&page=2").json()
    assert page["page_number"] == 2 and page["size"] == 1 and not page["first_page"]
    assert page["total_pages"] == page["total_items"]
    empty = Client().get("/hsds/services?search=zzzz").json()
    assert empty["empty"] and empty["contents"] == [] and empty["last_page"]


def test_filters(directory):
    client = Client()
    term = Attribute.objects.filter(source="sac211").first().taxonomy_term
    tagged = client.get(f"/hsds/services?taxonomy_term_id={term.id}").json()
    assert {s["name"] for s in tagged["contents"]} == {"Food box 1", "Food box 2"}
    org = Service.objects.get(original_id="21").organization_id
    assert client.get(f"/hsds/services?organization_id={org}").json()["total_items"] == 2
    assert (
        client.get("/hsds/services?modified_after=2999-01-01T00:00:00Z").json()["total_items"] == 0
    )
    near = client.get("/hsds/service_at_locations?postcode=95815&proximity=20000").json()
    assert near["total_items"] == 2
    far = client.get("/hsds/service_at_locations?postcode=10001&proximity=20000").json()
    assert all("Food box" not in s["service"]["name"] for s in far["contents"])
    by_postcode = client.get("/hsds/service_at_locations?postcode=95815").json()
    assert by_postcode["total_items"] == 2
    terms = client.get("/hsds/taxonomy_terms?top_only=true").json()
    assert terms["total_items"] >= 1


def test_ndjson_streams_every_result(directory):
    response = Client().get("/hsds/services?format=ndjson")
    lines = b"".join(response.streaming_content).decode().strip().splitlines()
    assert response["Content-Type"] == "application/x-ndjson"
    assert len(lines) == Service.objects.filter(is_active=True).count()
    assert all("id" in json.loads(line) for line in lines)


@pytest.mark.parametrize(
    "query",
    [
        "services?page=x",
        "services?taxonomy_term_id=nope",
        "services?format=xml",
        "services?modified_after=yesterday",
        "service_at_locations?proximity=1000",
        "service_at_locations?postcode=00000&proximity=10",
    ],
)
def test_bad_parameters_get_400_in_the_one_error_shape(directory, query):
    response = Client().get(f"/hsds/{query}")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"


def test_unknown_and_inactive_records_are_404(directory, tmp_path):
    assert Client().get("/hsds/services/6b0f3cb1-7a55-4f0e-9d34-5e6b4c1a2d11").status_code == 404
    other = {"organizations": [{"id": "99", "name": "Another", "description": "Another org"}]}
    directory_import(
        path=write_package(tmp_path / "other", other), source="sac211", allow_deactivate=True
    )
    gone = Service.objects.get(original_id="21")
    assert not gone.is_active
    assert Client().get(f"/hsds/services/{gone.id}").status_code == 404


def test_the_directory_can_be_made_private(directory, settings, alma, client_for):
    assert Client().get("/hsds/services").status_code == 200
    settings.DIRECTORY_PUBLIC = False
    refused = Client().get("/hsds/services")
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "unauthenticated"
    assert client_for(alma).get("/hsds/services").status_code == 200
    from conftest import actor_for
    from puentes.network.services import apikey_create

    _key, raw = apikey_create(actor=actor_for(alma), name="211", scope="read")
    assert (
        Client().get("/hsds/services", headers={"Authorization": f"Bearer {raw}"}).status_code
        == 200
    )
    assert (
        Client().get("/hsds/services", headers={"Authorization": "Bearer pk_wrong"}).status_code
        == 401
    )


def _schema_validator(name):
    """A validator for one of the official (uncompiled) schema files, with the files it
    refers to by name resolved from the same folder."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    folder = STANDARDS / "hsds-3.0" / "schema"

    def retrieve(uri):
        contents = json.loads((folder / uri.rsplit("/", 1)[-1]).read_text())
        return Resource.from_contents(contents, default_specification=DRAFT202012)

    schema = json.loads((folder / name).read_text())
    return jsonschema.Draft202012Validator(schema, registry=Registry(retrieve=retrieve))


@needs_standards
def test_every_official_path_answers_with_records(directory):
    """The conformance walk: each GET path of the official OpenAPI answers 200, each list
    has records (taxonomies included), and taxonomies and their terms validate."""
    openapi = json.loads((STANDARDS / "hsds-3.0" / "schema" / "openapi.json").read_text())
    client = Client()
    answered = []
    for path in openapi["paths"]:
        if "{id}" in path:
            listing = client.get(f"/hsds{path.replace('/{id}', '')}").json()
            path = path.replace("{id}", listing["contents"][0]["id"])
        response = client.get(f"/hsds{path}")
        assert response.status_code == 200, path
        body = response.json()
        if "contents" in body:
            assert body["contents"], f"{path} lists nothing"
        answered.append(path)
    assert len(answered) == len(openapi["paths"]) == 11
    for name, path in (("taxonomy.json", "/taxonomies"), ("taxonomy_term.json", "/taxonomy_terms")):
        for item in client.get(f"/hsds{path}").json()["contents"]:
            errors = [e.message for e in _schema_validator(name).iter_errors(item)]
            assert errors == [], (path, errors)
