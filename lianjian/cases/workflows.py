"""The state machines of clues, cases and transfers; every move is one conditional UPDATE (StaleTransition)."""

from django.utils.translation import gettext_lazy as _

from lianjian.core.workflow import Transition, Workflow

from .models import CaseState as C
from .models import ClueState
from .models import TransferState as T

CLUE_FLOW = Workflow(
    name="cases.clue",
    states=dict(ClueState.choices),
    transitions=[
        Transition("assign", (ClueState.REGISTERED,), ClueState.VERIFYING, "assign", _("组织联合核查")),
        Transition("close_unfounded", (ClueState.VERIFYING,), ClueState.UNFOUNDED, "conclude", _("查无实据了结")),
        Transition("dispose", (ClueState.VERIFYING,), ClueState.DISPOSED, "conclude", _("认定并处置")),
    ],
)

CASE_FLOW = Workflow(
    name="cases.case",
    states=dict(C.choices),
    transitions=[
        Transition("investigate", (C.REGISTERED,), C.INVESTIGATING, "handle", _("开始调查")),
        Transition("notify", (C.INVESTIGATING,), C.NOTIFIED, "handle", _("事先告知")),
        Transition("request_hearing", (C.NOTIFIED,), C.HEARING, "handle", _("当事人申请听证")),
        Transition("review", (C.NOTIFIED, C.HEARING), C.REVIEWING, "handle", _("法制审核/集体讨论")),
        Transition("decide", (C.NOTIFIED, C.HEARING, C.REVIEWING), C.DECIDED, "decide", _("作出决定")),
        Transition("serve", (C.DECIDED,), C.SERVED, "handle", _("送达")),
        Transition("execute", (C.SERVED,), C.EXECUTED, "handle", _("执行完毕")),
        Transition("close", (C.SERVED, C.EXECUTED), C.CLOSED, "decide", _("结案")),
    ],
)

TRANSFER_FLOW = Workflow(
    name="cases.transfer",
    states=dict(T.choices),
    transitions=[
        Transition("approve", (T.DRAFT,), T.APPROVED, "approve", _("批准移送")),
        Transition("send", (T.DRAFT, T.APPROVED), T.SENT, "send", _("发送")),
        Transition("receive", (T.SENT,), T.RECEIVED, "receive", _("签收")),
        Transition("return", (T.RECEIVED,), T.RETURNED, "receive", _("退回")),
        Transition("accept", (T.RECEIVED,), T.ACCEPTED, "receive", _("受理")),
        Transition("refuse", (T.RECEIVED,), T.REFUSED, "receive", _("不予立案")),
        Transition("report_result", (T.ACCEPTED,), T.COMPLETED, "receive", _("回告办理结果")),
    ],
)
