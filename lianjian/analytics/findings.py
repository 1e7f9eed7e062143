"""What the engine reports, in plain Python: the contract between the analytics engine and the platform.

The engine (this package) never imports Django. The ``monitoring`` app turns each :class:`Finding` into an alert,
deduplicated on :attr:`Finding.key`, and shows :class:`Indicator` metadata beside it.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Indicator:
    code: str               # stable identifier, e.g. "C40-MAC" (第40条 shared tool fingerprint)
    name_zh: str
    name_en: str
    family: str             # "article40", "screen", "network", "procedure", "credit", "cardinal", "model"
    basis: str              # legal basis or literature source
    severity: str           # "high" | "medium" | "low" (red / orange / yellow)
    thresholds: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    indicator: str          # Indicator.code
    lot_code: str           # trading.Lot.code the finding is about
    entities: tuple = ()    # credit codes (统一社会信用代码) of the parties involved, sorted
    score: float = 1.0      # 0..1 strength of the signal
    severity: str = "medium"
    evidence: dict = field(default_factory=dict)  # JSON-serialisable: the bids and the fields that triggered it

    @property
    def key(self):
        """Identity across runs: the same indicator on the same lot and parties is the same alert."""
        return f"{self.indicator}|{self.lot_code}|{','.join(sorted(self.entities))}"
