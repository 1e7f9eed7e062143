import pytest
from django.urls import reverse

from lianjian.org.tests.factories import UserFactory

from .factories import NotificationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_the_inbox_shows_the_users_notifications_in_chinese(client, alice):
    NotificationFactory(recipient=alice, subject="投诉受理期限即将届满")
    NotificationFactory(subject="别人的消息")
    page = client.get(reverse("notifications:inbox")).content.decode()
    assert "消息" in page
    assert "投诉受理期限即将届满" in page
    assert "期限提醒" in page
    assert "标为已读" in page
    assert "1 条未读" in page
    assert "别人的消息" not in page


def test_marking_read_without_javascript_redirects_back_to_the_inbox(client, alice):
    notification = NotificationFactory(recipient=alice)
    response = client.post(reverse("notifications:mark_read", args=[notification.pk]),
                           {"next": "/notifications/?page=1"})
    assert response.status_code == 302
    assert response["Location"] == "/notifications/?page=1"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_marking_read_with_htmx_returns_the_updated_row(client, alice):
    notification = NotificationFactory(recipient=alice)
    response = client.post(reverse("notifications:mark_read", args=[notification.pk]), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="notification-{notification.pk}"' in body
    assert "已读" in body


def test_an_external_next_address_is_ignored(client, alice):
    notification = NotificationFactory(recipient=alice)
    response = client.post(reverse("notifications:mark_read", args=[notification.pk]),
                           {"next": "https://evil.example/"})
    assert response["Location"] == reverse("notifications:inbox")


def test_someone_elses_notification_cannot_be_marked_read_through_the_page(client, alice):
    notification = NotificationFactory()
    assert client.post(reverse("notifications:mark_read", args=[notification.pk])).status_code == 404


def test_mark_all_read_from_the_page(client, alice):
    NotificationFactory.create_batch(2, recipient=alice)
    response = client.post(reverse("notifications:mark_all_read"), follow=True)
    assert "已将 2 条消息标为已读" in response.content.decode()


def test_the_inbox_is_paginated_at_fifty(client, alice):
    NotificationFactory.create_batch(51, recipient=alice)
    page = client.get(reverse("notifications:inbox")).content.decode()
    assert page.count('class="unread"') == 50
    assert "第 1 / 2 页" in page


def test_the_api_lists_only_the_callers_notifications_and_marks_them_read(client, alice):
    mine = NotificationFactory(recipient=alice)
    NotificationFactory()
    listing = client.get("/api/v1/notifications/").json()
    assert [row["id"] for row in listing["results"]] == [mine.pk]
    assert client.get("/api/v1/notifications/unread-count/").json() == {"unread": 1}
    response = client.post(f"/api/v1/notifications/{mine.pk}/read/")
    assert response.status_code == 200
    assert response.json()["read_at"] is not None


def test_the_api_hides_someone_elses_notification(client, alice):
    other = NotificationFactory()
    assert client.post(f"/api/v1/notifications/{other.pk}/read/").status_code == 404


def test_the_api_marks_all_read(client, alice):
    NotificationFactory.create_batch(3, recipient=alice)
    assert client.post("/api/v1/notifications/read-all/").json() == {"marked_read": 3}
