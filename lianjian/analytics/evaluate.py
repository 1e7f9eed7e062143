"""The learned collusion score and its evaluation on labelled bids.

Features are the screens of :mod:`.rules.screens`, computed here from the raw bids with the same SQL the suite
runs (never read from pre-computed columns of the input), plus the number of bids; a bid's own features add where
it sits in its tender (distance above the lowest bid, rank, z-score, whether it won). Models are scikit-learn
gradient boosting and, as the literature's reference (Huber & Imhof 2019), a random forest; both take missing
screens (tenders with few bids) as they are.

Cross-validation is grouped so that nothing about a tested tender (or bidder) is seen in training: tender-level
classification with folds by tender, bid-level classification with folds by tender and, when bidders are
identified, by bidder. Scores are out-of-fold predictions; the figures are accuracy, balanced accuracy and ROC AUC.
"""

import csv
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from .engines import DuckDBEngine
from .rules.screens import SCREENS, SCREENS_SQL

TENDER_FEATURES = ("n", *SCREENS)
BID_FEATURES = (*TENDER_FEATURES, "above_lowest", "rank_share", "z", "is_winner")
MIN_FOLDS = 2


class LabelledDataError(ValueError):
    """The labelled file cannot be read as bids (missing column, bad number), with the row and column named."""


def read_bids_csv(path, *, tender, price, label, winner=None, bidder=None):
    """The file's bids as an Arrow table (lot_code, bidder_code, price, is_winner, label). Rows without a price
    are kept out of the screens, as a bid that was not made."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or []
        for name, column in (("--tender", tender), ("--price", price), ("--label", label), ("--winner", winner),
                             ("--bidder", bidder)):
            if column and column not in header:
                raise LabelledDataError(f"文件中没有 {name} 指定的列“{column}”；现有列：{', '.join(header)}")
        rows = {"lot_code": [], "bidder_code": [], "price": [], "is_winner": [], "label": []}
        for number, row in enumerate(reader, start=2):
            try:
                value = float(row[price]) if row[price].strip() else None
                flag = int(float(row[label]))
                won = bool(float(row[winner])) if winner and row[winner].strip() else False
            except ValueError as exc:
                raise LabelledDataError(f"第 {number} 行无法读取数值（{price}/{label}/{winner}）：{exc}") from exc
            rows["lot_code"].append(str(row[tender]))
            rows["bidder_code"].append(str(row[bidder]) if bidder else f"{row[tender]}#{number}")
            rows["price"].append(value)
            rows["is_winner"].append(won)
            rows["label"].append(flag)
    if not rows["lot_code"]:
        raise LabelledDataError(f"{path} 没有数据行")
    return pa.table(rows)


def bid_features(bids):
    """(tender features by lot, bid-level rows) computed from the raw bids with the suite's screen SQL."""
    engine = DuckDBEngine(threads=1)
    try:
        engine.register("bids", bids.append_column("is_rejected", pa.array([False] * bids.num_rows)))
        engine.materialise("lot_screens", SCREENS_SQL)
        tenders = engine.rows("""
            SELECT t.lot_code, count(b.price) AS n_all, s.* EXCLUDE (lot_code)
            FROM (SELECT DISTINCT lot_code FROM bids) t
            LEFT JOIN lot_screens s ON s.lot_code = t.lot_code
            LEFT JOIN bids b ON b.lot_code = t.lot_code
            GROUP BY ALL ORDER BY t.lot_code""")
        rows = engine.rows("""
            SELECT b.lot_code, b.bidder_code, b.label, b.is_winner, b.price,
                   (b.price - min(b.price) OVER w) / min(b.price) OVER w AS above_lowest,
                   rank() OVER (PARTITION BY b.lot_code ORDER BY b.price) * 1.0 / count(b.price) OVER w AS rank_share,
                   (b.price - avg(b.price) OVER w) / nullif(stddev_samp(b.price) OVER w, 0) AS z
            FROM bids b WHERE b.price IS NOT NULL
            WINDOW w AS (PARTITION BY b.lot_code) ORDER BY b.lot_code, b.bidder_code""")
    finally:
        engine.close()
    by_lot = {}
    for t in tenders:
        t["n"] = t.pop("n_all")
        by_lot[t["lot_code"]] = t
    return by_lot, rows


