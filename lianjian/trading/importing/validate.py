"""Row validation: raw canonical values → typed section records, or row errors naming column, value and reason.

Rules, per section present in a row (a section is present when any of its columns has a value):
- its key column must be filled; a section with data besides its key is a full record and must carry its required
  fields; a section with only its key refers to a record given earlier in the file or already stored;
- a full record needs its parent's key in the same row (a lot names its tender project, a bid its lot …);
- within one file a record repeated on several rows (a lot on each of its bid rows) must be identical, unless the
  file is an OCDS release stream, where a later release replaces an earlier one;
- the same bid (lot + bidder) may appear only once, except as an identical repetition.
A unit (row, or OCDS release) is accepted only when all its rows are valid.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from lianjian.org.models import Region, Sector, Unit

from . import values as v
from .errors import RowError
from .fields import FIELD_BY_NAME, SECTION_KEY, SECTION_OF, SECTION_PARENT
from .records import COLUMN_NAMES, KEYS

KEY_INDEXES = {section: [COLUMN_NAMES[section].index(k) for k in KEYS[section]] for section in KEYS}

SCORE_QUANTUM = Decimal("0.001")
MAX_SCORE = Decimal("100000")
REPEATABLE = ("project", "tender", "lot", "award", "contract", "change")
SECTION_ORDER = ("project", "tender", "lot", "bid", "award", "contract", "change")
KEY_FIELDS = ("project.code", "tender.code", "lot.code", "contract.code")
PREFETCHED = {"project": "project.code", "tender": "tender.code", "lot": "lot.code", "contract": "contract.code"}
# Look-up caches are emptied beyond this many keys, so memory stays bounded on any file.
CACHE_LIMIT = 200_000
REQUIRED = {
    "project": ("project.name",),
    "tender": ("tender.name", "tender.tenderer_code"),
    "lot": ("lot.name",),
    "bid": (),
    "award": (),
    "contract": (),
    "change": (),
}


class RefData:
    """Regions, sectors and units by the codes and names files use for them."""

    def __init__(self):
        self.regions = {}
        names = {}
        for pk, code, name in Region.objects.values_list("pk", "code", "name"):
            self.regions[code] = pk
            names.setdefault(name, []).append(pk)
        self.regions.update({name: pks[0] for name, pks in names.items() if len(pks) == 1 and name not in self.regions})
        self.sectors = {}
        for pk, code, name in Sector.objects.values_list("pk", "code", "name"):
            self.sectors[code] = pk
            self.sectors[name] = pk
        self.units = {}
        for pk, name, short in Unit.objects.filter(is_active=True).values_list("pk", "name", "short_name"):
            self.units[name] = pk
            if short:
                self.units.setdefault(short, pk)

    def region(self, text):
        found = self.regions.get(text)
        if found is None:
            raise ValueError(_("行政区划“%(v)s”未在系统中登记") % {"v": text})
        return found

    def sector(self, text):
        found = self.sectors.get(text)
        if found is None:
            raise ValueError(_("行业领域“%(v)s”不存在（应为系统中的行业领域代码或名称）") % {"v": text})
        return found

    def unit(self, text):
        found = self.units.get(text)
        if found is None:
            raise ValueError(_("成员单位“%(v)s”不存在") % {"v": text})
        return found


class Validator:
    """Checks units one after another, remembering what the file has given so far."""

    def __init__(self, *, source, refs, default_region_id=None, exists=None, exists_many=None, describe=None,
                 deal_owner=None):
        self.source = source
        self.refs = refs
        self.default_region_id = default_region_id
        self.exists = exists
        self.describe = describe
        self.deal_owner = deal_owner
        self.exists_many = exists_many
        self.deal_codes = {}
        self.digests = {section: {} for section in REPEATABLE}
        self.bid_keys = set()
        self.entities = {}
        self.people = set()
        self.restaged = set()
        self._known_in_db = {}
        self._deal_in_db = {}
        self._last = {}
        self._plans = {}
        self.implied = set()

    # --- looking ahead -------------------------------------------------------------------------------------------

    def prefetch(self, units):
        """Answer in a few queries what the next ``units`` will ask the database one key at a time: whether
        referenced records exist, and which tender project owns each deal code."""
        wanted = {section: set() for section in PREFETCHED}
        deals = set()
        for unit in units:
            for raw in unit.rows:
                for section, field_name in PREFETCHED.items():
                    value = raw.values.get(field_name)
                    if value is not None:
                        wanted[section].add(v.as_text(value))
                deal = raw.values.get("tender.deal_code")
                if deal is not None:
                    deals.add(v.as_text(deal))
        for section, codes in wanted.items():
            known = self._known_in_db.setdefault(section, set())
            codes = {c for c in codes if c and c not in known and (c,) not in self.digests.get(section, ())}
            if codes and self.exists_many is not None:
                if len(known) > CACHE_LIMIT:
                    known.clear()
                known.update(self.exists_many(section, codes))
        deals = {d for d in deals if d and d not in self._deal_in_db and d not in self.deal_codes}
        if deals and self.deal_owner is not None:
            if len(self._deal_in_db) > CACHE_LIMIT:
                self._deal_in_db.clear()
            owners = self.deal_owner(deals)
            self._deal_in_db.update({d: owners.get(d) for d in deals})

    # --- one unit -----------------------------------------------------------------------------------------------

    def check(self, unit):
        """(records, errors) for a unit: records is a list of (section, key, row tuple, children) to stage."""
        self._errors = []
        self._unit = unit
        self._pending = {}
        self._pending_entities = {}
        self._pending_people = set()
        self._pending_deals = {}
        reuse = len(unit.rows) == 1
        records, parsed = [], {}
        for raw in unit.rows:
            self._raw = raw
            for column, value, reason in raw.problems:
                self._error(column, value, reason)
            typed, present, skipped, parsed = self._parse(raw, reuse)
            records.extend(self._sections(typed, present, skipped))
        if self._errors:
            return [], self._errors
        self._commit(records)
        if reuse:
            self._last.update(parsed)
        return records, []

    def _error(self, column, value, reason):
        self._errors.append(RowError(self.source.name, self._unit.row, column, v.as_text(value)[:200], str(reason)))

    def _label(self, name):
        label = self._raw.labels.get(name)
        if label:
            return label
        f = FIELD_BY_NAME[name]
        return f"{f.label}（{f.spec}）"

    # --- parsing -------------------------------------------------------------------------------------------------

    def _plan(self, raw):
        """The row's fields grouped by section, in a fixed order; computed once per file header."""
        plan = self._plans.get(id(raw.labels))
        if plan is None or plan[0] is not raw.labels:
            groups = {}
            for name in (raw.labels if raw.labels else raw.values):
                groups.setdefault(SECTION_OF[name], []).append(name)
            for name in raw.values:
                if name not in groups.get(SECTION_OF[name], ()):
                    groups.setdefault(SECTION_OF[name], []).append(name)
            plan = (raw.labels, [(section, tuple(names),
                                  tuple((name, PARSERS[FIELD_KIND[name]], FIELD_BY_NAME[name]) for name in names))
                                 for section, names in groups.items() if section != "row"])
            if raw.labels:
                self._plans[id(raw.labels)] = plan
        return plan[1]

    def _parse(self, raw, reuse):
        """Typed values of a raw row. A section whose cells and whose row's keys equal those of the last accepted
        row (a lot repeated on each of its bid rows) is not parsed or checked again: it can only give the same,
        accepted, result."""
        values = raw.values
        unit_text = values.get("row.price_unit")
        unit = 1
        if unit_text is not None:
            try:
                unit = int(v.parse_choice(unit_text, "price_unit") or 1)
            except ValueError as exc:
                self._error(self._label("row.price_unit"), unit_text, exc)
        typed, present, skipped, parsed = {}, {}, set(), {}
        context = (unit_text, *map(values.get, KEY_FIELDS))
        for section, names, parsers in self._plan(raw):
            cells = tuple(map(values.get, names))
            if not any(cell is not None for cell in cells):
                continue
            present[section] = names
            if reuse:
                last = self._last.get(section)
                if last is not None and last[0] == context and last[1] == cells:
                    typed.update(last[2])
                    skipped.add(section)
                    continue
            part = {}
            for (name, parse, f), value in zip(parsers, cells):
                if value is None:
                    continue
                try:
                    result = parse(self, f, value, unit)
                except ValueError as exc:
                    self._error(self._label(name), value, exc)
                    continue
                if result is not None and result != "" and result != ():
                    part[name] = result
            typed.update(part)
            if reuse:
                parsed[section] = (context, cells, part)
        return typed, present, skipped, parsed

    # --- sections ------------------------------------------------------------------------------------------------

    def _sections(self, typed, present, skipped):
        out = []
        for section in SECTION_ORDER:
            if section not in present or section in skipped:
                continue
            key_field = SECTION_KEY[section]
            if key_field not in typed:
                if self._raw.values.get(key_field) is None:
                    self._error(self._label(key_field), "", _("填写了%(sec)s信息，但缺少%(key)s")
                                % {"sec": _section_label(section), "key": FIELD_BY_NAME[key_field].label})
                continue
            has_data = any(name != key_field and name in typed for name in present[section])
            if not has_data and section in ("project", "tender", "lot", "contract"):
                self._require_known(section, (typed[key_field],), key_field)
                continue
            record = getattr(self, f"_{section}")(typed)
            if record is not None:
                out.append(record)
        return out

    def _parent_ok(self, typed, section):
        parent = SECTION_PARENT.get(section)
        if parent is None:
            return True
        if SECTION_KEY[parent] not in typed:
            self._error(self._label(SECTION_KEY[parent]), "", _("缺少%(key)s，无法确定该%(sec)s属于哪个%(parent)s")
                        % {"key": FIELD_BY_NAME[SECTION_KEY[parent]].label, "sec": _section_label(section),
                           "parent": _section_label(parent)})
            return False
        return True

    def _require(self, typed, section):
        ok = True
        for name in REQUIRED[section]:
            if name not in typed:
                self._error(self._label(name), "", _("%(label)s不能为空") % {"label": FIELD_BY_NAME[name].label})
                ok = False
        return ok

    def _record(self, section, row, children=None, label=None):
        key = tuple(row[KEY_INDEXES[section][i]] for i in range(len(KEYS[section])))
        digest = hash((row, children))
        if section == "bid":
            return self._bid_record(key, row, children, digest, label)
        seen = self._pending.get((section, key))
        if seen is not None:
            if seen != digest:
                self._error(label, key[-1], _("同一%(sec)s在本行出现了不一致的内容") % {"sec": _section_label(section)})
            return None
        self._pending[(section, key)] = digest
        previous = self.digests[section].get(key)
        if previous == digest:
            return None
        if previous is not None and not self.source.override:
            self._report_mismatch(section, key, row, children, label)
            return None
        return (section, key, row, children, previous is not None)

    def _bid_record(self, key, row, children, digest, label):
        if ("bid", key) in self._pending:
            self._error(label, key[1], _("同一标段的同一投标人在本条数据中重复出现"))
            return None
        self._pending[("bid", key)] = digest
        if hash(key) in self.bid_keys:
            if self.source.override:
                return ("bid", key, row, children, True)
            first, _columns = self.describe(("bid", key, row, children)) if self.describe else (None, [])
            self._error(label, key[1], _("同一标段的同一投标人在本文件中重复出现（首次出现于第 %(n)s 行）")
                        % {"n": first or "?"})
            return None
        return ("bid", key, row, children, False)

    def _report_mismatch(self, section, key, row, children, label):
        first, columns = self.describe((section, key, row, children)) if self.describe else (None, [])
        labels = [self._label(c) for c in columns]
        self._error(label, key[-1], _("同一%(sec)s的内容与第 %(n)s 行不一致%(detail)s")
                    % {"sec": _section_label(section), "n": first or "?",
                       "detail": ("：" + "、".join(labels)) if labels else ""})

    def _require_known(self, section, key, key_field):
        """A record referred to by its key only must be earlier in the file or already stored (the database
        answers come from :meth:`prefetch`; only stored records are remembered, so memory stays small)."""
        if (section, key) in self._pending or key in self.digests[section]:
            return
        known = self._known_in_db.setdefault(section, set())
        if key[0] in known:
            return
        if self.exists is not None and self.exists(section, key):
            known.add(key[0])
            return
        self._error(self._label(key_field), key[-1], _("%(sec)s“%(code)s”既不在本文件中，也未在系统中登记")
                    % {"sec": _section_label(section), "code": key[-1]})

    def _entity(self, code, name, legal, role, code_field, name_field):
        if code is None:
            return
        known = self._pending_entities.get(code) or self.entities.get(code)
        if not name and known is None and not (self.exists and self.exists("entity", (code,))):
            self._error(self._label(name_field), "", _("统一社会信用代码 %(code)s 对应的市场主体尚未登记，请填写名称")
                        % {"code": code})
            return
        entry = self._pending_entities.setdefault(code, [None, None, False, False, False])
        if name:
            entry[0] = name
        if legal:
            entry[1] = legal
        entry[2 + ("tenderer", "bidder", "agency").index(role)] = True

    def _project(self, t):
        if not self._require(t, "project"):
            return None
        region = t.get("project.region") or t.get("lot.region") or self.default_region_id
        sector = t.get("project.sector") or t.get("tender.sector")
        if region and "project.region" not in t:
            self.implied.add("project.region")
        if sector and "project.sector" not in t:
            self.implied.add("project.sector")
        row = (t["project.code"], t["project.name"], region, sector, t.get("project.category", ""),
               t.get("project.invest_code", ""), t.get("project.approval_number", ""),
               t.get("project.approval_authority", ""), t.get("project.approved_on"), t.get("project.total_investment"))
        return self._record("project", row, label=self._label("project.code"))

    def _tender(self, t):
        ok = self._require(t, "tender") & self._parent_ok(t, "tender")
        if "tender.sector" not in t:
            self._error(self._label("tender.sector"), "", _("行业领域不能为空"))
            ok = False
        self._entity(t.get("tender.tenderer_code"), t.get("tender.tenderer_name"), t.get("tender.tenderer_legal"),
                     "tenderer", "tender.tenderer_code", "tender.tenderer_name")
        self._entity(t.get("tender.agency_code"), t.get("tender.agency_name"), t.get("tender.agency_legal"),
                     "agency", "tender.agency_code", "tender.agency_name")
        ok &= self._deal_code_free(t)
        if not ok:
            return None
        row = (t["tender.code"], t["project.code"], t.get("tender.deal_code"), t["tender.name"], t["tender.sector"],
               t.get("tender.organize_form", ""), t["tender.tenderer_code"], t.get("tender.agency_code"))
        return self._record("tender", row, label=self._label("tender.code"))

    def _deal_code_free(self, t):
        deal, code = t.get("tender.deal_code"), t.get("tender.code")
        if not deal:
            return True
        owner = self._pending_deals.get(deal) or self.deal_codes.get(deal)
        if owner is None and deal in self._deal_in_db:
            owner = self._deal_in_db[deal]
        elif owner is None and self.deal_owner is not None:
            owner = self.deal_owner([deal]).get(deal)
        if owner is not None and owner != code:
            self._error(self._label("tender.deal_code"), deal, _("统一交易标识码已被招标项目“%(other)s”使用")
                        % {"other": owner})
            return False
        self._pending_deals[deal] = code
        return True

    def _lot(self, t):
        ok = self._require(t, "lot") & self._parent_ok(t, "lot")
        region = t.get("lot.region") or self.default_region_id
        if region is None:
            if self._raw.values.get("lot.region") is None:
                self._error(self._label("lot.region"), "", _("缺少行政区划代码，且导入时未指定缺省行政区划"))
            ok = False
        elif "lot.region" not in t:
            self.implied.add("lot.region")
        if not ok:
            return None
        row = (t["lot.code"], t["tender.code"], t["lot.name"], t.get("lot.category") or t.get("project.category")
               or "other", t.get("lot.procedure", ""), region, t.get("lot.supervising_unit"),
               t.get("lot.estimated_price"), t.get("lot.control_price"), t.get("lot.bond_amount"),
               t.get("lot.notice_published_at"), t.get("lot.docs_issued_at"), t.get("lot.bid_deadline_at"),
               t.get("lot.bid_open_at"), t.get("lot.bid_open_place", ""), t.get("lot.evaluation_method", ""),
               t.get("lot.evaluation_started_at"), t.get("lot.evaluation_finished_at"), t.get("lot.host_venue"))
        return self._record("lot", row, t.get("lot.guest_venues", ()), label=self._label("lot.code"))

    def _bid(self, t):
        ok = self._parent_ok(t, "bid")
        code = t["bid.bidder_code"]
        self._entity(code, t.get("bid.bidder_name"), t.get("bid.bidder_legal"), "bidder", "bid.bidder_code",
                     "bid.bidder_name")
        members = t.get("bid.consortium_codes", ())
        names = t.get("bid.consortium_names", ())
        if names and len(names) != len(members):
            self._error(self._label("bid.consortium_names"), "、".join(names),
                        _("联合体成员名称与统一社会信用代码的个数不一致（%(a)d 个名称，%(b)d 个代码）")
                        % {"a": len(names), "b": len(members)})
            ok = False
        for i, member in enumerate(members):
            self._entity(member, names[i] if i < len(names) else None, None, "bidder", "bid.consortium_codes",
                         "bid.consortium_names")
        if not ok:
            return None
        pm = t.get("bid.project_manager")
        if pm:
            self._pending_people.add((code, "project_manager", pm, t.get("bid.project_manager_cert", "")))
        contact = t.get("bid.contact_name")
        if contact:
            self._pending_people.add((code, "contact", contact, ""))
        row = (t["lot.code"], code, t.get("bid.price"), t.get("bid.other_price", ""), t.get("bid.submitted_at"),
               t.get("bid.bond_pay_form", ""), t.get("bid.bond_payer_account", ""), t.get("bid.bond_payer_bank", ""),
               t.get("bid.cpu_id", ""), t.get("bid.disk_serial", ""), t.get("bid.mac_address", ""),
               t.get("bid.upload_ip", ""), t.get("bid.tool_version", ""), t.get("bid.file_hash", ""),
               t.get("bid.file_author", ""), t.get("bid.file_preparer", ""), pm or "",
               t.get("bid.project_manager_cert", ""), contact or "", t.get("bid.contact_phone", ""),
               t.get("bid.score"), t.get("bid.candidate_rank"), bool(t.get("bid.is_rejected", False)),
               t.get("bid.reject_reason", ""))
        return self._record("bid", row, tuple(sorted(set(members) - {code})), label=self._label("bid.bidder_code"))

    def _award(self, t):
        if not self._parent_ok(t, "award"):
            return None
        self._entity(t["award.winner_code"], t.get("award.winner_name"), None, "bidder", "award.winner_code",
                     "award.winner_name")
        row = (t["lot.code"], t["award.winner_code"], t.get("award.amount"), t.get("award.candidates_published_at"),
               t.get("award.candidates_publicity_end"), t.get("award.awarded_at"))
        return self._record("award", row, label=self._label("award.winner_code"))

    def _contract(self, t):
        if not self._parent_ok(t, "contract"):
            return None
        supplier = t.get("contract.supplier_code")
        if supplier is None and "contract.supplier_code" not in self.source.provided:
            supplier = t.get("award.winner_code")
        if "contract.supplier_code" in t:
            self._entity(supplier, t.get("contract.supplier_name"), None, "bidder", "contract.supplier_code",
                         "contract.supplier_name")
        elif supplier:
            self.implied.add("contract.supplier_code")
        row = (t["contract.code"], t["lot.code"], supplier, t.get("contract.name", ""), t.get("contract.price"),
               t.get("contract.signed_on"), t.get("contract.period_days"), t.get("contract.settle_price"),
               t.get("contract.finished_on"), t.get("contract.performance_note", ""))
        return self._record("contract", row, label=self._label("contract.code"))

    def _change(self, t):
        if not self._parent_ok(t, "change"):
            return None
        row = (t["contract.code"], t["change.seq"], t.get("change.changed_on"), t.get("change.content", ""),
               t.get("change.price_after"))
        return self._record("change", row, label=self._label("change.seq"))

    # --- accepting a unit ----------------------------------------------------------------------------------------

    def _commit(self, records):
        for section, key, row, children, restaged in records:
            if section == "bid":
                self.bid_keys.add(hash(key))
            else:
                self.digests[section][key] = hash((row, children))
            if restaged:
                self.restaged.add(section)
        for code, (name, legal, tenderer, bidder, agency) in self._pending_entities.items():
            entry = self.entities.setdefault(code, [None, None, False, False, False])
            if name:
                entry[0] = name
            if legal:
                entry[1] = legal
            entry[2] |= tenderer
            entry[3] |= bidder
            entry[4] |= agency
        self.people |= self._pending_people
        self.deal_codes.update(self._pending_deals)
        for deal in self._pending_deals:
            self._deal_in_db.pop(deal, None)


