"""The one workforce router every module of the package adds its routes to."""

from ninja import Router

router = Router(tags=["workforce"])
