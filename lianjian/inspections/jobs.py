"""Background work of random inspection."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from lianjian.jobs.registry import periodic

from .services import inspectors_expire, objects_sync_credit

# Certificates expire at the end of a day; checking every few hours takes an expired officer out of the pool on
# the day after expiry, before any draw of that day is likely to run.
EXPIRY_INTERVAL = timedelta(hours=6)


@periodic("inspections.expire_certificates", every=EXPIRY_INTERVAL, label=_("执法证过期自动出库"))
def expire_certificates(ctx):
    return {"expired": inspectors_expire()}


@periodic("inspections.sync_credit", every=timedelta(days=1), label=_("检查对象信用等级同步"))
def sync_credit(ctx):
    return {"changed": objects_sync_credit()}
