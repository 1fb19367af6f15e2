"""What the care pages share."""

from puentes.care import selectors
from puentes.core.actor import Actor


def _workers(actor: Actor) -> list[tuple[str, str]]:
    return [(str(m.public_id), m.display_name) for m in selectors.frontline_workers(actor=actor)]
