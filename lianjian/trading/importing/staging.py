"""Temporary staging tables: valid records are appended in batches (PostgreSQL ``COPY`` through psycopg 3,
SQLite ``executemany``), then merged into the trading tables by :mod:`.upsert` in one statement per table."""

import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction

from .records import CHILDREN, COLUMN_NAMES, KEYS, RECORDS

BATCH = 5_000
PREFIX = "tmp_trading_"

_PG_TYPES = {"text": "text", "nulltext": "text", "id": "bigint", "money": "numeric(18,2)",
             "score": "numeric(8,3)", "datetime": "timestamptz", "date": "date", "int": "bigint", "bool": "boolean"}
# The declared types Django gives these columns on SQLite, so that type affinity stores staged values exactly as
# the ORM stores them and "unchanged" compares equal.
_SQLITE_TYPES = {"text": "text", "nulltext": "text", "id": "integer", "money": "decimal", "score": "decimal",
                 "datetime": "datetime", "date": "date", "int": "integer", "bool": "bool"}

CHILD_COLUMNS = {
    "venue": [("lot_code", "text"), ("unit_id", "id")],
    "member": [("lot_code", "text"), ("bidder_code", "text"), ("member_code", "text")],
}
EXTRA_TABLES = {
    "entity": [("credit_code", "text"), ("name", "text"), ("legal_representative", "text"),
               ("is_tenderer", "bool"), ("is_bidder", "bool"), ("is_agency", "bool")],
    "person": [("entity_code", "text"), ("role", "text"), ("name", "text"), ("certificate_no", "text")],
}


def _sqlite_datetime(value):
    """As Django stores an aware datetime in SQLite: naive UTC, "YYYY-MM-DD HH:MM:SS[.ffffff]"."""
    return str(value.astimezone(datetime.timezone.utc).replace(tzinfo=None))


_SQLITE_ADAPTERS = {"datetime": _sqlite_datetime, "date": datetime.date.isoformat, "money": str, "score": str,
                    "bool": int}


def table(name):
    return PREFIX + name


