from .officer import (  # noqa: F401
    attachment_download, complaint_action, complaint_detail, complaint_document, complaint_export,
    complaint_identity, complaint_list, complaint_register,
)
from .public import submit, submitted, track  # noqa: F401
