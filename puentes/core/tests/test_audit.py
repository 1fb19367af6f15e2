import pytest
from django.db import DatabaseError, connection, transaction

from conftest import actor_for
from puentes.core.audit import audit_record
from puentes.core.errors import DomainError
from puentes.core.models import AuditEvent


def test_audit_events_cannot_be_changed_or_deleted(ana, maria):
    event = audit_record(
        actor=actor_for(ana), action="test.event", obj=maria, person_id=maria.public_id
    )
    event.action = "something.else"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(action="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()


def test_an_audit_event_records_who_where_and_what(ana, maria):
    event = AuditEvent.objects.filter(action="person.create").get()
    assert event.user == ana.user
    assert event.organization == ana.organization
    assert event.client_ip == "203.0.113.7"
    assert event.object_id == maria.public_id
    assert event.subject_person_id == maria.public_id


def test_domain_error_has_one_shape():
    error = DomainError("invalid", "Bad.", {"date_of_birth": ["Wrong."]})
    assert error.status == 400
    assert error.as_dict() == {
        "error": {"code": "invalid", "message": "Bad.", "fields": {"date_of_birth": ["Wrong."]}}
    }
    with pytest.raises(ValueError):
        DomainError("made_up", "x")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_the_database_itself_refuses_to_rewrite_audit_rows(ana, maria):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE core_auditevent SET action = 'x'")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("DELETE FROM core_auditevent")
