"""User journeys through the one window and the officers' pages, in headless Chromium."""

import re

import pytest

from lianjian.conftest import login
from lianjian.experts.tests.factories import credit_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "Lianjian-Test-2026"


def _tracking_code(page):
    return page.locator("#tracking-code").inner_text().strip()


def _track(page, code):
    page.goto("/complaints/public/track/")
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询").click()


def test_a_citizen_reports_anonymously_and_follows_the_report_with_the_tracking_code(page, world):
    page.goto("/complaints/public/submit/")
    page.get_by_label("类别").select_option(label="举报")
    page.get_by_label("匿名举报").check()
    page.get_by_label("事项标题").fill("举报某标段围标串标")
    page.get_by_label("事项所在行政区划").select_option(label="杭州市")
    page.get_by_label("标段（包）编号").fill(world.lot.code)
    page.get_by_label("基本事实").fill("三家投标人的投标报价呈规律性差异。")
    page.get_by_label("线索和证明材料说明").fill("开标记录表。")
    page.get_by_role("button", name="提交").click()
    page.get_by_role("heading", name="提交成功").wait_for()
    code = _tracking_code(page)
    assert re.fullmatch(r"[A-Z2-9]{12}", code)

    _track(page, code)
    result = page.locator("section.card")
    assert "举报某标段围标串标" in result.inner_text()
    assert "待受理" in result.inner_text() and "杭州市住房和城乡建设局" in result.inner_text()


def test_an_incomplete_complaint_is_refused_with_each_missing_element_named(page, world):
    page.goto("/complaints/public/submit/")
    page.get_by_label("类别").select_option(label="投诉（工程建设等）")
    page.get_by_label("事项标题").fill("评标结果不公正")
    page.get_by_label("事项所在行政区划").select_option(label="杭州市")
    page.get_by_label("投诉（举报）人姓名或名称").fill("杭州某建设有限公司")
    page.get_by_label("基本事实").fill("评标打分畸高。")
    page.get_by_role("button", name="提交").click()
    summary = page.get_by_role("alert").first.inner_text()
    for missing in ("投诉人的地址", "投诉人的有效联系方式", "被投诉人的名称", "相关请求及主张", "有效线索和相关证明材料", "投诉人签字"):
        assert f"缺少要件：{missing}" in summary
    assert page.get_by_label("事项标题").input_value() == "评标结果不公正"


def test_an_officer_accepts_decides_and_replies_and_the_complainant_reads_the_reply(page, world):
    page.goto("/complaints/public/submit/")
    page.get_by_label("类别").select_option(label="投诉（工程建设等）")
    page.get_by_label("事项标题").fill("中标候选人业绩造假")
    page.get_by_label("事项所在行政区划").select_option(label="杭州市")
    page.get_by_label("标段（包）编号").fill(world.lot.code)
    page.get_by_label("投诉（举报）人姓名或名称").fill("王五")
    page.get_by_label("投诉（举报）人地址").fill("杭州市西湖区文三路1号")
    page.get_by_label("联系电话").fill("13700001111")
    page.get_by_label("被投诉（举报）人名称").fill("杭州某建设有限公司")
    page.get_by_label("被投诉人统一社会信用代码").fill(credit_code())
    page.get_by_label("被投诉人地址").fill("杭州市滨江区")
    page.get_by_label("被投诉人联系方式").fill("0571-86000000")
    page.get_by_label("基本事实").fill("第一中标候选人提交的业绩合同系伪造。")
    page.get_by_label("投诉请求").fill("请求取消其中标候选人资格。")
    page.get_by_label("线索和证明材料说明").fill("业主单位出具的证明。")
    page.get_by_label("本人承诺所述属实").check()
    page.get_by_role("button", name="提交").click()
    code = _tracking_code(page)

    login(page, "zjj", PASSWORD)
    page.goto("/complaints/")
    page.get_by_role("link", name=code).click()
    assert "王*" in page.content() and "13700001111" not in page.content()
    page.locator("summary", has_text="受理").first.click()
    page.get_by_label("引用权责清单事项").select_option(index=1)
    page.get_by_role("button", name="受理", exact=True).click()
    page.get_by_text("已受理").first.wait_for()

    page.get_by_role("button", name="查看投诉举报人身份信息").click()
    assert "13700001111" in page.locator("#identity").inner_text()

    page.locator("summary", has_text="作出处理决定").click()
    page.get_by_label("处理结果").select_option(label="投诉（举报）事项成立")
    page.get_by_label("处理决定").fill("取消第一中标候选人资格，责令招标人依法重新确定中标人。")
    page.get_by_label("法律依据").fill("《中华人民共和国招标投标法实施条例》第六十一条")
    page.get_by_role("button", name="作出处理决定").click()
    page.get_by_text("已作出处理决定").first.wait_for()

    page.locator("summary", has_text="答复投诉举报人").click()
    page.get_by_label("答复内容").fill("经查，投诉事项成立，已取消其中标候选人资格。")
    page.get_by_role("button", name="答复投诉举报人").click()
    page.get_by_text("已答复办结").first.wait_for()

    _track(page, code)
    result = page.locator("section.card").inner_text()
    assert "已答复办结" in result and "经查，投诉事项成立，已取消其中标候选人资格。" in result
