"""The warning loop as officers use it: an alert nobody was found competent for is dispatched by the office, the
bureau confirms it, and it becomes a clue."""

import pytest

from lianjian.cases.models import Clue
from lianjian.conftest import login
from lianjian.monitoring.models import Alert, AlertState
from lianjian.monitoring.services import alert_ingest

from .factories import LotFactory, mac_finding

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "Lianjian-Test-2026"


def test_an_alert_is_dispatched_by_the_office_confirmed_by_the_bureau_and_becomes_a_clue(page, world):
    lot = LotFactory(region=world.city, name="杭州市滨江区学校新建工程施工")
    alert_ingest(findings=[mac_finding(lot, world.bidders)], source="screen run")

    login(page, "office", PASSWORD)
    page.get_by_role("link", name="风险预警", exact=True).click()
    page.get_by_role("link", name="C40-MAC").first.click()
    assert page.get_by_text("待分办").first.is_visible()
    page.get_by_label("承办单位").select_option(label="杭州市住房和城乡建设局")
    page.get_by_role("button", name="分办").click()
    assert page.get_by_text("已分办").is_visible()
    page.get_by_role("button", name="退出").click()

    login(page, "zjj", PASSWORD)
    page.get_by_role("link", name="风险预警", exact=True).click()
    page.get_by_role("link", name="C40-MAC").first.click()
    evidence = page.locator("td.marked")
    assert evidence.count() == 3 and evidence.first.inner_text() == "00:1A:2B:3C:4D:5E"
    assert page.get_by_role("columnheader", name="与上一报价差额（元）").is_visible()
    page.get_by_label("研判意见").fill("三家投标人投标文件由同一台电脑制作，涉嫌串通投标")
    page.get_by_role("button", name="确认并转线索").click()

    assert page.get_by_text("已确认预警并转为问题线索").is_visible()
    alert = Alert.objects.get()
    assert alert.state == AlertState.CONFIRMED
    clue = Clue.objects.get(source="monitoring")
    assert clue.unit == world.units.housing and clue.lot == lot
    assert page.get_by_role("link", name=str(clue)).is_visible()


def test_the_office_reads_the_market_overview_with_its_charts(page, world):
    alert_ingest(findings=[mac_finding(world.lot, world.bidders)], source="screen run")

    login(page, "office", PASSWORD)
    page.get_by_role("link", name="预警总览").click()

    assert page.get_by_role("heading", name="问题项目前十").is_visible()
    assert page.get_by_role("cell", name="杭州市").first.is_visible()
    page.locator("#chart-regions canvas").wait_for()
