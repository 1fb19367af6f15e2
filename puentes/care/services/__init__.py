"""Writes of care management, by subject: programs, enrollments, follow-ups, care plans
and goals, payer documents, encounters and caseloads. Every write checks the role, reaches
records only through the actor's organization, validates everything before writing
anything, and is audited. Callers use ``services.<write>``; the modules are the rooms."""

from puentes.care.services._common import *  # noqa: F403
from puentes.care.services.care_plans import *  # noqa: F403
from puentes.care.services.caseloads import *  # noqa: F403
from puentes.care.services.documents import *  # noqa: F403
from puentes.care.services.encounters import *  # noqa: F403
from puentes.care.services.enrollments import *  # noqa: F403
from puentes.care.services.follow_ups import *  # noqa: F403
from puentes.care.services.programs import *  # noqa: F403
