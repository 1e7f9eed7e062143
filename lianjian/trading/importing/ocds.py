"""OCDS releases and compiled records → raw rows of canonical fields.

Mapping (OCDS 1.1 core with the lots and bids extensions):
- ``ocid`` is the tender project's code and, in OCDS from elsewhere, its 统一交易标识码 (deal code);
- ``planning.budget.projectID``/``project`` (or ``planning.project``) is the project; without it the tender
  project is its own project;
- ``buyer`` is the tenderer (招标人); a ``procuringEntity`` other than the buyer is the agency (招标代理机构);
- each of ``tender.lots`` is a lot (a tender without lots is one lot coded like the ocid); lot ids that do not
  start with the ocid are prefixed with it, since lot codes are unique nationally and OCDS lot ids per process;
- ``bids.details``: the first tenderer is the bidder, further tenderers are consortium members; status
  ``disqualified``/``invalid`` marks a rejected bid;
- ``awards`` with status ``active`` (or none) give the winner per related lot; ``contracts`` and their
  ``amendments`` give contracts and contract changes.
- Parties are identified by ``identifier.id``, which must be the 统一社会信用代码.
Fields that OCDS does not have (control price, supervising unit, region code, venues, bid-tool fingerprints …)
travel in a ``lianjian`` object on the tender, lot, bid, award, contract, amendment, party and planning; Lianjian's
own OCDS export writes them, so an export re-imports unchanged.
"""

from django.utils.translation import gettext as _

EXT = "lianjian"
METHODS = {"open": "open", "selective": "invited", "limited": "negotiation", "direct": "direct"}
REJECTED_STATUSES = {"disqualified", "invalid", "withdrawn"}


class _Row:
    def __init__(self):
        self.values, self.labels, self.problems = {}, {}, []

    def put(self, name, value, path):
        if value is None or value == "" or value == []:
            return
        self.values[name] = value
        self.labels[name] = path

    def put_amount(self, name, value_obj, path):
        if not isinstance(value_obj, dict):
            return
        currency = value_obj.get("currency")
        if currency and currency != "CNY":
            self.problems.append((f"{path}.currency", currency, _("只支持人民币（CNY）金额")))
            return
        self.put(name, value_obj.get("amount"), f"{path}.amount")

    def copy(self):
        other = _Row()
        other.values, other.labels = dict(self.values), dict(self.labels)
        return other


def record_release(obj):
    """The release to import from a record (its compiled release) or a release itself."""
    if isinstance(obj, dict) and isinstance(obj.get("compiledRelease"), dict):
        return obj["compiledRelease"]
    return obj


def _ext(obj):
    value = obj.get(EXT) if isinstance(obj, dict) else None
    return value if isinstance(value, dict) else {}


def _get(obj, *path):
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


class _Parties:
    def __init__(self, release):
        self.by_id = {p.get("id"): p for p in release.get("parties") or [] if isinstance(p, dict)}

    def code(self, ref):
        if not isinstance(ref, dict):
            return None, None, None
        party = self.by_id.get(ref.get("id"), {})
        code = _get(party, "identifier", "id") or _get(ref, "identifier", "id") or ref.get("id")
        name = ref.get("name") or party.get("name") or _get(party, "identifier", "legalName")
        return code, name, _ext(party).get("legalRepresentative")

    def with_role(self, role):
        for party in self.by_id.values():
            if role in (party.get("roles") or []):
                return {"id": party.get("id"), "name": party.get("name")}
        return None


def lot_code(ocid, lot_id):
    lot_id = str(lot_id) if lot_id is not None else ""
    if not lot_id:
        return ocid
    return lot_id if ocid and lot_id.startswith(ocid) else f"{ocid}-{lot_id}"


def release_rows(release, source):
    """The raw rows of one release (see the module docstring for the mapping)."""
    from .readers import RawRow

    if not isinstance(release, dict) or not release.get("ocid"):
        row = _Row()
        row.problems.append(("ocid", "", _("OCDS 发布缺少 ocid")))
        return [RawRow(row.values, row.labels, row.problems)]
    ocid = str(release["ocid"])
    parties = _Parties(release)
    rows = []
    tender = release.get("tender") if isinstance(release.get("tender"), dict) else None
    lots = (tender or {}).get("lots") or []
    implicit_lot = ocid if not lots else None
    codes = {str(lot.get("id")): _ext(lot).get("code") or lot_code(ocid, lot.get("id"))
             for lot in lots if isinstance(lot, dict)}

    def resolve(lot_id):
        return codes.get(str(lot_id)) or lot_code(ocid, lot_id)

    if tender is not None:
        rows.extend(_tender_rows(release, tender, lots, ocid, parties, resolve))
    award_lots = {}
    for i, award in enumerate(release.get("awards") or []):
        related = award.get("relatedLots") or ([implicit_lot] if implicit_lot else [])
        award_lots[award.get("id")] = [resolve(r) for r in related]
        if award.get("status") not in (None, "active"):
            continue
        rows.extend(_award_rows(award, f"awards[{i}]", award_lots[award.get("id")], parties))
    for i, bid in enumerate(_get(release, "bids", "details") or []):
        rows.append(_bid_row(bid, f"bids.details[{i}]", resolve, implicit_lot, parties))
    for i, contract in enumerate(release.get("contracts") or []):
        rows.extend(_contract_rows(contract, f"contracts[{i}]", ocid, award_lots, implicit_lot, release, parties))
    result = []
    for row in rows:
        source.provided.update(row.values)
        result.append(RawRow(row.values, row.labels, row.problems))
    return result


