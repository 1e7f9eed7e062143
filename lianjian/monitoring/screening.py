"""The trading database as the analytics engine's columnar input: read in chunks into Arrow tables, so the engine
(which never imports Django) sees the same shape whether it reads the database, Parquet files or OCDS."""

from decimal import Decimal

import pyarrow as pa
from django.db.models import F, Max
from django.utils import timezone

from lianjian.trading.models import Bid, Contract, Lot

LOT_COLUMNS = {
    "lot_code": "code", "tender_code": "tender_project__code", "project_code": "tender_project__project__code",
    "sector": "tender_project__sector__code", "category": "category", "procedure": "procedure",
    "region_code": "region__code", "tenderer_code": "tender_project__tenderer__credit_code",
    "agency_code": "tender_project__agency__credit_code", "estimated_price": "estimated_price",
    "control_price": "control_price", "docs_issued_at": "docs_issued_at", "bid_deadline_at": "bid_deadline_at",
    "bid_open_at": "bid_open_at", "winner_code": "award__winner__credit_code", "award_amount": "award__amount",
    "awarded_at": "award__awarded_at",
}
BID_COLUMNS = {
    "lot_code": "lot__code", "bidder_code": "bidder__credit_code", "bidder_name": "bidder__name",
    "bidder_legal": "bidder__legal_representative", "price": "price", "submitted_at": "submitted_at",
    "bond_payer_account": "bond_payer_account", "cpu_id": "cpu_id", "disk_serial": "disk_serial",
    "mac_address": "mac_address", "upload_ip": "upload_ip", "file_hash": "file_hash", "file_author": "file_author",
    "file_preparer": "file_preparer", "project_manager": "project_manager",
    "project_manager_cert": "project_manager_cert", "contact_name": "contact_name",
    "contact_phone": "contact_phone", "is_rejected": "is_rejected",
}
CHUNK = 20_000


def _column(values):
    out = []
    for value in values:
        if isinstance(value, Decimal):
            value = float(value)
        elif hasattr(value, "tzinfo") and value.tzinfo is not None:
            # The engine works in local wall-clock time (Asia/Shanghai), as the trading data is published.
            value = timezone.localtime(value).replace(tzinfo=None)
        out.append(value)
    return pa.array(out) if any(v is not None for v in out) else pa.nulls(len(out))


def _table(queryset, columns):
    data = {name: [] for name in columns}
    for row in queryset.values_list(*columns.values()).iterator(chunk_size=CHUNK):
        for name, value in zip(columns, row):
            data[name].append(value)
    return pa.table({name: _column(values) for name, values in data.items()})


def database_tables():
    """The trading tables as the engine's Arrow input (lots, bids with the winner marked, contracts)."""
    lots = _table(Lot.objects.order_by("code"), LOT_COLUMNS)
    first_contract = Lot.objects.order_by("code").annotate(signed=Max("contracts__signed_on"))
    lots = lots.append_column("contract_signed_on", pa.array(list(first_contract.values_list("signed", flat=True)),
                                                             type=pa.date32()))
    bids = _table(Bid.objects.order_by("lot__code", "bidder__credit_code"), BID_COLUMNS)
    winners = set(Bid.objects.filter(lot__award__winner=F("bidder")).values_list("lot__code", "bidder__credit_code"))
    bids = bids.append_column("is_winner", pa.array([(lot, bidder) in winners for lot, bidder in zip(
        bids.column("lot_code").to_pylist(), bids.column("bidder_code").to_pylist())]))
    contracts = _table(Contract.objects.order_by("code"), {
        "contract_code": "code", "lot_code": "lot__code", "supplier_code": "supplier__credit_code",
        "price": "price", "final_price": "settle_price", "signed_on": "signed_on"})
    return {"lots": lots, "bids": bids, "contracts": contracts}
