"""The workforce pages: the team's standing and deadlines, a worker's record and its forms,
who reaches which page."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from conftest import actor_for
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


def test_an_intermediary_offers_a_course_and_credits_a_members_worker_from_the_pages(
    client_for, ana, sam, omar, clinic, elsewhere
):
    from puentes.workforce.models import Course, TrainingSession
    from puentes.workforce.services import affiliation_create

    affiliation_create(intermediary=elsewhere, member=clinic, since=days_ago(400))
    client = client_for(omar)
    added = client.post("/workforce/training/", {
        "title": "Home visit safety", "provider": "Regional association", "hours": "3",
        "fieldwork_hours": "0", "modality": "in_person", "language": "es",
        "competencies": ["communication"], "open_to_members": "on",
    })  # fmt: skip
    assert added.status_code == 302, added.content.decode()[:2000]
    course = Course.objects.get()
    later = client.post(f"/workforce/courses/{course.public_id}/", {
        "kind": "convening", "held_on": str(days_ago(-3)), "hours": "3",
    })  # fmt: skip
    assert later.status_code == 302
    future = TrainingSession.objects.get()
    refused = client.post(
        f"/workforce/sessions/{future.public_id}/", {"worker_ids": [str(ana.public_id)]}
    )
    assert (
        refused.status_code == 200
        and "record attendance once it is held" in refused.content.decode()
    )
    client.post(f"/workforce/courses/{course.public_id}/", {
        "kind": "training", "held_on": str(days_ago(3)), "hours": "3", "location": "Sacramento",
    })  # fmt: skip
    held = TrainingSession.objects.get(kind="training")
    page = client.get(f"/workforce/sessions/{held.public_id}/").content.decode()
    assert ana.user.last_name in page and clinic.name in page  # a member's worker to credit
    credited = client.post(
        f"/workforce/sessions/{held.public_id}/", {"worker_ids": [str(ana.public_id)]}
    )
    assert credited.status_code == 302
    assert TrainingRecord.objects.get(worker=ana).credited_by == elsewhere
    assert "Hours credited" in client.get("/workforce/training/").content.decode()
    # The member's supervisor sees the hours on Ana's record; the intermediary cannot open it.
    assert (
        "Home visit safety"
        in client_for(sam).get(f"/workforce/workers/{ana.public_id}/").content.decode()
    )
    assert client.get(f"/workforce/workers/{ana.public_id}/").status_code == 404
    # And the clinic cannot open the intermediary's course or session pages.
    assert client_for(sam).get(f"/workforce/courses/{course.public_id}/").status_code == 404
    assert client_for(sam).get(f"/workforce/sessions/{held.public_id}/").status_code == 404


def test_a_supervisor_records_supervision_on_the_workers_page_in_spanish(client_for, ana, sam):
    from puentes.workforce.models import SupervisionSession

    sam.user.language = "es"
    sam.user.save()
    client = client_for(sam)
    url = f"/workforce/workers/{ana.public_id}/"
    body = client.get(url).content.decode().split("</title>", 1)[1]  # the page, not its title
    assert "Registrar supervisión" in body and 'id="supervision-form"' in body
    response = client.post(
        url,
        {"form": "supervision", "held_on": str(days_ago(1)), "minutes": "45", "kind": "individual"},
    )
    assert response.status_code == 302
    assert SupervisionSession.objects.get().workers.get() == ana
    too_long = client.post(
        url,
        {
            "form": "supervision",
            "held_on": str(days_ago(1)),
            "minutes": "1500",
            "kind": "individual",
        },
    )
    assert too_long.status_code == 200 and SupervisionSession.objects.count() == 1


def test_a_certificates_scan_is_kept_downloaded_by_the_team_and_refused_when_not_a_scan(
    client_for, ana, sam, bea
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(sam)
    url = f"/workforce/workers/{ana.public_id}/"
    fields = {
        "form": "certification",
        "programme": "ca-hcai-chw",
        "number": "CHW-7",
        "issued_on": str(days_ago(20)),
    }
    refused = client.post(
        url,
        {**fields, "evidence": SimpleUploadedFile("cert.exe", b"MZ", "application/octet-stream")},
    )
    assert refused.status_code == 200 and "Attach a PDF or an image" in refused.content.decode()
    assert not Certification.objects.exists()
    scan = SimpleUploadedFile("cert.pdf", b"%PDF-1.4 the certificate", "application/pdf")
    assert client.post(url, {**fields, "evidence": scan}).status_code == 302
    held = Certification.objects.get()
    download = client_for(bea).get(f"/workforce/certifications/{held.public_id}/scan/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    assert (
        client_for(ana).get(f"/workforce/certifications/{held.public_id}/scan/").status_code == 200
    )


def test_a_supervisor_keeps_the_profile_pathway_and_experience_and_sees_the_progress(
    client_for, ana, sam
):
    from puentes.workforce.models import ExperienceRecord, PathwayStart, WorkerProfile

    client = client_for(sam)
    url = f"/workforce/workers/{ana.public_id}/"
    saved = client.post(url, {
        "form": "profile", "worker_types": ["chw", "promotor"], "hire_date": "2024-02-01",
        "supervisor_id": str(sam.public_id), "caseload_capacity": "60",
    })  # fmt: skip
    assert saved.status_code == 302
    profile = WorkerProfile.objects.get(member=ana)
    assert profile.worker_types == ["chw", "promotor"] and profile.supervisor == sam
    started = client.post(url, {
        "form": "pathway", "pathway": "ca-hcai-chw:training", "started_on": str(days_ago(60)),
    })  # fmt: skip
    assert started.status_code == 302 and PathwayStart.objects.get().pathway == "training"
    client.post(url, {"form": "training", "title": "Core skills", "completed_on": str(days_ago(20)),
                      "hours": "20", "fieldwork_hours": "4"})  # fmt: skip
    wrong = client.post(url, {"form": "experience", "started_on": str(days_ago(5)),
                              "ended_on": str(days_ago(10)), "hours": "10"})  # fmt: skip
    assert wrong.status_code == 200 and "The end is before the start" in wrong.content.decode()
    assert not ExperienceRecord.objects.exists()
    page = client.get(url).content.decode()
    assert "training: 20 / 80 h" in page and "supervised fieldwork: 4 / 10 h" in page
    assert 'id="profile-form"' in page and 'id="pathway-form"' in page
    # The worker sees the progress, but not the supervisor's forms.
    own = client_for(ana).get(url).content.decode()
    assert "training: 20 / 80 h" in own and 'id="profile-form"' not in own


def test_the_record_counts_continuing_education_toward_a_certificates_renewal(client_for, ana, sam):
    from puentes.workforce import services

    client = client_for(sam)
    url = f"/workforce/workers/{ana.public_id}/"
    services.certification_add(
        actor=actor_for(sam), worker=ana,
        fields={"programme": "ma-chw", "number": "MA-1", "issued_on": days_ago(300)},
    )  # fmt: skip
    scan = SimpleUploadedFile("ce.pdf", b"%PDF-1.4 certificate of completion", "application/pdf")
    posted = {"form": "training", "title": "Oral health", "completed_on": str(days_ago(30)),
              "hours": "6", "certificate": scan}  # fmt: skip
    response = client.post(url, posted)
    assert response.status_code == 302 and TrainingRecord.objects.get().certificate
    page = client.get(url).content.decode()
    assert "Massachusetts certified community health worker: 6 / 15 h" in page
