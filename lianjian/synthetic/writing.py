"""One bid's identifiers and the CSV/Parquet writers of the generated market."""

import hashlib
from functools import lru_cache

from . import columns as col
from . import identifiers as ids
from . import names
from .profile import BATCH_ROWS, CSV_BLOCK_BYTES, NAME_CACHE, PARQUET_ROW_GROUP, TOOL_VERSION

# ---------------------------------------------------------------------------------------------------------------
# One bid's identifiers


# Identifier columns of a bid, in CSV order (BID columns MARGIN_PAY_FORM … BIDDER_PHONE_NUMBER).
IDENTITY_COLUMNS = col.BID[5:20]
IDENTITY_INDEX = {name: i for i, name in enumerate(IDENTITY_COLUMNS)}


@lru_cache(maxsize=NAME_CACHE)
def _name(serial, person, salt):
    return names.person_name(ids.person_key(serial, person, salt))


def _person_name(serial, person, taken):
    salt = 0
    name = _name(serial, person, 0)
    while name in taken:
        salt += 1
        name = _name(serial, person, salt)
    return name


def bid_identity(firm_device, serial, *, lot_index, seed, taken, bond_form):
    """The identifier columns (:data:`IDENTITY_COLUMNS`) of firm ``serial``'s bid file in lot ``lot_index``.
    Person names avoid ``taken`` (the names other bidders of the lot use) and are added to it."""
    cpu, disk, mac, ip, account, bank = firm_device
    manager_person = (lot_index + serial) % 4
    contact_person = 4 + lot_index % 2
    manager = _person_name(serial, manager_person, taken)
    contact = _person_name(serial, contact_person, taken)
    author = _person_name(serial, 6, taken)
    preparer = author if lot_index % 3 else _person_name(serial, 7, taken | {author})
    taken.update((manager, contact, author, preparer))
    transfer = bond_form == "银行转账"
    file_hash = hashlib.blake2b(f"{seed}:{lot_index}:{serial}".encode(), digest_size=16).hexdigest().upper()
    return [bond_form, account if transfer else "", bank if transfer else "", cpu, disk, mac, ip, TOOL_VERSION,
            file_hash, author, preparer, manager, ids.pm_certificate(serial, manager_person), contact,
            ids.mobile(serial, contact_person)]


# ---------------------------------------------------------------------------------------------------------------
# Writers


def _fmt_money(value):
    return f"{value:.2f}"


def _fmt_dt(value):
    return value.isoformat(" ") if value is not None else ""


def _fmt_date(value):
    return value.isoformat() if value is not None else ""


class ParquetSink:
    """Batches rows of one table and writes them as row groups; nothing is kept once written."""

    def __init__(self, path, schema):
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {"string": pa.string(), "float64": pa.float64(), "int32": pa.int32(), "bool": pa.bool_(),
                 "timestamp": pa.timestamp("s"), "date": pa.date32()}
        self.pa = pa
        self.names = [name for name, _type in schema]
        self.schema = pa.schema([(name, types[kind]) for name, kind in schema],
                                metadata={"time_zone": "Asia/Shanghai (local wall-clock times)"})
        self.writer = pq.ParquetWriter(str(path), self.schema, compression="zstd")
        self.rows = []

    def add(self, row):
        self.rows.append(row)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self):
        if not self.rows:
            return
        arrays = [self.pa.array([r[i] for r in self.rows], type=self.schema.field(i).type)
                  for i in range(len(self.names))]
        self.writer.write_batch(self.pa.RecordBatch.from_arrays(arrays, schema=self.schema))
        self.rows = []

    def close(self):
        self.flush()
        self.writer.close()


def bids_parquet_from_csv(csv_path, parquet_path):
    """The bids table, converted from the CSV by Arrow's streaming C++ reader (one block in memory at a time)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    types = {name: pa.string() for name in ("BID_SECTION_CODE", *col.BID)}
    types.update({"BID_PRICE": pa.float64(), "SUBMIT_TIME": pa.timestamp("s"), "EVALUATION_SCORE": pa.float64(),
                  "CANDIDATE_RANK": pa.int32()})
    reader = pacsv.open_csv(
        str(csv_path), read_options=pacsv.ReadOptions(block_size=CSV_BLOCK_BYTES),
        convert_options=pacsv.ConvertOptions(column_types=types, include_columns=list(types),
                                             strings_can_be_null=True))
    names = [name for name, _kind in col.BIDS_SCHEMA]
    writer, pending, rows = None, [], 0

    def flush():
        nonlocal writer, pending, rows
        table = pa.Table.from_batches(pending)
        if writer is None:
            writer = pq.ParquetWriter(str(parquet_path), table.schema, compression="zstd")
        writer.write_table(table)
        pending, rows = [], 0

    try:
        for batch in reader:
            arrays = list(batch.columns)
            rejected = batch.schema.get_field_index("IS_REJECTED")
            arrays[rejected] = pc.equal(arrays[rejected], "是")
            arrays.append(pc.fill_null(pc.equal(batch.column("CANDIDATE_RANK"), 1), False))
            pending.append(pa.RecordBatch.from_arrays(arrays, names=names))
            rows += batch.num_rows
            if rows >= PARQUET_ROW_GROUP:
                flush()
        if pending:
            flush()
    finally:
        if writer is not None:
            writer.close()


def _parquet_available():
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True
