"""The dashboards in headless Chromium: charts drawn from the generated demo market, a table exported to Excel."""

import pytest

from lianjian.conftest import login
from lianjian.org.demo import build_demo
from lianjian.org.models import RoleCode, UnitType, User
from lianjian.synthetic.demo import build_demo_market

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Lianjian-Test-2026"


def test_an_office_officer_reads_the_market_board_and_exports_a_chart_table(page):
    build_demo()
    build_demo_market(lots=60)
    officer = User.objects.filter(unit__type=UnitType.LEAD_OFFICE, roles__code=RoleCode.OFFICE_STAFF,
                                  unit__region__code="330100").first()
    officer.set_password(PASSWORD)
    officer.save()
    login(page, officer.username, PASSWORD)
    page.goto("/dashboards/market/")
    page.wait_for_selector("#chart-market_concentration[data-rendered='true']")
    assert page.get_by_role("heading", name="各行业领域市场集中度（按中标金额）").is_visible()
    with page.expect_download() as download:
        page.locator("#market_concentration-heading ~ .table-scroll").get_by_role("link", name="导出 Excel").click()
    assert download.value.suggested_filename == "market_concentration.xlsx"
