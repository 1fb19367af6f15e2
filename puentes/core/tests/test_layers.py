"""The apps' dependency whiteboard (docs/architecture.md, "Layers"), kept true: an app
imports only the apps below it. What an app built on another adds to it (a person page
panel, what holds an encounter, a message's words, who the actor is) it registers from its
AppConfig.ready()."""

import ast
from pathlib import Path

PRODUCT = Path(__file__).resolve().parents[2]

# Lowest first. An app may import those before it; web (the site) sits on all of them.
LAYERS = [
    "core",
    "network",
    "people",
    "notifications",
    "screening",
    "directory",
    "referrals",
    "care",
    "workforce",
    "billing",
    "web",
]


def _runtime_imports(path: Path) -> set[str]:
    """The puentes apps a module imports, leaving out `if TYPE_CHECKING:` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(child) for child in ast.walk(node)}
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found |= {name.split(".")[1] for name in names if name.startswith("puentes.")}
    return found


def test_no_app_imports_one_built_on_it():
    wrong = []
    for path in sorted(PRODUCT.rglob("*.py")):
        parts = path.relative_to(PRODUCT).parts
        if len(parts) < 2 or "tests" in parts or "migrations" in parts:
            continue
        app = parts[0]
        if app not in LAYERS:
            continue
        allowed = set(LAYERS[: LAYERS.index(app) + 1])
        for imported in _runtime_imports(path) & set(LAYERS):
            if imported not in allowed:
                wrong.append(f"{path.relative_to(PRODUCT)} imports {imported}")
    assert wrong == []


def test_every_app_is_on_the_whiteboard():
    apps = {p.name for p in PRODUCT.iterdir() if (p / "apps.py").exists()}
    assert apps <= set(LAYERS), apps - set(LAYERS)
