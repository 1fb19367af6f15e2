"""What the apps built on people add to a person's page.

The person page belongs to people, which imports none of the apps built on it: each of them
registers a panel from its AppConfig.ready() — a template to include and a function giving
its context for the actor and the person (None when the actor's role may not see it) — the
way billing registers what holds an encounter with care.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from puentes.core.actor import Actor
from puentes.people.models import Person


@dataclass(frozen=True)
class Panel:
    name: str  # the context key the template reads
    template: str  # included on the page; "" when another panel's template shows it
    context: Callable[[Actor, Person], Any]
    order: int  # place on the page, smallest first


_PANELS: dict[str, Panel] = {}


def panel_register(panel: Panel) -> None:
    _PANELS[panel.name] = panel


def panels_for(actor: Actor, person: Person) -> tuple[dict[str, Any], list[str]]:
    """Each registered panel's context (by name) and the templates to include, in order."""
    context: dict[str, Any] = {}
    templates: list[str] = []
    for panel in sorted(_PANELS.values(), key=lambda p: p.order):
        value = panel.context(actor, person)
        context[panel.name] = value
        if value is not None and panel.template:
            templates.append(panel.template)
    return context, templates
