"""The states of an exchange and of a request for non-public information."""

from django.utils.translation import gettext_lazy as _

from lianjian.core.workflow import Transition, Workflow

from .models import ExchangeState, RequestState

EXCHANGE_FLOW = Workflow(
    name="sharing.exchange",
    states=dict(ExchangeState.choices),
    transitions=[Transition("submit", (ExchangeState.OPEN,), ExchangeState.SUBMITTED, "submit", _("报送"))],
)

REQUEST_FLOW = Workflow(
    name="sharing.info_request",
    states=dict(RequestState.choices),
    transitions=[
        Transition("approve", (RequestState.REQUESTED,), RequestState.APPROVED, "decide", _("同意提供")),
        Transition("refuse", (RequestState.REQUESTED,), RequestState.REFUSED, "decide", _("不予提供")),
        Transition("deliver", (RequestState.APPROVED,), RequestState.DELIVERED, "deliver", _("提供信息")),
        Transition("acknowledge", (RequestState.DELIVERED,), RequestState.ACKNOWLEDGED, "acknowledge",
                   _("确认保密要求")),
    ],
)
