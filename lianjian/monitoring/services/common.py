"""Pieces shared by the monitoring services: the alert workflow, the triage deadline and notices to units."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lianjian.core.workflow import Transition, Workflow
from lianjian.deadlines.models import ACTIVE_STATES, Deadline
from lianjian.deadlines.services import deadline_open
from lianjian.notifications.services import SUBJECT_MAX_LENGTH, notification_send

from ..models import Alert, AlertState
from .dispatch import unit_officers

# Deadline rule seeded by this app's migration 0002 (a local rule: rules.md sets no time limit for triaging an
# alert; the default follows the 5 working days seed 004 gives for passing on a violation once discovered).
TRIAGE_RULE = "alert_triage"

ALERT_FLOW = Workflow(
    name="monitoring.alert",
    states=dict(AlertState.choices),
    transitions=[
        Transition("dispatch", (AlertState.UNASSIGNED,), AlertState.PENDING, "dispatch", gettext_lazy("分办")),
        Transition("confirm", (AlertState.PENDING,), AlertState.CONFIRMED, "triage", gettext_lazy("确认并转线索")),
        Transition("dismiss", (AlertState.PENDING,), AlertState.DISMISSED, "triage", gettext_lazy("排除")),
        Transition("return", (AlertState.PENDING,), AlertState.UNASSIGNED, "triage", gettext_lazy("退回牵头单位")),
    ],
)


def triage_deadline_open(alert):
    """Start the triage clock for the alert's unit (system work: the dispatch, not a person, opens it)."""
    return deadline_open(subject=alert, rule=TRIAGE_RULE, start=timezone.localdate(), responsible_unit=alert.unit,
                         title=_("预警研判：%(alert)s") % {"alert": alert}, actor=None)


def triage_deadline(alert):
    """The alert's running triage deadline, or None."""
    return (
        Deadline.objects.filter(content_type=ContentType.objects.get_for_model(Alert), object_id=alert.pk,
                                state__in=ACTIVE_STATES)
        .with_status().order_by("-pk").first()
    )


def _clip(text):
    return text if len(text) <= SUBJECT_MAX_LENGTH else text[: SUBJECT_MAX_LENGTH - 1] + "…"


def notify_units(alerts_by_unit, *, subject, actor=None):
    """One notice per unit listing its alerts (a run may raise hundreds; one message each would drown them)."""
    for unit, alerts in alerts_by_unit.items():
        lines = [f"{a.get_severity_display()} · {a}" for a in alerts[:20]]
        if len(alerts) > 20:
            lines.append(_("……共 %(n)d 条") % {"n": len(alerts)})
        notification_send(
            recipients=unit_officers(unit), subject=_clip(subject % {"n": len(alerts)}), body="\n".join(lines),
            link=reverse("monitoring:alerts") + "?mine=1", actor=actor,
        )


def notify_lots(tracked_by_unit, *, actor=None):
    """Tell each unit which of its lots are now in tracking mode, and because of whom."""
    for unit, tracked in tracked_by_unit.items():
        lines = [f"{t.lot} · {t.watch_entry}（{t.role}）" for t in tracked[:20]]
        if len(tracked) > 20:
            lines.append(_("……共 %(n)d 个") % {"n": len(tracked)})
        notification_send(
            recipients=unit_officers(unit),
            subject=_clip(_("%(n)d 个标段因重点关注对象参与已开启跟踪") % {"n": len(tracked)}),
            body="\n".join(lines), link=reverse("monitoring:watchlist"), actor=actor,
        )
