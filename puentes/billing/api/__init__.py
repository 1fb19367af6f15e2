"""/api/v1/billing: set-up, the work queue, batches and claims, remittances and grants —
the same services as the pages. Coverage and initiating visits hang off the person. Every
route is on the one router in _common; the modules are imported in the order their routes
were declared (a router matches in that order)."""
# isort: skip_file

from puentes.billing.api._common import router
from puentes.billing.api import setup, coverage, claims, money

__all__ = ["claims", "coverage", "money", "router", "setup"]
