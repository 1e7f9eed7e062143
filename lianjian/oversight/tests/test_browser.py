"""A discipline reader searches and exports in the browser, is refused every write, and their leader sees each
read in the log."""

import pytest

from lianjian.conftest import login

from .factories import oversight_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PASSWORD = "Lianjian-Test-2026"


def test_a_reader_searches_and_exports_cannot_write_and_the_unit_head_reviews_every_read(page):
    world = oversight_world()
    login(page, "jiwei", PASSWORD)

    page.goto("/oversight/")
    page.get_by_label("数据集").select_option(label="投标记录")
    page.get_by_label("关键词").fill("浙江围标嫌疑")
    page.get_by_role("button", name="查询").click()
    page.wait_for_load_state()
    results = page.locator("table").inner_text()
    assert results.count("浙江围标嫌疑建设有限公司") == 2 and "甬江" not in results
    with page.expect_download() as download:
        page.get_by_role("link", name="导出 Excel").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    page.get_by_role("link", name="查阅").first.click()
    page.wait_for_load_state()
    assert f"/trading/lots/{world.lot.pk}/" in page.url or f"/trading/lots/{world.other_lot.pk}/" in page.url

    refused = page.goto("/trading/import/")
    assert refused.status == 403

    page.context.clear_cookies()
    login(page, "jiwei_head", PASSWORD)
    page.goto("/oversight/log/")
    log = page.locator("table").inner_text()
    assert log.count("纪检干部甲") == 3
    assert "查询" in log and "导出" in log and "查阅档案" in log and "浙江围标嫌疑" in log
