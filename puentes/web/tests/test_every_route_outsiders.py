"""Generated outsider tests: every API operation and every page, called by each kind of
outsider — omar (Elsewhere's administrator, signed in), Elsewhere's read-write API key, and
pat (the pantry, a partner on the network) — with the ids of the clinic's own records.

The routes are read from the API's OpenAPI description and Django's URL patterns, so a new
endpoint or page is probed without anyone writing a test for it; a route whose parameters
the suite cannot fill fails `test_every_route_is_probed` until it is taught them.

For a route that names a clinic record: never a success, never a server error, never a
byte of the clinic's data, and nothing changed. For a list (no record in its path): it may
answer, but shows none of the clinic's data. Public directory data (listings, the HSDS
API) may be read by anyone; only its maintainers may change it.
"""

import datetime
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import actor_for, attach_records
from puentes.api import api
from puentes.billing import services as billing_services
from puentes.billing.tests.conftest import (  # noqa: F401 - fixtures
    billing_clinic,
    covered,
    days_ago,
    log_visit,
    medi_cal,
)
from puentes.care import services as care_services
from puentes.care.models import FollowUp
from puentes.care.tests.conftest import DOCTOR_FIELDS, asthma, enrollment  # noqa: F401
from puentes.core.models import AuditEvent
from puentes.directory import services as directory_services
from puentes.directory.models import DirectoryImport
from puentes.network.models import Organization
from puentes.network.services import apikey_create, invitation_create
from puentes.notifications.services import notify
from puentes.people import services as people_services
from puentes.referrals import services as referral_services
from puentes.screening import services as screening_services
from puentes.workforce import services as workforce_services
from puentes.workforce.tests.helpers import certify

API_PREFIX = "/api/v1"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
# Parameters that name public directory records, or no record at all.
PUBLIC = {"sal_id", "service_id", "record_id", "instrument_id", "code", "kind", "number", "token"}
# What the suite puts in each parameter, by name: ids of the clinic's records.
FILL = {
    "person_id": "person", "household_id": "household", "identifier_id": "identifier",
    "consent_id": "consent", "need_id": "need", "screening_id": "screening",
    "referral_id": "referral", "program_id": "program", "enrollment_id": "enrollment",
    "care_plan_id": "care_plan", "goal_id": "goal", "document_id": "recommendation",
    "follow_up_id": "follow_up", "encounter_id": "encounter", "coverage_id": "coverage",
    "batch_id": "batch", "claim_id": "claim", "funding_id": "funding",
    "notification_id": "notification", "correction_id": "correction", "import_id": "import",
    "member_id": "member", "invitation_id": "invitation", "key_id": "key",
    "sal_id": "listing", "service_id": "service", "record_id": "listing",
    "instrument_id": "instrument", "code": "code", "kind": "kind", "number": "number",
    "token": "token", "worker_id": "member", "course_id": "course", "session_id": "session",
    "certification_id": "certification",
}  # fmt: skip


# Body fields that name records: a create or change that refers to the clinic's records.
BODY_FILL = {
    "person_id": "person", "need_ids": "need", "need_id": "need", "program_id": "program",
    "program_ids": "program", "enrollment_id": "enrollment", "care_plan_id": "care_plan",
    "goal_id": "goal", "goal_ids": "goal", "referral_id": "referral", "referral_ids": "referral",
    "participant_ids": "person", "worker_id": "member", "worker_ids": "member",
    "assignee_id": "member", "from_member_id": "member", "to_member_id": "member",
    "payer_id": "payer",
}  # fmt: skip
SAMPLES = {
    "string": "probe",
    "integer": 1,
    "number": 1,
    "boolean": False,
    "array": [],
    "object": {},
}


