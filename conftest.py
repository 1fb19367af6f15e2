"""The cast every test uses.

Clinic (a community health center) with ana (CHW, promotora), sam (supervisor), bea
(billing) and alma (administrator); Pantry (a food-pantry CBO) with pat; Elsewhere (an
unrelated organization) with omar, its administrator — as strong as a role gets, so a 404
for him proves scoping, not a missing permission.
"""

import datetime
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import factory
import pytest
from django.test import Client
from django.utils import translation

from puentes.core.actor import Actor
from puentes.network.models import Membership, Organization, Role, User, WorkerType
from puentes.people import services as people_services
from puentes.people.models import Person

TEST_TIME_ZONE = "America/Los_Angeles"


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    kind = "cbo"
    time_zone = TEST_TIME_ZONE


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.LazyAttribute(lambda o: o.username.capitalize())
    last_name = "Tester"
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("a-long-test-password")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.CHW
    worker_type = WorkerType.CHW


@pytest.fixture(autouse=True)
def _test_settings(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Background tasks run at once, inside the request that queues them.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "progress": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    # A request by a Spanish-speaking user leaves Spanish active in the thread (each real
    # request activates its own); a service test must start from the default language.
    translation.activate(settings.LANGUAGE_CODE)
    # Test code means the organizations' day (every test organization keeps Los Angeles
    # time, as requests do once the middleware activates it): "today" in UTC is tomorrow
    # there from 16:00 or 17:00 Pacific time, and dates a test writes would be "in the future".
    settings.TIME_ZONE = TEST_TIME_ZONE
    # Production serves a collectstatic manifest; tests read the app folders directly.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def clinic(db: None) -> Organization:
    organization = OrganizationFactory.create(
        name="Clinic", kind="health_center", npi="1234567893", languages_served=["en", "es"]
    )
    return cast(Organization, organization)


@pytest.fixture
def pantry(db: None) -> Organization:
    return cast(Organization, OrganizationFactory.create(name="Pantry", kind="cbo"))


@pytest.fixture
def elsewhere(db: None) -> Organization:
    return cast(Organization, OrganizationFactory.create(name="Elsewhere", kind="health_plan"))


def _member(
    username: str, organization: Organization, role: str, worker_type: str = ""
) -> Membership:
    membership = MembershipFactory.create(
        user=UserFactory.create(username=username),
        organization=organization,
        role=role,
        worker_type=worker_type,
    )
    return cast(Membership, membership)


@pytest.fixture
def ana(clinic: Organization) -> Membership:
    return _member("ana", clinic, Role.CHW, WorkerType.PROMOTOR)


@pytest.fixture
def sam(clinic: Organization) -> Membership:
    return _member("sam", clinic, Role.SUPERVISOR)


@pytest.fixture
def bea(clinic: Organization) -> Membership:
    return _member("bea", clinic, Role.BILLING)


@pytest.fixture
def alma(clinic: Organization) -> Membership:
    return _member("alma", clinic, Role.ORG_ADMIN)


@pytest.fixture
def pat(pantry: Organization) -> Membership:
    return _member("pat", pantry, Role.CBO_STAFF)


@pytest.fixture
def omar(elsewhere: Organization) -> Membership:
    return _member("omar", elsewhere, Role.ORG_ADMIN)


@pytest.fixture
def hub(db: None) -> Organization:
    """The exchange's hub, whose staff curate the directory for the whole network."""
    return cast(Organization, OrganizationFactory.create(name="Hub", kind="other"))


@pytest.fixture
def dora(hub: Organization) -> Membership:
    return _member("dora", hub, Role.DIRECTORY_ADMIN)


@pytest.fixture
def make_listing(db: None) -> Callable[..., Any]:
    """A directory listing (organization, service, location, address, phone, service at
    location), optionally maintained by a network organization, with its search row."""
    import uuid

    from puentes.directory import models as dm
    from puentes.directory import search_index

    def make(
        name: str = "Eastside food pantry",
        maintainer: Organization | None = None,
        latitude: float = 38.5816,
        longitude: float = -121.4944,
        postal_code: str = "95815",
        capacity: str = "",
        description: str = "Free groceries every week.",
    ) -> Any:
        organization = dm.Organization.objects.create(
            id=uuid.uuid4(), name=f"{name} org", network_organization=maintainer
        )
        service = dm.Service.objects.create(
            id=uuid.uuid4(),
            organization=organization,
            name=name,
            description=description,
            status="active",
            capacity_status=capacity,
        )
        location = dm.Location.objects.create(
            id=uuid.uuid4(),
            organization=organization,
            location_type="physical",
            name=name,
            latitude=latitude,
            longitude=longitude,
        )
        dm.Address.objects.create(
            id=uuid.uuid4(), location=location, address_1="410 Oak Ave", city="Sacramento",
            state_province="CA", postal_code=postal_code, country="US", address_type="physical",
        )  # fmt: skip
        dm.Phone.objects.create(id=uuid.uuid4(), service=service, number="916-555-0100")
        sal = dm.ServiceAtLocation.objects.create(
            id=uuid.uuid4(), service=service, location=location, capacity_status=capacity
        )
        search_index.refresh([sal.pk])
        return sal

    return make


def actor_for(membership: Membership, ip: str = "203.0.113.7") -> Actor:
    return Actor(
        organization=membership.organization,
        role=membership.role,
        user=membership.user,
        membership=membership,
        client_ip=ip,
    )


@pytest.fixture
def client_for(db: None) -> Callable[[Membership], Client]:
    def make(membership: Membership) -> Client:
        client = Client()
        client.force_login(membership.user)
        return client

    return make


class ApiClient:
    """A JSON client for /api/v1 acting as a signed-in member or with an API key."""

    def __init__(self, client: Client, headers: dict[str, str] | None = None) -> None:
        self.client = client
        self.headers = headers or {}

    def _call(self, method: str, path: str, body: Any = None, raw: str | None = None) -> Any:
        data = (
            raw
            if raw is not None
            else (json.dumps(body, default=str) if body is not None else None)
        )
        kwargs: dict[str, Any] = {"headers": self.headers}
        if data is not None:
            kwargs.update(data=data, content_type="application/json")
        return getattr(self.client, method)(f"/api/v1{path}", **kwargs)

    def get(self, path: str) -> Any:
        return self._call("get", path)

    def post(self, path: str, body: Any = None, raw: str | None = None) -> Any:
        return self._call("post", path, body, raw)

    def patch(self, path: str, body: Any = None, raw: str | None = None) -> Any:
        return self._call("patch", path, body, raw)

    def put(self, path: str, body: Any = None) -> Any:
        return self._call("put", path, body)

    def delete(self, path: str) -> Any:
        return self._call("delete", path)


@pytest.fixture
def api_for(client_for: Callable[[Membership], Client]) -> Callable[[Membership], ApiClient]:
    return lambda membership: ApiClient(client_for(membership))


@pytest.fixture
def api_with_key(db: None) -> Callable[[str], ApiClient]:
    return lambda raw_key: ApiClient(Client(), {"Authorization": f"Bearer {raw_key}"})


PERSON_DEFAULTS = {
    "given_name": "María",
    "family_name": "López",
    "date_of_birth": datetime.date(1985, 3, 14),
    "preferred_language": "es",
    "phone": "(916) 555-0199",
    "postal_code": "95817",
    "state": "CA",
    "city": "Sacramento",
}


@pytest.fixture
def make_person() -> Callable[..., Person]:
    """Register a person through the real service, as ``membership``."""

    def make(membership: Membership, **overrides: Any) -> Person:
        fields = {**PERSON_DEFAULTS, **overrides}
        return people_services.person_create(
            actor=actor_for(membership), fields=fields, allow_duplicate=True
        )

    return make


def attach_records(membership: Membership, person: Person, partner: Organization) -> dict[str, Any]:
    """Give ``person`` an identifier, a consent naming ``partner`` and a household, through the
    real services; returns their ids."""
    actor = actor_for(membership)
    identifier = people_services.identifier_add(
        actor=actor, person_id=person.public_id, kind="medicaid", issuer="CA", value="91234567A"
    )
    consent = people_services.consent_record(
        actor=actor,
        person_id=person.public_id,
        organization_ids=[partner.public_id],
        fields={
            "scope": "named",
            "purpose": "referral",
            "method": "verbal",
            "given_on": datetime.date(2026, 1, 1),
        },
    )
    link = people_services.household_join(
        actor=actor, person_id=person.public_id, relationship="self", new_household_name="López"
    )
    return {
        "identifier": identifier.public_id,
        "consent": consent.public_id,
        "household": link.household.public_id,
    }


@pytest.fixture
def maria(ana: Membership, make_person: Callable[..., Person]) -> Person:
    """Clinic's person, registered by ana."""
    return make_person(ana)


# Browser tests -------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(os.environ.get("PUENTES_TEST_ARTIFACTS", "test-results"))


@pytest.fixture
def page() -> Any:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test-browser installs it)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM in the same
    # thread (the live server's test data) must be told that is fine.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-US")
        page = context.new_page()
        page.set_default_timeout(10_000)
        yield page
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "last-browser-page.png"), full_page=True)
        browser.close()


def sign_in(page: Any, url: str, username: str) -> None:
    """Sign in as one of the cast (in a fresh session) in a browser test."""
    page.context.clear_cookies()
    page.goto(f"{url}/sign-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", "a-long-test-password")
    page.click("button[type=submit].primary")
