import io

import pytest
from openpyxl import load_workbook

from lianjian.audit.models import AuditEntry
from lianjian.trading.importing.errors import error_report_xlsx
from lianjian.trading.models import Bid, Entity, ImportStatus, Lot
from lianjian.trading.services import trading_import

from .factories import BIDDERS, sample_rows, write_csv, write_json

pytestmark = pytest.mark.django_db

BAD_CODE = BIDDERS[1][:-1] + ("0" if BIDDERS[1][-1] != "0" else "1")


def _nothing_written():
    return not Entity.objects.exists() and not Lot.objects.exists() and not Bid.objects.exists()


def test_an_invalid_credit_code_is_a_row_error_naming_column_and_value(market, tmp_path):
    rows = sample_rows()
    rows[1]["BIDDER_ORG_CODE"] = BAD_CODE
    run = trading_import(paths=[write_csv(tmp_path / "bad.csv", rows)], actor=None)
    assert run.status == ImportStatus.REJECTED
    assert run.errors == [{"file": "bad.csv", "row": 3, "column": "BIDDER_ORG_CODE", "value": BAD_CODE,
                           "reason": "统一社会信用代码校验位错误（GB 32100-2015）"}]


def test_a_file_with_one_bad_row_leaves_the_database_unchanged_and_reports_it(market, tmp_path):
    rows = sample_rows()
    rows[4]["BID_PRICE"] = "五百万"
    audit_before = AuditEntry.objects.count()
    run = trading_import(paths=[write_csv(tmp_path / "one_bad.csv", rows)], actor=None)
    assert run.status == ImportStatus.REJECTED and run.rows_bad == 1 and run.rows_read == len(rows)
    assert "本文件未写入任何数据" in run.message
    assert _nothing_written()
    assert AuditEntry.objects.count() == audit_before
    sheet = load_workbook(io.BytesIO(error_report_xlsx(run.errors))).active
    assert [c.value for c in sheet[1]] == ["文件", "行号", "列", "值", "原因"]
    assert [c.value for c in sheet[2]] == ["one_bad.csv", 6, "BID_PRICE", "五百万", "应为数字"]


def test_skipping_bad_rows_writes_the_good_rows_whole_and_none_of_the_bad(market, tmp_path):
    rows = sample_rows()
    rows[4]["BID_PRICE"] = "五百万"
    run = trading_import(paths=[write_csv(tmp_path / "skip.csv", rows)], actor=None, skip_bad_rows=True)
    assert run.status == ImportStatus.PARTIAL and run.rows_bad == 1
    assert Bid.objects.count() == 5
    assert not Bid.objects.filter(lot__code=rows[4]["BID_SECTION_CODE"], bidder__credit_code=rows[4]["BIDDER_ORG_CODE"])


def test_a_lot_whose_rows_disagree_is_reported_with_the_differing_column(market, tmp_path):
    rows = sample_rows()
    rows[2]["CONTRACT_RECKON_PRICE"] = "6100000"
    run = trading_import(paths=[write_csv(tmp_path / "inconsistent.csv", rows)], actor=None)
    assert run.status == ImportStatus.REJECTED
    [error] = run.errors
    assert error["row"] == 4 and error["column"] == "BID_SECTION_CODE"
    assert "与第 2 行不一致" in error["reason"] and "CONTRACT_RECKON_PRICE" in error["reason"]


def test_the_same_bid_twice_is_an_error(market, tmp_path):
    rows = sample_rows()
    rows.insert(3, dict(rows[0]))
    run = trading_import(paths=[write_csv(tmp_path / "dup.csv", rows)], actor=None)
    assert run.status == ImportStatus.REJECTED
    assert run.errors[0]["row"] == 5 and "首次出现于第 2 行" in run.errors[0]["reason"]


def test_unknown_region_and_supervising_unit_are_named(market, tmp_path):
    rows = sample_rows()[:1]
    rows[0]["REGION_CODE"] = "999999"
    rows[0]["SUPERVISE_DEPT_NAME"] = "不存在的局"
    run = trading_import(paths=[write_csv(tmp_path / "refs.csv", rows)], actor=None)
    reasons = {e["column"]: e["reason"] for e in run.errors}
    assert reasons == {"REGION_CODE": "行政区划“999999”未在系统中登记", "SUPERVISE_DEPT_NAME": "成员单位“不存在的局”不存在"}


def test_a_bid_for_an_unknown_lot_is_an_error(market, tmp_path):
    rows = [{"BID_SECTION_CODE": "NOPE-001", "BIDDER_ORG_CODE": BIDDERS[0], "BIDDER_NAME": "甲", "BID_PRICE": "1"}]
    run = trading_import(paths=[write_json(tmp_path / "orphan.json", rows)], actor=None)
    assert run.errors[0]["column"] == "BID_SECTION_CODE"
    assert "既不在本文件中，也未在系统中登记" in run.errors[0]["reason"]


def test_a_deal_code_already_used_by_another_tender_project_is_refused(market, tmp_path):
    trading_import(paths=[write_csv(tmp_path / "a.csv", sample_rows())], actor=None)
    rows = [dict(sample_rows()[0], TENDER_PROJECT_CODE="E-OTHER", BID_SECTION_CODE="E-OTHER-1")]
    run = trading_import(paths=[write_csv(tmp_path / "deal.csv", rows)], actor=None)
    assert run.errors[0]["column"] == "UNIFIED_DEAL_CODE"
    assert "E3301062025001" in run.errors[0]["reason"]


@pytest.mark.parametrize("name,content,message", [
    ("empty.csv", b"", "文件是空的"),
    ("binary.csv", b"\x00\x01\x02garbage", "文件不是文本格式"),
    ("nonsense.csv", "甲,乙\n1,2\n".encode(), "第 1 行没有可识别的列名"),
    ("broken.json", b'{"releases": [{"ocid": "x"', "JSON 格式错误"),
    ("fake.xlsx", b"PK\x03\x04not really a zip", "不是有效的 XLSX 文件"),
    ("doc.pdf", b"%PDF-1.4", "不支持的文件类型"),
])
def test_a_file_that_cannot_be_parsed_is_rejected_with_a_clear_message(market, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    run = trading_import(paths=[path], actor=None)
    assert run.status == ImportStatus.REJECTED
    assert message in run.message
    assert _nothing_written()


def test_a_good_file_commits_even_when_another_file_of_the_import_is_rejected(market, tmp_path):
    good = write_csv(tmp_path / "good.csv", sample_rows())
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"")
    run = trading_import(paths=[good, bad], actor=None)
    assert run.status == ImportStatus.PARTIAL
    assert run.counts["good.csv"]["status"] == "succeeded" and run.counts["bad.csv"]["status"] == "rejected"
    assert Bid.objects.count() == 6
