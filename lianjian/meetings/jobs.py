"""Background work of the joint-meeting domain."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from lianjian.jobs.registry import periodic

from .services import meetings_schedule_regular

# Scheduling is idempotent (one regular meeting in preparation per lead office, enforced by the database); daily
# is often enough for a half-yearly rhythm, and the reminders themselves come from the hourly deadlines.remind.
SCHEDULE_INTERVAL = timedelta(days=1)


@periodic("meetings.schedule_regular", every=SCHEDULE_INTERVAL, label=_("安排定期联席会议"))
def schedule_regular(ctx):
    return {"scheduled": [m.pk for m in meetings_schedule_regular()]}
