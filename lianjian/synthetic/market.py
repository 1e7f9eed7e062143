"""A seeded, streaming generator of a public-resource trading market with planted collusion.

``generate_market`` writes, into ``out_dir``:

- ``market.csv`` — one row per bid in the national data-specification columns (:mod:`.columns`), UTF-8 with BOM,
  ready for the trading importer;
- ``lots.parquet``, ``bids.parquet``, ``entities.parquet`` — the same market for the analytics engine (when pyarrow
  is installed; the bids table is converted from the CSV by Arrow's streaming reader);
- ``ground_truth.json`` — every planted pattern (:mod:`.patterns`) with its lots, firms and signal, and the list of
  clean lots.

The market: lots spread over ``years`` years from ``start_year`` across the four sectors (工程建设 housing,
transport and water; 政府采购 goods and services; land-use rights; state property), grouped into tender projects of
one to three lots. Estimates are lognormal per sector and category; tender bids are the control price less a
Beta-distributed discount whose parameters differ by category, transfer bids the reserve price plus a Beta
premium. Each lot has 3–15 bidders drawn with a popularity skew from the firms of its trade. Dates follow the
statutory order: notice and documents, bid deadline at least 20 days after the documents, opening at the deadline,
evaluation, candidate publicity within 3 days for at least 3 days, award notice, contract within 30 days. With
``as_of`` the market is shown as known at that moment (later bids, results, awards and contracts left out).

Everything comes from one seed (each lot from its own generator seeded by the seed and the lot's number); rows are
produced lot by lot and written at once, and firms are functions of their index (:mod:`.identifiers`,
:mod:`.names`) behind caches of fixed size, so memory stays flat however many bids are generated. Nothing here
imports Django.
"""

import csv
import datetime
import json
import math
import random
import time
from pathlib import Path

from . import columns as col
from . import identifiers as ids
from . import names
from . import patterns as pt
from .firms import (
    Registry,
)
from .profile import (
    BOND_CAP, BOND_FORM_CHOICE, BOND_SHARE, CATEGORY_CHOICE, CATEGORY_LETTER, CATEGORY_PRICES, CITY_SHARE,
    DEMO_REGION_CODES, DEMO_SUPERVISORS, DESIGN_SERVICES, GOODS_ITEMS, MarketSummary, MIN_DOCS_TO_DEADLINE_DAYS,
    OPEN_PLACES, PHASES, PLANTED_CEILING, PROCEDURE_CHOICE, PROGRESS_EVERY, PROJECT_SIZES, REJECT_REASONS,
    REJECTION_RATE, SECTOR_BY_CODE, SECTOR_CHOICE, SECTORS, SERVICE_ITEMS, STREETS, SUBMIT_WINDOW_MINUTES,
    TRANSFER_DAYS, TRANSFER_DEPOSIT_SHARE, TRANSFER_PREMIUM, Weighted, WORKS_FACILITIES,
)
from .writing import (
    bid_identity, bids_parquet_from_csv, _fmt_date, _fmt_dt, _fmt_money, IDENTITY_INDEX, _parquet_available,
    ParquetSink, _person_name,
)

# ---------------------------------------------------------------------------------------------------------------
# The generator


