import pytest
from django.db import connection

from lianjian.audit.models import AuditEntry
from lianjian.audit.services import audit_record, audit_verify
from lianjian.org.tests.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def _tamper(sql, params):
    """Simulate someone with database access editing the log behind the application's back."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER audit_auditentry_append_only")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER audit_auditentry_append_only")


def _write_chain(n=5):
    actor = UserFactory()
    unit = UnitFactory()
    return [audit_record(actor=actor, action="org.unit.update", obj=unit, before={"name": "旧"}, after={"name": f"新{i}"})
            for i in range(n)]


def test_an_untouched_chain_verifies_clean():
    _write_chain()
    assert audit_verify() == []


def test_entries_link_to_the_previous_hash():
    entries = _write_chain(3)
    assert entries[1].prev_hash == entries[0].hash
    assert entries[2].prev_hash == entries[1].hash


def test_an_edited_entry_is_named_by_verify():
    entries = _write_chain()
    _tamper("UPDATE audit_auditentry SET after = %s WHERE id = %s", ['{"name": "篡改"}', entries[2].pk])
    problems = audit_verify()
    assert [p["seq"] for p in problems] == [entries[2].seq]
    assert "edited" in problems[0]["problem"]


def test_a_deleted_entry_in_the_middle_is_named_by_verify():
    entries = _write_chain()
    _tamper("DELETE FROM audit_auditentry WHERE id = %s", [entries[1].pk])
    problems = audit_verify()
    assert problems and problems[0]["seq"] == entries[1].seq
    assert "missing" in problems[0]["problem"]


def test_a_deleted_last_entry_is_detected_through_the_chain_head():
    entries = _write_chain()
    _tamper("DELETE FROM audit_auditentry WHERE id = %s", [entries[-1].pk])
    problems = audit_verify()
    assert problems and problems[0]["seq"] == entries[-1].seq


def test_postgresql_refuses_to_update_the_log():
    if connection.vendor != "postgresql":
        pytest.skip("the append-only trigger exists on PostgreSQL only")
    from django.db import DatabaseError, transaction

    entry = _write_chain(1)[0]
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
