import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction

from lianjian.audit.models import AuditEntry
from lianjian.core.permissions import AccessDenied
from lianjian.notifications import selectors
from lianjian.notifications.models import Notification
from lianjian.notifications.services import notification_mark_all_read, notification_mark_read, notification_send
from lianjian.org.tests.factories import UserFactory

from .factories import NotificationFactory

pytestmark = pytest.mark.django_db


def _send(recipients, **kwargs):
    return notification_send(recipients=recipients, subject="投诉受理期限即将届满", body="请及时处理。",
                             link="/deadlines/", category="deadline", **kwargs)


def test_send_creates_one_notification_per_distinct_active_recipient(django_capture_on_commit_callbacks):
    alice, bob = UserFactory(), UserFactory()
    retired = UserFactory(is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        created = _send([alice, bob, alice, retired])
    assert len(created) == 2
    assert sorted(Notification.objects.values_list("recipient_id", flat=True)) == sorted([alice.pk, bob.pk])


def test_send_writes_one_audit_entry_with_the_recipient_count(django_capture_on_commit_callbacks):
    sender = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _send([UserFactory(), UserFactory()], actor=sender)
    entry = AuditEntry.objects.get(action="notifications.notification.send")
    assert entry.detail["recipients"] == 2
    assert entry.actor == sender


def test_email_goes_out_only_after_the_transaction_commits(django_capture_on_commit_callbacks):
    alice = UserFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _send([alice])
        assert mail.outbox == []
        assert Notification.objects.get().emailed_at is None
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [alice.email]
    assert "投诉受理期限即将届满" in mail.outbox[0].subject
    assert Notification.objects.get().emailed_at is not None


def test_nothing_is_mailed_or_stored_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            _send([UserFactory()])
            raise RuntimeError("the calling service failed after sending")
    assert callbacks == []
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_recipients_without_an_email_address_get_only_the_in_app_notification(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        created = _send([UserFactory(email=""), UserFactory()])
    assert len(created) == 2
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 1


def test_each_recipient_gets_a_separate_email_so_addresses_are_not_shared(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _send([UserFactory(), UserFactory(), UserFactory()])
    assert [len(m.to) for m in mail.outbox] == [1, 1, 1]


def test_a_link_that_is_not_a_site_path_is_rejected_naming_the_field():
    with pytest.raises(ValidationError) as excinfo:
        notification_send(recipients=[UserFactory()], subject="标题", body="", link="https://evil.example/")
    assert "link" in excinfo.value.message_dict
    assert not Notification.objects.exists()


def test_an_empty_subject_is_rejected_naming_the_field():
    with pytest.raises(ValidationError) as excinfo:
        notification_send(recipients=[UserFactory()], subject="  ", body="")
    assert "subject" in excinfo.value.message_dict


def test_the_recipient_can_mark_a_notification_read():
    notification = NotificationFactory()
    notification_mark_read(notification=notification, actor=notification.recipient)
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert AuditEntry.objects.filter(action="notifications.notification.mark_read").count() == 1


def test_another_user_cannot_mark_someone_elses_notification_read():
    notification = NotificationFactory()
    with pytest.raises(AccessDenied):
        notification_mark_read(notification=notification, actor=UserFactory())
    notification.refresh_from_db()
    assert notification.read_at is None


def test_even_a_superuser_cannot_mark_someone_elses_notification_read():
    notification = NotificationFactory()
    with pytest.raises(AccessDenied):
        notification_mark_read(notification=notification, actor=UserFactory(is_superuser=True))


def test_mark_all_read_touches_only_the_actors_unread_notifications():
    alice = UserFactory()
    NotificationFactory.create_batch(3, recipient=alice)
    other = NotificationFactory()
    assert notification_mark_all_read(actor=alice) == 3
    assert selectors.unread_count(actor=alice) == 0
    other.refresh_from_db()
    assert other.read_at is None


def test_a_user_sees_only_their_own_notifications_with_unread_first():
    alice = UserFactory()
    read = NotificationFactory(recipient=alice)
    notification_mark_read(notification=read, actor=alice)
    unread = NotificationFactory(recipient=alice)
    NotificationFactory()
    assert list(selectors.notifications_for(actor=alice)) == [unread, read]
    assert list(selectors.notifications_for(actor=alice, unread_only=True)) == [unread]
    assert selectors.unread_count(actor=alice) == 1
