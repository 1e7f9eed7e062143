import datetime
import io
import json

import openpyxl
import pytest
from django.urls import reverse

from lianjian.complaints.models import Complaint
from lianjian.portal import services
from lianjian.portal.models import Publication

from .factories import (
    FILER_ADDRESS,
    FILER_EMAIL,
    FILER_ID,
    FILER_NAME,
    FILER_PHONE,
    decided_complaint,
    received_complaint,
)

pytestmark = pytest.mark.django_db

CONFIDENTIAL = [FILER_NAME, FILER_PHONE, FILER_EMAIL, FILER_ID, FILER_ADDRESS]
PUBLIC_URLS = ["portal:home", "portal:search", "portal:feed_rss", "portal:feed_json"]


def _published(world):
    complaint = decided_complaint(world)
    return complaint, services.complaint_decision_publish(complaint=complaint, actor=world.housing)


def test_no_public_page_feed_or_api_ever_shows_the_filer_of_a_published_decision(client, world):
    complaint, publication = _published(world)
    masked = Complaint.objects.get(pk=complaint.pk)
    pages = [client.get(reverse(name)).content.decode() for name in PUBLIC_URLS]
    pages.append(client.get(reverse("portal:detail", args=[publication.pk])).content.decode())
    pages.append(client.get("/api/v1/portal/publications/").content.decode())
    pages.append(client.get(reverse("portal:search"), {"q": "重新评标"}).content.decode())
    for page in pages:
        assert "评标结果不公正" in page
        for secret in CONFIDENTIAL + [masked.submitter_masked, masked.contact_masked, masked.tracking_code]:
            assert secret not in page


def test_a_decision_still_being_handled_is_nowhere_on_the_public_site(client, world):
    draft = received_complaint(world, title="尚在办理的投诉")
    _published(world)
    for name in PUBLIC_URLS:
        assert draft.title not in client.get(reverse(name)).content.decode()


def test_a_pending_or_withdrawn_record_has_no_public_page(client, world):
    _, publication = _published(world)
    services.disclosure_withdraw(publication=publication, reason="误发", actor=world.housing)
    assert client.get(reverse("portal:detail", args=[publication.pk])).status_code == 404
    assert client.get(f"/api/v1/portal/publications/{publication.pk}/").status_code == 404
    assert "评标结果不公正" not in client.get(reverse("portal:feed_rss")).content.decode()


def test_search_filters_by_category_region_and_date(client, world):
    _, publication = _published(world)
    found = client.get(reverse("portal:search"), {"category": "complaint_decision", "region": "330100"})
    assert publication.title in found.content.decode()
    assert publication.title not in client.get(reverse("portal:search"), {"category": "credit"}).content.decode()
    future = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    assert publication.title not in client.get(reverse("portal:search"), {"since": future}).content.decode()


def test_a_reversed_date_range_is_explained_next_to_the_field(client, world):
    response = client.get(reverse("portal:search"), {"since": "2025-10-10", "until": "2025-10-01"})
    assert "结束日期不能早于开始日期" in response.content.decode() and 'role="alert"' in response.content.decode()


def test_the_json_feed_and_rss_list_the_published_record(client, world):
    _, publication = _published(world)
    feed = json.loads(client.get(reverse("portal:feed_json")).content)
    assert feed["version"].endswith("1.1") and feed["items"][0]["title"] == publication.title
    rss = client.get(reverse("portal:feed_rss"))
    assert rss["Content-Type"].startswith("application/rss+xml") and publication.title in rss.content.decode()


def test_the_catalog_page_shows_each_items_unit_time_limit_and_channel(client, db):
    page = client.get(reverse("portal:catalog")).content.decode()
    assert "“双随机、一公开”抽查结果" in page and "联动执法工作结束后 10 个工作日内" in page and "曝光台" in page


def test_the_officer_sees_overdue_disclosures_of_the_region_and_exports_them(client, world):
    complaint = decided_complaint(world)
    services.disclosure_require(item="complaint_decision", source_object=complaint,
                                formed_on=datetime.date(2025, 1, 6), title="逾期的投诉处理决定", actor=world.housing)
    client.force_login(world.office)
    assert "逾期的投诉处理决定" in client.get(reverse("portal:overdue")).content.decode()
    export = client.get(reverse("portal:overdue"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    assert sheet["A2"].value == "逾期的投诉处理决定"
    client.force_login(world.nb_office)
    assert "逾期的投诉处理决定" not in client.get(reverse("portal:overdue")).content.decode()


def test_the_records_page_lists_who_published_what_and_requires_login(client, world):
    _, publication = _published(world)
    assert client.get(reverse("portal:records")).status_code == 302
    client.force_login(world.housing)
    page = client.get(reverse("portal:records"), {"state": "published"}).content.decode()
    assert publication.title in page and "住建干部甲" in page
    assert Publication.objects.count() == 1