class _Generator:
    def __init__(self, *, seed, lots, out_dir, region_codes, start_year, years, as_of, supervisors, parquet,
                 progress):
        self.seed = seed
        self.n_lots = lots
        self.out = Path(out_dir)
        self.rng = random.Random(f"{seed}:market")
        self.region_codes = tuple(region_codes)
        self.start = datetime.datetime(start_year, 1, 4, 9, 0)
        self.span_days = (datetime.datetime(start_year + years - 1, 12, 20) - self.start).days
        self.window_end = datetime.date(start_year + years, 1, 1)
        self.as_of = as_of
        if as_of is not None:
            self.window_end = min(self.window_end, as_of.date() + datetime.timedelta(days=1))
        self.supervisors = supervisors or {}
        self.parquet = parquet
        self.progress = progress
        self.instances, self.planned, reserved = pt.plan(lots=lots, seed=seed)
        self.registry = Registry(lots=lots, region_codes=self.region_codes, pattern_firms=reserved)
        self.appeared = bytearray(self.registry.total)
        self.truth = {inst.id: {"lots": [], "per_lot": {}} for inst in self.instances}
        self.bids = 0
        self.clean = 0
        self.project_serial = 0
        self.tender_serial = 0
        others = len(self.region_codes) - 1
        self.region_choice = Weighted(self.region_codes,
                                      [CITY_SHARE] + [(1 - CITY_SHARE) / others] * others if others else [1.0])

    # --- helpers ----------------------------------------------------------------------------------------------

    def _reached(self, moment):
        return moment is not None and (self.as_of is None or moment <= self.as_of)

    def _when(self, index):
        day = (index + self.rng.random()) / self.n_lots * self.span_days
        moment = self.start + datetime.timedelta(days=int(day), hours=self.rng.randint(0, 8),
                                                 minutes=self.rng.choice((0, 15, 30, 45)))
        if moment.weekday() >= 5:
            moment += datetime.timedelta(days=7 - moment.weekday())
        return moment

    @staticmethod
    def _bidder_count(rng, sector):
        extra = rng.gammavariate(2.0, (sector.mean_bidders - 3) / 2.0)
        return max(3, min(15, 3 + int(round(extra))))

    def _pick_background(self, rng, group, count, exclude=()):
        size = self.registry.background_size(group)
        chosen = []
        taken = set(exclude)
        while len(chosen) < count:
            serial = self.registry.background(group, int(size * rng.random() ** 1.6))
            if serial not in taken:
                taken.add(serial)
                chosen.append(serial)
        return chosen

    # --- structure --------------------------------------------------------------------------------------------

    def run(self):
        started = time.monotonic()
        self.out.mkdir(parents=True, exist_ok=True)
        csv_path = self.out / "market.csv"
        clean_path = self.out / ".clean_lots.tmp"
        files = {"csv": csv_path}
        sinks = {}
        if self.parquet:
            files["lots"] = self.out / "lots.parquet"
            sinks["lots"] = ParquetSink(files["lots"], col.LOTS_SCHEMA)
        self.sinks = sinks
        with open(csv_path, "w", encoding="utf-8-sig", newline="") as fh, open(clean_path, "w") as clean:
            self.writer = csv.writer(fh, lineterminator="\n")
            self.writer.writerow(col.CSV_COLUMNS)
            self.clean_file = clean
            index = 0
            planned = sorted(self.planned)
            cursor = 0
            while index < self.n_lots:
                while cursor < len(planned) and planned[cursor] < index:
                    cursor += 1
                if cursor < len(planned) and planned[cursor] == index:
                    instance, position = self.planned[index]
                    self._tender_project(index, 1, instance=instance, position=position)
                    index += 1
                    continue
                room = (planned[cursor] if cursor < len(planned) else self.n_lots) - index
                size = min(room, PROJECT_SIZES.pick(self.rng))
                self._tender_project(index, size)
                index += size
                if self.progress and index // PROGRESS_EVERY != (index - size) // PROGRESS_EVERY:
                    self.progress(index, self.n_lots, f"已生成 {index} 个标段")
        entities = self._write_entities(files)
        for sink in sinks.values():
            sink.close()
        if self.parquet:
            files["bids"] = self.out / "bids.parquet"
            bids_parquet_from_csv(csv_path, files["bids"])
        files["ground_truth"] = self.out / "ground_truth.json"
        self._write_ground_truth(files["ground_truth"], clean_path)
        clean_path.unlink()
        if self.progress:
            self.progress(self.n_lots, self.n_lots, f"已生成 {self.n_lots} 个标段、{self.bids} 条投标")
        return MarketSummary(out_dir=self.out, seed=self.seed, lots=self.n_lots, bids=self.bids, entities=entities,
                             patterns=len(self.instances), clean_lots=self.clean,
                             seconds=time.monotonic() - started, files=files)

    def _tender_project(self, first_index, size, instance=None, position=None):
        rng = self.rng
        if instance is not None:
            sector = SECTOR_BY_CODE[instance.sector]
            category, group = instance.category, instance.group
        else:
            sector = SECTOR_CHOICE.pick(rng)
            category, group, _w = CATEGORY_CHOICE[sector.code].pick(rng)
        region = self.region_choice.pick(rng)
        notice = self._when(first_index)
        year = notice.year
        self.project_serial += 1
        self.tender_serial += 1
        tender_code = f"{sector.code_prefix}{region}{year}{self.tender_serial:08d}"
        district = names.DISTRICTS[DEMO_REGION_CODES.index(region)] if region in DEMO_REGION_CODES else "杭州市"
        if sector.transfer and sector.code == "land_mineral":
            tenderer = self.registry.land_authority(names.DISTRICTS.index(district))
        else:
            tenderer = self.registry.tenderer(rng.randrange(self.registry.tenderers))
        agency = None if rng.random() < 0.2 else self.registry.agency(rng.randrange(self.registry.agencies))
        project = self._project_fields(sector, category, region, district, notice, tenderer)
        tender = {
            "code": tender_code, "name": project["name"], "sector": sector.code, "tenderer": tenderer,
            "agency": agency, "deal_code": f"{region}-{year}-{SECTORS.index(sector) + 1}-{self.tender_serial:08d}",
            "organize_form": "自行招标" if agency is None else "委托招标",
        }
        procedure = PROCEDURE_CHOICE[sector.code].pick(rng)
        docs = notice + datetime.timedelta(hours=rng.choice((0, 0, 1, 24)))
        deadline_day = docs.date() + datetime.timedelta(days=rng.randint(MIN_DOCS_TO_DEADLINE_DAYS, 35))
        deadline = datetime.datetime.combine(deadline_day, datetime.time(9, 30))
        if deadline.weekday() >= 5:
            deadline += datetime.timedelta(days=7 - deadline.weekday())
        for k in range(size):
            index = first_index + k
            lot_name = project["name"] if size == 1 else f"{project['name']}（{k + 1}标段）"
            self._lot(index=index, sector=sector, category=category, group=group, region=region,
                      procedure=procedure, project=project, tender=tender, lot_code=f"{tender_code}{k + 1:03d}",
                      lot_name=lot_name, notice=notice, docs=docs, deadline=deadline + datetime.timedelta(hours=k),
                      instance=instance, position=position)

    def _project_fields(self, sector, category, region, district, notice, tenderer):
        rng = self.rng
        street = rng.choice(STREETS)
        tenderer_name = self.registry.firm(tenderer).name
        if sector.transfer and sector.code == "land_mineral":
            name = f"{district}{street}单元{rng.randint(1, 60):02d}-{rng.randint(1, 30):02d}地块国有建设用地使用权出让"
        elif sector.transfer:
            name = f"{tenderer_name}所持{street}资产{rng.choice((10, 20, 30, 49, 51, 100))}%股权转让"
        elif sector.code == "government_procurement":
            item = rng.choice(GOODS_ITEMS if category == "goods" else SERVICE_ITEMS)
            name = f"{tenderer_name}{notice.year}年度{item}采购项目"
        else:
            facility = rng.choice(WORKS_FACILITIES[sector.code])
            base = f"{district}{street}{facility}{rng.choice(PHASES)}"
            name = f"{base}工程" if category == "works" else (
                f"{base}工程{rng.choice(DESIGN_SERVICES)}" if category == "services" else f"{base}工程设备采购")
        approved = notice.date() - datetime.timedelta(days=rng.randint(30, 365))
        construction = sector.code.startswith("construction")
        return {
            "code": f"XM{region}{approved.year}{self.project_serial:07d}", "name": name, "region": region,
            "sector": sector.code, "category": CATEGORY_LETTER[category],
            "invest_code": f"{approved.year}-{region}-{rng.choice((47, 48, 49, 78))}-01-{self.project_serial:06d}"
            if construction else "",
            "approval_number": f"杭发改审批〔{approved.year}〕{rng.randint(1, 999)}号" if construction else "",
            "approval_authority": "杭州市发展和改革委员会" if construction else "",
            "approved_on": approved,
        }

    # --- one lot ----------------------------------------------------------------------------------------------

    def _lot(self, *, index, sector, category, group, region, procedure, project, tender, lot_code, lot_name,
             notice, docs, deadline, instance, position):
        # Each lot draws from its own generator, so what one lot shows (``as_of``) never shifts another.
        rng = random.Random(f"{self.seed}:lot:{index}")
        if sector.transfer:
            median, sigma = sector.price
        else:
            median, sigma, discount, period = CATEGORY_PRICES[category]
        estimate = round(math.exp(math.log(median) + sigma * rng.gauss(0, 1)), -3)
        estimate = max(estimate, 50_000.0)
        if sector.transfer:
            control = round(estimate, -4)
            bond = round(control * TRANSFER_DEPOSIT_SHARE, -4)
        else:
            control = round(estimate * rng.uniform(0.97, 1.0), -2)
            bond = float(min(BOND_CAP, math.floor(estimate * BOND_SHARE / 1000) * 1000))
        lowest_price = instance is not None or rng.random() < 0.45
        method = sector.methods[0] if lowest_price else sector.methods[1]
        if instance is not None:
            bids, shared, winner = self._planted_bids(rng, instance, position, control, discount, lot_code)
        else:
            serials = self._pick_background(rng, group, self._bidder_count(rng, sector))
            bids = self._clean_prices(rng, serials, control, sector.transfer, None if sector.transfer else discount)
            shared, winner = {}, None
        open_at = deadline
        if not self._reached(open_at):
            bids, shared = [], {}
        evaluated = not sector.transfer
        eval_start = open_at + datetime.timedelta(minutes=rng.randint(30, 120)) if evaluated else None
        eval_end = eval_start + datetime.timedelta(minutes=rng.randint(120, 540)) if evaluated else None
        rejected = {}
        if instance is None and evaluated:
            for serial, _price in bids:
                if rng.random() < REJECTION_RATE and len(rejected) < len(bids) - 1:
                    rejected[serial] = rng.choice(REJECT_REASONS)
        valid = [(s, p) for s, p in bids if s not in rejected]
        scores = {}
        if not valid:
            ranked = [(None, None)]
        elif sector.transfer:
            ranked = sorted(valid, key=lambda b: -b[1])
        elif lowest_price:
            ranked = sorted(valid, key=lambda b: b[1])
        else:
            floor = min(p for _s, p in valid)
            scores = {s: round(60 * floor / p + 40 * rng.uniform(0.75, 1.0), 3) for s, p in valid}
            ranked = sorted(valid, key=lambda b: -scores[b[0]])
        if winner is not None:
            ranked.sort(key=lambda b: b[0] != winner)
        winner_serial, award_amount = ranked[0]
        ranks = {s: i + 1 for i, (s, _p) in enumerate(ranked[:3]) if s is not None}
        if evaluated:
            published = datetime.datetime.combine(eval_end.date() + datetime.timedelta(days=rng.randint(1, 3)),
                                                  datetime.time(rng.randint(9, 16), rng.choice((0, 30))))
            publicity_end = published + datetime.timedelta(days=3 + rng.randint(0, 2))
            awarded = datetime.datetime.combine(publicity_end.date() + datetime.timedelta(days=rng.randint(1, 5)),
                                                datetime.time(rng.randint(9, 16), rng.choice((0, 30))))
        else:
            published = publicity_end = None
            awarded = open_at + datetime.timedelta(days=rng.randint(0, 2), hours=2)
        signed = awarded.date() + datetime.timedelta(days=rng.randint(3, 29))
        days = rng.randint(*(TRANSFER_DAYS if sector.transfer else period))
        finished = signed + datetime.timedelta(days=days + rng.randint(-10, 30))
        settle_ratio = rng.uniform(0.95, 1.12)
        if finished >= self.window_end:
            finished = None
        settle = round(award_amount * settle_ratio, 2) if finished and category == "works" else None
        results_known = bool(valid) and (not evaluated or self._reached(eval_end))
        if not results_known:
            scores, ranks, rejected = {}, {}, {}
        eval_start = eval_start if self._reached(eval_start) else None
        eval_end = eval_end if self._reached(eval_end) else None
        award_known = results_known and self._reached(published if evaluated else awarded)
        awarded = awarded if self._reached(awarded) else None
        contract_known = award_known and self._reached(datetime.datetime.combine(signed, datetime.time(9)))
        if not self._reached(notice):
            # Approved but not yet tendered: the tender's dates are not public yet.
            notice = docs = deadline = open_at = None
        supervisor = self.supervisors.get(f"{sector.code}@{region}") or self.supervisors.get(sector.code, "")
        winner_firm = self.registry.firm(winner_serial) if award_known else None
        tenderer_firm = self.registry.firm(tender["tenderer"])
        agency_firm = self.registry.firm(tender["agency"]) if tender["agency"] is not None else None
        for serial in (tender["tenderer"], tender["agency"]):
            if serial is not None:
                self.appeared[serial] = 1
        head = [
            project["code"], project["name"], project["region"], project["sector"], project["category"],
            project["invest_code"], project["approval_number"], project["approval_authority"],
            _fmt_date(project["approved_on"]),
            tender["code"], tender["deal_code"], tender["name"], tender["sector"], tender["organize_form"],
            tenderer_firm.code, tenderer_firm.name, tenderer_firm.legal,
            agency_firm.code if agency_firm else "", agency_firm.name if agency_firm else "",
            agency_firm.legal if agency_firm else "",
            lot_code, lot_name, CATEGORY_LETTER[category], procedure, region, supervisor, _fmt_money(estimate),
            _fmt_money(control), _fmt_money(bond), _fmt_dt(notice), _fmt_dt(docs), _fmt_dt(deadline),
            _fmt_dt(open_at), OPEN_PLACES.get(region, OPEN_PLACES["330100"]), method, _fmt_dt(eval_start),
            _fmt_dt(eval_end),
        ]
        keys = [""] * len(head)
        keys[0], keys[len(col.PROJECT)], keys[len(col.PROJECT) + len(col.TENDER)] = (
            project["code"], tender["code"], lot_code)
        empty_tail = [""] * (len(col.AWARD) + len(col.CONTRACT))
        tail = list(empty_tail)
        if award_known:
            tail[:len(col.AWARD)] = [winner_firm.code, winner_firm.name, _fmt_money(award_amount), _fmt_dt(published),
                                     _fmt_dt(publicity_end), _fmt_dt(awarded)]
        if contract_known:
            tail[len(col.AWARD):] = [f"HT{lot_code}", f"{lot_name}合同", winner_firm.code, winner_firm.name,
                                     _fmt_money(award_amount), _fmt_date(signed), str(days),
                                     _fmt_money(settle) if settle else "", _fmt_date(finished)]
        taken = set()
        bond_form = "银行转账" if instance is not None or sector.transfer else None
        works = category == "works"
        for number, (serial, price) in enumerate(bids):
            firm = self.registry.firm(serial)
            self.appeared[serial] = 1
            identity = bid_identity(self.registry.device(serial), serial, lot_index=index, seed=self.seed,
                                    taken=taken, bond_form=bond_form or BOND_FORM_CHOICE.pick(rng))
            for name, value in shared.get(serial, {}).items():
                identity[IDENTITY_INDEX[name]] = value
            if not works:
                identity[IDENTITY_INDEX["BID_MANAGER"]] = identity[IDENTITY_INDEX["REGIST_CERTIFICATE"]] = ""
            submitted = deadline - datetime.timedelta(minutes=5 + int(rng.random() * SUBMIT_WINDOW_MINUTES))
            rank = ranks.get(serial)
            score = scores.get(serial)
            reason = rejected.get(serial)
            bid = [firm.code, firm.name, firm.legal, _fmt_money(price), _fmt_dt(submitted), *identity,
                   "" if score is None else f"{score:.3f}", "" if rank is None else str(rank),
                   "否" if reason is None else "是", reason or ""]
            self.writer.writerow((head if number == 0 else keys) + bid + (tail if number == 0 else empty_tail))
            self.bids += 1
        if not bids:
            self.writer.writerow(head + [""] * len(col.BID) + tail)
        if self.sinks:
            self.sinks["lots"].add((
                lot_code, tender["code"], project["code"], tender["deal_code"], sector.code, category, procedure,
                region, tenderer_firm.code, agency_firm.code if agency_firm else None, supervisor or None, estimate,
                control, bond, notice, docs, deadline, open_at, method, eval_start, eval_end, len(bids),
                winner_firm.code if award_known else None, award_amount if award_known else None, awarded,
                f"HT{lot_code}" if contract_known else None, award_amount if contract_known else None,
                signed if contract_known else None,
            ))
        if instance is not None:
            if award_known:
                self._record_truth(instance, position, lot_code, bids, winner_serial)
        elif bids:
            self.clean += 1
            self.clean_file.write(lot_code + "\n")

    @staticmethod
    def _clean_prices(rng, serials, control, transfer, discount):
        """Prices with no regular pattern (see :func:`lianjian.synthetic.patterns.is_regular`)."""
        while True:
            if transfer:
                prices = [round(control * (1 + rng.betavariate(*TRANSFER_PREMIUM)), -3) for _s in serials]
            else:
                prices = [round(control * (1 - rng.betavariate(*discount)), 2) for _s in serials]
            if not pt.is_regular(prices):
                return list(zip(serials, prices))

    # --- planted patterns -------------------------------------------------------------------------------------

    def _members(self, instance):
        return [self.registry.reserved(instance.group, m) for m in instance.members]

    def _planted_bids(self, rng, instance, position, control, discount, lot_code):
        """(bids as (serial, price), identifier overrides per serial, designated winner or None)."""
        members = self._members(instance)
        # Every bid of a planted lot stays under the control price, however far above the lowest it is placed.
        base = round(min(control * (1 - rng.betavariate(*discount)), control * PLANTED_CEILING), 2)
        kind = instance.type
        if kind == pt.SHARED_DEVICE:
            present = sorted(rng.sample(members, rng.randint(2, len(members))))
            serials = present + self._pick_background(rng, instance.group, rng.randint(1, 4), present)
            number = int(instance.id.rsplit("-", 1)[1])
            device = {"MAC_ADDRESS": ids.planted_mac(number), "CPU_ID": ids.planted_cpu_id(number),
                      "HARD_DISK_SERIAL_NUMBER": ids.planted_disk_serial(number)}
            instance.params.update(device)
            self.truth[instance.id]["per_lot"][lot_code] = [self.registry.firm(s).code for s in present]
            bids = self._clean_prices(rng, serials, control, False, discount)
            return bids, {s: device for s in present}, None
        if kind == pt.ROTATING_WINNERS:
            winner = members[position % len(members)]
            outsiders = self._pick_background(rng, instance.group, rng.randint(0, 2), members)
            bids = [(winner, base)] + [(s, round(base * rng.uniform(*pt.ROTATION_MARKUP_RANGE), 2))
                                       for s in members + outsiders if s != winner]
            return bids, {}, winner
        if kind == pt.COVER_BIDDING:
            winner, covers = members[0], members[1:]
            outsiders = self._pick_background(rng, instance.group, rng.randint(0, 2), members)
            bids = [(winner, base)]
            bids += [(s, round(base * rng.uniform(*pt.COVER_RATIO_RANGE), 2)) for s in covers]
            bids += [(s, round(base * rng.uniform(1.04, 1.12), 2)) for s in outsiders]
            return bids, {}, winner
        if kind == pt.REGULAR_PRICE_GAPS:
            if int(instance.id.rsplit("-", 1)[1]) % 2:
                step = round(base * rng.uniform(0.005, 0.02), -2)
                prices = [round(base + k * step, 2) for k in range(len(members))]
                self.truth[instance.id]["per_lot"][lot_code] = {"kind": "difference", "value": step}
            else:
                ratio = round(1 + rng.uniform(0.005, 0.02), 4)
                prices = [round(base * ratio ** k, 2) for k in range(len(members))]
                self.truth[instance.id]["per_lot"][lot_code] = {"kind": "ratio", "value": ratio}
            order = rng.sample(members, len(members))
            return list(zip(order, prices)), {}, None
        outsiders = self._pick_background(rng, instance.group, rng.randint(1, 4), members)
        serials = members + outsiders
        if kind == pt.SHARED_BOND_ACCOUNT:
            account, bank = ids.bank_account(members[0])
            shared = {"MARGIN_PAY_FORM": "银行转账", "MARGIN_PAY_ACCOUNT": account, "MARGIN_PAY_BANK": bank}
            instance.params.update(shared)
        elif kind == pt.SHARED_PROJECT_MANAGER:
            person = 0
            shared = {"BID_MANAGER": _person_name(members[0], person, set()),
                      "REGIST_CERTIFICATE": ids.pm_certificate(members[0], person)}
            instance.params.update(shared)
        else:
            name = _person_name(members[0], 6, set())
            shared = {"BID_DOC_AUTHOR": name, "BID_DOC_PREPARER": name}
            instance.params.update(shared)
        return self._clean_prices(rng, serials, control, False, discount), {s: shared for s in members}, None

    def _record_truth(self, instance, position, lot_code, bids, winner_serial):
        truth = self.truth[instance.id]
        truth["lots"].append(lot_code)
        if instance.type == pt.ROTATING_WINNERS:
            truth.setdefault("sequence", []).append(self.registry.firm(winner_serial).code)
        if instance.type == pt.COVER_BIDDING:
            winner_price = dict(bids)[winner_serial]
            truth["per_lot"][lot_code] = {self.registry.firm(s).code: round(p / winner_price, 4)
                                          for s, p in bids if s in self._members(instance)[1:]}

    # --- closing files ----------------------------------------------------------------------------------------

    def _write_entities(self, files):
        sink = None
        if self.parquet:
            files["entities"] = self.out / "entities.parquet"
            sink = ParquetSink(files["entities"], col.ENTITIES_SCHEMA)
        count = 0
        for serial in range(self.registry.total):
            if not self.appeared[serial]:
                continue
            count += 1
            if sink is not None:
                firm = self.registry.firm(serial)
                sink.add((firm.code, firm.name, firm.legal, firm.role, firm.group or None, firm.region))
        if sink is not None:
            sink.close()
        return count

    def _signal(self, instance):
        truth = self.truth[instance.id]
        p = instance.params
        if instance.type == pt.SHARED_DEVICE:
            return {"fields": ["MAC_ADDRESS", "CPU_ID", "HARD_DISK_SERIAL_NUMBER"],
                    "values": {k: p[k] for k in ("MAC_ADDRESS", "CPU_ID", "HARD_DISK_SERIAL_NUMBER")},
                    "per_lot": truth["per_lot"]}
        if instance.type == pt.ROTATING_WINNERS:
            return {"fields": ["WIN_BIDDER_CODE"], "sequence": truth["sequence"],
                    "markup_range": list(pt.ROTATION_MARKUP_RANGE)}
        if instance.type == pt.COVER_BIDDING:
            members = [self.registry.firm(s).code for s in self._members(instance)]
            return {"fields": ["BID_PRICE"], "winner": members[0], "covers": members[1:],
                    "ratio_range": list(pt.COVER_RATIO_RANGE), "per_lot": truth["per_lot"]}
        if instance.type == pt.REGULAR_PRICE_GAPS:
            return {"fields": ["BID_PRICE"], "per_lot": truth["per_lot"]}
        if instance.type == pt.SHARED_BOND_ACCOUNT:
            return {"fields": ["MARGIN_PAY_ACCOUNT"], "values": {"MARGIN_PAY_ACCOUNT": p["MARGIN_PAY_ACCOUNT"]},
                    "bank": p["MARGIN_PAY_BANK"]}
        if instance.type == pt.SHARED_PROJECT_MANAGER:
            return {"fields": ["BID_MANAGER", "REGIST_CERTIFICATE"],
                    "values": {k: p[k] for k in ("BID_MANAGER", "REGIST_CERTIFICATE")}}
        return {"fields": ["BID_DOC_AUTHOR", "BID_DOC_PREPARER"],
                "values": {k: p[k] for k in ("BID_DOC_AUTHOR", "BID_DOC_PREPARER")}}

    def _write_ground_truth(self, path, clean_path):
        patterns = [{
            "id": instance.id, "type": instance.type, "statute": pt.STATUTES[instance.type],
            "sector": instance.sector, "lots": self.truth[instance.id]["lots"],
            "bidders": [self.registry.firm(s).code for s in self._members(instance)],
            "signal": self._signal(instance),
        } for instance in self.instances if self.truth[instance.id]["lots"]]
        header = {
            "generator": "lianjian.synthetic", "format_version": 1, "seed": self.seed, "lots": self.n_lots,
            "bids": self.bids, "clean_lot_count": self.clean,
            "clean_lot_definition": " ".join(pt.__doc__.split("A lot that carries no pattern is ", 1)[1].split()),
            "fingerprint_fields": list(pt.FINGERPRINT_FIELDS), "regularity_tolerance": pt.REGULARITY_TOLERANCE,
            "patterns": patterns,
        }
        body = json.dumps(header, ensure_ascii=False, indent=1)
        with open(path, "w", encoding="utf-8") as out, open(clean_path) as clean:
            out.write(body[:-2])
            out.write(',\n "clean_lots": [')
            first = True
            for line in clean:
                out.write(("" if first else ",") + "\n  " + json.dumps(line.strip()))
                first = False
            out.write("\n ]\n}\n")


