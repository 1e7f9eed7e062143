"""Merging staged records into the trading tables: ``INSERT … SELECT … ON CONFLICT (natural key) DO UPDATE``,
where the update only fires for rows whose provided columns actually differ. A re-import of the same data
therefore inserts nothing and updates nothing, and ``updated_at`` keeps its value.

Natural-key references (a lot's tender project code, a bid's credit code …) become foreign keys by joining the
staged rows to the rows merged just before them, parents first.
"""

from ..models import (
    Award, Bid, Contract, ContractChange, Entity, KeyPerson, Lot, Project, TenderProject,
)
from .records import CHILDREN, RECORDS
from .staging import table

T_ENTITY = Entity._meta.db_table
T_PROJECT = Project._meta.db_table
T_TENDER = TenderProject._meta.db_table
T_LOT = Lot._meta.db_table
T_BID = Bid._meta.db_table
T_AWARD = Award._meta.db_table
T_CONTRACT = Contract._meta.db_table
T_CHANGE = ContractChange._meta.db_table
T_PERSON = KeyPerson._meta.db_table
T_VENUES = Lot.guest_venues.through._meta.db_table
T_MEMBERS = Bid.consortium_members.through._meta.db_table

_SOURCES = {section: {c.name: c.source for c in columns} for section, columns in RECORDS.items()}


def _plain(section, *names):
    """Columns copied from the staged row as they are: (target column, expression, providing field)."""
    return [(name, f"s.{name}", _SOURCES[section][name]) for name in names]


# For each section: target table, conflict columns, FROM clause over the staged rows ``s``, and the columns.
MERGES = {
    "project": (T_PROJECT, ("code",), f"{table('project')} s", [("code", "s.code", None)] + _plain(
        "project", "name", "region_id", "sector_id", "category", "invest_code", "approval_number",
        "approval_authority", "approved_on", "total_investment")),
    "tender": (T_TENDER, ("code",),
               f"{table('tender')} s JOIN {T_PROJECT} p ON p.code = s.project_code "
               f"JOIN {T_ENTITY} te ON te.credit_code = s.tenderer_code "
               f"LEFT JOIN {T_ENTITY} ag ON ag.credit_code = s.agency_code",
               [("code", "s.code", None), ("project_id", "p.id", "project.code"),
                ("tenderer_id", "te.id", "tender.tenderer_code"), ("agency_id", "ag.id", "tender.agency_code")]
               + _plain("tender", "deal_code", "name", "sector_id", "organize_form")),
    "lot": (T_LOT, ("code",), f"{table('lot')} s JOIN {T_TENDER} tp ON tp.code = s.tender_code",
            [("code", "s.code", None), ("tender_project_id", "tp.id", "tender.code")] + _plain(
                "lot", "name", "category", "procedure", "region_id", "supervising_unit_id", "estimated_price",
                "control_price", "bond_amount", "notice_published_at", "docs_issued_at", "bid_deadline_at",
                "bid_open_at", "bid_open_place", "evaluation_method", "evaluation_started_at",
                "evaluation_finished_at", "host_venue_id")),
    "award": (T_AWARD, ("lot_id",),
              f"{table('award')} s JOIN {T_LOT} l ON l.code = s.lot_code "
              f"JOIN {T_ENTITY} w ON w.credit_code = s.winner_code",
              [("lot_id", "l.id", None), ("winner_id", "w.id", "award.winner_code")] + _plain(
                  "award", "amount", "candidates_published_at", "candidates_publicity_end", "awarded_at")),
    "bid": (T_BID, ("lot_id", "bidder_id"),
            f"{table('bid')} s JOIN {T_LOT} l ON l.code = s.lot_code "
            f"JOIN {T_ENTITY} b ON b.credit_code = s.bidder_code",
            [("lot_id", "l.id", None), ("bidder_id", "b.id", None)] + _plain(
                "bid", "price", "other_price", "submitted_at", "bond_pay_form", "bond_payer_account",
                "bond_payer_bank", "cpu_id", "disk_serial", "mac_address", "upload_ip", "tool_version", "file_hash",
                "file_author", "file_preparer", "project_manager", "project_manager_cert", "contact_name",
                "contact_phone", "score", "candidate_rank", "is_rejected", "reject_reason")),
    "contract": (T_CONTRACT, ("code",),
                 f"{table('contract')} s JOIN {T_LOT} l ON l.code = s.lot_code "
                 f"LEFT JOIN {T_ENTITY} sup ON sup.credit_code = s.supplier_code",
                 [("code", "s.code", None), ("lot_id", "l.id", "lot.code"),
                  ("supplier_id", "sup.id", "contract.supplier_code")] + _plain(
                     "contract", "name", "price", "signed_on", "period_days", "settle_price", "finished_on",
                     "performance_note")),
    "change": (T_CHANGE, ("contract_id", "seq"),
               f"{table('change')} s JOIN {T_CONTRACT} c ON c.code = s.contract_code",
               [("contract_id", "c.id", None), ("seq", "s.seq", None)] + _plain(
                   "change", "changed_on", "content", "price_after")),
}

