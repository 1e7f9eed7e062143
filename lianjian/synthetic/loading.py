"""Putting a generated market into the platform through the trading importer, exactly as an uploaded file would
go in (validation, all-or-nothing per file, upsert on natural keys, audit)."""

from pathlib import Path

CSV_NAME = "market.csv"


def load_into_db(*, out_dir, actor=None, progress=None):
    """Import ``out_dir``/market.csv with :func:`lianjian.trading.services.trading_import` and return the
    ImportRun. ``actor`` None imports as the system; ``progress(done, total, message)`` follows the import."""
    from lianjian.trading.services import trading_import

    path = Path(out_dir) / CSV_NAME
    if not path.exists():
        raise FileNotFoundError(f"no generated market at {path}")
    return trading_import(paths=[str(path)], names=[CSV_NAME], actor=actor, progress=progress)
