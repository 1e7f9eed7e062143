"""The typed records a valid row yields, one per section, as staged before the upsert.

Each column names the canonical field that provides it: an import only overwrites the columns whose field the
file provides (a CSV without a CPU_ID column leaves stored CPU serials alone). Columns ending in ``_code`` are
natural keys of other records, turned into foreign keys by the upsert; ``children`` are lists staged in their own
table (guest venues, consortium members) and replaced as a whole.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    source: str
    type: str


def _c(name, source, type_="text"):
    return Column(name, source, type_)


RECORDS = {
    "project": [
        _c("code", "project.code"), _c("name", "project.name"), _c("region_id", "project.region", "id"),
        _c("sector_id", "project.sector", "id"), _c("category", "project.category"),
        _c("invest_code", "project.invest_code"), _c("approval_number", "project.approval_number"),
        _c("approval_authority", "project.approval_authority"), _c("approved_on", "project.approved_on", "date"),
        _c("total_investment", "project.total_investment", "money"),
    ],
    "tender": [
        _c("code", "tender.code"), _c("project_code", "project.code"), _c("deal_code", "tender.deal_code", "nulltext"),
        _c("name", "tender.name"), _c("sector_id", "tender.sector", "id"),
        _c("organize_form", "tender.organize_form"), _c("tenderer_code", "tender.tenderer_code"),
        _c("agency_code", "tender.agency_code", "nulltext"),
    ],
    "lot": [
        _c("code", "lot.code"), _c("tender_code", "tender.code"), _c("name", "lot.name"),
        _c("category", "lot.category"), _c("procedure", "lot.procedure"), _c("region_id", "lot.region", "id"),
        _c("supervising_unit_id", "lot.supervising_unit", "id"),
        _c("estimated_price", "lot.estimated_price", "money"), _c("control_price", "lot.control_price", "money"),
        _c("bond_amount", "lot.bond_amount", "money"),
        _c("notice_published_at", "lot.notice_published_at", "datetime"),
        _c("docs_issued_at", "lot.docs_issued_at", "datetime"),
        _c("bid_deadline_at", "lot.bid_deadline_at", "datetime"), _c("bid_open_at", "lot.bid_open_at", "datetime"),
        _c("bid_open_place", "lot.bid_open_place"), _c("evaluation_method", "lot.evaluation_method"),
        _c("evaluation_started_at", "lot.evaluation_started_at", "datetime"),
        _c("evaluation_finished_at", "lot.evaluation_finished_at", "datetime"),
        _c("host_venue_id", "lot.host_venue", "id"),
    ],
    "bid": [
        _c("lot_code", "lot.code"), _c("bidder_code", "bid.bidder_code"), _c("price", "bid.price", "money"),
        _c("other_price", "bid.other_price"), _c("submitted_at", "bid.submitted_at", "datetime"),
        _c("bond_pay_form", "bid.bond_pay_form"), _c("bond_payer_account", "bid.bond_payer_account"),
        _c("bond_payer_bank", "bid.bond_payer_bank"), _c("cpu_id", "bid.cpu_id"),
        _c("disk_serial", "bid.disk_serial"), _c("mac_address", "bid.mac_address"),
        _c("upload_ip", "bid.upload_ip"), _c("tool_version", "bid.tool_version"), _c("file_hash", "bid.file_hash"),
        _c("file_author", "bid.file_author"), _c("file_preparer", "bid.file_preparer"),
        _c("project_manager", "bid.project_manager"), _c("project_manager_cert", "bid.project_manager_cert"),
        _c("contact_name", "bid.contact_name"), _c("contact_phone", "bid.contact_phone"),
        _c("score", "bid.score", "score"), _c("candidate_rank", "bid.candidate_rank", "int"),
        _c("is_rejected", "bid.is_rejected", "bool"), _c("reject_reason", "bid.reject_reason"),
    ],
    "award": [
        _c("lot_code", "lot.code"), _c("winner_code", "award.winner_code"), _c("amount", "award.amount", "money"),
        _c("candidates_published_at", "award.candidates_published_at", "datetime"),
        _c("candidates_publicity_end", "award.candidates_publicity_end", "datetime"),
        _c("awarded_at", "award.awarded_at", "datetime"),
    ],
    "contract": [
        _c("code", "contract.code"), _c("lot_code", "lot.code"), _c("supplier_code", "contract.supplier_code", "nulltext"),
        _c("name", "contract.name"), _c("price", "contract.price", "money"),
        _c("signed_on", "contract.signed_on", "date"), _c("period_days", "contract.period_days", "int"),
        _c("settle_price", "contract.settle_price", "money"), _c("finished_on", "contract.finished_on", "date"),
        _c("performance_note", "contract.performance_note"),
    ],
    "change": [
        _c("contract_code", "contract.code"), _c("seq", "change.seq", "int"),
        _c("changed_on", "change.changed_on", "date"), _c("content", "change.content"),
        _c("price_after", "change.price_after", "money"),
    ],
}

KEYS = {
    "project": ("code",), "tender": ("code",), "lot": ("code",), "bid": ("lot_code", "bidder_code"),
    "award": ("lot_code",), "contract": ("code",), "change": ("contract_code", "seq"),
}

# Lists that belong to a record: (staging table suffix, field that provides them).
CHILDREN = {"lot": ("venue", "lot.guest_venues"), "bid": ("member", "bid.consortium_codes")}

COLUMN_NAMES = {section: [c.name for c in columns] for section, columns in RECORDS.items()}

# Parents first: the upsert resolves each record's natural-key references against rows already merged.
ORDER = ("project", "tender", "lot", "award", "bid", "contract", "change")
