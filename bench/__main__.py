"""Dispatcher: ``python -m bench`` runs every benchmark with its defaults; ``python -m bench NAME [ARGS]`` runs
one (for example ``python -m bench import_trading --bids 1000000``)."""

import importlib
import sys

BENCHMARKS = ["import_trading", "synthetic_market", "inspections_draw", "analytics", "complaints_load"]


def main(argv):
    if argv and not argv[0].startswith("-"):
        name, rest = argv[0], argv[1:]
        if name not in BENCHMARKS:
            sys.exit(f"unknown benchmark {name!r}; known: {', '.join(BENCHMARKS)}")
        importlib.import_module(f"bench.{name}").main(rest)
        return
    for name in BENCHMARKS:
        importlib.import_module(f"bench.{name}").main(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