def _sample(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    if "$ref" in schema:
        return _sample(components[schema["$ref"].split("/")[-1]], components)
    for choice in schema.get("anyOf", []):
        if choice.get("type") != "null":
            return _sample(choice, components)
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("format") == "date":
        return str(days_ago(1))
    if schema.get("format") == "uuid":
        return "00000000-0000-0000-0000-000000000000"
    return SAMPLES.get(schema.get("type", "string"), "probe")


def referring_bodies() -> dict[tuple[str, str], dict[str, Any]]:
    """For each create or change without a record in its path whose body can name records:
    a body that passes the schema and names the clinic's records (filled by ``_refer``)."""
    schema = api.get_openapi_schema(path_prefix=API_PREFIX)
    components = schema["components"]["schemas"]
    bodies = {}
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            content = operation.get("requestBody", {}).get("content", {})
            body_schema = content.get("application/json", {}).get("schema", {})
            model = components.get(body_schema.get("$ref", "").split("/")[-1], {})
            properties = model.get("properties", {})
            if "{" in path or not set(properties) & set(BODY_FILL):
                continue
            bodies[(method.upper(), path)] = {
                name: _sample(properties[name], components)
                for name in model.get("required", [])
                if name not in BODY_FILL
            } | {name: name for name in properties if name in BODY_FILL}
    return bodies


def _refer(body: dict[str, Any], ids: dict[str, Any]) -> dict[str, Any]:
    return {
        name: (
            ([str(ids[BODY_FILL[name]])] if name.endswith("_ids") else str(ids[BODY_FILL[name]]))
            if name in BODY_FILL
            else value
        )
        for name, value in body.items()
    }


def api_routes() -> list[tuple[str, str]]:
    schema = api.get_openapi_schema(path_prefix=API_PREFIX)
    methods = ("get", "post", "put", "patch", "delete")
    return sorted(
        (method.upper(), path)
        for path, item in schema["paths"].items()
        for method in item
        if method in methods
    )


def _walk(resolver: URLResolver, prefix: str = "") -> Iterator[str]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield "/" + prefix + str(pattern.pattern)


def page_routes() -> list[str]:
    """Every page with a record in its path (the others are the outsider's own)."""
    return sorted(
        route
        for route in _walk(get_resolver())
        if not route.startswith(("/api/", "/hsds/")) and "<" in route
    )


def _params(route: str) -> list[str]:
    return re.findall(r"{(\w+)}", route) or re.findall(r"<(?:\w+:)?(\w+)>", route)


def _fill(route: str, ids: dict[str, Any]) -> str:
    filled = re.sub(r"{(\w+)}", lambda m: str(ids[FILL[m.group(1)]]), route)
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(ids[FILL[m.group(1)]]), filled)


def _private(route: str) -> bool:
    return any(name not in PUBLIC for name in _params(route))


