"""The columns of the generated files.

The CSV uses the national data-specification field names that the trading importer reads
(``lianjian.trading.importing.fields``; a test checks every header against it). It has one row per bid; the
project, tender project, lot, award and contract columns are filled on the first row of each lot, and later rows of
the lot carry only the project, tender-project and lot codes besides the bid, which the importer reads as a
reference to the record given above.
"""

PROJECT = ("PROJECT_CODE", "PROJECT_NAME", "PROJECT_REGION_CODE", "INDUSTRIES_TYPE", "PROJECT_CATEGORY",
           "INVEST_PROJECT_CODE", "APPROVAL_NUMBER", "APPROVAL_AUTHORITY", "APPROVAL_DATE")
TENDER = ("TENDER_PROJECT_CODE", "UNIFIED_DEAL_CODE", "TENDER_PROJECT_NAME", "TENDER_PROJECT_TYPE",
          "TENDER_ORGANIZE_FORM", "TENDERER_CODE", "TENDERER_NAME", "TENDERER_LEGAL_PERSON", "TENDER_AGENCY_CODE",
          "TENDER_AGENCY_NAME", "TENDER_AGENCY_LEGAL_PERSON")
LOT = ("BID_SECTION_CODE", "BID_SECTION_NAME", "TENDER_PROJECT_CLASSIFY_CODE", "TENDER_MODE", "REGION_CODE",
       "SUPERVISE_DEPT_NAME", "CONTRACT_RECKON_PRICE", "CONTROL_PRICE", "MARGIN_AMOUNT", "NOTICE_SEND_TIME",
       "DOC_GET_START_TIME", "BID_DOC_REFER_END_TIME", "BID_OPEN_TIME", "BID_OPEN_PLACE", "EVALUATING_METHOD",
       "EVALUATION_START_TIME", "EVALUATION_END_TIME")
BID = ("BIDDER_ORG_CODE", "BIDDER_NAME", "BIDDER_LEGAL_PERSON", "BID_PRICE", "SUBMIT_TIME", "MARGIN_PAY_FORM",
       "MARGIN_PAY_ACCOUNT", "MARGIN_PAY_BANK", "CPU_ID", "HARD_DISK_SERIAL_NUMBER", "MAC_ADDRESS", "NET_ID",
       "TOOL_VERSION", "BID_DOC_HASH", "BID_DOC_AUTHOR", "BID_DOC_PREPARER", "BID_MANAGER", "REGIST_CERTIFICATE",
       "BIDDER_CONTACTOR", "BIDDER_PHONE_NUMBER", "EVALUATION_SCORE", "CANDIDATE_RANK", "IS_REJECTED",
       "REJECT_REASON")
AWARD = ("WIN_BIDDER_CODE", "WIN_BIDDER_NAME", "BID_AMOUNT", "PUBLICITY_START_TIME", "PUBLICITY_END_TIME",
         "WIN_NOTICE_SEND_TIME")
CONTRACT = ("CONTRACT_CODE", "CONTRACT_NAME", "CONTRACT_PARTY_CODE", "CONTRACT_PARTY_NAME", "CONTRACT_PRICE",
            "CONTRACT_SIGN_TIME", "LIMITE_TIME", "SETTLE_PRICE", "FINISH_TIME")

CSV_COLUMNS = PROJECT + TENDER + LOT + BID + AWARD + CONTRACT
BID_INDEX = {name: i for i, name in enumerate(BID)}

