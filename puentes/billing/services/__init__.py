"""Writes of billing, by subject: set-up (payers, coverage, the prerequisites payers name,
providers, fees), batches and claims, remittances, grants. Callers use
``services.<write>``; the modules are the rooms."""

from puentes.billing.services._common import *  # noqa: F403
from puentes.billing.services.batches import *  # noqa: F403
from puentes.billing.services.claims import *  # noqa: F403
from puentes.billing.services.grants import *  # noqa: F403
from puentes.billing.services.remittances import *  # noqa: F403
from puentes.billing.services.setup import *  # noqa: F403