def _text(self, f, value, unit):
    if type(value) is str:
        text = value.strip()
        if f.max_length and len(text) > f.max_length:
            return v.parse_text(text, f.max_length)
        return text
    return v.parse_text(value, f.max_length)


def _score(self, f, value, unit):
    number = v.parse_decimal(value)
    if number is not None and not (-MAX_SCORE < number < MAX_SCORE):
        raise ValueError(_("数值超出范围"))
    return None if number is None else number.quantize(SCORE_QUANTUM)


def _ref(lookup):
    def parse(self, f, value, unit):
        text = v.as_text(value)
        return getattr(self.refs, lookup)(text) if text else None
    return parse


PARSERS = {
    "text": _text, "code": _text,
    "uscc": lambda self, f, value, unit: v.parse_uscc(value),
    "money": lambda self, f, value, unit: v.parse_money(value, unit),
    "datetime": lambda self, f, value, unit: v.parse_datetime(value),
    "date": lambda self, f, value, unit: v.parse_date(value),
    "int": lambda self, f, value, unit: v.parse_int(value),
    "bool": lambda self, f, value, unit: v.parse_bool(value),
    "decimal": _score,
    "choice": lambda self, f, value, unit: v.parse_choice(value, f.choices),
    "region": _ref("region"), "sector": _ref("sector"), "unit": _ref("unit"),
    "units": lambda self, f, value, unit: tuple(sorted({self.refs.unit(x) for x in v.split_list(value)})),
    "usccs": lambda self, f, value, unit: tuple(v.parse_uscc(x) for x in v.split_list(value)),
    "texts": lambda self, f, value, unit: tuple(v.split_list(value)),
}
FIELD_KIND = {name: f.kind for name, f in FIELD_BY_NAME.items()}


def _section_label(section):
    return {
        "project": _("项目"), "tender": _("招标项目"), "lot": _("标段（包）"), "bid": _("投标"),
        "award": _("中标结果"), "contract": _("合同"), "change": _("合同变更"),
    }[section]
