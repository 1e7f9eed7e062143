"""Synthetic public-resource trading markets with planted, documented collusion, for demos, detection tests and
benchmarks. The generator (:func:`generate_market`) is plain Python: no Django, so the analytics engine can use it
and read its output directly. :mod:`.loading` and :mod:`.demo` put a generated market into the platform."""

from .market import generate_market
from .profile import DEMO_REGION_CODES, DEMO_SUPERVISORS, MarketSummary

__all__ = ["DEMO_REGION_CODES", "DEMO_SUPERVISORS", "MarketSummary", "generate_market"]
