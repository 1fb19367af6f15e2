"""The billing engine: one visit (an encounter, for one person) under one rule set yields
claim lines; or not billable, with every reason and what would fix it; or, for monthly
time codes, waiting for more time. It is pure and knows no payer: the rule sets say
everything payer-specific. The modules: _common (the facts, the ledger, messages), checks,
lines (families and codes), limits, evaluation (the entry point)."""

from puentes.billing.engine._common import *  # noqa: F403
from puentes.billing.engine.checks import *  # noqa: F403
from puentes.billing.engine.evaluation import *  # noqa: F403
from puentes.billing.engine.limits import *  # noqa: F403
from puentes.billing.engine.lines import *  # noqa: F403
