"""Sample trading data for tests: rows in the national data specification, written in every supported format."""

import csv
import json

from openpyxl import Workbook
from stdnum.cn import uscc

from lianjian.org.models import RoleCode
from lianjian.org.tests.factories import UserFactory
from lianjian.trading.importing.fields import FIELDS

SPEC_TO_LABEL = {f.spec: f.label for f in FIELDS}


def credit_code(n, region="330100"):
    body = f"91{region}MA{n:07d}"[:17]
    return body + uscc.calc_check_digit(body)


TENDERER = credit_code(1)
AGENCY = credit_code(2)
BIDDERS = [credit_code(10 + i) for i in range(4)]


def sample_rows():
    """One project, one tender project, two lots with three bids each; lot 1 awarded and contracted (with one
    change), lot 2 still being evaluated."""
    base = {
        "PROJECT_CODE": "P2025-001", "PROJECT_NAME": "西湖区文化中心建设项目", "APPROVAL_DATE": "2025-01-10",
        "APPROVAL_NUMBER": "杭发改审〔2025〕1号", "TOTAL_INVESTMENT": "12000000",
        "TENDER_PROJECT_CODE": "E3301062025001", "UNIFIED_DEAL_CODE": "D3301062025001",
        "TENDER_PROJECT_NAME": "西湖区文化中心建设项目施工", "TENDER_PROJECT_TYPE": "construction.housing",
        "TENDERER_CODE": TENDERER, "TENDERER_NAME": "杭州市西湖区文化广电旅游局", "TENDERER_LEGAL_PERSON": "王某",
        "TENDER_AGENCY_CODE": AGENCY, "TENDER_AGENCY_NAME": "浙江某招标代理有限公司",
        "REGION_CODE": "330106", "SUPERVISE_DEPT_NAME": "杭州市住房和城乡建设局", "TENDER_MODE": "公开招标",
        "TENDER_PROJECT_CLASSIFY_CODE": "A", "MAIN_EVALUATION_SITE": "杭州市公共资源交易中心",
        "SUB_EVALUATION_SITES": "宁波市公共资源交易中心",
    }
    lots = [
        {"BID_SECTION_CODE": "E3301062025001001", "BID_SECTION_NAME": "第一标段", "CONTRACT_RECKON_PRICE": "6000000",
         "CONTROL_PRICE": "6200000.00", "NOTICE_SEND_TIME": "2025-02-01 09:00:00",
         "BID_OPEN_TIME": "2025-02-25 09:30:00", "EVALUATION_START_TIME": "2025-02-25 14:00:00",
         "WIN_BIDDER_CODE": BIDDERS[0], "WIN_BIDDER_NAME": "杭州甲建设有限公司", "BID_AMOUNT": "5800000",
         "PUBLICITY_START_TIME": "2025-02-27 09:00:00", "PUBLICITY_END_TIME": "2025-03-02 17:00:00",
         "WIN_NOTICE_SEND_TIME": "2025-03-05 10:00:00"},
        {"BID_SECTION_CODE": "E3301062025001002", "BID_SECTION_NAME": "第二标段", "CONTRACT_RECKON_PRICE": "3900000",
         "NOTICE_SEND_TIME": "2025-02-01 09:00:00", "BID_OPEN_TIME": "2025-02-26 09:30:00",
         "EVALUATION_START_TIME": "2025-02-26 14:00:00"},
    ]
    names = ["杭州甲建设有限公司", "杭州乙建设有限公司", "杭州丙建设有限公司", "杭州丁建设有限公司"]
    rows = []
    for n, lot in enumerate(lots):
        for i in range(3):
            b = (i + n) % 4
            rows.append({
                **base, **lot, "BIDDER_ORG_CODE": BIDDERS[b], "BIDDER_NAME": names[b],
                "BID_PRICE": str(5_800_000 + i * 50_000 - n * 2_000_000), "SUBMIT_TIME": f"2025-02-24 1{i}:00:00",
                "MARGIN_PAY_FORM": "银行转账", "MARGIN_PAY_ACCOUNT": f"62220000000{b}", "CPU_ID": "BFEBFBFF000906EA",
                "HARD_DISK_SERIAL_NUMBER": f"WD-{b}", "MAC_ADDRESS": f"00:1A:2B:3C:4D:{b:02d}",
                "NET_ID": "10.0.0.8", "TOOL_VERSION": "V3.2", "BID_MANAGER": f"项目经理{b}",
                "REGIST_CERTIFICATE": f"浙133000{b}", "BIDDER_CONTACTOR": f"联系人{b}",
                "BIDDER_PHONE_NUMBER": f"1380000000{b}", "CANDIDATE_RANK": str(i + 1) if n == 0 else "",
            })
    rows.append({**base, **lots[0], "CONTRACT_CODE": "HT-2025-001", "CONTRACT_NAME": "第一标段施工合同",
                 "CONTRACT_PARTY_CODE": BIDDERS[0], "CONTRACT_PARTY_NAME": "杭州甲建设有限公司",
                 "CONTRACT_PRICE": "5800000", "CONTRACT_SIGN_TIME": "2025-03-20", "LIMITE_TIME": "365",
                 "CHANGE_NO": "1", "CHANGE_TIME": "2025-06-01", "PERFORM_CHANGE_CONTENT": "增加附属工程",
                 "CHANGE_PRICE": "5900000"})
    return rows


def _headers(rows):
    headers = []
    for row in rows:
        headers.extend(k for k in row if k not in headers)
    return headers


def write_csv(path, rows, *, encoding="utf-8", chinese=False):
    headers = _headers(rows)
    with open(path, "w", newline="", encoding=encoding) as fh:
        writer = csv.writer(fh)
        writer.writerow([SPEC_TO_LABEL[h] if chinese else h for h in headers])
        for row in rows:
            writer.writerow([row.get(h, "") for h in headers])
    return path


def write_xlsx(path, rows, *, chinese=True):
    workbook = Workbook()
    sheet = workbook.active
    headers = _headers(rows)
    sheet.append([SPEC_TO_LABEL[h] if chinese else h for h in headers])
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    workbook.save(path)
    return path


def write_json(path, rows):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(rows, fh, ensure_ascii=False)
    return path


def centre_staff(unit):
    return UserFactory(unit=unit, roles=[RoleCode.CENTRE_STAFF])


def officer(unit):
    return UserFactory(unit=unit, roles=[RoleCode.SUPERVISOR_OFFICER])


def lead_staff(unit):
    return UserFactory(unit=unit, roles=[RoleCode.OFFICE_STAFF])
