"""The workforce pages: the team's standing and deadlines, a worker's record and its forms,
who reaches which page."""

from decimal import Decimal

from django.utils import timezone

from puentes.billing.tests.conftest import days_ago
from puentes.workforce.models import Certification, TrainingRecord
from puentes.workforce.tests.helpers import certify


def test_the_team_page_says_who_cannot_bill_and_why(client_for, ana, sam, bea):
    certify(ana)
    TrainingRecord.objects.filter(worker=ana, completed_on__year=timezone.localdate().year).delete()
    page = client_for(sam).get("/workforce/").content.decode()
    assert "Cannot bill" in page and "continuing training" in page and ana.user.last_name in page
    assert client_for(bea).get("/workforce/").status_code == 200  # billing staff see it
    assert client_for(ana).get("/workforce/").status_code == 403


def test_a_supervisor_records_a_training_and_a_certification(client_for, ana, sam):
    client = client_for(sam)
    url = f"/workforce/workers/{ana.public_id}/"
    response = client.post(
        url,
        {
            "form": "training",
            "title": "Oral health",
            "completed_on": str(days_ago(2)),
            "hours": "1.5",
        },
    )
    assert response.status_code == 302
    assert TrainingRecord.objects.get(worker=ana).hours == Decimal("1.5")
    refused = client.post(
        url,
        {
            "form": "certification",
            "programme": "ca-hcai-chw",
            "issued_on": "2025-05-01",
            "expires_on": "2024-01-01",
        },
    )
    assert refused.status_code == 200 and "before the issue date" in refused.content.decode()
    assert not Certification.objects.exists()
    too_long = client.post(
        url, {"form": "training", "title": "Day", "completed_on": str(days_ago(2)), "hours": "30"}
    )
    assert too_long.status_code == 200 and TrainingRecord.objects.count() == 1


def test_a_worker_sees_their_own_record_in_spanish(client_for, ana, clinic):
    from conftest import _member

    ana.user.language = "es"
    ana.user.save()
    client = client_for(ana)
    page = client.get(
        f"/workforce/workers/{ana.public_id}/", HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "Registrar una capacitación" in page and "Certificaciones y credenciales" in page
    other = _member("ines", clinic, "chw", "chw")
    assert client.get(f"/workforce/workers/{other.public_id}/").status_code == 404
    assert 'name="programme"' not in page  # certifications are the supervisor's to record


def test_outsiders_get_404(client_for, ana, omar, pat):
    for outsider in (omar, pat):
        assert client_for(outsider).get(f"/workforce/workers/{ana.public_id}/").status_code == 404
        response = client_for(outsider).post(
            f"/workforce/workers/{ana.public_id}/",
            {"form": "training", "title": "x", "completed_on": "2025-01-01", "hours": "1"},
        )
        assert response.status_code == 404
    assert not TrainingRecord.objects.exists()
