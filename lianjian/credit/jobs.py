"""Background work of the credit domain: ending listings whose period is over, and checking lots in progress in
which a restricted subject takes part (lots imported after a listing are caught here)."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from lianjian.jobs.registry import periodic

from .services import credit_check_lot, list_entries_expire, lots_to_check

# Listings end on a date, so a daily run ends each on time; the lot check is hourly because bids are imported
# through the day and a restricted bidder should be flagged before the bid opening.
EXPIRY_INTERVAL = timedelta(days=1)
CHECK_INTERVAL = timedelta(hours=1)


@periodic("credit.expire", every=EXPIRY_INTERVAL, label=_("名单期满移出"))
def expire(ctx):
    return {"expired": list_entries_expire()}


@periodic("credit.check_lots", every=CHECK_INTERVAL, label=_("标段信用核查"))
def check_lots(ctx):
    lots = list(lots_to_check())
    hits = 0
    for i, lot in enumerate(lots, start=1):
        hits += len(credit_check_lot(lot=lot, actor=None))
        ctx.progress(i, len(lots))
    return {"lots": len(lots), "hits": hits}
