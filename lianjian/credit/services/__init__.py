"""State changes and the public interface of the credit domain.

Other domains call only these names: :func:`credit_record_add`, :func:`credit_class_of`,
:func:`credit_restrictions_for` and :func:`credit_check_lot` (all keyword-only, documented where defined).
"""

from .lists import end_listing, list_entries_expire, list_entry_add
from .measures import credit_check_lot, credit_restrictions_for, lot_activity, lots_to_check
from .records import credit_class_of, credit_record_add, credit_score_of, scheme_for, snapshot_scores
from .repair import REPAIR_WORKFLOW, repair_decide, repair_review, repair_submit

__all__ = [
    "REPAIR_WORKFLOW", "credit_check_lot", "credit_class_of", "credit_record_add", "credit_restrictions_for",
    "credit_score_of", "end_listing", "list_entries_expire", "list_entry_add", "lot_activity", "lots_to_check",
    "repair_decide", "repair_review", "repair_submit", "scheme_for", "snapshot_scores",
]
