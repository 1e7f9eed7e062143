"""Collusion patterns planted in the synthetic market, each with the statutory sign it imitates and the field that
carries its signal. Every planted lot is its own tender project with one lot, in a tendering sector, evaluated by
the lowest-price method, with no rejected bids, so the signal is the only thing that sets it apart. Firms taking
part in a pattern are reserved for it (they never bid in background lots); the other bidders of a planted lot are
ordinary background firms with their own identifiers.

``shared_device`` — a ring of 4–6 contractors (招标投标法实施条例 第40条(一)(二), and the provincial 雷同 warning
    on identical MAC/CPU/disk in one lot): in each of its lots two or more ring members bid, and their bid files
    carry one MAC address, CPU ID and disk serial (from a range no firm owns). Signal fields: MAC_ADDRESS, CPU_ID,
    HARD_DISK_SERIAL_NUMBER; ``per_lot`` lists the ring members present in each lot.

``rotating_winners`` — a group of 3–4 firms that all bid in a series of lots and take turns winning
    (第39条 agreed winner; OCDS/Imhof rotation screens): the designated winner of lot k is member k mod n, bidding
    lowest; the others bid 2–8 % above. Signal: the winner sequence (WIN_BIDDER_CODE) in lot order.

``cover_bidding`` — one designated winner and 2–3 cover bidders, perpetual losers who bid 1–3 % above the winner
    in every lot of the series and win nothing anywhere (陪标专业户; Imhof's RD screen; Chassang et al.'s missing
    bids). Signal: BID_PRICE of each cover divided by the winner's, within ``ratio_range``.

``regular_price_gaps`` — all bids of the lot (a group of 3–5 firms, nobody else) form an arithmetic series with
    a constant difference, or a geometric series with a constant ratio (第40条(四) 投标报价呈规律性差异). Signal:
    BID_PRICE; ``per_lot`` gives the difference in yuan or the ratio.

``shared_bond_account`` — three firms whose bid bonds in each of their lots are paid from one account, the first
    member's (第40条(六)). Signal: MARGIN_PAY_ACCOUNT (the bank, MARGIN_PAY_BANK, is given too; banks are
    shared by many honest firms).

``shared_project_manager`` — two firms naming the same project manager, with the same certificate, in their bids
    for one lot (第40条(三)). Signal: BID_MANAGER and REGIST_CERTIFICATE.

``shared_document_author`` — two or three firms whose bid files have the same author and preparer (第40条(一)
    bids prepared by the same person). Signal: BID_DOC_AUTHOR and BID_DOC_PREPARER.

A lot that carries no pattern is *clean*: no two of its bidders share a MAC address, CPU ID, disk serial, IP
address, bid-file hash, bond payer account, project manager (name or certificate), contact (name or telephone),
or document author or preparer, and its prices show no regular pattern (:func:`is_regular`: no two equal bids and,
with three or more bids, neither the gaps between sorted prices nor their ratios are constant within
``REGULARITY_TOLERANCE``).
"""

import random
from dataclasses import dataclass, field

SHARED_DEVICE = "shared_device"
ROTATING_WINNERS = "rotating_winners"
COVER_BIDDING = "cover_bidding"
REGULAR_PRICE_GAPS = "regular_price_gaps"
SHARED_BOND_ACCOUNT = "shared_bond_account"
SHARED_PROJECT_MANAGER = "shared_project_manager"
SHARED_DOCUMENT_AUTHOR = "shared_document_author"

STATUTES = {
    SHARED_DEVICE: "招标投标法实施条例第四十条第（一）（二）项；投标文件制作机器码（MAC/CPU/硬盘）雷同",
    ROTATING_WINNERS: "招标投标法实施条例第三十九条：约定中标人（轮流中标）",
    COVER_BIDDING: "招标投标法实施条例第三十九条：约定部分投标人放弃中标（陪标）",
    REGULAR_PRICE_GAPS: "招标投标法实施条例第四十条第（四）项：投标报价呈规律性差异",
    SHARED_BOND_ACCOUNT: "招标投标法实施条例第四十条第（六）项：投标保证金从同一单位或者个人的账户转出",
    SHARED_PROJECT_MANAGER: "招标投标法实施条例第四十条第（三）项：项目管理成员为同一人",
    SHARED_DOCUMENT_AUTHOR: "招标投标法实施条例第四十条第（一）项：投标文件由同一单位或者个人编制",
}

# Fingerprint fields that must differ between bidders of a clean lot (national data-spec column names).
FINGERPRINT_FIELDS = ("CPU_ID", "HARD_DISK_SERIAL_NUMBER", "MAC_ADDRESS", "NET_ID", "BID_DOC_HASH",
                      "MARGIN_PAY_ACCOUNT", "BID_MANAGER", "REGIST_CERTIFICATE", "BIDDER_CONTACTOR",
                      "BIDDER_PHONE_NUMBER", "BID_DOC_AUTHOR", "BID_DOC_PREPARER")
REGULARITY_TOLERANCE = 0.05
COVER_RATIO_RANGE = (1.01, 1.03)
ROTATION_MARKUP_RANGE = (1.02, 1.08)


