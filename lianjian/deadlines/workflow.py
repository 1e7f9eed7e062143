"""The deadline's states; every move is one conditional update, so two officers cannot both close a deadline."""

from django.utils.translation import gettext_lazy as _

from lianjian.core.workflow import Transition, Workflow

from .models import ACTIVE_STATES as ACTIVE, DeadlineState

deadline_flow = Workflow(
    name="deadlines.deadline",
    states=dict(DeadlineState.choices),
    transitions=[
        Transition("pause", (DeadlineState.OPEN,), DeadlineState.PAUSED, "pause", _("暂停计时")),
        Transition("resume", (DeadlineState.PAUSED,), DeadlineState.OPEN, "resume", _("恢复计时")),
        Transition("meet", ACTIVE, DeadlineState.MET, "meet", _("办结")),
        Transition("miss", ACTIVE, DeadlineState.MISSED, "meet", _("办结")),
        Transition("cancel", ACTIVE, DeadlineState.CANCELLED, "cancel", _("撤销")),
    ],
)
