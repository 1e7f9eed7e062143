"""Workflows and helpers shared by the meeting services."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lianjian.core.workflow import Transition, Workflow
from lianjian.org.models import Unit, User

from ..models import AgendaState, MeetingState, TaskState

# The deadline rule of a follow-up task (seeded by this app's migration 0002; the office edits its length).
FOLLOW_UP_RULE = "meeting_follow_up"
# The half-yearly rhythm of regular meetings (seeded by lianjian.deadlines from rules.md §1).
REGULAR_MEETING_RULE = "joint_meeting"

MEETING_FLOW = Workflow(
    name="meetings.meeting",
    states=dict(MeetingState.choices),
    transitions=[
        Transition("approve_request", (MeetingState.REQUESTED,), MeetingState.PLANNED, "decide_request",
                   _("同意召开")),
        Transition("reject_request", (MeetingState.REQUESTED,), MeetingState.REJECTED, "decide_request",
                   _("不予召开")),
        Transition("compile", (MeetingState.PLANNED,), MeetingState.COMPILED, "compile", _("汇总议题")),
        Transition("return_agenda", (MeetingState.COMPILED,), MeetingState.PLANNED, "return_agenda",
                   _("退回重新汇总")),
        Transition("approve_agenda", (MeetingState.COMPILED,), MeetingState.APPROVED, "approve_agenda",
                   _("审定议程")),
        Transition("record_minutes", (MeetingState.APPROVED,), MeetingState.HELD, "record_minutes",
                   _("录入会议纪要")),
    ],
)

AGENDA_FLOW = Workflow(
    name="meetings.agenda_item",
    states=dict(AgendaState.choices),
    transitions=[
        Transition("sign_off", (AgendaState.DRAFT,), AgendaState.SUBMITTED, "sign_off", _("负责人签字报送")),
        Transition("withdraw", (AgendaState.DRAFT, AgendaState.SUBMITTED), AgendaState.WITHDRAWN, "withdraw",
                   _("撤回")),
        Transition("strike", (AgendaState.COMPILED,), AgendaState.STRUCK, "strike", _("不列入议程")),
    ],
)

TASK_FLOW = Workflow(
    name="meetings.task",
    states=dict(TaskState.choices),
    transitions=[Transition("complete", (TaskState.OPEN,), TaskState.DONE, "complete", _("办结"))],
)


def text(value):
    return (value or "").strip()


def raise_if(errors):
    if errors:
        raise ValidationError(errors)


def member_units(lead_unit):
    """The active member units of the mechanism the lead office convenes: the units of its own region (a county's
    bureaus sit on the county's meeting, not the city's)."""
    return Unit.objects.filter(is_active=True, region=lead_unit.region)


def member_people(lead_unit):
    return User.objects.filter(is_active=True, unit__in=member_units(lead_unit))
