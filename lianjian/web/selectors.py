"""What the dashboard shows: each panel is read from its domain's own selectors."""

from lianjian.deadlines.selectors import deadline_counts, deadlines_for
from lianjian.jobs.selectors import jobs_for
from lianjian.notifications.selectors import notifications_for, unread_count


def dashboard_panels(*, actor):
    counts = deadline_counts(actor=actor)
    return {
        "unit": actor.unit,
        "deadline_counts": counts,
        "urgent_deadlines": deadlines_for(actor=actor).filter(status__in=["overdue", "due_soon"]).order_by("due")[:8],
        "unread_count": unread_count(actor=actor),
        "latest_notifications": notifications_for(actor=actor, unread_only=True)[:5],
        "recent_jobs": jobs_for(actor=actor)[:5],
    }
