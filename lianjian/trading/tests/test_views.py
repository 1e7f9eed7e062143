import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from lianjian.trading.archive import _sections, register_archive_section
from lianjian.trading.models import ImportRun, ImportStatus, Lot
from lianjian.trading.services import trading_import

from .factories import BIDDERS, centre_staff, lead_staff, officer, sample_rows, write_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(market, tmp_path):
    trading_import(paths=[write_csv(tmp_path / "sample.csv", sample_rows())], actor=None)
    return Lot.objects.get(code="E3301062025001001")


def _login(client, user):
    client.force_login(user)
    return client


def test_the_archive_page_shows_the_whole_life_of_a_lot_in_chinese(client, market, imported):
    html = _login(client, officer(market["supervisor"])).get(
        reverse("trading:lot_detail", args=[imported.pk])).content.decode()
    for text in ("一项目一档案", "时间线", "发布招标公告", "开标", "评标开始", "中标候选人公示", "发出中标通知书",
                 "签订合同", "合同变更", "增加附属工程", "投标与开标记录", "BFEBFBFF000906EA", "00:1A:2B:3C:4D:00",
                 "项目经理0", "622200000000", "杭州甲建设有限公司", "远程异地评标", "宁波市公共资源交易中心",
                 "合同/履约"):
        assert text in html, text


def test_an_officer_of_another_city_cannot_see_the_lot(client, market, imported):
    client = _login(client, officer(market["ningbo_supervisor"]))
    assert client.get(reverse("trading:lot_detail", args=[imported.pk])).status_code == 404
    assert imported.code not in client.get(reverse("trading:lot_list")).content.decode()


@pytest.mark.parametrize("who", ["supervisor", "lead", "centre"])
def test_the_supervising_unit_the_lead_office_and_the_trading_centre_of_the_region_see_the_lot(client, market,
                                                                                              imported, who):
    user = {"supervisor": officer, "lead": lead_staff, "centre": centre_staff}[who](market[who])
    response = _login(client, user).get(reverse("trading:lot_list"), {"q": "杭州乙"})
    assert imported.code in response.content.decode()


def test_the_ningbo_lead_office_does_not_see_hangzhou_lots(client, market, imported):
    response = _login(client, lead_staff(market["ningbo_lead"])).get(reverse("trading:lot_list"))
    assert imported.code not in response.content.decode()


def test_the_lot_list_filters_by_stage_and_exports(client, market, imported):
    client = _login(client, officer(market["supervisor"]))
    html = client.get(reverse("trading:lot_list"), {"stage": "evaluation"}).content.decode()
    assert "E3301062025001002" in html and "E3301062025001001" not in html
    workbook = load_workbook(io.BytesIO(client.get(reverse("trading:lot_list"), {"export": "xlsx"}).content))
    assert workbook.active.max_row == 3
    csv_text = b"".join(client.get(reverse("trading:lot_list"), {"export": "csv"}).streaming_content).decode("utf-8-sig")
    assert csv_text.startswith("PROJECT_CODE,")
    package = b"".join(client.get(reverse("trading:lot_list"), {"export": "ocds"}).streaming_content).decode()
    assert '"ocid": "E3301062025001"' in package


def test_the_entity_page_lists_bids_and_wins(client, market, imported):
    html = _login(client, officer(market["supervisor"])).get(
        reverse("trading:entity_detail", args=[BIDDERS[0]])).content.decode()
    assert "杭州甲建设有限公司" in html and "E3301062025001001" in html and "中标" in html and "项目经理0" in html


def test_other_modules_add_sections_to_the_archive_page(client, market, imported, settings, tmp_path):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "section.html").write_text("<p>{{ data.note }}</p>", encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "tpl"]}]
    register_archive_section("test", label="测试模块", template="section.html",
                             context=lambda lot, actor: {"note": f"关于 {lot.code}"})
    try:
        html = _login(client, officer(market["supervisor"])).get(
            reverse("trading:lot_detail", args=[imported.pk])).content.decode()
    finally:
        _sections.pop("test")
    assert "测试模块" in html and f"关于 {imported.code}" in html


def test_trading_centre_staff_upload_a_file_and_follow_the_import(client, market, tmp_path,
                                                                   django_capture_on_commit_callbacks):
    client = _login(client, centre_staff(market["centre"]))
    assert client.get(reverse("trading:import")).status_code == 200
    upload = SimpleUploadedFile("sample.csv", write_csv(tmp_path / "s.csv", sample_rows()).read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("trading:import"), {"files": [upload]})
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("trading:import_detail", args=[run.pk])
    assert run.status == ImportStatus.SUCCEEDED and run.job_id
    assert Lot.objects.count() == 2
    html = client.get(response["Location"]).content.decode()
    assert reverse("jobs:progress", args=[run.job_id]) in html and "已完成" in html


def test_a_bad_upload_offers_the_error_report(client, market, tmp_path, django_capture_on_commit_callbacks):
    rows = sample_rows()
    rows[0]["BIDDER_ORG_CODE"] = "123"
    client = _login(client, centre_staff(market["centre"]))
    upload = SimpleUploadedFile("bad.csv", write_csv(tmp_path / "b.csv", rows).read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("trading:import"), {"files": [upload]})
    run = ImportRun.objects.get()
    assert run.status == ImportStatus.REJECTED and not Lot.objects.exists()
    report = client.get(reverse("trading:import_errors", args=[run.pk]))
    sheet = load_workbook(io.BytesIO(report.content)).active
    assert [c.value for c in sheet[2]] == ["bad.csv", 2, "BIDDER_ORG_CODE", "123", "统一社会信用代码应为 18 位（现为 3 位）"]


def test_an_industry_officer_may_not_import(client, market):
    assert _login(client, officer(market["supervisor"])).get(reverse("trading:import")).status_code == 403


def test_the_catalog_page_lists_thresholds_and_checks(client, market, imported):
    html = _login(client, lead_staff(market["lead"])).get(reverse("trading:catalog")).content.decode()
    assert "应进未进" in html and "化整为零" in html and "4000000.00" in html
