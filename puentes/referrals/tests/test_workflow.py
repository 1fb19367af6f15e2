"""The referral workflow: every allowed move and every forbidden one, reasons, outcomes,
versions, consent, and what closing the loop does to the needs."""

import datetime
import itertools
import uuid

import pytest
from django.core import mail
from django.utils import timezone

from conftest import actor_for
from puentes.core.errors import DomainError
from puentes.directory.models import Attribute, TaxonomyTerm
from puentes.directory.search_index import refresh
from puentes.notifications.models import Notification
from puentes.people import services as people_services
from puentes.referrals import services
from puentes.referrals.models import Referral
from puentes.referrals.models import ReferralStatus as S
from puentes.referrals.workflow import EITHER, REFERRING, TRANSITIONS, side_allowed

ALL = list(S.values)


def _move(member, referral, status, **extra):
    if status in (S.REJECTED, S.CANCELLED, S.ON_HOLD, S.FAILED):
        extra.setdefault("reason", "Because")
    if status == S.COMPLETED:
        extra.setdefault("outcome", "food")
    return services.referral_transition(
        actor=actor_for(member),
        referral_id=referral.public_id,
        version=referral.version,
        status=status,
        **extra,
    )


def _bring_to(referral, status, ana, pat):
    """Walk a sent referral to ``status`` by allowed moves."""
    paths = {
        S.REQUESTED: [],
        S.ACCEPTED: [S.ACCEPTED],
        S.IN_PROGRESS: [S.ACCEPTED, S.IN_PROGRESS],
        S.ON_HOLD: [S.ACCEPTED, S.ON_HOLD],
    }
    for step in paths[status]:
        referral = _move(pat, referral, step)
    return referral


@pytest.mark.parametrize(("start", "end"), [k for k in TRANSITIONS if k[0] != S.DRAFT])
def test_every_allowed_move_by_the_side_named(start, end, refer, consent, ana, pat):
    referral = _bring_to(refer(), start, ana, pat)
    side = TRANSITIONS[(start, end)]
    mover = ana if side == REFERRING else pat
    if side == EITHER:
        mover = ana
    moved = _move(mover, referral, end)
    assert moved.status == end
    assert list(moved.events.values_list("from_status", "to_status"))[-1] == (start, end)


@pytest.mark.parametrize(("start", "end"), [k for k in TRANSITIONS if TRANSITIONS[k] == EITHER])
def test_either_side_may_cancel(start, end, refer, consent, ana, pat):
    referral = _bring_to(refer(), start, ana, pat)
    assert _move(pat, referral, end).status == S.CANCELLED


@pytest.mark.parametrize(("start", "end"), [k for k in TRANSITIONS if TRANSITIONS[k] != EITHER])
def test_the_wrong_side_is_refused(start, end, refer, consent, ana, pat):
    if start == S.DRAFT:
        referral = refer(send=False)
        wrong = pat  # the receiving side cannot even see a draft
        with pytest.raises(DomainError) as caught:
            _move(wrong, referral, end)
        assert caught.value.code == "not_found"
        return
    referral = _bring_to(refer(), start, ana, pat)
    wrong = pat if TRANSITIONS[(start, end)] == REFERRING else ana
    with pytest.raises(DomainError) as caught:
        _move(wrong, referral, end)
    assert caught.value.code == "forbidden"
    referral.refresh_from_db()
    assert referral.status == start


REACHABLE = [S.REQUESTED, S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD]


@pytest.mark.parametrize(
    ("start", "end"),
    [(a, b) for a, b in itertools.product(REACHABLE, ALL) if side_allowed(a, b) is None and a != b],
)
def test_moves_the_workflow_does_not_have_are_refused(start, end, refer, consent, ana, pat):
    referral = _bring_to(refer(), start, ana, pat)
    with pytest.raises(DomainError) as caught:
        _move(pat, referral, end)
    assert caught.value.code == "conflict"


def test_entered_in_error_from_any_state_by_the_referring_side_only(refer, consent, ana, pat):
    for start in REACHABLE:
        referral = _bring_to(refer(), start, ana, pat)
        with pytest.raises(DomainError):
            _move(pat, referral, S.ENTERED_IN_ERROR)
        assert _move(ana, referral, S.ENTERED_IN_ERROR).status == S.ENTERED_IN_ERROR
    draft = refer(send=False)
    assert _move(ana, draft, S.ENTERED_IN_ERROR).status == S.ENTERED_IN_ERROR


@pytest.mark.parametrize("status", [S.REJECTED, S.CANCELLED, S.ON_HOLD, S.FAILED])
def test_a_reason_is_required(status, refer, consent, ana, pat):
    referral = refer()
    if status in (S.ON_HOLD, S.FAILED):
        referral = _move(pat, referral, S.ACCEPTED)
    with pytest.raises(DomainError) as caught:
        _move(pat, referral, status, reason="  ")
    assert caught.value.fields == {"reason": ["Say why."]}


def test_completing_records_the_outcome_and_resolves_the_need(refer, consent, ana, pat, food_need):
    referral = _move(pat, refer(), S.ACCEPTED)
    food_need.refresh_from_db()
    assert food_need.status == "in-progress"
    with pytest.raises(DomainError) as caught:
        _move(pat, referral, S.COMPLETED, outcome="")
    assert "outcome" in caught.value.fields
    done = _move(pat, referral, S.COMPLETED, outcome="food", outcome_note="Two weeks of groceries")
    assert done.outcome == "food" and done.closed_at is not None
    food_need.refresh_from_db()
    assert food_need.status == "resolved"
    assert "completed" in food_need.events.first().reason


