"""BulkInserter writes what it is given, byte for byte, on both databases (COPY's text
format on PostgreSQL, executemany on SQLite)."""

import datetime
import uuid

import pytest
from django.utils import timezone

from puentes.core.bulk import BulkInserter
from puentes.core.models import AuditEvent

AWKWARD = [
    "plain",
    "tab\there",
    "new\nline",
    "carriage\rreturn",
    "back\\slash",
    "\\N",  # COPY's null marker, as text
    "ñandú · 漢字",
    "",
]


@pytest.mark.django_db
def test_awkward_text_json_and_nulls_come_back_as_they_went_in(clinic):
    when = timezone.now().replace(microsecond=123456)
    ids = [uuid.uuid4() for _ in AWKWARD]
    rows = [
        (
            when - datetime.timedelta(minutes=n),
            clinic.pk if n % 2 else None,
            text[:64],
            "bulk-test",
            ids[n] if n % 3 else None,
            {"text": text, "list": [text, n, True], "empty": []},
        )
        for n, text in enumerate(AWKWARD)
    ]
    BulkInserter(
        AuditEvent,
        ["occurred_at", "organization", "action", "object_type", "object_id", "detail"],
    ).insert(rows)
    stored = AuditEvent.objects.filter(object_type="bulk-test").order_by("-occurred_at")
    got = list(
        stored.values_list(
            "occurred_at", "organization_id", "action", "object_type", "object_id", "detail"
        )
    )
    assert got == rows


@pytest.mark.django_db
def test_no_rows_writes_nothing():
    BulkInserter(AuditEvent, ["action", "object_type", "detail"]).insert([])
    assert not AuditEvent.objects.filter(object_type="bulk-test").exists()
