"""Background work of the warning loop: catching watch-listed parties in lots imported since the last run."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from lianjian.jobs.registry import periodic

from .services import watchlist_track_lots

# Trading data arrives by import several times a day; an hourly pass puts a watched party's new lot in tracking
# mode before its bids are opened in most cases (bid periods are at least 20 days, rules.md §4).
TRACK_INTERVAL = timedelta(hours=1)


@periodic("monitoring.track", every=TRACK_INTERVAL, label=_("重点关注对象项目跟踪"))
def track(ctx):
    return {"tracked_lots": watchlist_track_lots(actor=None)}
