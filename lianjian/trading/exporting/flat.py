"""Trading data as national-specification rows, one per bid, contract and contract change of each lot, in the
exact form the importer reads back: exporting and re-importing changes nothing."""

import csv
import io

from django.utils import timezone

from ..importing.fields import FIELDS
from ..models import Category, Procedure

COLUMNS = [f for f in FIELDS if f.section != "row"]
BATCH = 500


def _when(value):
    if value is None:
        return ""
    local = timezone.localtime(value)
    return local.strftime("%Y-%m-%d %H:%M:%S.%f" if local.microsecond else "%Y-%m-%d %H:%M:%S")


def _day(value):
    return value.isoformat() if value is not None else ""


def _num(value):
    return "" if value is None else str(value)


def _entity(entity, prefix, legal=True):
    if entity is None:
        return {}
    values = {f"{prefix}_code": entity.credit_code, f"{prefix}_name": entity.name}
    if legal:
        values[f"{prefix}_legal"] = entity.legal_representative
    return values


def lot_values(lot):
    """The project, tender project, lot and award columns shared by every row of a lot."""
    tp, project = lot.tender_project, lot.tender_project.project
    values = {
        "project.code": project.code, "project.name": project.name,
        "project.region": project.region.code if project.region else "",
        "project.sector": project.sector.code if project.sector else "",
        "project.category": str(Category(project.category).label) if project.category else "",
        "project.invest_code": project.invest_code, "project.approval_number": project.approval_number,
        "project.approval_authority": project.approval_authority, "project.approved_on": _day(project.approved_on),
        "project.total_investment": _num(project.total_investment),
        "tender.code": tp.code, "tender.deal_code": tp.deal_code or "", "tender.name": tp.name,
        "tender.sector": tp.sector.code, "tender.organize_form": tp.organize_form,
        "lot.code": lot.code, "lot.name": lot.name, "lot.category": str(Category(lot.category).label),
        "lot.procedure": str(Procedure(lot.procedure).label) if lot.procedure else "", "lot.region": lot.region.code,
        "lot.supervising_unit": lot.supervising_unit.name if lot.supervising_unit else "",
        "lot.estimated_price": _num(lot.estimated_price), "lot.control_price": _num(lot.control_price),
        "lot.bond_amount": _num(lot.bond_amount), "lot.notice_published_at": _when(lot.notice_published_at),
        "lot.docs_issued_at": _when(lot.docs_issued_at), "lot.bid_deadline_at": _when(lot.bid_deadline_at),
        "lot.bid_open_at": _when(lot.bid_open_at), "lot.bid_open_place": lot.bid_open_place,
        "lot.evaluation_method": lot.evaluation_method,
        "lot.evaluation_started_at": _when(lot.evaluation_started_at),
        "lot.evaluation_finished_at": _when(lot.evaluation_finished_at),
        "lot.host_venue": lot.host_venue.name if lot.host_venue else "",
        "lot.guest_venues": ";".join(sorted(u.name for u in lot.guest_venues.all())),
    }
    values.update({f"tender.{k}": v for k, v in _entity(tp.tenderer, "tenderer").items()})
    values.update({f"tender.{k}": v for k, v in _entity(tp.agency, "agency").items()})
    award = getattr(lot, "award", None)
    if award is not None:
        values.update({"award.winner_code": award.winner.credit_code, "award.winner_name": award.winner.name,
                       "award.amount": _num(award.amount),
                       "award.candidates_published_at": _when(award.candidates_published_at),
                       "award.candidates_publicity_end": _when(award.candidates_publicity_end),
                       "award.awarded_at": _when(award.awarded_at)})
    return values


def bid_values(bid):
    members = sorted(bid.consortium_members.all(), key=lambda e: e.credit_code)
    return {
        "bid.bidder_code": bid.bidder.credit_code, "bid.bidder_name": bid.bidder.name,
        "bid.bidder_legal": bid.bidder.legal_representative, "bid.price": _num(bid.price),
        "bid.other_price": bid.other_price, "bid.submitted_at": _when(bid.submitted_at),
        "bid.bond_pay_form": bid.bond_pay_form, "bid.bond_payer_account": bid.bond_payer_account,
        "bid.bond_payer_bank": bid.bond_payer_bank, "bid.cpu_id": bid.cpu_id, "bid.disk_serial": bid.disk_serial,
        "bid.mac_address": bid.mac_address, "bid.upload_ip": bid.upload_ip, "bid.tool_version": bid.tool_version,
        "bid.file_hash": bid.file_hash, "bid.file_author": bid.file_author, "bid.file_preparer": bid.file_preparer,
        "bid.project_manager": bid.project_manager, "bid.project_manager_cert": bid.project_manager_cert,
        "bid.contact_name": bid.contact_name, "bid.contact_phone": bid.contact_phone,
        "bid.consortium_codes": ";".join(m.credit_code for m in members),
        "bid.consortium_names": ";".join(m.name for m in members),
        "bid.score": _num(bid.score), "bid.candidate_rank": _num(bid.candidate_rank),
        "bid.is_rejected": "是" if bid.is_rejected else "否", "bid.reject_reason": bid.reject_reason,
    }


def contract_values(contract):
    values = {
        "contract.code": contract.code, "contract.name": contract.name, "contract.price": _num(contract.price),
        "contract.signed_on": _day(contract.signed_on), "contract.period_days": _num(contract.period_days),
        "contract.settle_price": _num(contract.settle_price), "contract.finished_on": _day(contract.finished_on),
        "contract.performance_note": contract.performance_note,
    }
    if contract.supplier is not None:
        values.update({"contract.supplier_code": contract.supplier.credit_code,
                       "contract.supplier_name": contract.supplier.name})
    return values


def export_lots_queryset(lots):
    return lots.select_related(
        "tender_project__project__region", "tender_project__project__sector", "tender_project__sector",
        "tender_project__tenderer", "tender_project__agency", "region", "supervising_unit", "host_venue",
        "award__winner",
    ).prefetch_related("guest_venues", "bids__bidder", "bids__consortium_members", "contracts__supplier",
                       "contracts__changes").order_by("pk")


def rows(lots):
    """Dicts of canonical field → text, lot by lot."""
    for lot in export_lots_queryset(lots).iterator(chunk_size=BATCH):
        base = lot_values(lot)
        bids = list(lot.bids.all())
        if not bids and not lot.contracts.all():
            yield base
        for bid in sorted(bids, key=lambda b: b.bidder.credit_code):
            yield {**base, **bid_values(bid)}
        for contract in lot.contracts.all():
            with_contract = {**base, **contract_values(contract)}
            yield with_contract
            for change in contract.changes.all():
                yield {**with_contract, "change.seq": str(change.seq), "change.changed_on": _day(change.changed_on),
                       "change.content": change.content, "change.price_after": _num(change.price_after)}


def headers(chinese=False):
    return [f.label if chinese else f.spec for f in COLUMNS]


def table_rows(lots):
    for values in rows(lots):
        yield [values.get(f.name, "") for f in COLUMNS]


class _Echo:
    def write(self, value):
        return value


def csv_chunks(lots):
    """The CSV as text chunks (UTF-8 with BOM so that Excel opens it as UTF-8), for a streaming response."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(headers())
    for row in table_rows(lots):
        yield writer.writerow(row)


def csv_text(lots):
    buffer = io.StringIO()
    for chunk in csv_chunks(lots):
        buffer.write(chunk)
    return buffer.getvalue()
