"""Credit supervision: the quantified scoring scheme (data), credit records and scores, the lists (严重失信主体名单,
watch list, red list), joint punishment by memorandum with the restriction checks it triggers, and credit repair.

Split by concern: ``scheme`` (configuration per jurisdiction), ``records`` (what happened to an entity and its
score), ``lists`` (list entries and credit repair), ``measures`` (memoranda, applied measures, checks and hits).
"""

from .lists import CreditList, ListEntry, ListRule, ListState, RepairApplication, RepairState
from .measures import (
    Activity, AppliedMeasure, MeasureState, Memorandum, MemorandumMeasure, RestrictionCheck, RestrictionHit,
    SubjectRole,
)
from .records import CreditRecord, CreditScore, RecordSource
from .scheme import ClassThreshold, CreditClass, ScoringItem, ScoringScheme

__all__ = [
    "Activity", "AppliedMeasure", "ClassThreshold", "CreditClass", "CreditList", "CreditRecord", "CreditScore",
    "ListEntry", "ListRule", "ListState", "MeasureState", "Memorandum", "MemorandumMeasure", "RecordSource",
    "RepairApplication", "RepairState", "RestrictionCheck", "RestrictionHit", "ScoringItem", "ScoringScheme",
    "SubjectRole",
]
