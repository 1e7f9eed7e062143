"""Background work of the deadline domain."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from lianjian.jobs.registry import periodic

from .services import deadline_send_reminders

# Reminders are idempotent (one per deadline, status and due date), so running often costs little and lets an
# hour-based deadline (24-hour police transfer) be flagged within the hour it runs out.
REMINDER_INTERVAL = timedelta(hours=1)


@periodic("deadlines.remind", every=REMINDER_INTERVAL, label=_("期限提醒"))
def remind(ctx):
    return {"reminded": deadline_send_reminders()}
