"""Every state change of the warning loop. The analytics engine calls :func:`alert_ingest`; the pages, the API
and the jobs call the rest."""

from .common import ALERT_FLOW, TRIAGE_RULE, triage_deadline  # noqa: F401
from .dispatch import competent_unit  # noqa: F401
from .ingest import alert_ingest, evidence_fingerprint  # noqa: F401
from .triage import alert_confirm, alert_dismiss, alert_dispatch, alert_return, alert_supervise  # noqa: F401
from .watchlist import watch_entry_add, watch_entry_end, watchlist_track_lots  # noqa: F401
