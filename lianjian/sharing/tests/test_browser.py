"""Sharing journeys in the browser: the day's bid-opening log opened by the job, generated and submitted by the
centre, signed for by the office; a request for non-public information approved, delivered and acknowledged."""

import pytest

from lianjian.conftest import login
from lianjian.sharing.models import Exchange
from lianjian.sharing.services import exchanges_open_due

from .factories import OPENING_DAY, sharing_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "Lianjian-Test-2026"


def _as(page, username):
    page.context.clear_cookies()
    login(page, username, PASSWORD)


def test_the_bid_opening_log_is_opened_submitted_and_signed_for(page):
    world = sharing_world()
    exchanges_open_due(today=OPENING_DAY.replace(day=10))

    _as(page, "centre")
    page.goto("/sharing/")
    page.get_by_role("link", name="2025-10-09 开标项目工作日志").click()
    page.get_by_label("由系统按开标记录生成").check()
    page.get_by_role("button", name="报送", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("已报送，接收单位已收到通知").is_visible()
    assert page.get_by_text("钱塘江堤防加固一标段").is_visible()

    _as(page, "office")
    page.goto("/sharing/")
    page.get_by_role("link", name="2025-10-09 开标项目工作日志").click()
    page.get_by_role("button", name="签收").click()
    page.wait_for_load_state()
    assert page.get_by_text("已签收").first.is_visible()
    receipt = Exchange.objects.get(schedule__code="bid_opening_log").receipts.get()
    assert receipt.received_by == world.office


def test_a_request_is_approved_delivered_and_read_after_accepting_the_terms(page):
    sharing_world()

    _as(page, "zjj")
    page.goto("/sharing/requests/new/")
    page.get_by_label("信息持有单位").select_option(label="杭州市交通运输局")
    page.get_by_label("所需信息").fill("某公司交通工程中标记录")
    page.get_by_label("用途及依据").fill("查处串通投标案件")
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_load_state()
    request_url = page.url

    _as(page, "jtj_head")
    page.goto(request_url)
    page.get_by_label("保密要求").fill("仅限本案使用，不得转交")
    page.get_by_role("button", name="同意提供").click()
    page.wait_for_load_state()

    _as(page, "jtj")
    page.goto(request_url)
    page.get_by_label("提供的信息").fill("2023—2025 年中标 4 次")
    page.get_by_role("button", name="提供", exact=True).click()
    page.wait_for_load_state()

    _as(page, "zjj")
    page.goto(request_url)
    assert page.get_by_text("确认遵守保密要求后方可查看").is_visible()
    assert not page.get_by_text("2023—2025 年中标 4 次").is_visible()
    page.get_by_label("我单位承诺遵守上述保密要求").check()
    page.get_by_role("button", name="确认并查看").click()
    page.wait_for_load_state()
    assert page.get_by_text("2023—2025 年中标 4 次").is_visible()
    assert page.get_by_text("已确认保密要求").first.is_visible()
