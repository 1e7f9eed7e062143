"""State changes of the joint-meeting domain. Every function checks the actor's permission (directly or through
the workflow), validates everything before writing, runs in one transaction and writes the audit log."""

from .common import (  # noqa: F401
    AGENDA_FLOW,
    FOLLOW_UP_RULE,
    MEETING_FLOW,
    REGULAR_MEETING_RULE,
    TASK_FLOW,
)
from .meetings import (  # noqa: F401
    agenda_from_gap,
    agenda_propose,
    agenda_sign_off,
    agenda_strike,
    agenda_withdraw,
    meeting_approve_agenda,
    meeting_compile,
    meeting_decide_request,
    meeting_request,
    meeting_return_agenda,
    meeting_update,
    meetings_schedule_regular,
)
from .report import annual_report_docx  # noqa: F401
from .tasks import (  # noqa: F401
    meeting_record_minutes,
    notice_issue,
    task_complete,
    task_report_progress,
)
