"""Workers who qualify for the payers the billing tests bill: a current certificate (or the
doula's credentials) and a training each year, so every visit they log is billable unless
a test says otherwise."""

import datetime
from decimal import Decimal

from django.utils import timezone

from puentes.network.models import Membership
from puentes.workforce.models import Certification, TrainingRecord

SINCE = datetime.date(2015, 1, 1)


def certify(member: Membership, *, doula: bool = False) -> Membership:
    """Hold what Medi-Cal asks of a CHW (the HCAI certificate) or a doula (CPR, HIPAA, three
    births), with 6 hours of training every January since 2015."""
    programmes = (
        ["cpr_adult_infant", "hipaa_training", "births_supported_3"] if doula else ["ca-hcai-chw"]
    )
    for programme in programmes:
        Certification.objects.create(
            organization=member.organization, worker=member, programme=programme,
            number=f"T-{member.pk}", issued_on=SINCE, recorded_by=member.user,
        )  # fmt: skip
    for year in range(SINCE.year, timezone.localdate().year + 1):
        TrainingRecord.objects.create(
            organization=member.organization, worker=member, title="Annual training",
            completed_on=datetime.date(year, 1, 1), hours=Decimal(16 if doula else 6),
        )  # fmt: skip
    return member
