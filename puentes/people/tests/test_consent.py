import datetime

import pytest
from django.utils import timezone

from conftest import actor_for
from puentes.core.errors import DomainError
from puentes.people import selectors, services
from puentes.people.models import Consent

TODAY = timezone.localdate


def record(ana, person, scope="named", organizations=(), **fields):
    data = {
        "scope": scope,
        "purpose": "referral",
        "method": "written",
        "given_on": TODAY() - datetime.timedelta(days=1),
        **fields,
    }
    return services.consent_record(
        actor=actor_for(ana),
        person_id=person.public_id,
        fields=data,
        organization_ids=[o.public_id for o in organizations],
    )


def test_own_organization_may_always_see_its_person(maria, clinic):
    assert selectors.consent_permits(maria, clinic)


def test_without_consent_no_other_organization_may_see(maria, pantry):
    assert not selectors.consent_permits(maria, pantry)


def test_named_consent_covers_only_the_named_partner(ana, maria, pantry, elsewhere):
    record(ana, maria, organizations=[pantry])
    assert selectors.consent_permits(maria, pantry)
    assert not selectors.consent_permits(maria, elsewhere)


def test_network_consent_covers_every_partner(ana, maria, pantry, elsewhere):
    record(ana, maria, scope="network")
    assert selectors.consent_permits(maria, pantry)
    assert selectors.consent_permits(maria, elsewhere)


def test_revoked_and_expired_consents_stop_sharing(ana, maria, pantry):
    consent = record(
        ana, maria, organizations=[pantry], expires_on=TODAY() + datetime.timedelta(days=10)
    )
    assert not selectors.consent_permits(maria, pantry, on=TODAY() + datetime.timedelta(days=11))
    services.consent_revoke(
        actor=actor_for(ana), consent_id=consent.public_id, reason="Asked to stop"
    )
    assert not selectors.consent_permits(maria, pantry)
    with pytest.raises(DomainError) as caught:
        services.consent_revoke(actor=actor_for(ana), consent_id=consent.public_id, reason="again")
    assert caught.value.code == "conflict"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"scope": "named"}, "organization_ids"),
        ({"scope": "bogus"}, "scope"),
        ({"method": "telepathy"}, "method"),
        ({"given_on": TODAY() + datetime.timedelta(days=3)}, "given_on"),
        ({"expires_on": TODAY() - datetime.timedelta(days=30)}, "expires_on"),
    ],
)
def test_invalid_consent_is_refused_and_nothing_written(ana, maria, kwargs, field):
    with pytest.raises(DomainError) as caught:
        record(ana, maria, **kwargs)
    assert field in caught.value.fields
    assert Consent.objects.count() == 0


def test_revocation_needs_a_reason(ana, maria, pantry):
    consent = record(ana, maria, organizations=[pantry])
    with pytest.raises(DomainError) as caught:
        services.consent_revoke(actor=actor_for(ana), consent_id=consent.public_id, reason=" ")
    assert "reason" in caught.value.fields


def test_an_overlong_revocation_reason_is_refused_not_cut_short(ana, maria, pantry):
    consent = record(ana, maria, organizations=[pantry])
    with pytest.raises(DomainError) as caught:
        services.consent_revoke(
            actor=actor_for(ana), consent_id=consent.public_id, reason="x" * 501
        )
    assert caught.value.fields == {"reason": ["Keep it under 500 characters."]}
    consent.refresh_from_db()
    assert consent.revoked_at is None
