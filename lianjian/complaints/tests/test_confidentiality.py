"""The filer's identity is read only by the assigned officers of the handling unit; everywhere else it is masked."""

import io
import json

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from rest_framework.test import APIClient

from lianjian.audit.models import AuditEntry
from lianjian.complaints import services
from lianjian.complaints.models import ComplaintIdentity
from lianjian.core import permissions
from lianjian.core.permissions import AccessDenied
from lianjian.notifications.models import Notification
from lianjian.org.tests.factories import UserFactory

from .factories import submit

pytestmark = pytest.mark.django_db

NAME, PHONE, EMAIL = "张三丰", "13912345678", "zhang@example.com"


@pytest.fixture
def accepted(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = submit(world.city, lot=world.lot)
    return services.complaint_accept(complaint=complaint, power_item=world.items["housing"], actor=world.housing)


def _leaks(text):
    return [secret for secret in (NAME, PHONE, EMAIL) if secret in text]


def test_the_assigned_officer_reads_the_identity_and_the_reading_is_logged_without_it(world, accepted):
    identity = services.complaint_identity_reveal(complaint=accepted, actor=world.housing, shown_in="page")
    assert identity.name == NAME and identity.phone == PHONE
    entry = AuditEntry.objects.get(action="complaint.identity_reveal")
    assert entry.actor == world.housing and entry.detail == {"shown_in": "page", "anonymous": False}


@pytest.mark.parametrize("who", ["housing2", "transport", "office", "jiwei", "nb_housing"])
def test_nobody_but_the_assigned_officer_can_read_the_identity(world, accepted, who):
    with pytest.raises(AccessDenied):
        services.complaint_identity_reveal(complaint=accepted, actor=getattr(world, who), shown_in="page")
    assert not permissions.scope(getattr(world, who), "view", ComplaintIdentity.objects.all()).exists()


def test_not_even_a_superuser_reads_the_identity(world, accepted):
    root = UserFactory(is_superuser=True, unit=world.units.office)
    with pytest.raises(AccessDenied):
        services.complaint_identity_reveal(complaint=accepted, actor=root, shown_in="page")


def test_the_audit_log_and_notifications_never_hold_the_identity(world, accepted):
    services.complaint_identity_reveal(complaint=accepted, actor=world.housing, shown_in="page")
    audit_text = json.dumps([[e.object_repr, e.before, e.after, e.detail] for e in AuditEntry.objects.all()],
                            ensure_ascii=False)
    assert _leaks(audit_text) == []
    notices = Notification.objects.filter(category="complaint")
    assert notices.exists() and _leaks(" ".join(n.subject + n.body for n in notices)) == []


def test_the_list_the_detail_page_and_the_export_show_the_masked_filer_to_others(client, world, accepted):
    client.force_login(world.office)
    listing = client.get(reverse("complaints:list")).content.decode()
    assert accepted.tracking_code in listing and "张*丰" in listing and _leaks(listing) == []
    detail = client.get(reverse("complaints:detail", args=[accepted.pk])).content.decode()
    assert "139****5678" in detail and _leaks(detail) == [] and "查看投诉举报人身份信息" not in detail
    assert client.post(reverse("complaints:identity", args=[accepted.pk])).status_code == 403
    sheet = load_workbook(io.BytesIO(client.get(reverse("complaints:export")).content)).active
    cells = " ".join(str(c.value) for row in sheet.iter_rows() for c in row)
    assert "张*丰" in cells and _leaks(cells) == []


def test_the_assigned_officer_sees_the_identity_only_after_asking_for_it(client, world, accepted):
    client.force_login(world.housing)
    page = client.get(reverse("complaints:detail", args=[accepted.pk])).content.decode()
    assert _leaks(page) == [] and "查看投诉举报人身份信息" in page
    revealed = client.post(reverse("complaints:identity", args=[accepted.pk])).content.decode()
    assert NAME in revealed and PHONE in revealed


def test_the_api_serves_only_the_masked_filer(world, accepted):
    api = APIClient()
    api.force_authenticate(world.housing)
    body = api.get(f"/api/v1/complaints/complaints/{accepted.pk}/").content.decode()
    assert "张*丰" in body and _leaks(body) == []


def test_the_acceptance_notice_is_addressed_to_the_filer_and_printing_it_is_logged(client, world, accepted):
    client.force_login(world.housing)
    response = client.get(reverse("complaints:document", args=[accepted.pk, "acceptance"]))
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "投诉受理通知书" in text and f"{NAME}：" in text and accepted.tracking_code in text
    assert AuditEntry.objects.filter(action="complaint.identity_reveal",
                                     detail={"shown_in": "document:acceptance", "anonymous": False}).exists()
    client.force_login(world.housing2)
    assert client.get(reverse("complaints:document", args=[accepted.pk, "acceptance"])).status_code == 403
