"""Findings as the engine reports them, and the trading rows they are about."""

from lianjian.analytics.findings import Finding
from lianjian.experts.tests.factories import BidFactory, EntityFactory, LotFactory  # noqa: F401


def mac_finding(lot, bidders, *, mac="00:1A:2B:3C:4D:5E", score=0.9, severity="high", indicator="C40-MAC",
                **evidence):
    """The 第40条 shared-tool-fingerprint finding: several bidders of ``lot`` made their files on one machine."""
    bids = [{"bidder": b.name, "credit_code": b.credit_code, "price": 5_800_000 + 50_000 * i, "mac_address": mac}
            for i, b in enumerate(bidders)]
    return Finding(
        indicator=indicator, lot_code=lot.code, entities=tuple(sorted(b.credit_code for b in bidders)), score=score,
        severity=severity, evidence={"fields": ["mac_address"], "shared": {"mac_address": mac}, "bids": bids,
                                     **evidence},
    )


def ingested(world, **kwargs):
    """One alert about the world's lot, loaded the way the engine loads it, dispatched to the housing bureau."""
    from lianjian.monitoring.models import Alert
    from lianjian.monitoring.services import alert_ingest

    finding = mac_finding(world.lot, world.bidders, **kwargs)
    alert_ingest(findings=[finding], source="screen run")
    return Alert.objects.get(key=finding.key)


def make_overdue(alert):
    """Move the alert's triage deadline into the past, as if the unit had let it run out."""
    import datetime

    from django.utils import timezone

    from lianjian.monitoring.services import triage_deadline

    deadline = triage_deadline(alert)
    past = timezone.localdate() - datetime.timedelta(days=3)
    type(deadline).objects.filter(pk=deadline.pk).update(due=past, due_soon_from=past)
    return deadline
