import io

import openpyxl
import pytest
from django.urls import reverse

from lianjian.org.demo import build_demo
from lianjian.org.models import RoleCode, UnitType, User
from lianjian.org.tests.factories import UnitFactory, actor, city
from lianjian.synthetic.demo import build_demo_market

pytestmark = pytest.mark.django_db


@pytest.fixture
def market(db):
    """The demo city with a generated market of 60 lots."""
    build_demo()
    build_demo_market(lots=60)


@pytest.fixture
def office(market):
    return User.objects.filter(unit__type=UnitType.LEAD_OFFICE, roles__code=RoleCode.OFFICE_STAFF,
                               unit__region__code="330100").first()


def test_every_board_renders_its_charts_with_data_tables_from_the_generated_market(client, office):
    client.force_login(office)
    for slug in ("price", "market", "efficiency", "supervision"):
        response = client.get(reverse("dashboards:board", args=[slug]))
        page = response.content.decode()
        assert response.status_code == 200 and 'id="dashboard-data"' in page and page.count("<table>") >= 3
    charts = client.get(reverse("dashboards:board", args=["price"])).context["charts"]
    month = charts[0]
    assert month.rows and all(row["ratio"] > 0 for row in month.rows if row["ratio"] is not None)
    chart = client.get(reverse("dashboards:board", args=["market"])).context["charts"][0]
    assert chart.rows and all(0 < row["hhi"] <= 10000 and 0 < row["cr4"] <= 1.0001 for row in chart.rows)
    response = client.get(reverse("dashboards:board", args=["market"]), {"export": "market_concentration"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:2] == ["行业领域", "赫芬达尔指数 HHI"] and sheet.max_row > 1


def test_an_officer_of_another_city_sees_none_of_these_lots(client, market):
    nb_office = actor(UnitFactory(type=UnitType.LEAD_OFFICE, region=city("330200", "宁波市")),
                      RoleCode.OFFICE_STAFF)
    client.force_login(nb_office)
    chart = client.get(reverse("dashboards:board", args=["market"])).context["charts"][1]
    assert chart.rows == []


def test_a_year_out_of_range_is_explained(client, db):
    office = actor(UnitFactory(type=UnitType.LEAD_OFFICE, region=city()), RoleCode.OFFICE_STAFF)
    client.force_login(office)
    page = client.get(reverse("dashboards:board", args=["price"]), {"year": "1900"}).content.decode()
    assert 'role="alert"' in page and "开标年度" in page


def test_the_dashboards_need_a_login(client, db):
    assert client.get(reverse("dashboards:board", args=["price"])).status_code == 302