@pytest.fixture
def world(request, alma, ana, sam, bea, maria, pantry, make_listing):
    """One of every kind of record the clinic keeps, made through the real services (the
    billing and care suites' fixtures set up coverage, a payer and a program)."""
    need, visit, payer, enrolled = (
        request.getfixturevalue(name) for name in ("covered", "log_visit", "medi_cal", "enrollment")
    )
    certify(ana)  # her visit is billable: the batch and its claim exist
    actor = actor_for(ana)
    records = attach_records(ana, maria, pantry)
    partner = Organization.objects.create(name="Northside Shelter", kind="cbo")
    listing = make_listing(name="Northside beds", maintainer=partner)
    clinic_listing = make_listing(name="Valle health education", maintainer=ana.organization)
    people_services.consent_record(
        actor=actor, person_id=maria.public_id, organization_ids=[partner.public_id],
        fields={"scope": "named", "purpose": "referral", "method": "verbal",
                "given_on": datetime.date(2026, 1, 1)},
    )  # fmt: skip
    referral = referral_services.referral_create(
        actor=actor, person_id=maria.public_id, service_at_location_id=listing.id,
        need_ids=[need.public_id], note="Private note about María", send=True,
    )  # fmt: skip
    screening = screening_services.screening_start(
        actor=actor, person_id=maria.public_id, instrument_id="hunger-vital-sign"
    )
    goal = care_services.goal_create(
        actor=actor, person_id=maria.public_id,
        fields={"description": "Breathe", "measure": "ACT", "comparator": "ge",
                "target_value": 20, "target_date": days_ago(-30)},
    )  # fmt: skip
    recommendation = care_services.recommendation_record(
        actor=actor, person_id=maria.public_id,
        fields={**DOCTOR_FIELDS, "recommended_on": days_ago(1), "scope": "Education"},
    )  # fmt: skip
    encounter = visit()
    batch = billing_services.batch_generate(
        actor=actor_for(bea), payer_id=payer.public_id, start=days_ago(30), end=days_ago(1)
    )
    funding = billing_services.funding_source_create(
        actor=actor_for(bea),
        fields={"name": "G", "funder": "F", "kind": "grant", "start_date": days_ago(90),
                "end_date": days_ago(-90), "amount": "100", "hourly_rate": "10"},
    )  # fmt: skip
    notice = notify(
        recipients=[ana.user], organization=ana.organization, kind="referral.status",
        params={"service": "Northside beds", "status": "accepted"},
    )  # fmt: skip
    correction = directory_services.correction_report(
        actor=actor, service_at_location_id=clinic_listing.id, kind="phone",
        description="The phone number rings a fax machine.",
    )  # fmt: skip
    imported = DirectoryImport.objects.create(source="sac211", file_name="x.zip")
    invitation = invitation_create(
        actor=actor_for(alma), email="nina@example.org", role="chw", worker_type="doula",
        accept_url_base="http://testserver/invitation/",
    )  # fmt: skip
    key, _raw = apikey_create(actor=actor_for(alma), name="EHR", scope="read")
    course = workforce_services.course_create(
        actor=actor_for(sam),
        fields={"title": "Core skills", "provider": "Valle", "hours": "8",
                "modality": "in_person", "language": "en", "open_to_members": True},
    )  # fmt: skip
    session = workforce_services.session_create(
        actor=actor_for(sam), course_id=course.public_id,
        fields={"kind": "training", "held_on": days_ago(2), "hours": "4"},
    )  # fmt: skip
    certification = workforce_services.certification_add(
        actor=actor_for(sam), worker=ana,
        fields={"programme": "ca-hcai-chw", "number": "CHW-99", "issued_on": days_ago(30)},
        evidence=SimpleUploadedFile("cert.pdf", b"%PDF-1.4 certificate", "application/pdf"),
    )  # fmt: skip
    return {
        "course": course.public_id, "session": session.public_id,
        "certification": certification.public_id,
        **records,
        "person": maria.public_id, "need": need.public_id, "screening": screening.public_id,
        "referral": referral.public_id, "program": enrolled.program.public_id,
        "enrollment": enrolled.public_id, "care_plan": goal.care_plan.public_id,
        "goal": goal.public_id, "recommendation": recommendation.public_id,
        "follow_up": FollowUp.objects.filter(person=maria).first().public_id,
        "encounter": encounter.public_id, "coverage": maria.coverages.get().public_id,
        "batch": batch.public_id, "claim": batch.claims.get().public_id,
        "funding": funding.public_id,
        "notification": (notice[0] if isinstance(notice, list) else notice).public_id,
        "correction": correction.public_id, "import": imported.public_id,
        "member": ana.public_id, "invitation": invitation.public_id, "key": key.public_id,
        "payer": payer.public_id, "listing": clinic_listing.id,
        "service": clinic_listing.service_id,
        "instrument": "hunger-vital-sign", "code": "G0019", "kind": "837p", "number": 1,
        "token": "not-a-real-token",
    }  # fmt: skip


SECRETS = ("María", "López", "91234567A", "Private note about María", "(916) 555-0199")


def _secrets(world: dict[str, Any]) -> list[str]:
    private = [str(world[name]) for name in ("person", "need", "encounter", "claim", "consent")]
    return [*SECRETS, *private]


def _snapshot() -> dict[str, tuple[int, int]]:
    """Rows and summed versions of every table an outsider could change (not the audit log,
    which records the outsider's refused attempts, nor the outsider's own key's last use)."""
    state = {}
    for model in apps.get_models():
        if not model.__module__.startswith("puentes.") or model is AuditEvent:
            continue
        counted = any(
            f.name == "version" and f.get_internal_type().endswith("IntegerField")
            for f in model._meta.fields
        )
        rows = model._default_manager.all()
        versions = (rows.aggregate(v=Sum("version"))["v"] or 0) if counted else 0
        state[model._meta.label] = (rows.count(), versions)
    return state


def _outsiders(omar: Any, pat: Any) -> dict[str, tuple[Client, dict[str, str]]]:
    omar_client, pat_client = Client(), Client()
    omar_client.force_login(omar.user)
    pat_client.force_login(pat.user)
    _key, raw = apikey_create(actor=actor_for(omar), name="Elsewhere", scope="read_write")
    return {
        "omar": (omar_client, {}),
        "Elsewhere's key": (Client(), {"Authorization": f"Bearer {raw}"}),
        "pat": (pat_client, {}),
    }


def _call(client: Client, headers: dict[str, str], method: str, path: str) -> Any:
    kwargs: dict[str, Any] = {"headers": headers}
    if method in UNSAFE:
        kwargs.update(data="{}", content_type="application/json")
    return getattr(client, method.lower())(path, **kwargs)


