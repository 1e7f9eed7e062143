"""State changes of the information-sharing domain."""

from .exchanges import (  # noqa: F401
    exchange_open_event,
    exchange_receive,
    exchange_submit,
    exchanges_open_due,
)
from .requests import (  # noqa: F401
    info_request_acknowledge,
    info_request_create,
    info_request_decide,
    info_request_deliver,
)
