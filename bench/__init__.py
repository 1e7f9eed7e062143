"""Benchmarks of Lianjian's heavy paths; run with ``python -m bench`` (all) or ``python -m bench NAME ARGS``."""
