import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from lianjian.complaints.models import ComplaintIdentity
from lianjian.complaints.tests.factories import submit
from lianjian.core import crypto
from lianjian.org.models import UnitType
from lianjian.org.tests.factories import UnitFactory, city

OLD_KEY = "x8dKAh0S3yYdTzq0f3-6kU8YwGJ7oYxq3Hc6GkY9A2c="
NEW_KEY = "0b5Cq3pJ1m2uY7wV6r4T8s9X0z1A2b3C4d5E6f7G8h8="


@given(st.text(max_size=200))
def test_any_text_survives_encryption_and_is_never_stored_in_the_clear(text):
    stored = crypto.encrypt(text)
    assert stored.startswith(crypto.PREFIX) and crypto.decrypt(stored) == text
    if len(text) > 3:
        assert text not in stored


@pytest.mark.django_db
def test_a_reporters_identity_is_unreadable_in_the_table_and_readable_through_the_model():
    hz = city()
    UnitFactory(name="杭州市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=hz)
    complaint = submit(hz)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name, phone, email FROM {ComplaintIdentity._meta.db_table}")
        raw = cursor.fetchone()
    assert all(value.startswith(crypto.PREFIX) for value in raw)
    assert "张三丰" not in "".join(raw) and "13912345678" not in "".join(raw)
    identity = ComplaintIdentity.objects.get(complaint=complaint)
    assert (identity.name, identity.phone, identity.email) == ("张三丰", "13912345678", "zhang@example.com")


def test_a_rotated_key_still_reads_old_values_and_a_lost_key_is_a_clear_error(settings):
    settings.LIANJIAN_FIELD_KEYS = [OLD_KEY]
    stored = crypto.encrypt("李四")
    settings.LIANJIAN_FIELD_KEYS = [NEW_KEY, OLD_KEY]
    assert crypto.decrypt(stored) == "李四"
    rotated = crypto.reencrypt(stored)
    settings.LIANJIAN_FIELD_KEYS = [NEW_KEY]
    assert crypto.decrypt(rotated) == "李四"
    with pytest.raises(ImproperlyConfigured, match="LIANJIAN_FIELD_KEYS"):
        crypto.decrypt(stored)


@pytest.mark.django_db
def test_rotating_the_keys_reencrypts_every_stored_identity_so_the_old_key_can_be_dropped(settings):
    from django.core.management import call_command

    settings.LIANJIAN_FIELD_KEYS = [OLD_KEY]
    hz = city()
    UnitFactory(name="杭州市公共资源交易管理办公室", type=UnitType.LEAD_OFFICE, region=hz)
    complaint = submit(hz)
    settings.LIANJIAN_FIELD_KEYS = [NEW_KEY, OLD_KEY]
    call_command("rotate-field-keys", stdout=__import__("io").StringIO())
    settings.LIANJIAN_FIELD_KEYS = [NEW_KEY]
    assert ComplaintIdentity.objects.get(complaint=complaint).name == "张三丰"
