"""Writes of the workforce, by subject: a worker's record, training offered, reminders. Each
checks the role, reaches workers only through the actor's organization (or, for an
intermediary's attendance, its members'), checks every field before writing anything, and
is audited. Callers use ``services.<write>``; the modules are the rooms."""

from puentes.workforce.services.records import *  # noqa: F403
from puentes.workforce.services.reminders import *  # noqa: F403
from puentes.workforce.services.training import *  # noqa: F403