def is_regular(prices, tolerance=REGULARITY_TOLERANCE):
    """Whether a lot's prices look arranged: two equal bids, or constant gaps or ratios between sorted bids."""
    ordered = sorted(prices)
    if len(set(ordered)) < len(ordered):
        return True
    if len(ordered) < 3:
        return False
    gaps = [b - a for a, b in zip(ordered, ordered[1:])]
    ratios = [b / a for a, b in zip(ordered, ordered[1:])]
    return _nearly_constant(gaps, tolerance) or _nearly_constant([r - 1 for r in ratios], tolerance)


def _nearly_constant(values, tolerance):
    low, high = min(values), max(values)
    return high - low <= tolerance * (sum(values) / len(values))


@dataclass
class Instance:
    """One planted pattern: its firms (group, local index) and the lots (indexes) it occupies, in order."""

    id: str
    type: str
    sector: str
    category: str
    group: str
    members: list
    lots: list
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Quota:
    type: str
    sector: str
    category: str
    group: str
    per_thousand: float
    minimum: int


# How many instances of each pattern per thousand lots (at least ``minimum``), and where they are planted.
QUOTAS = (
    Quota(SHARED_DEVICE, "construction.housing", "works", "works", 0.7, 1),
    Quota(ROTATING_WINNERS, "construction.transport", "works", "works", 0.4, 1),
    Quota(COVER_BIDDING, "construction.water", "works", "works", 0.4, 1),
    Quota(REGULAR_PRICE_GAPS, "government_procurement", "goods", "goods", 0.5, 2),
    Quota(SHARED_BOND_ACCOUNT, "construction.housing", "works", "works", 0.5, 1),
    Quota(SHARED_PROJECT_MANAGER, "construction.housing", "works", "works", 0.5, 1),
    Quota(SHARED_DOCUMENT_AUTHOR, "government_procurement", "services", "services", 0.5, 1),
)


def _shape(pattern_type, rng, small):
    """(members, lots) of one instance of ``pattern_type``; smaller series when the market is small."""
    if pattern_type == SHARED_DEVICE:
        return rng.randint(4, 6), rng.randint(3, 4) if small else rng.randint(3, 6)
    if pattern_type == ROTATING_WINNERS:
        members = rng.randint(3, 4)
        return members, members * (2 if small else 3)
    if pattern_type == COVER_BIDDING:
        return 1 + rng.randint(2, 3), rng.randint(4, 5) if small else rng.randint(5, 8)
    if pattern_type == REGULAR_PRICE_GAPS:
        return rng.randint(3, 5), 2
    if pattern_type == SHARED_BOND_ACCOUNT:
        return 3, rng.randint(2, 3) if small else 3
    if pattern_type == SHARED_PROJECT_MANAGER:
        return 2, 1
    return rng.randint(2, 3), 1


def instance_counts(lots):
    return [(quota, max(quota.minimum, round(quota.per_thousand * lots / 1000))) for quota in QUOTAS]


# A market keeps at least this many clean lots, and at least a fifth of its lots clean.
MIN_CLEAN_LOTS = 10
CLEAN_SHARE = 5


def minimum_lots():
    """The smallest market that holds one full set of patterns (each at its minimum count and largest small-market
    size) and still has :data:`MIN_CLEAN_LOTS` clean lots."""
    largest = {SHARED_DEVICE: 4, ROTATING_WINNERS: 8, COVER_BIDDING: 5, REGULAR_PRICE_GAPS: 2,
               SHARED_BOND_ACCOUNT: 3, SHARED_PROJECT_MANAGER: 1, SHARED_DOCUMENT_AUTHOR: 1}
    return sum(largest[q.type] * q.minimum for q in QUOTAS) + MIN_CLEAN_LOTS


SMALL_MARKET = 500


def plan(*, lots, seed):
    """The pattern instances of a market of ``lots`` lots, a map lot index → (instance, position), and the number
    of firms reserved per trade."""
    rng = random.Random(f"{seed}:patterns")
    small = lots < SMALL_MARKET
    shapes = []
    for quota, count in instance_counts(lots):
        for n in range(count):
            members, length = _shape(quota.type, rng, small)
            shapes.append((quota, n + 1, members, length))
    needed = sum(length for *_rest, length in shapes)
    if lots - needed < max(MIN_CLEAN_LOTS, lots // CLEAN_SHARE):
        raise ValueError(f"a market of {lots} lots is too small for the planted patterns (they take {needed} lots "
                         f"and at least {max(MIN_CLEAN_LOTS, lots // CLEAN_SHARE)} must stay clean); "
                         f"use at least {minimum_lots()} lots")
    chosen = rng.sample(range(lots), needed)
    instances, by_lot, next_member = [], {}, {}
    start = 0
    for quota, number, members, length in shapes:
        indexes = sorted(chosen[start:start + length])
        start += length
        first = next_member.get(quota.group, 0)
        next_member[quota.group] = first + members
        instance = Instance(id=f"{quota.type}-{number}", type=quota.type, sector=quota.sector,
                            category=quota.category, group=quota.group, members=list(range(first, first + members)),
                            lots=indexes)
        instances.append(instance)
        for position, index in enumerate(indexes):
            by_lot[index] = (instance, position)
    return instances, by_lot, next_member
