"""Credit journeys in the browser: a penalty lowers the class; a blacklisted bidder in a new lot is caught and its
supervisor told; repair removes the listing, stops the measures and takes it off the public exposure board."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from lianjian.conftest import login

from .factories import BidFactory, LotFactory, blacklist

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Lianjian-Test-2026"


def test_an_officer_records_two_penalties_and_the_entity_drops_from_class_a_to_c(page, world):
    entity = world.bidders[0]
    login(page, "zjj", PASSWORD)
    page.goto("/credit/")
    page.get_by_label("名称或统一社会信用代码").fill(entity.credit_code)
    page.get_by_role("button", name="查询").click()
    page.get_by_role("link", name=entity.name).click()
    assert page.locator("#credit-class").inner_text().strip() == "A"

    for kind, number in (("串通投标（-20.0）", "杭建罚〔2025〕31号"), ("以他人名义投标或弄虚作假骗取中标（-20.0）", "杭建罚〔2025〕32号")):
        page.get_by_label("记分事项").select_option(label=kind)
        page.get_by_label("信息来源").select_option(label="行政处罚决定")
        page.get_by_label("文书编号").fill(number)
        page.get_by_label("失信（守信）事实").fill("在某标段中串通投标")
        page.get_by_role("button", name="记录并计分").click()
        page.wait_for_load_state()
    assert page.get_by_text("信用等级 B → C").is_visible()
    assert Decimal(page.locator("#credit-score").inner_text().strip()) == 60
    assert page.locator("#credit-class").inner_text().strip() == "C"


def test_a_blacklisted_bidder_in_a_new_lot_is_caught_and_the_supervising_unit_is_told(page, world):
    listed = world.bidders[1]
    login(page, "office", PASSWORD)
    page.goto("/credit/lists/new/")
    page.get_by_label("统一社会信用代码").fill(listed.credit_code)
    page.get_by_label("认定依据").fill("招标投标法实施条例 第67条")
    page.get_by_label("认定文书编号").fill("杭公管信〔2025〕5号")
    page.get_by_label("失信（守信）事实").fill("三年内两次串通投标")
    page.get_by_label("期满日期").fill((timezone.localdate() + datetime.timedelta(days=365)).isoformat())
    page.get_by_role("button", name="列入").click()
    page.wait_for_load_state()
    assert page.get_by_text("已列入严重失信主体名单").is_visible()

    new_lot = LotFactory(supervising_unit=world.units.housing, region=world.city, name="新建学校施工")
    BidFactory(lot=new_lot, bidder=listed)
    page.context.clear_cookies()
    login(page, "centre", PASSWORD)
    page.goto("/credit/measures/")
    page.get_by_label("标段（包）编号").first.fill(new_lot.code)
    page.get_by_role("button", name="核查投标人、中标人、代理机构和评标专家").click()
    page.wait_for_load_state()
    assert page.get_by_text("发现 1 项惩戒措施命中").is_visible()
    hits = page.locator("section", has=page.get_by_role("heading", name="惩戒命中")).inner_text()
    assert listed.name in hits and "依法限制参与工程建设项目招标投标活动" in hits

    page.context.clear_cookies()
    login(page, "zjj", PASSWORD)
    page.goto("/notifications/")
    assert page.get_by_text(f"标段 {new_lot.code} 发现严重失信主体").is_visible()


def test_repair_removes_the_listing_stops_the_measures_and_clears_the_exposure_board(page, world):
    entity = world.bidders[0]
    entry = blacklist(world.housing, entity=entity, starts_on=timezone.localdate() - datetime.timedelta(days=125))

    page.goto("/credit/exposure/")
    page.get_by_label("名称或统一社会信用代码").fill(entity.name)
    page.get_by_role("button", name="查询").click()
    board = page.locator("main").inner_text()
    assert entity.name in board and "三年内两次串通投标" in board
    assert "举报人" not in board and "13800000000" not in board  # the internal note is never published

    login(page, "zjj", PASSWORD)
    page.goto(f"/credit/lists/{entry.pk}/")
    page.locator("#id_applicant").fill(entity.name)  # "申请人" is also the start of the contact field's label
    page.get_by_label("申请人联系方式").fill("0571-88880000")
    page.get_by_label("修复理由（整改情况）").fill("已完成整改并公开作出信用承诺")
    page.get_by_label("已作出信用承诺").check()
    page.get_by_role("button", name="登记修复申请").click()
    page.wait_for_load_state()
    page.get_by_label("受理审核：意见").fill("材料齐全")
    page.get_by_role("button", name="受理审核").click()
    page.wait_for_load_state()
    assert page.get_by_text("审核中").first.is_visible()

    page.context.clear_cookies()
    login(page, "zjj_head", PASSWORD)
    page.goto("/credit/repairs/")
    page.get_by_role("link", name=entity.name).click()
    page.get_by_label("准予修复：意见").fill("同意修复")
    page.get_by_role("button", name="准予修复").click()
    page.wait_for_load_state()
    assert page.get_by_text("已办理：准予修复").is_visible()

    page.goto(f"/credit/lists/{entry.pk}/")
    measures = page.locator("section", has=page.get_by_role("heading", name="惩戒措施")).inner_text()
    assert "实施中" not in measures and measures.count("已停止") == 8

    page.context.clear_cookies()
    page.goto(f"/credit/exposure/?q={entity.credit_code}")
    assert entity.name not in page.locator("main").inner_text()
