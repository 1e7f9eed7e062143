"""What every family shares: the names of the statutes and sources, and small helpers for building findings."""

import math

ART40 = "招标投标法实施条例第四十条"
ART39 = "招标投标法实施条例第三十九条"


def clean(value):
    """A JSON-serialisable copy of a value read back from an engine (dates as ISO text, floats rounded so that
    DuckDB and Spark, which may sum in a different order, report the same evidence)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 6)
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def threshold(thresholds, indicator, key):
    return thresholds.get(indicator.code, {}).get(key, indicator.thresholds[key])
