"""The care pages, by subject."""

from puentes.care.views._common import *  # noqa: F403
from puentes.care.views.documents import *  # noqa: F403
from puentes.care.views.encounters import *  # noqa: F403
from puentes.care.views.enrollments import *  # noqa: F403
from puentes.care.views.follow_ups import *  # noqa: F403
from puentes.care.views.goals import *  # noqa: F403
from puentes.care.views.programs import *  # noqa: F403
from puentes.care.views.team import *  # noqa: F403
