"""The benches' workers qualify for Medi-Cal's CHW benefit, as a real program's would: an
HCAI certificate since 2015 and 6 hours of training every January (written in bulk)."""

import datetime
from collections.abc import Sequence
from decimal import Decimal
from typing import Any


def certify_in_bulk(members: Sequence[Any], through_year: int) -> None:
    from puentes.workforce.models import Certification, TrainingRecord

    Certification.objects.bulk_create(
        Certification(
            organization_id=m.organization_id, worker=m, programme="ca-hcai-chw",
            number=f"B-{m.pk}", issued_on=datetime.date(2015, 1, 1), recorded_by_id=m.user_id,
        )
        for m in members
    )  # fmt: skip
    TrainingRecord.objects.bulk_create(
        TrainingRecord(
            organization_id=m.organization_id, worker=m, title="Annual training",
            completed_on=datetime.date(year, 1, 1), hours=Decimal(6),
        )
        for m in members
        for year in range(2015, through_year + 1)
    )  # fmt: skip
