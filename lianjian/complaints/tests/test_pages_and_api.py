import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from lianjian.complaints.models import Complaint, ComplaintState

from .factories import submit

pytestmark = pytest.mark.django_db


def test_the_public_pages_need_no_account(client):
    assert client.get(reverse("complaints:submit")).status_code == 200
    assert client.get(reverse("complaints:track")).status_code == 200
    assert client.get(reverse("complaints:list")).status_code == 302


def test_the_public_form_names_each_missing_element_and_stores_nothing(client, world):
    response = client.post(reverse("complaints:submit"), {"kind": "complaint", "title": "评标不公",
                                                           "region": world.city.pk, "facts": "评标专家打分异常"})
    page = response.content.decode()
    assert "缺少要件：投诉人的名称" in page and "缺少要件：被投诉人的地址" in page and "缺少要件：相关请求及主张" in page
    assert not Complaint.objects.exists()


def test_tracking_by_code_shows_the_state_and_a_wrong_code_is_told(client, world):
    complaint = submit(world.city, lot=world.lot)
    page = client.post(reverse("complaints:track"), {"code": complaint.tracking_code.lower()}).content.decode()
    assert "待受理" in page and "杭州市住房和城乡建设局" in page
    assert "没有找到该查询码" in client.post(reverse("complaints:track"), {"code": "ZZZZ"}).content.decode()


def test_an_officer_registers_a_phone_complaint_from_the_page(client, world):
    client.force_login(world.office)
    response = client.post(reverse("complaints:register"), {
        "channel": "phone", "received_at": "2025-10-13T09:30", "kind": "report", "anonymous": "on",
        "title": "电话举报围标", "region": world.city.pk, "facts": "多家投标人报价雷同", "evidence": "来电称有录音"})
    complaint = Complaint.objects.get()
    assert response.status_code == 302 and complaint.channel == "phone" and complaint.anonymous


def test_the_list_filters_by_state_and_searches_by_code(client, world):
    first, second = submit(world.city, lot=world.lot), submit(world.city, lot=world.lot, title="另一件")
    client.force_login(world.housing)
    page = client.get(reverse("complaints:list"), {"q": first.tracking_code}).content.decode()
    assert first.tracking_code in page and second.tracking_code not in page
    assert "另一件" not in client.get(reverse("complaints:list"), {"state": "accepted"}).content.decode()


def test_a_stale_action_on_the_page_is_reported_not_applied_twice(client, world):
    complaint = submit(world.city, lot=world.lot)
    client.force_login(world.housing)
    url = reverse("complaints:action", args=[complaint.pk, "accept"])
    assert client.post(url, {"power_item": world.items["housing"].pk}).status_code == 302
    response = client.post(url, {"power_item": world.items["housing"].pk}, follow=True)
    assert "不能执行“受理”" in response.content.decode()


def test_the_public_api_takes_a_submission_and_tracks_it(world):
    api = APIClient()
    created = api.post("/api/v1/complaints/public/submit/", {
        "kind": "report", "anonymous": True, "title": "举报", "region": world.city.code, "facts": "报价雷同",
        "evidence": "开标记录"}, format="multipart")
    assert created.status_code == 201
    tracked = api.post("/api/v1/complaints/public/track/", {"code": created.json()["tracking_code"]}, format="json")
    assert tracked.json()["state"] == ComplaintState.RECEIVED and tracked.json()["reply"] is None


def test_the_api_refuses_an_incomplete_public_complaint_naming_the_missing_elements(world):
    response = APIClient().post("/api/v1/complaints/public/submit/", {
        "kind": "complaint", "title": "投诉", "region": world.city.code, "facts": "不公"}, format="json")
    assert response.status_code == 400 and response.json()["requests"] == ["缺少要件：相关请求及主张"]


def test_the_api_refuses_another_units_officer_and_a_second_processing(world):
    complaint = submit(world.city, lot=world.lot)
    api = APIClient()
    api.force_authenticate(world.transport)
    url = f"/api/v1/complaints/complaints/{complaint.pk}/"
    assert api.post(url + "accept/", {"power_item": world.items["housing"].pk}).status_code == 404
    api.force_authenticate(world.housing)
    assert api.post(url + "accept/", {"power_item": world.items["housing"].pk}).json()["state"] == "accepted"
    second = api.post(url + "reject/", {"power_item": world.items["housing"].pk, "reasons": ["vague"]}, format="json")
    assert second.status_code == 400 and "不能执行“不予受理”" in second.json()["detail"][0]
