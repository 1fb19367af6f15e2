"""The care API, by subject; every route on the one router in _common. The modules are
imported in the order their routes were declared (a router matches in that order)."""
# isort: skip_file

from puentes.care.api._common import *  # noqa: F403
from puentes.care.api.programs import *  # noqa: F403
from puentes.care.api.enrollments import *  # noqa: F403
from puentes.care.api.care_plans import *  # noqa: F403
from puentes.care.api.documents import *  # noqa: F403
from puentes.care.api.follow_ups import *  # noqa: F403
from puentes.care.api.encounters import *  # noqa: F403
from puentes.care.api.team import *  # noqa: F403
