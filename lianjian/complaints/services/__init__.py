"""State changes of the complaints domain: intake (public one window and offline registration), handling, and the
printable documents."""

from .handling import (  # noqa: F401
    complaint_accept, complaint_assign, complaint_correct, complaint_decide, complaint_identity_reveal,
    complaint_pause_clock, complaint_reject, complaint_reply, complaint_request_correction, complaint_resume_clock,
    complaint_open_clue, complaint_transfer, complaint_withdraw,
)
from .intake import complaint_submit  # noqa: F401