def _tender_rows(release, tender, lots, ocid, parties, resolve):
    base = _Row()
    t_ext = _ext(tender)
    planning = release.get("planning") if isinstance(release.get("planning"), dict) else {}
    p_ext = _ext(planning)
    base.put("project.code", _get(planning, "budget", "projectID") or _get(planning, "project", "id") or ocid,
             "planning.budget.projectID")
    base.put("project.name", _get(planning, "budget", "project") or _get(planning, "project", "title")
             or tender.get("title"), "planning.budget.project")
    for name, key in (("project.region", "regionCode"), ("project.sector", "sector"), ("project.category", "category"),
                      ("project.invest_code", "investProjectCode"), ("project.approval_number", "approvalNumber"),
                      ("project.approval_authority", "approvalAuthority"), ("project.approved_on", "approvedOn"),
                      ("project.total_investment", "totalInvestment")):
        base.put(name, p_ext.get(key), f"planning.{EXT}.{key}")
    base.put("tender.code", ocid, "ocid")
    base.put("tender.deal_code", t_ext.get("dealCode") or (None if t_ext else ocid), f"tender.{EXT}.dealCode")
    base.put("tender.name", tender.get("title"), "tender.title")
    base.put("tender.sector", t_ext.get("sector") or "other", f"tender.{EXT}.sector")
    base.put("tender.organize_form", t_ext.get("organizeForm"), f"tender.{EXT}.organizeForm")
    buyer = release.get("buyer") or parties.with_role("buyer")
    code, name, legal = parties.code(buyer)
    base.put("tender.tenderer_code", code, "buyer.id")
    base.put("tender.tenderer_name", name, "buyer.name")
    base.put("tender.tenderer_legal", legal, f"parties.{EXT}.legalRepresentative")
    agency = tender.get("procuringEntity") or parties.with_role("procuringEntity")
    if agency and (agency.get("id") != (buyer or {}).get("id")):
        code, name, legal = parties.code(agency)
        base.put("tender.agency_code", code, "tender.procuringEntity.id")
        base.put("tender.agency_name", name, "tender.procuringEntity.name")
        base.put("tender.agency_legal", legal, f"parties.{EXT}.legalRepresentative")
    rows = []
    for i, lot in enumerate(lots or [None]):
        path = f"tender.lots[{i}]" if lot is not None else "tender"
        source = lot if lot is not None else tender
        l_ext = {**t_ext, **_ext(lot)} if lot is not None else t_ext
        row = base.copy()
        row.put("lot.code", resolve(lot.get("id")) if lot is not None else ocid, f"{path}.id")
        row.put("lot.name", source.get("title") or tender.get("title"), f"{path}.title")
        row.put("lot.category", l_ext.get("category") or tender.get("mainProcurementCategory"),
                "tender.mainProcurementCategory")
        method = l_ext.get("procedure") or tender.get("procurementMethodDetails")
        row.put("lot.procedure", method or METHODS.get(tender.get("procurementMethod")), "tender.procurementMethod")
        row.put("lot.region", l_ext.get("regionCode"), f"{path}.{EXT}.regionCode")
        row.put_amount("lot.estimated_price", source.get("value"), f"{path}.value")
        period = source.get("tenderPeriod") or tender.get("tenderPeriod") or {}
        row.put("lot.notice_published_at", l_ext.get("noticePublishedAt") or tender.get("datePublished")
                or period.get("startDate"), "tender.tenderPeriod.startDate")
        row.put("lot.bid_deadline_at", period.get("endDate"), "tender.tenderPeriod.endDate")
        row.put("lot.bid_open_at", l_ext.get("bidOpenAt") or _get(tender, "bidOpening", "date"),
                "tender.bidOpening.date")
        for name, key in (("lot.supervising_unit", "supervisingUnit"), ("lot.control_price", "controlPrice"),
                          ("lot.bond_amount", "bondAmount"), ("lot.docs_issued_at", "docsIssuedAt"),
                          ("lot.bid_open_place", "bidOpenPlace"), ("lot.evaluation_method", "evaluationMethod"),
                          ("lot.evaluation_started_at", "evaluationStartedAt"),
                          ("lot.evaluation_finished_at", "evaluationFinishedAt"),
                          ("lot.host_venue", "hostVenue"), ("lot.guest_venues", "guestVenues")):
            row.put(name, l_ext.get(key), f"{path}.{EXT}.{key}")
        rows.append(row)
    return rows