def _matrix(records, names):
    return np.array([[np.nan if r.get(k) is None else float(r[k]) for k in names] for r in records], dtype=float)


def models(seed=0):
    from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier

    return {
        "gradient_boosting": HistGradientBoostingClassifier(max_iter=100, learning_rate=0.05, max_leaf_nodes=15,
                                                            random_state=seed),
        "random_forest": RandomForestClassifier(n_estimators=200, min_samples_leaf=2, random_state=seed, n_jobs=1),
    }


@dataclass
class Score:
    level: str
    grouping: str
    model: str
    samples: int
    positives: int
    folds: int
    accuracy: float
    balanced_accuracy: float
    roc_auc: float


def _cross_validate(X, y, groups, *, level, grouping, folds, seed):
    from sklearn.base import clone
    from sklearn.metrics import accuracy_score, balanced_accuracy_score, roc_auc_score
    from sklearn.model_selection import StratifiedGroupKFold
    from threadpoolctl import threadpool_limits

    distinct = len(set(groups))
    k = max(MIN_FOLDS, min(folds, distinct, int(min(np.bincount(y)))))
    splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    out = []
    for name, model in models(seed).items():
        proba = np.zeros(len(y))
        # Small data: one OpenMP thread per fit is faster than threads fighting over a shared machine.
        with threadpool_limits(1):
            for train, test in splitter.split(X, y, groups):
                fitted = clone(model).fit(X[train], y[train])
                proba[test] = fitted.predict_proba(X[test])[:, 1]
        predicted = (proba >= 0.5).astype(int)
        out.append(Score(level, grouping, name, len(y), int(y.sum()), k, accuracy_score(y, predicted),
                         balanced_accuracy_score(y, predicted), roc_auc_score(y, proba)))
    return out


def evaluate(bids, *, folds=5, seed=0, by_bidder=True):
    """Grouped cross-validated scores (a list of :class:`Score`) of the learned model on labelled bids."""
    by_lot, rows = bid_features(bids)
    labels = {}
    for lot, label in zip(bids.column("lot_code").to_pylist(), bids.column("label").to_pylist()):
        labels[lot] = max(labels.get(lot, 0), int(label))
    lots = sorted(by_lot)
    scores = _cross_validate(_matrix([by_lot[lot] for lot in lots], TENDER_FEATURES),
                             np.array([labels[lot] for lot in lots]), np.array(lots),
                             level="tender", grouping="tender", folds=folds, seed=seed)
    records = [{**by_lot[r["lot_code"]], **r} for r in rows]
    X = _matrix(records, BID_FEATURES)
    y = np.array([int(r["label"]) for r in records])
    scores += _cross_validate(X, y, np.array([r["lot_code"] for r in records]), level="bid", grouping="tender",
                              folds=folds, seed=seed)
    if by_bidder:
        scores += _cross_validate(X, y, np.array([r["bidder_code"] for r in records]), level="bid",
                                  grouping="bidder", folds=folds, seed=seed)
    return scores


class ScreenModel:
    """A collusion score per lot learned from labelled tenders; ``score(tables)`` gives {lot_code: probability}."""

    def __init__(self, seed=0):
        self.model = models(seed)["gradient_boosting"]

    def fit(self, bids):
        by_lot, _rows = bid_features(bids)
        labels = {}
        for lot, label in zip(bids.column("lot_code").to_pylist(), bids.column("label").to_pylist()):
            labels[lot] = max(labels.get(lot, 0), int(label))
        lots = sorted(by_lot)
        self.model.fit(_matrix([by_lot[lot] for lot in lots], TENDER_FEATURES), np.array([labels[x] for x in lots]))
        return self

    def score_rows(self, screen_rows):
        """Probabilities for rows holding the tender features (as the suite's ``lot_screens`` table gives)."""
        if not screen_rows:
            return []
        return list(self.model.predict_proba(_matrix(screen_rows, TENDER_FEATURES))[:, 1])
