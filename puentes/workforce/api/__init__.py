"""/api/v1/workforce: definitions, workers' records and standing, supervision and deadlines;
courses, sessions and attendance (an intermediary's too) and what it credited. Every route is
on the one router in _common; the modules are imported in the order their routes were
declared (a router matches in that order)."""
# isort: skip_file

from puentes.workforce.api._common import router
from puentes.workforce.api import workers, training

__all__ = ["router", "training", "workers"]
