"""Clues, joint verification, cases, penalty decisions, transfers and assistance letters (the 行、刑、纪 chain)."""

from .cases import Case, CaseParty, CaseState, DecisionKind, PenaltyDecision  # noqa: F401
from .clues import (  # noqa: F401
    Clue,
    ClueEntity,
    ClueOutcome,
    ClueSource,
    ClueState,
    EvidenceFile,
    JointVerification,
    VerificationState,
    WitnessReport,
)
from .reference import Circumstance, DiscretionBenchmark, ToleranceItem  # noqa: F401
from .transfers import Transfer, TransferKind, TransferMaterial, TransferState  # noqa: F401
