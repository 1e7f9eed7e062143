"""The columnar input of the engine: six Arrow tables, the Parquet files of ``lianjian.synthetic`` being one source.

A run takes a dict ``{name: pyarrow.Table}``. Only ``bids`` is required; each other table switches on the
indicators that need it. Columns marked * are required in a table that is given; any other column may be absent
(it is then added as nulls and the indicators reading it stay silent). Times are local wall-clock (Asia/Shanghai)
timestamps without a zone.

``lots`` — one row per lot (标段/包):
    lot_code*, tender_code, project_code, sector, category ("works", "goods", "services", "transfer", …),
    procedure (as published: 公开招标, 邀请招标, … or the trading app's codes open, invited, …), region_code,
    tenderer_code, agency_code, estimated_price, control_price, docs_issued_at, bid_deadline_at, bid_open_at,
    winner_code, award_amount, awarded_at, contract_code, contract_price, contract_signed_on (date).
``bids`` — one row per bid:
    lot_code*, bidder_code*, price*, bidder_name, bidder_legal, submitted_at, bond_payer_account, cpu_id,
    disk_serial, mac_address, upload_ip, file_hash, file_author, file_preparer, project_manager,
    project_manager_cert, contact_name, contact_phone, doc_text (the bid document's text, for near-duplicate
    detection), is_rejected (bool), is_winner (bool: the awarded bid).
``entities`` — credit_code*, name, legal_representative, is_restricted (bool: on a 失信/限制投标 list),
    is_watched (bool: on the 重点关注对象 watch list).
``experts`` — expert_id*, name, employer_code (credit code of the expert's employer).
``evaluations`` — lot_code*, expert_id*, bidder_code*, score* (one expert's score of one bid).
``contracts`` — contract_code*, lot_code*, supplier_code, price, final_price (after every change), signed_on.
"""

from pathlib import Path

import pyarrow as pa

STRING, FLOAT, BOOL, TS, DATE = pa.string(), pa.float64(), pa.bool_(), pa.timestamp("s"), pa.date32()

TABLES = {
    "lots": {
        "lot_code": STRING, "tender_code": STRING, "project_code": STRING, "sector": STRING, "category": STRING,
        "procedure": STRING, "region_code": STRING, "tenderer_code": STRING, "agency_code": STRING,
        "estimated_price": FLOAT, "control_price": FLOAT, "docs_issued_at": TS, "bid_deadline_at": TS,
        "bid_open_at": TS, "winner_code": STRING, "award_amount": FLOAT, "awarded_at": TS, "contract_code": STRING,
        "contract_price": FLOAT, "contract_signed_on": DATE,
    },
    "bids": {
        "lot_code": STRING, "bidder_code": STRING, "price": FLOAT, "bidder_name": STRING, "bidder_legal": STRING,
        "submitted_at": TS, "bond_payer_account": STRING, "cpu_id": STRING, "disk_serial": STRING,
        "mac_address": STRING, "upload_ip": STRING, "file_hash": STRING, "file_author": STRING,
        "file_preparer": STRING, "project_manager": STRING, "project_manager_cert": STRING,
        "contact_name": STRING, "contact_phone": STRING, "doc_text": STRING, "is_rejected": BOOL,
        "is_winner": BOOL,
    },
    "entities": {"credit_code": STRING, "name": STRING, "legal_representative": STRING, "is_restricted": BOOL,
                 "is_watched": BOOL},
    "experts": {"expert_id": STRING, "name": STRING, "employer_code": STRING},
    "evaluations": {"lot_code": STRING, "expert_id": STRING, "bidder_code": STRING, "score": FLOAT},
    "contracts": {"contract_code": STRING, "lot_code": STRING, "supplier_code": STRING, "price": FLOAT,
                  "final_price": FLOAT, "signed_on": DATE},
}
REQUIRED = {
    "lots": ("lot_code",), "bids": ("lot_code", "bidder_code", "price"), "entities": ("credit_code",),
    "experts": ("expert_id",), "evaluations": ("lot_code", "expert_id", "bidder_code", "score"),
    "contracts": ("contract_code", "lot_code"),
}


class SchemaError(ValueError):
    """An input table lacks a required column or has one that cannot be read as its type."""


def normalise(tables):
    """Every known table in the documented shape: required columns checked, known columns cast, missing ones
    added as nulls, absent tables given empty; unknown tables and columns are dropped."""
    out = {}
    for name, columns in TABLES.items():
        table = tables.get(name)
        if table is None:
            out[name] = pa.table({c: pa.array([], type=t) for c, t in columns.items()})
            continue
        missing = [c for c in REQUIRED[name] if c not in table.column_names]
        if missing:
            raise SchemaError(f"表 {name} 缺少必需的列：{', '.join(missing)}")
        arrays = {}
        for column, kind in columns.items():
            if column not in table.column_names:
                arrays[column] = pa.nulls(table.num_rows, type=kind)
                continue
            data = table.column(column)
            try:
                # Sub-second parts of times are dropped: no indicator compares times finer than a second.
                arrays[column] = data if data.type == kind else data.cast(kind, safe=kind != TS)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
                raise SchemaError(f"表 {name} 的列 {column} 无法读作 {kind}：{exc}") from exc
        out[name] = pa.table(arrays)
    if "is_winner" not in tables["bids"].column_names and tables.get("lots") is not None:
        out["bids"] = _winner_from_lots(out["bids"], out["lots"])
    return out


def _winner_from_lots(bids, lots):
    import pyarrow.compute as pc

    winners = dict(zip(lots.column("lot_code").to_pylist(), lots.column("winner_code").to_pylist()))
    flags = [winners.get(lot) == bidder if winners.get(lot) else False
             for lot, bidder in zip(bids.column("lot_code").to_pylist(), bids.column("bidder_code").to_pylist())]
    index = bids.column_names.index("is_winner")
    return bids.set_column(index, "is_winner", pc.cast(pa.array(flags), BOOL))


def read_parquet_dir(folder):
    """The tables found as ``<name>.parquet`` in ``folder`` (the layout ``lianjian.synthetic`` writes)."""
    import pyarrow.parquet as pq

    folder = Path(folder)
    tables = {name: pq.read_table(folder / f"{name}.parquet") for name in TABLES
              if (folder / f"{name}.parquet").exists()}
    if "bids" not in tables:
        raise SchemaError(f"{folder} 中没有 bids.parquet")
    return tables
