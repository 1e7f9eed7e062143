import json
from decimal import Decimal

import pytest

from lianjian.audit.models import AuditEntry
from lianjian.trading.exporting import flat, ocds
from lianjian.trading.models import (
    Award, Bid, Contract, ContractChange, Entity, ImportStatus, KeyPerson, Lot, Project, Stage, TenderProject,
)
from lianjian.trading.services import trading_import

from .factories import BIDDERS, sample_rows, write_csv, write_json, write_xlsx

pytestmark = pytest.mark.django_db

MODELS = (Entity, Project, TenderProject, Lot, Bid, Award, Contract, ContractChange, KeyPerson)


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def snapshot():
    """Every trading row with its update time: equal snapshots mean nothing was written."""
    return {model.__name__: sorted(model.objects.values_list(*[f.attname for f in model._meta.concrete_fields]))
            for model in MODELS}


def assert_sample_imported(run):
    assert run.status == ImportStatus.SUCCEEDED, run.errors[:5]
    assert counts() == {"Entity": 6, "Project": 1, "TenderProject": 1, "Lot": 2, "Bid": 6, "Award": 1,
                        "Contract": 1, "ContractChange": 1, "KeyPerson": 8}
    lot = Lot.objects.get(code="E3301062025001001")
    assert lot.region.code == "330106"
    assert lot.supervising_unit.name == "杭州市住房和城乡建设局"
    assert lot.estimated_price == Decimal("6000000.00") and lot.control_price == Decimal("6200000.00")
    assert lot.procedure == "open" and lot.category == "works"
    assert lot.host_venue.name == "杭州市公共资源交易中心"
    assert [u.name for u in lot.guest_venues.all()] == ["宁波市公共资源交易中心"]
    assert lot.stage == Stage.CONTRACT
    assert Lot.objects.get(code="E3301062025001002").stage == Stage.EVALUATION
    bid = Bid.objects.get(lot=lot, bidder__credit_code=BIDDERS[0])
    assert (bid.cpu_id, bid.mac_address, bid.upload_ip, bid.tool_version) == (
        "BFEBFBFF000906EA", "00:1A:2B:3C:4D:00", "10.0.0.8", "V3.2")
    assert (bid.project_manager, bid.project_manager_cert, bid.bond_payer_account) == (
        "项目经理0", "浙1330000", "622200000000")
    assert lot.award.winner.credit_code == BIDDERS[0] and lot.award.amount == Decimal("5800000.00")
    contract = Contract.objects.get(code="HT-2025-001")
    assert contract.changes.get().price_after == Decimal("5900000.00")
    tenderer = Entity.objects.get(credit_code=lot.tender_project.tenderer.credit_code)
    assert tenderer.is_tenderer and tenderer.legal_representative == "王某"


def test_a_national_spec_csv_in_utf8_imports_the_whole_life_of_its_lots(market, tmp_path):
    run = trading_import(paths=[write_csv(tmp_path / "spec.csv", sample_rows())], actor=None)
    assert_sample_imported(run)
    assert run.counts["spec.csv"]["encoding"] == "utf-8"


def test_a_csv_with_a_utf8_bom_imports(market, tmp_path):
    run = trading_import(paths=[write_csv(tmp_path / "bom.csv", sample_rows(), encoding="utf-8-sig")], actor=None)
    assert_sample_imported(run)
    assert run.counts["bom.csv"]["encoding"] == "utf-8-sig"


def test_a_gbk_csv_with_chinese_headers_imports(market, tmp_path):
    path = write_csv(tmp_path / "gbk.csv", sample_rows(), encoding="gbk", chinese=True)
    with open(path, "rb") as fh:
        fh.read().decode("gbk")
    run = trading_import(paths=[path], actor=None)
    assert_sample_imported(run)
    assert run.counts["gbk.csv"]["encoding"] == "gb18030"


