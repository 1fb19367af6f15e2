"""An invitation link is used once: simultaneous accepts make exactly one account."""

import threading
from unittest import mock

import pytest
from django.db import connection, connections

from conftest import actor_for
from puentes.core.errors import DomainError
from puentes.network import services
from puentes.network.models import Invitation, Membership, User


def _invite(alma) -> str:
    with mock.patch("secrets.token_urlsafe", return_value="the-one-token"):
        services.invitation_create(
            actor=actor_for(alma),
            email="nina@example.org",
            role="chw",
            worker_type="doula",
            accept_url_base="http://testserver/invitation/",
        )
    return "the-one-token"


def _accept(token: str, username: str) -> None:
    services.invitation_accept(
        token=token,
        user=None,
        username=username,
        password="a-long-new-password",
        first_name="Nina",
        last_name="Paz",
    )


def test_a_used_invitation_is_refused_as_used(db, alma):
    token = _invite(alma)
    _accept(token, "nina")
    with pytest.raises(DomainError) as refused:
        _accept(token, "nina2")
    assert refused.value.code == "not_found"
    assert not User.objects.filter(username="nina2").exists()


def test_a_claim_that_lost_the_race_is_told_the_invitation_was_used(db, alma):
    """The accept that read the invitation as open but found it claimed when it went to
    claim it (another accept committed in between) is refused, and creates nothing."""
    token = _invite(alma)
    Invitation.objects.update(accepted_at="2026-01-01T00:00:00Z")
    open_copy = Invitation.objects.get()
    open_copy.accepted_at = None
    with (
        mock.patch.object(services, "invitation_find_open", return_value=open_copy),
        pytest.raises(DomainError) as refused,
    ):
        _accept(token, "late")
    assert refused.value.code == "conflict"
    assert "already been used" in refused.value.message
    assert not User.objects.filter(username="late").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
def test_ten_simultaneous_accepts_make_exactly_one_account(transactional_db, alma):
    token = _invite(alma)
    barrier = threading.Barrier(10)
    outcomes: list[str] = []

    def accept(number: int) -> None:
        try:
            barrier.wait()
            _accept(token, f"nina{number}")
            outcomes.append("accepted")
        except DomainError as error:
            outcomes.append(error.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("accepted") == 1
    assert set(outcomes) <= {"accepted", "conflict", "not_found"}
    assert User.objects.filter(username__startswith="nina").count() == 1
    assert Membership.objects.filter(user__username__startswith="nina").count() == 1
