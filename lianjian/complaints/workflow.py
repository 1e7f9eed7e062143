"""The complaint's states (rules.md §2: 待受理, 不予受理, 待处理, 已处理, 撤诉 …). Every move is one conditional update
on (pk, state, state_version), so of two officers acting on the same complaint the second is told it was handled."""

from django.utils.translation import gettext_lazy as _

from lianjian.core.workflow import Transition, Workflow

from .models import ComplaintState as S

OPEN_STATES = (S.RECEIVED, S.CORRECTION, S.ACCEPTED)

COMPLAINT_WORKFLOW = Workflow(
    name="complaint",
    states=dict(S.choices),
    transitions=[
        Transition("accept", (S.RECEIVED,), S.ACCEPTED, "accept", _("受理")),
        Transition("reject", (S.RECEIVED, S.CORRECTION), S.REJECTED, "reject", _("不予受理")),
        Transition("request_correction", (S.RECEIVED,), S.CORRECTION, "correction", _("通知补正")),
        Transition("correct", (S.CORRECTION,), S.RECEIVED, "correction", _("补正完成")),
        Transition("transfer", (S.RECEIVED,), S.RECEIVED, "transfer", _("移送")),
        Transition("decide", (S.ACCEPTED,), S.DECIDED, "decide", _("作出处理决定")),
        Transition("reply", (S.DECIDED,), S.REPLIED, "reply", _("答复投诉举报人")),
        Transition("withdraw", OPEN_STATES, S.WITHDRAWN, "withdraw", _("撤回")),
    ],
)
