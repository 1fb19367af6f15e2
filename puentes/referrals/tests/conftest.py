"""A person at the clinic with a food need, consent to share with the pantry, and the
pantry's listing in the directory."""

import datetime
from typing import Any

import pytest

from conftest import actor_for
from puentes.people import services as people_services
from puentes.referrals import services
from puentes.screening import services as screening_services


@pytest.fixture
def pantry_listing(make_listing, pantry):
    return make_listing(maintainer=pantry)


@pytest.fixture
def food_need(ana, maria):
    return screening_services.need_record(
        actor=actor_for(ana), person_id=maria.public_id, category="food-insecurity"
    )


@pytest.fixture
def consent(ana, maria, pantry):
    return people_services.consent_record(
        actor=actor_for(ana),
        person_id=maria.public_id,
        organization_ids=[pantry.public_id],
        fields={
            "scope": "named",
            "purpose": "referral",
            "method": "verbal",
            "given_on": datetime.date(2026, 1, 1),
        },
    )


@pytest.fixture
def refer(ana, maria, food_need, pantry_listing):
    """Create (and by default send) a referral of María to the pantry, as ana."""

    def make(send: bool = True, **overrides: Any):
        return services.referral_create(
            actor=actor_for(ana),
            person_id=maria.public_id,
            service_at_location_id=pantry_listing.id,
            need_ids=[food_need.public_id],
            note="Family of four; no car.",
            send=send,
            **overrides,
        )

    return make
