"""Care management: the programs an organization runs, who is enrolled, the care plan and
goals set with each person, the paperwork payers require (recommendation, plan of care),
follow-up tasks, and encounters — every contact a worker has with the people they serve.
A package, a module a subject; callers import from ``puentes.care.models``."""
# isort: skip_file

from puentes.care.models.programs import *  # noqa: F403
from puentes.care.models.plans import *  # noqa: F403
from puentes.care.models.encounters import *  # noqa: F403