def test_an_xlsx_with_chinese_headers_imports(market, tmp_path):
    run = trading_import(paths=[write_xlsx(tmp_path / "中文表头.xlsx", sample_rows())], actor=None)
    assert_sample_imported(run)
    assert run.counts["中文表头.xlsx"]["kind"] == "xlsx"


def test_a_json_list_of_rows_imports(market, tmp_path):
    run = trading_import(paths=[write_json(tmp_path / "rows.json", sample_rows())], actor=None)
    assert_sample_imported(run)


def test_reimporting_the_same_file_changes_nothing_and_audits_nothing(market, tmp_path):
    path = write_csv(tmp_path / "spec.csv", sample_rows())
    first = trading_import(paths=[path], actor=None)
    assert AuditEntry.objects.filter(action="trading.import.apply").count() == 1
    before, audit_before = snapshot(), AuditEntry.objects.count()
    again = trading_import(paths=[path], actor=None)
    assert first.status == again.status == ImportStatus.SUCCEEDED
    assert again.counts["spec.csv"]["counts"] == {} and again.counts["spec.csv"]["stages_changed"] == 0
    assert snapshot() == before
    assert AuditEntry.objects.count() == audit_before


def test_a_changed_value_updates_only_that_record(market, tmp_path):
    trading_import(paths=[write_csv(tmp_path / "a.csv", sample_rows())], actor=None)
    rows = sample_rows()
    for row in rows:
        if row["BID_SECTION_CODE"].endswith("002") and row.get("BIDDER_ORG_CODE") == BIDDERS[1]:
            row["BID_PRICE"] = "3700000"
    run = trading_import(paths=[write_csv(tmp_path / "b.csv", rows)], actor=None)
    assert run.counts["b.csv"]["counts"] == {"bid": {"created": 0, "updated": 1, "deleted": 0}}
    assert Bid.objects.get(lot__code="E3301062025001002", bidder__credit_code=BIDDERS[1]).price == Decimal("3700000")


def test_a_file_without_a_column_leaves_that_field_alone(market, tmp_path):
    trading_import(paths=[write_csv(tmp_path / "a.csv", sample_rows())], actor=None)
    rows = [{k: v for k, v in row.items() if k != "CPU_ID"} for row in sample_rows()]
    run = trading_import(paths=[write_csv(tmp_path / "no_cpu.csv", rows)], actor=None)
    assert run.counts["no_cpu.csv"]["counts"] == {}
    assert Bid.objects.filter(cpu_id="BFEBFBFF000906EA").count() == 6


@pytest.mark.parametrize("chinese", [False, True])
def test_the_national_spec_export_reimports_unchanged(market, tmp_path, chinese):
    trading_import(paths=[write_csv(tmp_path / "a.csv", sample_rows())], actor=None)
    before = snapshot()
    if chinese:
        path = tmp_path / "export.xlsx"
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(flat.headers(chinese=True))
        for row in flat.table_rows(Lot.objects.all()):
            book.active.append(row)
        book.save(path)
    else:
        path = tmp_path / "export.csv"
        path.write_text(flat.csv_text(Lot.objects.all()), encoding="utf-8")
    run = trading_import(paths=[path], actor=None)
    assert run.status == ImportStatus.SUCCEEDED, run.errors[:5]
    assert run.counts[path.name]["counts"] == {}
    assert snapshot() == before


def test_the_ocds_package_export_reimports_unchanged_as_json_and_as_json_lines(market, tmp_path):
    trading_import(paths=[write_csv(tmp_path / "a.csv", sample_rows())], actor=None)
    before = snapshot()
    package = tmp_path / "package.json"
    package.write_text(ocds.package_text(Lot.objects.all()), encoding="utf-8")
    lines = tmp_path / "records.jsonl"
    lines.write_text("".join(ocds.lines_chunks(Lot.objects.all())), encoding="utf-8")
    for path in (package, lines):
        run = trading_import(paths=[path], actor=None)
        assert run.status == ImportStatus.SUCCEEDED, run.errors[:5]
        assert run.counts[path.name]["kind"] == "ocds"
        assert run.counts[path.name]["counts"] == {}
    assert snapshot() == before


