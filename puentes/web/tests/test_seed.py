from django.core.management import call_command
from django.test import Client

from puentes.directory.models import Organization as DirectoryOrganization
from puentes.directory.models import SearchEntry
from puentes.network.models import Membership, Organization
from puentes.people.models import Person
from puentes.referrals.models import Referral
from puentes.screening.models import Screening


def test_demo_data_loads_once_with_the_cast(db, capsys):
    call_command("seed_demo", people=12, listings=20)
    call_command("seed_demo", people=12, listings=20)
    assert "already loaded" in capsys.readouterr().out
    assert Organization.objects.count() == 6
    roles = dict(Membership.objects.values_list("user__username", "role"))
    assert roles == {
        "ana": "chw",
        "sam": "supervisor",
        "bea": "billing",
        "alma": "org_admin",
        "pat": "cbo_staff",
        "omar": "org_admin",
        "dora": "directory_admin",
        "leo": "chw",
        "nora": "chw",
        "ivy": "org_admin",
    }
    # The workforce: Ana and Leo qualify for Medi-Cal's CHW benefit today (Leo on the
    # experience pathway, his certificate due within 90 days); the association credited
    # its training to them.
    from django.utils import timezone

    from puentes.workforce import selectors as workforce

    clinic = Organization.objects.get(memberships__user__username="ana")
    _requirements, rows = workforce.team_standing(clinic, timezone.localdate())
    standing = {r.member.user.username: r.standing["ca-medi-cal-chw"].qualified for r in rows}
    assert standing["ana"] and standing["leo"]
    due = {
        (d.member.user.username, d.kind) for d in workforce.deadlines(clinic, timezone.localdate())
    }
    assert due == {("ana", "expires"), ("leo", "certify_by")}
    # The association's pass-through grant: a sub-award the clinic draws a funding on.
    from puentes.billing.models import FundingSource

    assert FundingSource.objects.filter(sub_award__member=clinic).count() == 1
    assert Person.objects.count() == 12
    assert Person.objects.filter(latitude__isnull=False).count() == 12
    assert Screening.objects.filter(status="completed").exists()
    pantry_listing = DirectoryOrganization.objects.get(
        network_organization__name="Eastside Food Pantry"
    )
    assert pantry_listing.services.get().name == "Eastside Food Pantry"
    statuses = set(Referral.objects.values_list("status", flat=True))
    assert statuses and statuses <= {"requested", "accepted", "completed"}
    assert SearchEntry.objects.count() == 20
    # The demo directory carries its taxonomies (Open Eligibility and AIRS/211 LA).
    taxonomies = Client().get("/hsds/taxonomies").json()["contents"]
    assert len(taxonomies) >= 2
