"""Trading data as an OCDS 1.1 release package: one compiled release per tender project, with the lots and bids
extensions and Lianjian's ``lianjian`` objects for what OCDS has no field for (see
:mod:`lianjian.trading.importing.ocds`, which reads it back unchanged). Bids carry ``status`` valid/disqualified
and awards status active, as OCDS red-flag tools expect."""

import json

from django.utils import timezone

from ..importing.ocds import EXT
from .flat import export_lots_queryset

# The scheme label Lianjian writes for party identifiers; the id is the 统一社会信用代码, which the importer
# checks whatever the scheme says.
PARTY_SCHEME = "CN-USCC"
METHODS = {"open": "open", "invited": "selective", "direct": "direct"}


def _money(value):
    return {"amount": float(value), "currency": "CNY"} if value is not None else None


def _iso(value):
    return value.isoformat() if value is not None else None


def _clean(obj):
    """Drop empty members, so that what was blank stays absent (and untouched on re-import)."""
    if isinstance(obj, dict):
        cleaned = {k: _clean(v) for k, v in obj.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, "", [], {})}
    if isinstance(obj, list):
        return [_clean(v) for v in obj]
    return obj


class _Parties:
    def __init__(self):
        self.by_code = {}

    def ref(self, entity, role):
        party = self.by_code.get(entity.credit_code)
        if party is None:
            party = self.by_code[entity.credit_code] = {
                "id": entity.credit_code, "name": entity.name, "roles": [],
                "identifier": {"scheme": PARTY_SCHEME, "id": entity.credit_code, "legalName": entity.name},
                EXT: {"legalRepresentative": entity.legal_representative},
            }
        if role not in party["roles"]:
            party["roles"].append(role)
        return {"id": entity.credit_code, "name": entity.name}


def _lot(lot):
    return {
        "id": lot.code, "title": lot.name, "value": _money(lot.estimated_price),
        "tenderPeriod": {"endDate": _iso(lot.bid_deadline_at)},
        EXT: {
            "code": lot.code, "category": lot.category, "procedure": lot.procedure, "regionCode": lot.region.code,
            "supervisingUnit": lot.supervising_unit.name if lot.supervising_unit else None,
            "controlPrice": _num(lot.control_price), "bondAmount": _num(lot.bond_amount),
            "noticePublishedAt": _iso(lot.notice_published_at), "docsIssuedAt": _iso(lot.docs_issued_at),
            "bidOpenAt": _iso(lot.bid_open_at), "bidOpenPlace": lot.bid_open_place,
            "evaluationMethod": lot.evaluation_method, "evaluationStartedAt": _iso(lot.evaluation_started_at),
            "evaluationFinishedAt": _iso(lot.evaluation_finished_at),
            "hostVenue": lot.host_venue.name if lot.host_venue else None,
            "guestVenues": sorted(u.name for u in lot.guest_venues.all()),
        },
    }


def _num(value):
    return str(value) if value is not None else None


def _bid(bid, parties):
    members = sorted(bid.consortium_members.all(), key=lambda e: e.credit_code)
    return {
        "id": f"{bid.lot.code}-{bid.bidder.credit_code}", "relatedLots": [bid.lot.code],
        "date": _iso(bid.submitted_at), "status": "disqualified" if bid.is_rejected else "valid",
        "tenderers": [parties.ref(bid.bidder, "tenderer")] + [parties.ref(m, "tenderer") for m in members],
        "value": _money(bid.price),
        EXT: {
            "otherPrice": bid.other_price, "bondPayForm": bid.bond_pay_form,
            "bondPayerAccount": bid.bond_payer_account, "bondPayerBank": bid.bond_payer_bank, "cpuId": bid.cpu_id,
            "hardDiskSerialNumber": bid.disk_serial, "macAddress": bid.mac_address, "netId": bid.upload_ip,
            "toolVersion": bid.tool_version, "fileHash": bid.file_hash, "fileAuthor": bid.file_author,
            "filePreparer": bid.file_preparer, "projectManager": bid.project_manager,
            "projectManagerCert": bid.project_manager_cert, "contactName": bid.contact_name,
            "contactPhone": bid.contact_phone, "score": _num(bid.score), "candidateRank": bid.candidate_rank,
            "rejectReason": bid.reject_reason,
        },
    }


