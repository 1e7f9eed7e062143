from decimal import Decimal

import pytest

from lianjian.org.models import Sector
from lianjian.org.tests.factories import UserFactory
from lianjian.trading.catalog import Catalog, split_purchases, untraded_projects
from lianjian.trading.models import CatalogItem
from lianjian.trading.services import trading_import

from .factories import BIDDERS, TENDERER, lead_staff, write_csv

pytestmark = pytest.mark.django_db


def _project(code, investment, *, approved="2025-01-10", category="works"):
    return {"PROJECT_CODE": code, "PROJECT_NAME": f"项目{code}", "APPROVAL_DATE": approved,
            "TOTAL_INVESTMENT": investment, "PROJECT_REGION_CODE": "330106", "INDUSTRIES_TYPE": "construction.housing",
            "PROJECT_CATEGORY": category}


def _lot(project, n, amount, *, category="A"):
    return {**project, "TENDER_PROJECT_CODE": f"T-{project['PROJECT_CODE']}", "TENDER_PROJECT_NAME": "招标",
            "TENDER_PROJECT_TYPE": "construction.housing", "TENDERER_CODE": TENDERER, "TENDERER_NAME": "某局",
            "BID_SECTION_CODE": f"T-{project['PROJECT_CODE']}-{n}", "BID_SECTION_NAME": f"标段{n}",
            "REGION_CODE": "330106", "TENDER_PROJECT_CLASSIFY_CODE": category, "TENDER_MODE": "直接发包",
            "CONTRACT_CODE": f"HT-{project['PROJECT_CODE']}-{n}", "CONTRACT_PRICE": amount,
            "CONTRACT_PARTY_CODE": BIDDERS[0], "CONTRACT_PARTY_NAME": "甲公司"}


@pytest.fixture
def reader(market):
    return lead_staff(market["lead"])


def test_the_national_thresholds_are_seeded_with_their_source():
    works = CatalogItem.objects.get(region=None, year=None, sector__code="construction", category="works")
    assert works.threshold == Decimal("4000000.00")
    assert "国家发展改革委令第16号" in works.legal_basis
    assert CatalogItem.objects.get(sector__code="construction", category="goods").threshold == Decimal("2000000")
    assert CatalogItem.objects.get(sector__code="construction", category="services").threshold == Decimal("1000000")


def test_the_most_specific_catalog_row_applies(market):
    housing = Sector.objects.get(code="construction.housing")
    local = CatalogItem.objects.create(name="杭州 2025 施工", region=market["hangzhou"], year=2025,
                                       sector=housing.parent, category="works", threshold=3_000_000,
                                       legal_basis="某市规定")
    catalog = Catalog()
    county = market["hangzhou"].children.get(code="330106")
    assert catalog.item_for(sector=housing, category="works", region=county, year=2025) == local
    national = catalog.item_for(sector=housing, category="works", region=county, year=2024)
    assert national.region is None and national.threshold == Decimal("4000000")
    assert catalog.item_for(sector=housing, category="works", region=market["ningbo"], year=2025).region is None


def test_an_approved_project_at_the_threshold_without_trading_is_reported(market, reader, tmp_path):
    rows = [_project("AT", "4000000"), _project("BELOW", "3999999.99"), _project("TRADED", "9000000")]
    rows.append(_lot(rows[2], 1, "8000000"))
    trading_import(paths=[write_csv(tmp_path / "p.csv", rows)], actor=None)
    findings = untraded_projects(actor=reader)
    assert [f.project.code for f in findings] == ["AT"]
    assert findings[0].item.threshold == Decimal("4000000")


def test_lots_each_just_under_the_threshold_that_add_up_to_it_are_a_split(market, reader, tmp_path):
    split = _project("SPLIT", "9000000")
    fine = _project("FINE", "9000000")
    rows = [_lot(split, 1, "3900000"), _lot(split, 2, "3700000"), _lot(split, 3, "500000"),
            _lot(fine, 1, "3900000"), _lot(fine, 2, "2000000")]
    trading_import(paths=[write_csv(tmp_path / "s.csv", rows)], actor=None)
    [finding] = split_purchases(actor=reader)
    assert finding.project.code == "SPLIT" and finding.category == "works"
    assert [lot.code for lot, _amount in finding.lots] == ["T-SPLIT-1", "T-SPLIT-2"]
    assert finding.total == Decimal("7600000.00") and finding.floor == Decimal("3600000.00")


def test_the_just_under_margin_is_a_setting_of_the_catalog_row(market, reader, tmp_path):
    split = _project("SPLIT", "9000000")
    trading_import(paths=[write_csv(tmp_path / "s.csv", [_lot(split, 1, "3900000"), _lot(split, 2, "3700000")])],
                   actor=None)
    CatalogItem.objects.filter(sector__code="construction", category="works").update(just_under_margin="0.05")
    assert split_purchases(actor=reader) == []


def test_checks_only_cover_what_the_reader_may_see(market, tmp_path):
    trading_import(paths=[write_csv(tmp_path / "p.csv", [_project("AT", "5000000")])], actor=None)
    assert untraded_projects(actor=lead_staff(market["ningbo_lead"])) == []
    assert untraded_projects(actor=UserFactory(unit=market["ningbo_supervisor"])) == []