# Columns a new row needs that no file provides.
INSERT_DEFAULTS = {"lot": [("stage", "'registered'")]}


class Merger:
    def __init__(self, connection, *, provided, now):
        self.connection = connection
        self.pg = connection.vendor == "postgresql"
        self.provided = provided
        self.now = now if self.pg else connection.ops.adapt_datetimefield_value(now)
        self.distinct = "IS DISTINCT FROM" if self.pg else "IS NOT"
        self.counts = {}

    def _count(self, cursor, target):
        cursor.execute(f"SELECT COUNT(*) FROM {target}")
        return cursor.fetchone()[0]

    def _run(self, cursor, label, target, sql, params):
        """Run an INSERT … ON CONFLICT and record how many rows it inserted and updated."""
        if self.pg:
            cursor.execute(f"WITH up AS ({sql} RETURNING (xmax = 0) AS inserted) "
                           f"SELECT COUNT(*) FILTER (WHERE inserted), COUNT(*) FILTER (WHERE NOT inserted) FROM up",
                           params)
            inserted, updated = cursor.fetchone()
        else:
            before = self._count(cursor, target)
            cursor.execute(sql, params)
            affected = cursor.rowcount
            inserted = self._count(cursor, target) - before
            updated = affected - inserted
        self._add(label, inserted, updated)

    def _add(self, label, inserted=0, updated=0, deleted=0):
        entry = self.counts.setdefault(label, {"created": 0, "updated": 0, "deleted": 0})
        entry["created"] += inserted
        entry["updated"] += updated
        entry["deleted"] += deleted

    def merge_all(self):
        with self.connection.cursor() as cursor:
            self._entities(cursor)
            for section in ("project", "tender", "lot"):
                self._section(cursor, section)
            self._children(cursor, "lot")
            for section in ("award", "bid"):
                self._section(cursor, section)
            self._children(cursor, "bid")
            self._people(cursor)
            for section in ("contract", "change"):
                self._section(cursor, section)
        return {label: entry for label, entry in self.counts.items() if any(entry.values())}

    def _section(self, cursor, section):
        target, conflict, from_sql, columns = MERGES[section]
        columns = columns + [(name, expr, None) for name, expr in INSERT_DEFAULTS.get(section, [])]
        names = [c[0] for c in columns] + ["created_at", "updated_at"]
        exprs = [c[1] for c in columns] + ["%s", "%s"]
        updates = [name for name, _expr, source in columns
                   if source is not None and source in self.provided and name not in conflict]
        sql = (f"INSERT INTO {target} AS t ({', '.join(names)}) SELECT {', '.join(exprs)} FROM {from_sql} "
               f"WHERE true ON CONFLICT ({', '.join(conflict)}) ")
        if updates:
            sets = ", ".join(f"{n} = excluded.{n}" for n in updates)
            changed = " OR ".join(f"t.{n} {self.distinct} excluded.{n}" for n in updates)
            sql += f"DO UPDATE SET {sets}, updated_at = excluded.updated_at WHERE {changed}"
        else:
            sql += "DO NOTHING"
        self._run(cursor, section, target, sql, [self.now, self.now])

    def _entities(self, cursor):
        flags = ("is_tenderer", "is_bidder", "is_agency")
        sets = ", ".join([
            "name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE t.name END",
            "legal_representative = CASE WHEN excluded.legal_representative <> '' "
            "THEN excluded.legal_representative ELSE t.legal_representative END",
            *[f"{f} = (t.{f} OR excluded.{f})" for f in flags],
            "updated_at = excluded.updated_at",
        ])
        changed = " OR ".join([
            "(excluded.name <> '' AND t.name <> excluded.name)",
            "(excluded.legal_representative <> '' AND t.legal_representative <> excluded.legal_representative)",
            *[f"(excluded.{f} AND NOT t.{f})" for f in flags],
        ])
        sql = (f"INSERT INTO {T_ENTITY} AS t (credit_code, name, legal_representative, {', '.join(flags)}, "
               f"created_at, updated_at) SELECT credit_code, name, legal_representative, {', '.join(flags)}, %s, %s "
               f"FROM {table('entity')} WHERE true ON CONFLICT (credit_code) DO UPDATE SET {sets} WHERE {changed}")
        self._run(cursor, "entity", T_ENTITY, sql, [self.now, self.now])

    def _people(self, cursor):
        sql = (f"INSERT INTO {T_PERSON} AS t (entity_id, role, name, certificate_no) "
               f"SELECT e.id, p.role, p.name, p.certificate_no FROM {table('person')} p "
               f"JOIN {T_ENTITY} e ON e.credit_code = p.entity_code WHERE true "
               f"ON CONFLICT (entity_id, role, name, certificate_no) DO NOTHING")
        self._run(cursor, "person", T_PERSON, sql, [])

    def _children(self, cursor, section):
        """Replace a lot's guest venues / a bid's consortium members with the staged list, when the file gives
        that list at all."""
        child, source = CHILDREN[section]
        if source not in self.provided:
            return
        staged, child_table = table(section), table(child)
        if section == "lot":
            through, owner, item = T_VENUES, "lot_id", "unit_id"
            owners = f"SELECT l.id FROM {T_LOT} l JOIN {staged} s ON s.code = l.code"
            wanted = (f"SELECT l.id AS owner_id, v.unit_id AS item_id FROM {child_table} v "
                      f"JOIN {T_LOT} l ON l.code = v.lot_code")
        else:
            through, owner, item = T_MEMBERS, "bid_id", "entity_id"
            owners = (f"SELECT b.id FROM {T_BID} b JOIN {T_LOT} l ON l.id = b.lot_id "
                      f"JOIN {T_ENTITY} e ON e.id = b.bidder_id "
                      f"JOIN {staged} s ON s.lot_code = l.code AND s.bidder_code = e.credit_code")
            wanted = (f"SELECT b.id AS owner_id, m.id AS item_id FROM {child_table} c "
                      f"JOIN {T_LOT} l ON l.code = c.lot_code JOIN {T_ENTITY} e ON e.credit_code = c.bidder_code "
                      f"JOIN {T_BID} b ON b.lot_id = l.id AND b.bidder_id = e.id "
                      f"JOIN {T_ENTITY} m ON m.credit_code = c.member_code")
        cursor.execute(f"CREATE TEMPORARY TABLE {child_table}_ids AS {wanted}")
        cursor.execute(f"DELETE FROM {through} WHERE {owner} IN ({owners}) AND NOT EXISTS (SELECT 1 FROM "
                       f"{child_table}_ids w WHERE w.owner_id = {through}.{owner} AND w.item_id = {through}.{item})")
        deleted = cursor.rowcount
        sql = (f"INSERT INTO {through} AS t ({owner}, {item}) SELECT owner_id, item_id FROM {child_table}_ids "
               f"WHERE true ON CONFLICT ({owner}, {item}) DO NOTHING")
        self._run(cursor, child, through, sql, [])
        self._add(child, deleted=deleted)
        cursor.execute(f"DROP TABLE {child_table}_ids")

    def touched_lot_ids(self):
        """Lots whose stage may have moved: those staged, or with a staged award or contract."""
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT l.id FROM {T_LOT} l WHERE l.code IN (SELECT code FROM {table('lot')} "
                f"UNION SELECT lot_code FROM {table('award')} UNION SELECT lot_code FROM {table('contract')})"
            )
            return [row[0] for row in cursor.fetchall()]