def test_an_ocds_package_imports_into_an_empty_database(market, tmp_path):
    trading_import(paths=[write_csv(tmp_path / "a.csv", sample_rows())], actor=None)
    package = json.loads(ocds.package_text(Lot.objects.all()))
    expected = counts()
    for model in (ContractChange, Contract, Award, Bid, Lot, TenderProject, Project, KeyPerson, Entity):
        model.objects.all().delete()
    path = tmp_path / "package.json"
    path.write_text(json.dumps(package, ensure_ascii=False), encoding="utf-8")
    run = trading_import(paths=[path], actor=None)
    assert_sample_imported(run)
    assert counts() == expected


def test_a_foreign_ocds_release_maps_ocid_buyer_lots_bids_and_awards(market, tmp_path):
    release = {
        "ocid": "ocds-abc123-0001", "id": "1", "date": "2025-05-01T09:00:00+08:00", "tag": ["award"],
        "parties": [
            {"id": "buyer", "name": "杭州市某局", "roles": ["buyer"], "identifier": {"scheme": "CN-USCC", "id": BIDDERS[3]}},
            {"id": "t1", "name": "杭州甲建设有限公司", "roles": ["tenderer", "supplier"],
             "identifier": {"id": BIDDERS[0]}},
        ],
        "buyer": {"id": "buyer", "name": "杭州市某局"},
        "tender": {"id": "T1", "title": "办公设备采购", "mainProcurementCategory": "goods", "procurementMethod": "open",
                   "tenderPeriod": {"startDate": "2025-04-01T09:00:00+08:00", "endDate": "2025-04-21T09:30:00+08:00"},
                   "lots": [{"id": "1", "title": "包1", "value": {"amount": 900000, "currency": "CNY"}}]},
        "bids": {"details": [{"id": "b1", "relatedLots": ["1"], "tenderers": [{"id": "t1"}],
                              "value": {"amount": 880000, "currency": "CNY"}, "status": "valid"}]},
        "awards": [{"id": "a1", "status": "active", "relatedLots": ["1"], "suppliers": [{"id": "t1"}],
                    "date": "2025-04-25T10:00:00+08:00", "value": {"amount": 880000, "currency": "CNY"}}],
    }
    path = tmp_path / "release.json"
    path.write_text(json.dumps({"releases": [release]}, ensure_ascii=False), encoding="utf-8")
    run = trading_import(paths=[path], actor=None, default_region=market["hangzhou"])
    assert run.status == ImportStatus.SUCCEEDED, run.errors
    tender = TenderProject.objects.get(code="ocds-abc123-0001")
    assert tender.deal_code == "ocds-abc123-0001" and tender.tenderer.credit_code == BIDDERS[3]
    lot = Lot.objects.get(code="ocds-abc123-0001-1")
    assert lot.category == "goods" and lot.estimated_price == Decimal("900000.00") and lot.stage == Stage.AWARD
    assert lot.bids.get().price == Decimal("880000.00")
    assert lot.award.winner.credit_code == BIDDERS[0]


def test_an_ocds_record_package_of_compiled_releases_reimports_unchanged(market, tmp_path):
    trading_import(paths=[write_csv(tmp_path / "a.csv", sample_rows())], actor=None)
    before = snapshot()
    releases = json.loads(ocds.package_text(Lot.objects.all()))["releases"]
    records = {"records": [{"ocid": r["ocid"], "compiledRelease": r} for r in releases]}
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    run = trading_import(paths=[path], actor=None)
    assert run.status == ImportStatus.SUCCEEDED and run.counts["records.json"]["counts"] == {}
    assert snapshot() == before