def _bid_row(bid, path, resolve, implicit_lot, parties):
    row = _Row()
    related = bid.get("relatedLots") or []
    lot = resolve(related[0]) if related else implicit_lot
    row.put("lot.code", lot, f"{path}.relatedLots")
    tenderers = bid.get("tenderers") or []
    if tenderers:
        code, name, legal = parties.code(tenderers[0])
        row.put("bid.bidder_code", code, f"{path}.tenderers[0].id")
        row.put("bid.bidder_name", name, f"{path}.tenderers[0].name")
        row.put("bid.bidder_legal", legal, f"parties.{EXT}.legalRepresentative")
    members = [parties.code(t) for t in tenderers[1:]]
    row.put("bid.consortium_codes", [m[0] for m in members], f"{path}.tenderers")
    row.put("bid.consortium_names", [m[1] for m in members], f"{path}.tenderers")
    row.put_amount("bid.price", bid.get("value"), f"{path}.value")
    row.put("bid.submitted_at", bid.get("date"), f"{path}.date")
    if bid.get("status"):
        row.put("bid.is_rejected", bid["status"] in REJECTED_STATUSES, f"{path}.status")
    ext = _ext(bid)
    for name, key in (("bid.other_price", "otherPrice"), ("bid.bond_pay_form", "bondPayForm"),
                      ("bid.bond_payer_account", "bondPayerAccount"), ("bid.bond_payer_bank", "bondPayerBank"),
                      ("bid.cpu_id", "cpuId"), ("bid.disk_serial", "hardDiskSerialNumber"),
                      ("bid.mac_address", "macAddress"), ("bid.upload_ip", "netId"),
                      ("bid.tool_version", "toolVersion"), ("bid.file_hash", "fileHash"),
                      ("bid.file_author", "fileAuthor"), ("bid.file_preparer", "filePreparer"),
                      ("bid.project_manager", "projectManager"), ("bid.project_manager_cert", "projectManagerCert"),
                      ("bid.contact_name", "contactName"), ("bid.contact_phone", "contactPhone"),
                      ("bid.score", "score"), ("bid.candidate_rank", "candidateRank"),
                      ("bid.reject_reason", "rejectReason")):
        row.put(name, ext.get(key), f"{path}.{EXT}.{key}")
    return row


def _award_rows(award, path, lot_codes, parties):
    rows = []
    suppliers = award.get("suppliers") or []
    for code_ in lot_codes:
        row = _Row()
        row.put("lot.code", code_, f"{path}.relatedLots")
        if suppliers:
            code, name, legal = parties.code(suppliers[0])
            row.put("award.winner_code", code, f"{path}.suppliers[0].id")
            row.put("award.winner_name", name, f"{path}.suppliers[0].name")
        row.put_amount("award.amount", award.get("value"), f"{path}.value")
        row.put("award.awarded_at", award.get("date"), f"{path}.date")
        ext = _ext(award)
        row.put("award.candidates_published_at", ext.get("candidatesPublishedAt"), f"{path}.{EXT}.candidatesPublishedAt")
        row.put("award.candidates_publicity_end", ext.get("candidatesPublicityEnd"),
                f"{path}.{EXT}.candidatesPublicityEnd")
        rows.append(row)
    return rows


def _contract_rows(contract, path, ocid, award_lots, implicit_lot, release, parties):
    ext = _ext(contract)
    row = _Row()
    lots = award_lots.get(contract.get("awardID")) or ([implicit_lot] if implicit_lot else [])
    lot = ext.get("lotCode") or (lots[0] if lots else None)
    row.put("lot.code", lot, f"{path}.awardID")
    row.put("contract.code", contract.get("id"), f"{path}.id")
    row.put("contract.name", contract.get("title"), f"{path}.title")
    row.put_amount("contract.price", contract.get("value"), f"{path}.value")
    row.put("contract.signed_on", contract.get("dateSigned"), f"{path}.dateSigned")
    row.put("contract.period_days", _get(contract, "period", "durationInDays"), f"{path}.period.durationInDays")
    supplier = ext.get("supplier")
    if not ext:
        award = next((a for a in release.get("awards") or [] if a.get("id") == contract.get("awardID")), {})
        supplier = (award.get("suppliers") or [None])[0]
    code, name, legal = parties.code(supplier)
    row.put("contract.supplier_code", code, f"{path}.{EXT}.supplier.id")
    row.put("contract.supplier_name", name, f"{path}.{EXT}.supplier.name")
    for name_, key in (("contract.settle_price", "settlePrice"), ("contract.finished_on", "finishedOn"),
                       ("contract.performance_note", "performanceNote")):
        row.put(name_, ext.get(key), f"{path}.{EXT}.{key}")
    rows = [row]
    for j, amendment in enumerate(contract.get("amendments") or []):
        change = _Row()
        a_path = f"{path}.amendments[{j}]"
        change.put("contract.code", contract.get("id"), f"{path}.id")
        change.put("lot.code", lot, f"{path}.awardID")
        change.put("change.seq", _ext(amendment).get("seq") or j + 1, f"{a_path}.id")
        change.put("change.changed_on", amendment.get("date"), f"{a_path}.date")
        change.put("change.content", amendment.get("description") or amendment.get("rationale"),
                   f"{a_path}.description")
        change.put("change.price_after", _ext(amendment).get("priceAfter"), f"{a_path}.{EXT}.priceAfter")
        rows.append(change)
    return rows
