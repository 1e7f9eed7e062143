"""Near-duplicate bid documents (第40条(四) 异常一致) by MinHash over character shingles of the document text.

Exact copies are caught by the file hash; edited copies (a changed name, a reordered table) are not, so the text
of each bid document, where the platform has it, is reduced to a MinHash signature and every pair of bidders in a
lot is compared on it. Hashing is deterministic (CRC-32 and fixed permutations), so every run agrees.
"""

import zlib
from collections import defaultdict
from itertools import combinations

import numpy as np

from ..findings import Finding
from .base import threshold

PERMUTATIONS = 128
PRIME = (1 << 61) - 1
_rng = np.random.default_rng(40)
_A = _rng.integers(1, 1 << 31, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, 1 << 31, PERMUTATIONS, dtype=np.uint64)


def signature(text, shingle):
    """The MinHash signature of ``text``'s character ``shingle``-grams (whitespace removed)."""
    text = "".join(text.split())
    grams = {text[i:i + shingle] for i in range(max(1, len(text) - shingle + 1))}
    hashes = np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint64, count=len(grams))
    return ((np.outer(hashes, _A) + _B) % PRIME).min(axis=0)


def similarity(a, b):
    return float(np.mean(a == b))


def near_duplicates(engine, indicator, thresholds):
    least = float(threshold(thresholds, indicator, "text_similarity"))
    shingle = int(threshold(thresholds, indicator, "shingle"))
    lots = defaultdict(list)
    for row in engine.rows("SELECT lot_code, bidder_code, file_hash, doc_text FROM bids WHERE doc_text <> ''"):
        lots[row["lot_code"]].append(row)
    for lot, rows in sorted(lots.items()):
        signatures = {r["bidder_code"]: signature(r["doc_text"], shingle) for r in rows}
        hashes = {r["bidder_code"]: r["file_hash"] for r in rows}
        for a, b in combinations(sorted(signatures), 2):
            # Identical files are already reported on their hash.
            if hashes[a] and hashes[a] == hashes[b]:
                continue
            score = similarity(signatures[a], signatures[b])
            if score >= least:
                yield Finding(indicator.code, lot, (a, b), round(score, 4), indicator.severity,
                              {"fields": ["doc_text"], "text_similarity": round(score, 4), "method": "MinHash",
                               "threshold": least})