def generate_market(*, seed, lots, out_dir, region_codes=DEMO_REGION_CODES, start_year=2021, years=4, as_of=None,
                    supervisors=DEMO_SUPERVISORS, parquet=None, progress=None):
    """Generate a market of ``lots`` lots into ``out_dir`` and return a :class:`MarketSummary`.

    ``region_codes``: GB/T 2260 codes the lots are spread over (the first is the city level, taking the largest
    share). ``as_of`` (a naive local datetime): the market as known at that moment — lots whose bids open later
    have no bids yet, and evaluation results, awards and contracts dated later are left out (default: every lot
    complete); the lots themselves are the same whatever the moment, and the ground truth lists the planted lots
    already awarded. ``supervisors``: supervising-unit names by sector code or "sector@region" (None: no supervising
    unit column). ``parquet``: write the Parquet tables (default: when pyarrow is installed). ``progress(done,
    total, message)`` is called every thousand lots. The same arguments always give byte-identical files.
    """
    if lots < 1:
        raise ValueError("lots must be at least 1")
    if years < 1:
        raise ValueError("years must be at least 1")
    if not region_codes:
        raise ValueError("region_codes must not be empty")
    if isinstance(as_of, datetime.date) and not isinstance(as_of, datetime.datetime):
        as_of = datetime.datetime.combine(as_of, datetime.time())
    generator = _Generator(seed=seed, lots=lots, out_dir=out_dir, region_codes=region_codes, start_year=start_year,
                           years=years, as_of=as_of, supervisors=supervisors,
                           parquet=_parquet_available() if parquet is None else parquet, progress=progress)
    return generator.run()
