"""What a referral shows of the place it sends someone to, read in one statement for a
whole page of referrals."""

import datetime
import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext

from puentes.directory import models as m
from puentes.directory.selectors import Place, listing_places


def test_a_place_is_its_address_first_phone_hours_and_what_to_bring(make_listing):
    sal = make_listing()
    service = sal.service
    m.Schedule.objects.create(
        id=uuid.uuid4(), service=service, byday="MO,WE", freq="WEEKLY",
        opens_at=datetime.time(9), closes_at=datetime.time(17),
    )  # fmt: skip
    m.Schedule.objects.create(id=uuid.uuid4(), service=service, description="Closed holidays")
    m.Schedule.objects.create(id=uuid.uuid4(), service=service)  # says nothing: left out
    m.Schedule.objects.create(id=uuid.uuid4(), service=service, byday="SA", is_active=False)
    m.RequiredDocument.objects.create(id=uuid.uuid4(), service=service, document="Photo ID")
    m.RequiredDocument.objects.create(
        id=uuid.uuid4(), service=service, document="Old lease", is_active=False
    )
    place = listing_places([sal])[sal.pk]
    assert place.address == "410 Oak Ave, Sacramento, CA 95815"
    assert place.phone == "916-555-0100"
    assert sorted(place.hours.split("; ")) == ["Closed holidays", "MO,WE 09:00–17:00"]
    assert place.bring == "Photo ID"


def test_a_page_of_places_is_one_statement(make_listing):
    listings = [make_listing(name=f"Pantry {n}") for n in range(5)]
    with CaptureQueriesContext(connection) as captured:
        places = listing_places(listings)
    assert len(captured) == 1
    assert all(places[sal.pk].phone == "916-555-0100" for sal in listings)


def test_a_place_with_nothing_recorded_is_empty(make_listing):
    sal = make_listing()
    m.Address.objects.filter(location=sal.location).update(is_active=False)
    m.Phone.objects.filter(service=sal.service).delete()
    assert listing_places([sal])[sal.pk] == Place()
    assert listing_places([]) == {}