class Stager:
    def __init__(self, connection):
        self.connection = connection
        self.vendor = connection.vendor
        self.types = _PG_TYPES if self.vendor == "postgresql" else _SQLITE_TYPES
        self.buffers = {}
        self.buffered = 0
        self.counts = {}
        self._indexed = set()
        self._column_types = {section: [c.type for c in columns] for section, columns in RECORDS.items()}
        self._adapters = {section: [_SQLITE_ADAPTERS.get(kind) for kind in kinds]
                          for section, kinds in self._column_types.items()}

    # --- tables --------------------------------------------------------------------------------------------------

    def _definitions(self):
        for section, columns in RECORDS.items():
            yield section, [("row_no", "int")] + [(c.name, c.type) for c in columns]
        for name, columns in CHILD_COLUMNS.items():
            yield name, [("row_no", "int")] + columns
        yield from EXTRA_TABLES.items()

    def create(self):
        self.drop()
        with self.connection.cursor() as cursor:
            for name, columns in self._definitions():
                body = ", ".join(f"{col} {self.types[kind]}" for col, kind in columns)
                cursor.execute(f"CREATE TEMPORARY TABLE {table(name)} ({body})")

    def drop(self):
        with self.connection.cursor() as cursor:
            for name, _columns in self._definitions():
                cursor.execute(f"DROP TABLE IF EXISTS {table(name)}")

    # --- appending -----------------------------------------------------------------------------------------------

    def _adapt(self, value, kind):
        if value is None or self.vendor == "postgresql":
            return value
        adapter = _SQLITE_ADAPTERS.get(kind)
        return adapter(value) if adapter is not None else value

    def adapt_row(self, section, row):
        if self.vendor == "postgresql":
            return row
        adapters = self._adapters[section]
        return tuple(value if value is None or adapter is None else adapter(value)
                     for value, adapter in zip(row, adapters))

    def add(self, row_no, records):
        for section, key, row, children, _restaged in records:
            self._append(section, (row_no, *self.adapt_row(section, row)))
            if section in CHILDREN and children:
                child, _source = CHILDREN[section]
                for item in children:
                    self._append(child, (row_no, *key, item))
        if self.buffered >= BATCH:
            self.flush()

    def _append(self, name, values):
        self.buffers.setdefault(name, []).append(values)
        self.counts[name] = self.counts.get(name, 0) + 1
        self.buffered += 1

    def add_entities(self, entities):
        for code, (name, legal, tenderer, bidder, agency) in entities.items():
            self._append("entity", (code, name or "", legal or "", self._adapt(tenderer, "bool"),
                                    self._adapt(bidder, "bool"), self._adapt(agency, "bool")))
            if self.buffered >= BATCH:
                self.flush()

    def add_people(self, people):
        for person in people:
            self._append("person", person)
            if self.buffered >= BATCH:
                self.flush()

    def flush(self):
        with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
            for name, rows in self.buffers.items():
                if rows:
                    self._write(cursor, name, rows)
        self.buffers = {}
        self.buffered = 0

    def _columns_of(self, name):
        for table_name, columns in self._definitions():
            if table_name == name:
                return [col for col, _kind in columns]
        raise KeyError(name)

    def _write(self, cursor, name, rows):
        columns = self._columns_of(name)
        if self.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table(name)} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _c in columns)
            self.connection.connection.executemany(
                f"INSERT INTO {table(name)} ({', '.join(columns)}) VALUES ({marks})", rows
            )

    # --- questions about what is staged --------------------------------------------------------------------------

    def describe(self, record):
        """(row number of the staged record with this key, canonical fields in which ``record`` differs)."""
        section, key, row, _children, _restaged = (*record, None)[:5]
        adapted = self.adapt_row(section, row)
        key_indexes = [COLUMN_NAMES[section].index(k) + 1 for k in KEYS[section]]
        staged = None
        for values in self.buffers.get(section, []):
            if all(values[i] == k for i, k in zip(key_indexes, key)):
                staged = values
                break
        if staged is None:
            staged = self._fetch(section, key)
        if staged is None:
            return None, []
        differing = [RECORDS[section][i].source for i, (a, b) in enumerate(zip(staged[1:], adapted))
                     if _normalised(a) != _normalised(b)]
        return staged[0], differing

    def _fetch(self, section, key):
        name = table(section)
        keys = KEYS[section]
        if section not in self._indexed:
            with self.connection.cursor() as cursor:
                cursor.execute(f"CREATE INDEX IF NOT EXISTS {name}_key ON {name} ({', '.join(keys)}, row_no)")
            self._indexed.add(section)
        where = " AND ".join(f"{k} = %s" for k in keys)
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT row_no, {', '.join(COLUMN_NAMES[section])} FROM {name} WHERE {where} "
                           f"ORDER BY row_no LIMIT 1", list(key))
            return cursor.fetchone()

    def keep_latest(self, sections):
        """Where a later OCDS release restaged a record, keep only the latest version (and its children)."""
        with self.connection.cursor() as cursor:
            for section in sections:
                name, keys = table(section), KEYS[section]
                match = " AND ".join(f"later.{k} = {name}.{k}" for k in keys)
                cursor.execute(f"DELETE FROM {name} WHERE EXISTS (SELECT 1 FROM {name} later WHERE {match} "
                               f"AND later.row_no > {name}.row_no)")
                if section in CHILDREN:
                    child = table(CHILDREN[section][0])
                    match = " AND ".join(f"p.{k} = {child}.{c}" for k, c in zip(keys, ("lot_code", "bidder_code")))
                    cursor.execute(f"DELETE FROM {child} WHERE NOT EXISTS (SELECT 1 FROM {name} p WHERE {match} "
                                   f"AND p.row_no = {child}.row_no)")


def _normalised(value):
    if value is None:
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Decimal(str(value)).normalize()
    text = str(value)
    try:
        return Decimal(text).normalize()
    except (InvalidOperation, ValueError):
        return text