def _award(lot, award, parties):
    return {
        "id": lot.code, "status": "active", "relatedLots": [lot.code], "date": _iso(award.awarded_at),
        "suppliers": [parties.ref(award.winner, "supplier")], "value": _money(award.amount),
        EXT: {"candidatesPublishedAt": _iso(award.candidates_published_at),
              "candidatesPublicityEnd": _iso(award.candidates_publicity_end)},
    }


def _contract(lot, contract, parties):
    supplier = parties.ref(contract.supplier, "supplier") if contract.supplier else None
    return {
        "id": contract.code, "awardID": lot.code, "title": contract.name, "value": _money(contract.price),
        "dateSigned": _iso(contract.signed_on), "period": {"durationInDays": contract.period_days},
        "amendments": [{"id": str(c.seq), "date": _iso(c.changed_on), "description": c.content,
                        EXT: {"seq": c.seq, "priceAfter": _num(c.price_after)}} for c in contract.changes.all()],
        EXT: {"lotCode": lot.code, "supplier": supplier, "settlePrice": _num(contract.settle_price),
              "finishedOn": _iso(contract.finished_on), "performanceNote": contract.performance_note},
    }


def release(tender_project, lots):
    """The compiled release of one tender project with ``lots`` (those of it being exported)."""
    project = tender_project.project
    parties = _Parties()
    buyer = parties.ref(tender_project.tenderer, "buyer")
    tender = {
        "id": tender_project.code, "title": tender_project.name,
        "lots": [_lot(lot) for lot in lots],
        EXT: {"dealCode": tender_project.deal_code, "sector": tender_project.sector.code,
              "organizeForm": tender_project.organize_form},
    }
    procedures = {lot.procedure for lot in lots}
    if len(procedures) == 1 and METHODS.get(next(iter(procedures))):
        tender["procurementMethod"] = METHODS[next(iter(procedures))]
    if tender_project.agency is not None:
        tender["procuringEntity"] = parties.ref(tender_project.agency, "procuringEntity")
    bids, awards, contracts = [], [], []
    for lot in lots:
        for bid in sorted(lot.bids.all(), key=lambda b: b.bidder.credit_code):
            bid.lot = lot
            bids.append(_bid(bid, parties))
        award = getattr(lot, "award", None)
        if award is not None:
            awards.append(_award(lot, award, parties))
        contracts.extend(_contract(lot, c, parties) for c in lot.contracts.all())
    stamp = max([tender_project.updated_at, *(lot.updated_at for lot in lots)])
    data = {
        "ocid": tender_project.code, "id": f"{tender_project.code}-{stamp:%Y%m%d%H%M%S}", "date": _iso(stamp),
        "tag": ["compiled"], "initiationType": "tender", "language": "zh",
        "planning": {
            "budget": {"projectID": project.code, "project": project.name},
            EXT: {"regionCode": project.region.code if project.region else None,
                  "sector": project.sector.code if project.sector else None, "category": project.category,
                  "investProjectCode": project.invest_code, "approvalNumber": project.approval_number,
                  "approvalAuthority": project.approval_authority, "approvedOn": _iso(project.approved_on),
                  "totalInvestment": _num(project.total_investment)},
        },
        "buyer": buyer, "tender": tender, "bids": {"details": bids}, "awards": awards, "contracts": contracts,
    }
    data = _clean(data)
    data["parties"] = [_clean(p) for p in parties.by_code.values()]
    return data


def releases(lots):
    """Releases for the tender projects of ``lots`` (a Lot queryset), each with the lots of it in the set."""
    current, group = None, []
    for lot in export_lots_queryset(lots).order_by("tender_project_id", "pk").iterator(chunk_size=500):
        if current is not None and lot.tender_project_id != current.pk:
            yield release(current, group)
            group = []
        current = lot.tender_project
        group.append(lot)
    if current is not None:
        yield release(current, group)


def package_chunks(lots, *, publisher="联监"):
    """A release package as JSON text chunks (streamed: one release at a time)."""
    head = {"uri": "", "version": "1.1", "publishedDate": timezone.now().isoformat(), "publisher": {"name": publisher},
            "extensions": [
                "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/master/extension.json",
                "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/master/extension.json",
            ]}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "releases": ['
    first = True
    for item in releases(lots):
        yield ("" if first else ",\n") + json.dumps(item, ensure_ascii=False)
        first = False
    yield "]}\n"


def package_text(lots):
    return "".join(package_chunks(lots))


def lines_chunks(lots):
    """Compiled releases, one JSON object per line (what OCDS red-flag tools read)."""
    for item in releases(lots):
        yield json.dumps(item, ensure_ascii=False) + "\n"

