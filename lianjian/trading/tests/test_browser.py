"""The trading centre's journey: upload a file, read what is wrong with it, upload the corrected file, open the lot's
archive."""

import pytest

from lianjian.conftest import login
from lianjian.org.models import RoleCode, UnitType
from lianjian.org.tests.factories import UnitFactory, actor, city, county

from .factories import sample_rows, write_csv

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def centre_officer(settings):
    settings.LIANJIAN_JOB_BACKEND = "inline"
    hz = city()
    county("330106", "西湖区")
    UnitFactory(name="杭州市住房和城乡建设局", region=hz)
    centre = UnitFactory(name="杭州市公共资源交易中心", type=UnitType.TRADING_CENTRE, region=hz)
    # The guest venue of the sample's remote evaluation.
    UnitFactory(name="宁波市公共资源交易中心", type=UnitType.TRADING_CENTRE, region=city("330200", "宁波市"))
    return actor(centre, RoleCode.CENTRE_STAFF, username="centre")


def _upload(page, path):
    page.goto("/trading/import/")
    page.get_by_label("数据文件").set_input_files(str(path))
    page.get_by_role("button", name="上传并导入").click()
    page.wait_for_load_state()


def test_a_bad_file_is_refused_with_its_row_and_column_and_the_corrected_file_builds_the_lot_archive(
        page, centre_officer, tmp_path):
    rows = sample_rows()
    bad = [dict(row) for row in rows]
    bad[2]["BID_PRICE"] = "五百万"
    login(page, "centre", "Lianjian-Test-2026")

    _upload(page, write_csv(tmp_path / "bad.csv", bad))
    status = page.locator("#import-status")
    assert status.get_by_text("有错误，未写入").first.is_visible()
    errors = status.locator("tbody tr")
    assert errors.count() == 1
    cells = errors.first.locator("td").all_inner_texts()
    assert cells[1:4] == ["4", "BID_PRICE", "五百万"]  # the header is row 1, the third bid row 4
    page.goto("/trading/")
    assert page.get_by_text("E3301062025001001").count() == 0

    _upload(page, write_csv(tmp_path / "good.csv", rows))
    assert page.locator("#import-status").get_by_text("已完成").first.is_visible()
    page.goto("/trading/")
    page.get_by_role("link", name="E3301062025001001").first.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="投标与开标记录（3）").is_visible()
    assert page.get_by_text("杭州甲建设有限公司").first.is_visible()
    assert page.get_by_role("heading", name="时间线").is_visible()
