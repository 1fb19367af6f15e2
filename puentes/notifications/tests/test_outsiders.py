"""A notification is its recipient's alone: omar (another organization) neither lists nor
marks ana's, by API or page."""

from puentes.notifications.models import Notification
from puentes.notifications.services import notify


def test_omar_cannot_reach_anas_notifications(api_for, client_for, ana, omar):
    [notification] = notify(
        recipients=[ana.user], organization=ana.organization, kind="referral.status",
        params={"service": "Pantry", "status": "accepted"}, link="/referrals/",
    )  # fmt: skip
    assert api_for(omar).get("/notifications").json()["items"] == []
    marked = api_for(omar).post(f"/notifications/{notification.public_id}/read")
    assert marked.status_code == 404
    client_for(omar).post("/notifications/read/")
    assert "Pantry" not in client_for(omar).get("/notifications/").content.decode()
    notification.refresh_from_db()
    assert notification.read_at is None
    mine = api_for(ana).get("/notifications").json()["items"]
    assert [n["message"] for n in mine] == ["Your referral to Pantry is now: Accepted."]
    assert Notification.objects.count() == 1


def test_a_bad_preference_is_refused(client_for, ana):
    response = client_for(ana).post("/notifications/", {"notification_email": "hourly"})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    ana.user.refresh_from_db()
    assert ana.user.notification_email == "immediate"
