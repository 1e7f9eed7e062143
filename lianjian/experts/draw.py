"""The committee draw as a pure function of (candidate snapshot, seed), so that any stored draw can be re-run.

Algorithm ``lianjian-draw/1``:

1. The snapshot lists the requested specialties in ascending code order. For each: the number of members wanted
   and every candidate (active expert of the province's pool holding that specialty or one below it), as
   ``[expert id, [recusal codes]]`` in ascending id order. The number of reserves is the same for every specialty.
2. One Mersenne Twister (``random.Random(seed)``, the integer seed) is created for the whole draw.
3. Specialty by specialty, the candidate list is permuted by Fisher–Yates: for i from the last index down to 1,
   swap element i with element ``rng.randrange(i + 1)``.
4. The permutation is walked in order. An expert already met in an earlier specialty is passed over silently.
   An expert with recusal codes is recorded as recused. Otherwise the expert becomes a member while members are
   wanted, then a reserve while reserves are wanted. The walk continues to the end of the list, so that every
   recused candidate is recorded with its reason, whether or not the draw would have reached them.
5. Every recorded expert gets the next order number (1, 2, 3 … across the whole draw).

Both inputs are stored with the draw; their SHA-256 digests (over canonical JSON) are stored too, so a re-run
proves the recorded picks and any edit to the snapshot or the picks is detected.
"""

import hashlib
import json
import random
from dataclasses import dataclass

ALGORITHM_VERSION = "lianjian-draw/1"

PRIMARY, RESERVE, RECUSED = "primary", "reserve", "recused"


@dataclass(frozen=True)
class Pick:
    order: int
    expert_id: int
    specialty: str
    role: str
    recusal_codes: tuple = ()

    def as_list(self):
        return [self.order, self.expert_id, self.specialty, self.role, list(self.recusal_codes)]


def canonical_json(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(value):
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def result_digest(picks):
    return digest([p.as_list() for p in picks])


def _permute(items, rng):
    items = list(items)
    for i in range(len(items) - 1, 0, -1):
        j = rng.randrange(i + 1)
        items[i], items[j] = items[j], items[i]
    return items


def run_draw(snapshot, seed):
    """The picks the algorithm makes from ``snapshot`` with ``seed``, in order."""
    if snapshot.get("algorithm") != ALGORITHM_VERSION:
        raise ValueError(f"snapshot was made for algorithm {snapshot.get('algorithm')!r}, not {ALGORITHM_VERSION}")
    rng = random.Random(int(seed))
    reserves = int(snapshot["reserves"])
    met = set()
    picks = []
    for block in snapshot["specialties"]:
        wanted_members, wanted_reserves = int(block["count"]), reserves
        for expert_id, codes in _permute(block["candidates"], rng):
            if expert_id in met:
                continue
            if codes:
                role = RECUSED
            elif wanted_members:
                role, wanted_members = PRIMARY, wanted_members - 1
            elif wanted_reserves:
                role, wanted_reserves = RESERVE, wanted_reserves - 1
            else:
                continue
            met.add(expert_id)
            picks.append(Pick(len(picks) + 1, expert_id, block["code"], role, tuple(codes)))
    return picks


def shortfalls(snapshot, picks):
    """Specialties where the draw found fewer eligible experts than wanted: (code, wanted, found, recused)."""
    reserves = int(snapshot["reserves"])
    found, recused = {}, {}
    for p in picks:
        target = recused if p.role == RECUSED else found
        target[p.specialty] = target.get(p.specialty, 0) + 1
    short = []
    for block in snapshot["specialties"]:
        wanted = int(block["count"]) + reserves
        if found.get(block["code"], 0) < wanted:
            short.append((block["code"], wanted, found.get(block["code"], 0), recused.get(block["code"], 0)))
    return short
