"""The referral pages: refer from a need's search, the inbox, acting on a referral."""

from puentes.referrals.models import Referral


def test_find_help_from_a_need_carries_the_person_to_the_refer_button(
    client_for, ana, maria, food_need, pantry_listing
):
    client = client_for(ana)
    person = client.get(f"/people/{maria.public_id}/").content.decode()
    assert f"person={maria.public_id}" in person
    page = client.get(
        f"/directory/services/{pantry_listing.id}/?person={maria.public_id}&for_need={food_need.public_id}"
    ).content.decode()
    assert "Refer María López here" in page
    assert f"need={food_need.public_id}" in page


def test_refer_page_sends_and_shows_the_consent_error(
    client_for, ana, maria, food_need, pantry_listing
):
    client = client_for(ana)
    url = f"/referrals/new/?service={pantry_listing.id}&person={maria.public_id}"
    response = client.post(url, {"needs": [str(food_need.public_id)], "priority": "routine"})
    assert response.status_code == 200
    assert "no active consent" in response.content.decode()
    assert not Referral.objects.exists()
    draft = client.post(
        url, {"needs": [str(food_need.public_id)], "priority": "routine", "save_draft": "1"}
    )
    assert draft.status_code == 302
    assert Referral.objects.get().status == "draft"


def test_inbox_and_one_tap_actions(client_for, pat, refer, consent):
    referral = refer()
    client = client_for(pat)
    inbox = client.get("/referrals/inbox/").content.decode()
    assert "María López" in inbox and "Eastside food pantry" in inbox
    page = client.get(f"/referrals/{referral.public_id}/").content.decode()
    assert ">Accept<" in page and ">Reject<" in page
    assert "1985" not in page  # the birth date is not shared
    client.post(f"/referrals/{referral.public_id}/act/", {"version": 2, "status": "accepted"})
    client.post(
        f"/referrals/{referral.public_id}/act/",
        {"version": 3, "status": "completed", "outcome": "food"},
    )
    referral.refresh_from_db()
    assert referral.status == "completed"
    missing_reason = client.post(
        f"/referrals/{referral.public_id}/act/", {"version": 4, "status": "cancelled"}
    )
    assert missing_reason.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "completed"


def test_light_referral_page_has_the_summary_to_print_and_text(
    client_for, ana, maria, food_need, make_listing
):
    from conftest import actor_for
    from puentes.referrals import services

    listing = make_listing(name="Parish food closet")
    referral = services.referral_create(
        actor=actor_for(ana), person_id=maria.public_id, service_at_location_id=listing.id,
        need_ids=[food_need.public_id], send=True,
    )  # fmt: skip
    page = client_for(ana).get(f"/referrals/{referral.public_id}/").content.decode()
    assert "For the person to take with them" in page and "Teléfono" in page


def test_home_prompts_the_chw_to_follow_up(client_for, ana, refer, consent):
    import datetime

    from django.utils import timezone

    referral = refer()
    assert "to follow up" not in client_for(ana).get("/").content.decode()
    Referral.objects.filter(pk=referral.pk).update(
        requested_by=timezone.localdate() - datetime.timedelta(days=1)
    )
    home = client_for(ana).get("/").content.decode()
    assert "1 referral to follow up" in home


def test_a_word_with_two_spanish_forms_gets_the_right_one(client_for, ana):
    """ "Closed" is "Cerradas" for the referrals tab and "Cerrado" elsewhere (pgettext)."""
    ana.user.language = "es"
    ana.user.save()
    body = client_for(ana).get("/referrals/").content.decode()
    assert "Abiertas" in body and "Cerradas" in body
