"""The journey an alert takes through the browser: clue → joint verification → case → penalty decision with its
Word document → transfer with receipt."""

import datetime

import pytest
from django.utils import timezone

from lianjian.cases.models import Case, ClueSource, Transfer, TransferState
from lianjian.cases.services import clue_register
from lianjian.conftest import login

from .factories import City, benchmark, lot_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "Lianjian-Test-2026"


def _as(page, person):
    page.context.clear_cookies()
    login(page, person.username, PASSWORD)


def test_an_alert_becomes_a_clue_a_verified_case_a_penalty_decision_and_a_received_transfer(page):
    place = City()
    lot = lot_in(place)
    # The monitoring app confirms an alert by calling clue_register with the lot, exactly as here.
    clue = clue_register(source=ClueSource.MONITORING, source_object=lot, title="三家投标人 MAC 地址相同",
                         description="投标文件制作机器码雷同", unit=place.office, actor=place.office_staff, lot=lot)

    _as(page, place.office_staff)
    page.goto("/cases/")
    page.get_by_role("link", name="三家投标人 MAC 地址相同").click()
    page.get_by_label(place.housing.name, exact=True).check()
    page.get_by_label(place.water.name, exact=True).check()
    page.get_by_label("核查要求", exact=True).fill("核查投标文件制作机器码")
    page.get_by_role("button", name="交办联合核查").click()
    page.get_by_text("已组织联合核查").wait_for()

    _as(page, place.housing_officer)
    page.goto(clue.get_absolute_url())
    page.get_by_label("核查情况", exact=True).fill("三家投标文件由同一台电脑制作，串通投标属实")
    page.get_by_role("button", name="报告核查情况").click()
    page.get_by_text("核查情况已报告").wait_for()

    _as(page, place.office_staff)
    page.goto(clue.get_absolute_url())
    page.get_by_label("核查结论", exact=True).select_option("violation")
    page.get_by_label("承办单位", exact=True).select_option(str(place.housing.pk))
    page.get_by_label("结论理由", exact=True).fill("串通投标属实，由住建局立案查处")
    page.get_by_role("button", name="作出结论").click()
    page.get_by_text("核查结论已作出").wait_for()

    _as(page, place.housing_officer)
    page.goto(clue.get_absolute_url())
    page.get_by_role("link", name="立案查处").click()
    page.check(f"input[name=handlers][value='{place.housing_officer.pk}']")
    page.check(f"input[name=handlers][value='{place.housing_officer2.pk}']")
    today = timezone.localdate()
    page.get_by_label("立案日期", exact=True).fill(f"{today - datetime.timedelta(days=30):%Y-%m-%d}")
    page.get_by_role("button", name="立案").click()
    page.get_by_text("已立案").first.wait_for()
    case = Case.objects.get()
    page.get_by_role("button", name="开始调查").click()
    page.get_by_label("告知日期", exact=True).fill(f"{today - datetime.timedelta(days=20):%Y-%m-%d}")
    page.get_by_label("调查终结报告", exact=True).fill("违法事实清楚，拟处罚款")
    page.get_by_role("button", name="事先告知").click()
    page.get_by_text("已事先告知当事人").wait_for()

    _as(page, place.housing_head)
    page.goto(case.get_absolute_url())
    page.get_by_label("决定书文号", exact=True).fill("杭建罚〔2026〕8号")
    page.get_by_label("裁量基准", exact=True).select_option(str(benchmark().pk))
    page.get_by_label("计罚基数（元）", exact=True).fill("1000000")
    page.get_by_label("罚款金额（元）", exact=True).fill("7000")
    page.get_by_label("理由和依据", exact=True).fill("违反招标投标法第三十二条")
    page.get_by_role("button", name="作出决定").click()
    page.get_by_role("alert").or_(page.locator(".messages")).first.wait_for()
    assert "权责清单" in page.locator(".messages").inner_text()  # no power item cited: refused
    page.get_by_label("权责清单事项", exact=True).select_option(str(place.penalty_item.pk))
    page.get_by_label("决定书文号", exact=True).fill("杭建罚〔2026〕8号")
    page.get_by_label("裁量基准", exact=True).select_option(str(benchmark().pk))
    page.get_by_label("计罚基数（元）", exact=True).fill("1000000")
    page.get_by_label("罚款金额（元）", exact=True).fill("7000")
    page.get_by_label("理由和依据", exact=True).fill("违反招标投标法第三十二条")
    page.get_by_role("button", name="作出决定").click()
    page.get_by_text("已作出决定").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="下载决定书（Word）").click()
    assert download.value.suggested_filename == "杭建罚〔2026〕8号.docx"
    page.get_by_role("button", name="登记送达").click()
    page.get_by_text("已送达").first.wait_for()

    page.goto(f"/cases/transfers/new/?case={case.pk}")
    page.get_by_label("类型", exact=True).select_option("transfer")
    page.get_by_label("接收单位", exact=True).select_option(str(place.water.pk))
    page.get_by_label("移送（协助）事项及理由", exact=True).fill("涉及水利工程标段，请依法查处")
    page.get_by_label("材料清单", exact=True).fill("移送函,1,2\n调查笔录,1,10")
    page.get_by_role("button", name="保存").click()
    page.get_by_role("button", name="发送").click()
    page.get_by_text("已发送").first.wait_for()
    transfer = Transfer.objects.get()

    _as(page, place.water_officer)
    page.goto("/cases/transfers/?direction=in")
    page.get_by_role("link", name=transfer.title).click()
    page.get_by_role("button", name="签收").click()
    page.get_by_text("下载回执（Word）").wait_for()
    page.get_by_role("button", name="受理并回告").click()
    page.get_by_text("已受理并回告").wait_for()
    transfer.refresh_from_db()
    assert transfer.state == TransferState.ACCEPTED and transfer.received_by == place.water_officer
