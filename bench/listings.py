"""A directory listing a network organization maintains, for the benches that refer to it."""

import uuid
from typing import Any


def network_listing(maintainer: Any, name: str = "Food pantry") -> Any:
    """One service at one location in Sacramento, maintained by ``maintainer`` (a network
    organization), with its search row; returns the service at location."""
    from puentes.directory import models as dm
    from puentes.directory.search_index import refresh

    listing_org = dm.Organization.objects.create(
        id=uuid.uuid4(), name=maintainer.name, network_organization=maintainer
    )
    service = dm.Service.objects.create(
        id=uuid.uuid4(), organization=listing_org, name=name, status="active"
    )
    location = dm.Location.objects.create(
        id=uuid.uuid4(), organization=listing_org, location_type="physical",
        latitude=38.58, longitude=-121.49,
    )  # fmt: skip
    sal = dm.ServiceAtLocation.objects.create(id=uuid.uuid4(), service=service, location=location)
    refresh([sal.pk])
    return sal
