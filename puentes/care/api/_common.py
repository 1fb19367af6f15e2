"""What the care API shares: its router and the shapes several subjects use."""

import uuid

from ninja import Router, Schema

router = Router(tags=["care"])


class Member(Schema):
    id: uuid.UUID
    name: str
