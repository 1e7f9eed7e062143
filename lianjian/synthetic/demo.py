"""The demo city's trading market: generated with a fixed seed and imported, for ``lianjian demo --trading N``.

The files stay under ``DATA_DIR/synthetic/demo-<seed>-<lots>/`` (CSV, Parquet, ground truth), so the analytics
engine and its tests can compare what they detect with what was planted. Generating and importing again at the
same moment changes nothing: the files are identical and the import upserts on natural keys.
"""

import dataclasses
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.org.models import Region, Unit

from .loading import load_into_db
from .market import generate_market
from .profile import DEMO_REGION_CODES, DEMO_SUPERVISORS, MarketSummary

DEMO_YEARS = 4


class DemoMarketError(Exception):
    """The generated market could not be imported; the message carries the importer's first errors."""


@dataclass
class DemoMarket:
    summary: MarketSummary
    run: object

    @property
    def out_dir(self):
        return self.summary.out_dir


def demo_market_dir(*, lots, seed):
    return Path(settings.DATA_DIR) / "synthetic" / f"demo-{seed}-{lots}"


def _check_demo_city():
    missing = sorted(set(DEMO_REGION_CODES) - set(Region.objects.filter(code__in=DEMO_REGION_CODES)
                                                   .values_list("code", flat=True)))
    names = set(DEMO_SUPERVISORS.values())
    missing_units = sorted(names - set(Unit.objects.filter(name__in=names, is_active=True)
                                       .values_list("name", flat=True)))
    if missing or missing_units:
        raise ImproperlyConfigured(_("演示城市尚未建立（缺少行政区划 %(regions)s，成员单位 %(units)s），请先运行 lianjian demo")
                                   % {"regions": "、".join(missing) or "—", "units": "、".join(missing_units) or "—"})


def build_demo_market(*, lots, seed=2026, as_of=None, progress=None):
    """Generate a market of ``lots`` lots for the demo city as known at ``as_of`` (default: now) and import it;
    returns a :class:`DemoMarket`.

    The market covers the current year and the three before it, so lot codes stay the same all year and a later
    run updates the same lots (bids opened since, awards made since) instead of adding new ones; lots not yet
    announced, or announced and awaiting their bid opening, are there to draw evaluation experts for. The demo
    city (regions and supervising units of :mod:`lianjian.org.demo`) must exist. Files are written to a temporary
    folder under DATA_DIR and moved into place only when complete."""
    _check_demo_city()
    as_of = as_of or timezone.localtime().replace(tzinfo=None, second=0, microsecond=0)
    target = demo_market_dir(lots=lots, seed=seed)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".demo-{seed}-{lots}-", dir=target.parent))
    try:
        summary = generate_market(seed=seed, lots=lots, out_dir=staging, start_year=as_of.year - DEMO_YEARS + 1,
                                  years=DEMO_YEARS, as_of=as_of, progress=progress)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    summary = dataclasses.replace(summary, out_dir=target,
                                  files={name: target / Path(path).name for name, path in summary.files.items()})
    run = load_into_db(out_dir=target, progress=progress)
    if run.status != "succeeded":
        first = "；".join(f"第 {e.get('row')} 行 {e.get('column')}：{e.get('reason')}" for e in run.errors[:5])
        raise DemoMarketError(_("演示交易数据导入失败（%(status)s）：%(message)s %(first)s")
                              % {"status": run.get_status_display(), "message": run.message, "first": first})
    return DemoMarket(summary=summary, run=run)