# Canonical importer field each column must map to (checked by the tests against the importer's alias table).
CANONICAL = {
    "PROJECT_CODE": "project.code", "PROJECT_NAME": "project.name", "PROJECT_REGION_CODE": "project.region",
    "INDUSTRIES_TYPE": "project.sector", "PROJECT_CATEGORY": "project.category",
    "INVEST_PROJECT_CODE": "project.invest_code", "APPROVAL_NUMBER": "project.approval_number",
    "APPROVAL_AUTHORITY": "project.approval_authority", "APPROVAL_DATE": "project.approved_on",
    "TENDER_PROJECT_CODE": "tender.code", "UNIFIED_DEAL_CODE": "tender.deal_code",
    "TENDER_PROJECT_NAME": "tender.name", "TENDER_PROJECT_TYPE": "tender.sector",
    "TENDER_ORGANIZE_FORM": "tender.organize_form", "TENDERER_CODE": "tender.tenderer_code",
    "TENDERER_NAME": "tender.tenderer_name", "TENDERER_LEGAL_PERSON": "tender.tenderer_legal",
    "TENDER_AGENCY_CODE": "tender.agency_code", "TENDER_AGENCY_NAME": "tender.agency_name",
    "TENDER_AGENCY_LEGAL_PERSON": "tender.agency_legal",
    "BID_SECTION_CODE": "lot.code", "BID_SECTION_NAME": "lot.name", "TENDER_PROJECT_CLASSIFY_CODE": "lot.category",
    "TENDER_MODE": "lot.procedure", "REGION_CODE": "lot.region", "SUPERVISE_DEPT_NAME": "lot.supervising_unit",
    "CONTRACT_RECKON_PRICE": "lot.estimated_price", "CONTROL_PRICE": "lot.control_price",
    "MARGIN_AMOUNT": "lot.bond_amount", "NOTICE_SEND_TIME": "lot.notice_published_at",
    "DOC_GET_START_TIME": "lot.docs_issued_at", "BID_DOC_REFER_END_TIME": "lot.bid_deadline_at",
    "BID_OPEN_TIME": "lot.bid_open_at", "BID_OPEN_PLACE": "lot.bid_open_place",
    "EVALUATING_METHOD": "lot.evaluation_method", "EVALUATION_START_TIME": "lot.evaluation_started_at",
    "EVALUATION_END_TIME": "lot.evaluation_finished_at",
    "BIDDER_ORG_CODE": "bid.bidder_code", "BIDDER_NAME": "bid.bidder_name", "BIDDER_LEGAL_PERSON": "bid.bidder_legal",
    "BID_PRICE": "bid.price", "SUBMIT_TIME": "bid.submitted_at", "MARGIN_PAY_FORM": "bid.bond_pay_form",
    "MARGIN_PAY_ACCOUNT": "bid.bond_payer_account", "MARGIN_PAY_BANK": "bid.bond_payer_bank",
    "CPU_ID": "bid.cpu_id", "HARD_DISK_SERIAL_NUMBER": "bid.disk_serial", "MAC_ADDRESS": "bid.mac_address",
    "NET_ID": "bid.upload_ip", "TOOL_VERSION": "bid.tool_version", "BID_DOC_HASH": "bid.file_hash",
    "BID_DOC_AUTHOR": "bid.file_author", "BID_DOC_PREPARER": "bid.file_preparer",
    "BID_MANAGER": "bid.project_manager", "REGIST_CERTIFICATE": "bid.project_manager_cert",
    "BIDDER_CONTACTOR": "bid.contact_name", "BIDDER_PHONE_NUMBER": "bid.contact_phone",
    "EVALUATION_SCORE": "bid.score", "CANDIDATE_RANK": "bid.candidate_rank", "IS_REJECTED": "bid.is_rejected",
    "REJECT_REASON": "bid.reject_reason",
    "WIN_BIDDER_CODE": "award.winner_code", "WIN_BIDDER_NAME": "award.winner_name", "BID_AMOUNT": "award.amount",
    "PUBLICITY_START_TIME": "award.candidates_published_at", "PUBLICITY_END_TIME": "award.candidates_publicity_end",
    "WIN_NOTICE_SEND_TIME": "award.awarded_at",
    "CONTRACT_CODE": "contract.code", "CONTRACT_NAME": "contract.name", "CONTRACT_PARTY_CODE": "contract.supplier_code",
    "CONTRACT_PARTY_NAME": "contract.supplier_name", "CONTRACT_PRICE": "contract.price",
    "CONTRACT_SIGN_TIME": "contract.signed_on", "LIMITE_TIME": "contract.period_days",
    "SETTLE_PRICE": "contract.settle_price", "FINISH_TIME": "contract.finished_on",
}

# Parquet tables for the analytics engine: (column, arrow type name). Times are local (Asia/Shanghai) wall-clock.
LOTS_SCHEMA = (
    ("lot_code", "string"), ("tender_code", "string"), ("project_code", "string"), ("deal_code", "string"),
    ("sector", "string"), ("category", "string"), ("procedure", "string"), ("region_code", "string"),
    ("tenderer_code", "string"), ("agency_code", "string"), ("supervising_unit", "string"),
    ("estimated_price", "float64"), ("control_price", "float64"), ("bond_amount", "float64"),
    ("notice_published_at", "timestamp"), ("docs_issued_at", "timestamp"), ("bid_deadline_at", "timestamp"),
    ("bid_open_at", "timestamp"), ("evaluation_method", "string"), ("evaluation_started_at", "timestamp"),
    ("evaluation_finished_at", "timestamp"), ("bids", "int32"), ("winner_code", "string"),
    ("award_amount", "float64"), ("awarded_at", "timestamp"), ("contract_code", "string"),
    ("contract_price", "float64"), ("contract_signed_on", "date"),
)
# Bids: the BID columns of the CSV in order, under these names, after the lot code; then is_winner.
BIDS_SCHEMA = (
    ("lot_code", "string"), ("bidder_code", "string"), ("bidder_name", "string"), ("bidder_legal", "string"),
    ("price", "float64"), ("submitted_at", "timestamp"), ("bond_pay_form", "string"),
    ("bond_payer_account", "string"), ("bond_payer_bank", "string"), ("cpu_id", "string"),
    ("disk_serial", "string"), ("mac_address", "string"), ("upload_ip", "string"), ("tool_version", "string"),
    ("file_hash", "string"), ("file_author", "string"), ("file_preparer", "string"), ("project_manager", "string"),
    ("project_manager_cert", "string"), ("contact_name", "string"), ("contact_phone", "string"),
    ("score", "float64"), ("candidate_rank", "int32"), ("is_rejected", "bool"), ("reject_reason", "string"),
    ("is_winner", "bool"),
)
ENTITIES_SCHEMA = (
    ("credit_code", "string"), ("name", "string"), ("legal_representative", "string"), ("role", "string"),
    ("group", "string"), ("registration_region", "string"),
)
