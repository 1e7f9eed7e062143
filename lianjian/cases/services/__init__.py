"""Every state change of the 行、刑、纪 chain. Other apps call :func:`clue_register` from their own services."""

from .cases import (  # noqa: F401
    benchmark_propose,
    case_close,
    case_decide,
    case_execute,
    case_investigate,
    case_notify,
    case_register,
    case_request_hearing,
    case_review,
    case_serve,
)
from .clues import (  # noqa: F401
    clue_conclude,
    clue_register,
    verification_assign,
    verification_report,
    witness_report_file,
)
from .reference import reference_row_save  # noqa: F401
from .transfers import (  # noqa: F401
    transfer_accept,
    transfer_approve,
    transfer_create,
    transfer_receive,
    transfer_refuse,
    transfer_report_result,
    transfer_return,
    transfer_send,
)