def test_a_failed_referral_leaves_the_need_open_with_the_reason(refer, consent, pat, food_need):
    referral = _move(pat, refer(), S.ACCEPTED)
    _move(pat, referral, S.FAILED, reason="Could not reach her")
    food_need.refresh_from_db()
    assert food_need.status == "identified"
    assert "Could not reach her" in food_need.events.first().reason


def test_a_stale_version_is_refused(refer, consent, pat):
    referral = refer()
    stale = referral.version
    _move(pat, referral, S.ACCEPTED)
    with pytest.raises(DomainError) as caught:
        services.referral_transition(
            actor=actor_for(pat), referral_id=referral.public_id, version=stale, status="rejected",
            reason="x",
        )  # fmt: skip
    assert caught.value.code == "conflict"


def test_no_consent_keeps_it_a_draft(refer, pat):
    with pytest.raises(DomainError) as caught:
        refer()
    assert caught.value.code == "invalid" and "consent" in caught.value.fields
    assert not Referral.objects.exists()  # send=True in one call: all or nothing
    draft = refer(send=False)
    with pytest.raises(DomainError):
        services.referral_send(
            actor=actor_for(draft.referring_member), referral_id=draft.public_id, version=1
        )
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


def test_a_consent_for_another_purpose_does_not_count(refer, ana, maria, pantry):
    people_services.consent_record(
        actor=actor_for(ana), person_id=maria.public_id, organization_ids=[pantry.public_id],
        fields={"scope": "named", "purpose": "payment", "method": "verbal",
                "given_on": datetime.date(2026, 1, 1)},
    )  # fmt: skip
    with pytest.raises(DomainError):
        refer()


def test_revoking_consent_cancels_open_referrals_and_tells_the_receiving_side(
    refer, consent, ana, pat, api_for
):
    referral = refer()
    people_services.consent_revoke(
        actor=actor_for(ana), consent_id=consent.public_id, reason="She asked us to stop"
    )
    referral.refresh_from_db()
    assert referral.status == S.CANCELLED and referral.sharing_ended_at is not None
    assert Notification.objects.filter(recipient=pat.user, kind="referral.consent_revoked").exists()
    body = api_for(pat).get(f"/referrals/{referral.public_id}").json()
    assert body["person"] is None and body["sharing_ended"] is True


def test_full_service_warns_and_suggests_alternatives(refer, consent, make_listing, pantry_listing):
    pantry_listing.capacity_status = "no-capacity"
    pantry_listing.save()
    other = make_listing(name="Westside pantry", capacity="available")
    term = TaxonomyTerm.objects.create(id=uuid.uuid4(), code="102", name="Food")
    Attribute.objects.create(id=uuid.uuid4(), link_id=other.service_id, taxonomy_term=term)
    refresh([other.pk])
    with pytest.raises(DomainError) as caught:
        refer()
    assert caught.value.code == "confirm"
    assert [a["name"] for a in caught.value.extra["alternatives"]] == ["Westside pantry"]
    assert refer(confirm_capacity=True).status == S.REQUESTED


def test_notifications_go_to_the_other_side_by_email_after_commit(
    refer, consent, ana, pat, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        referral = refer()
    assert Notification.objects.filter(recipient=pat.user, kind="referral.new").count() == 1
    assert [m.to for m in mail.outbox] == [[pat.user.email]]
    assert "María" not in mail.outbox[0].body  # no personal details by e-mail
    with django_capture_on_commit_callbacks(execute=True):
        _move(pat, referral, S.ACCEPTED)
    assert Notification.objects.filter(recipient=ana.user, kind="referral.status").count() == 1
    assert len(mail.outbox) == 2


def test_digest_readers_get_one_summary(refer, consent, pat, django_capture_on_commit_callbacks):
    from puentes.notifications.services import digest_send

    pat.user.notification_email = "digest"
    pat.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        refer()
        refer()
    assert mail.outbox == []
    assert digest_send() == 1
    assert "2" in mail.outbox[0].subject
    assert digest_send() == 0


def test_overdue_after_the_response_time_in_business_days(refer, consent, pat, ana, api_for):
    referral = refer()
    assert referral.response_due_on > timezone.localdate()
    type(referral).objects.filter(pk=referral.pk).update(
        response_due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    for member in (ana, pat):
        overdue = api_for(member).get("/referrals?overdue=true").json()["items"]
        assert [r["id"] for r in overdue] == [str(referral.public_id)]
        assert overdue[0]["overdue"] is True


def test_business_days_skip_the_weekend():
    from puentes.core.dates import add_business_days

    friday = datetime.date(2026, 11, 20)
    assert add_business_days(friday, 1) == datetime.date(2026, 11, 23)
    assert add_business_days(friday, 2) == datetime.date(2026, 11, 24)


def test_an_overlong_outcome_note_is_refused_whole_not_cut_short(refer, consent, pat):
    referral = _move(pat, refer(), S.ACCEPTED)
    with pytest.raises(DomainError) as caught:
        _move(pat, referral, S.COMPLETED, outcome="food", outcome_note="x" * 1001)
    assert caught.value.fields == {"outcome_note": ["Keep it under 1,000 characters."]}
    referral.refresh_from_db()
    assert referral.status == S.ACCEPTED and referral.outcome_note == ""
