"""Background work of the sharing domain."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from lianjian.jobs.registry import periodic

from .services import exchanges_open_due

# Opening is idempotent; hourly keeps a new day's bid-opening logs and a new quarter's list open from early morning.
OPEN_INTERVAL = timedelta(hours=1)


@periodic("sharing.open_due", every=OPEN_INTERVAL, label=_("开启到期的信息报送"))
def open_due(ctx):
    return {"opened": exchanges_open_due()}
