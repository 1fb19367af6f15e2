"""Scoping is a mechanism (core/tenancy.py), enforced here the way NetBox enforces its
restricted query sets: every model holding an organization's data has a scoped manager,
and product code never types the organization filter by hand."""

import ast
from pathlib import Path

import pytest
from django.apps import apps

from conftest import actor_for
from puentes.core.tenancy import TenantQuerySet, is_tenant_model, one, unscoped
from puentes.network.models import Organization
from puentes.people.models import Person

PRODUCT = Path(__file__).resolve().parents[2]  # the puentes package
# The public directory: its "organization" keys point at HSDS organizations, not tenants.
PUBLIC_APPS = {"directory"}
# Where the organization filter is written on purpose: the mechanism itself, and the query
# sets that define a model's own rule.
SCOPE_DEFINITIONS = {"core/tenancy.py", "referrals/models.py", "workforce/models.py"}
# Directory corrections: visible to whoever reported them and to the listing's maintainer
# (the directory app's own rule over public records, not a tenant read).
EXEMPT = {"directory/selectors.py"}


def _tenant_models():
    for model in apps.get_models():
        if not model.__module__.startswith("puentes."):
            continue
        if model._meta.app_label in PUBLIC_APPS and not hasattr(model, "tenant_path"):
            organization = next(
                (f for f in model._meta.get_fields() if f.name == "organization"), None
            )
            if organization is None or organization.related_model is not Organization:
                continue
        if is_tenant_model(model):
            yield model


def test_every_model_holding_an_organizations_data_has_a_scoped_manager():
    missing = [
        model._meta.label
        for model in _tenant_models()
        if not isinstance(model._default_manager.all(), TenantQuerySet)
    ]
    assert missing == []
    assert len(list(_tenant_models())) >= 40


def _hand_typed_filters(path: Path) -> list[str]:
    """Calls that filter by ``…organization=actor.organization`` (or Q objects doing so)."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        if name not in {"filter", "exclude", "get", "Q", "get_or_create", "update_or_create"}:
            continue
        for keyword in node.keywords:
            typed = keyword.arg and keyword.arg.removesuffix("_id").endswith("organization")
            value = ast.unparse(keyword.value)
            if (
                typed
                and name in {"filter", "exclude", "get", "Q"}
                and value.endswith("actor.organization")
            ):
                found.append(f"{path.relative_to(PRODUCT)}:{node.lineno} {ast.unparse(node)[:80]}")
    return found


def test_no_organization_filter_is_typed_by_hand():
    found = []
    for path in sorted(PRODUCT.rglob("*.py")):
        relative = str(path.relative_to(PRODUCT))
        if "/tests/" in f"/{relative}" or "/migrations/" in relative:
            continue
        if relative in SCOPE_DEFINITIONS | EXEMPT:
            continue
        found += _hand_typed_filters(path)
    assert found == []


# Billing's claim pipeline reads care's and people's rows in bulk by primary key: keys it
# took from the organization's own scoped encounters (system work on one organization,
# streamed by id range for a million encounters), never from a request.
BULK_BY_KEY = {
    "billing/runs.py",
    "billing/presenters.py",
    "billing/selectors.py",
    "billing/services/grants.py",
    "billing/services/claims.py",
    # The demo's sample directory, written by the demo command, not a read of tenant data.
    "web/demo_directory.py",
}
SCOPED = {"for_actor", "for_organization"}


def _models_imported(tree: ast.Module) -> dict[str, str]:
    """Local name -> app label, for the models a module imports from an app's models."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").endswith(".models"):
            parts = (node.module or "").split(".")
            if parts[0] == "puentes" and len(parts) == 3:
                for alias in node.names:
                    found[alias.asname or alias.name] = parts[1]
    return found


def _cross_app_reads(path: Path, app: str) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    owners = _models_imported(tree)
    found = []
    for node in ast.walk(tree):
        # <Model>.objects.<method>
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)):
            continue
        base = node.value
        if base.attr != "objects" or not isinstance(base.value, ast.Name):
            continue
        owner = owners.get(base.value.id)
        if owner in (None, app, "core") or node.attr in SCOPED:
            continue
        found.append(
            f"{path.relative_to(PRODUCT)}:{node.lineno} {base.value.id}.objects.{node.attr}"
        )
    return found


def test_another_apps_rows_are_read_through_its_own_rule():
    """A model of another app is read through its selectors, or its manager's for_actor /
    for_organization (where that app writes its visibility rule: referrals' two sides),
    never a bare filter that would skip the rule."""
    found = []
    for path in sorted(PRODUCT.rglob("*.py")):
        relative = path.relative_to(PRODUCT)
        parts = relative.parts
        if "tests" in parts or "migrations" in parts or "management" in parts:
            continue
        if len(parts) < 2 or relative.as_posix() in BULK_BY_KEY:
            continue
        found += _cross_app_reads(path, parts[0])
    assert found == []


READ_ROOMS = ("selectors.py", "views.py", "api.py", "presenters.py")
SCOPING = {"for_actor", "for_organization"}
WRITES = {"create", "bulk_create", "get_or_create", "update_or_create"}


def _read_rooms():
    """Where tenant data is read for a request: selectors, views, API handlers, presenters
    (and the packages of them)."""
    for path in sorted(PRODUCT.rglob("*.py")):
        parts = path.relative_to(PRODUCT).parts
        if "tests" in parts or "migrations" in parts:
            continue
        if path.name in READ_ROOMS or any(p in ("views", "api") for p in parts[:-1]):
            yield path


def _bare_reads(path: Path, tenant_names: set[str]) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)):
            continue
        base = node.value
        if base.attr != "objects" or not isinstance(base.value, ast.Name):
            continue
        if base.value.id in tenant_names and node.attr not in SCOPING | WRITES:
            found.append(f"{path.relative_to(PRODUCT)}:{node.lineno} {base.value.id}.objects")
    return found


def test_reads_for_a_request_are_scoped():
    """In selectors, views, API handlers and presenters a tenant model is read through
    ``for_actor`` / ``for_organization`` or ``unscoped(model, reason)``: a bare
    ``<TenantModel>.objects.filter`` there is the filter somebody forgot. (Services write,
    and read the children of rows they already fetched through a selector.)"""
    tenant_names = {model.__name__ for model in _tenant_models()}
    found = []
    for path in _read_rooms():
        found += _bare_reads(path, tenant_names)
    assert found == []


def test_unscoped_reads_say_why():
    with pytest.raises(ValueError):
        unscoped(Person, " ")


def test_one_is_404_for_another_organizations_row(maria, omar, ana):
    from puentes.core.errors import DomainError

    assert one(Person.objects.for_actor(actor_for(ana)), maria.public_id) == maria
    with pytest.raises(DomainError) as refused:
        one(Person.objects.for_actor(actor_for(omar)), maria.public_id)
    assert refused.value.code == "not_found"
    with pytest.raises(DomainError):
        one(Person.objects.for_actor(actor_for(ana)), "not-a-uuid")