def test_every_route_is_probed():
    """Every parameter of every route is one the suite fills: nothing goes unprobed."""
    unknown = {
        (route, name)
        for route in [path for _m, path in api_routes()] + page_routes()
        for name in _params(route)
        if name not in FILL
    }
    assert unknown == set(), "teach FILL these parameters"
    assert len(api_routes()) > 100 and len(page_routes()) > 40


def test_no_outsider_reaches_the_clinics_records_by_any_api_operation(world, omar, pat):
    outsiders = _outsiders(omar, pat)
    before, secrets, failures = _snapshot(), _secrets(world), []
    probed = 0
    for method, route in api_routes():
        if not _private(route) and (method in UNSAFE or "{" in route):
            continue  # public records, or creating the outsider's own: not an outsider probe
        path = _fill(route, world)
        for who, (client, headers) in outsiders.items():
            if not _private(route) and who == "Elsewhere's key" and method in UNSAFE:
                continue
            response = _call(client, headers, method, path)
            probed += 1
            body = response.content.decode(errors="replace")
            leaked = [s for s in secrets if s in body and s not in path]  # not its own echo
            refused = response.status_code in (400, 401, 403, 404, 405, 409)
            if leaked or (_private(route) and not refused) or response.status_code >= 500:
                failures.append((who, method, path, response.status_code, leaked))
    assert failures == []
    assert _snapshot() == before
    assert probed > 300


def test_no_outsider_makes_a_record_that_refers_to_the_clinics(world, omar, pat):
    """Creating one's own record that names the clinic's person, need, program, worker or
    payer (a referral, an encounter, a follow-up, …) is refused and writes nothing."""
    outsiders = _outsiders(omar, pat)
    before, failures, reached = _snapshot(), [], 0
    bodies = referring_bodies()
    for (method, path), body in bodies.items():
        data = _refer(body, world)
        for who, (client, headers) in outsiders.items():
            response = getattr(client, method.lower())(
                path, data=json.dumps(data), content_type="application/json", headers=headers
            )
            reached += response.status_code in (403, 404)
            if response.status_code < 400 or response.status_code >= 500:
                failures.append((who, method, path, response.status_code))
    assert failures == []
    assert _snapshot() == before
    assert len(bodies) >= 10 and reached > len(bodies)  # most pass validation and are refused


def test_no_outsider_reaches_the_clinics_records_by_any_page(world, omar, pat):
    outsiders = {k: v for k, v in _outsiders(omar, pat).items() if k != "Elsewhere's key"}
    before, secrets, failures = _snapshot(), _secrets(world), []
    for route in page_routes():
        if not _private(route):
            continue
        path = _fill(route, world)
        for who, (client, _headers) in outsiders.items():
            for method in ("GET", "POST"):
                response = getattr(client, method.lower())(path)
                body = response.content.decode(errors="replace")
                leaked = [s for s in secrets if s in body and s not in path]
                # A form refused for its fields (a redirect back) changes nothing either: the
                # snapshot below is what proves it.
                refused = response.status_code in (403, 404, 405) or (
                    method == "POST" and response.status_code == 302
                )
                if leaked or not refused:
                    failures.append((who, method, path, response.status_code, leaked))
    assert failures == []
    assert _snapshot() == before


def test_the_public_directory_is_read_by_anyone_and_changed_only_by_its_maintainer(
    world, omar, pat
):
    """Listings are public; the clinic's listing is edited, verified and given capacity
    only by the clinic (or the exchange's directory administrators)."""
    service, listing = world["service"], world["listing"]
    changes = [
        ("PATCH", f"{API_PREFIX}/directory/services/{service}"),
        ("POST", f"{API_PREFIX}/directory/service-at-locations/{listing}/capacity"),
        ("POST", f"{API_PREFIX}/directory/service-at-locations/{listing}/verify"),
    ]
    outsiders = _outsiders(omar, pat)
    before = _snapshot()
    for who, (client, headers) in outsiders.items():
        for method, path in changes:
            response = _call(client, headers, method, path)
            assert response.status_code in (400, 403, 404), (who, method, path)
    assert _snapshot() == before
    hsds = Client().get(f"/hsds/services/{service}")
    assert hsds.status_code == 200
    assert not any(secret in hsds.content.decode() for secret in SECRETS)
