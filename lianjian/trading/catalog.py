"""The trading catalog (交易目录): which threshold applies to a purchase, and the two checks built on it.

- 应进未进: an approved project whose investment reaches the threshold of its catalog item, with no trading record;
- 化整为零: one project whose lots of one category each fall just under the threshold (within the catalog row's
  ``just_under_margin``) while together they reach it — the pattern of a purchase split to avoid tendering.

Thresholds are "以上" amounts, so a contract of exactly the threshold must be traded (民法典 第1259条).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone

from .models import CatalogItem, TenderProject
from .selectors import lots_for, projects_for

_LEVEL_RANK = {"province": 1, "city": 2, "county": 3}


def _ancestors(node):
    chain = []
    while node is not None:
        chain.append(node.pk)
        node = node.parent
    return chain


class Catalog:
    """The active catalog rows, loaded once, answering "which row applies here"."""

    def __init__(self):
        self.items = list(CatalogItem.objects.filter(is_active=True).select_related("region", "sector"))

    def item_for(self, *, sector, category, region, year):
        """The most specific row for a purchase of ``category`` in ``sector`` (or a sector above it), in
        ``region`` (or a division above it, or nationally), for ``year`` (or every year); None if none."""
        if sector is None:
            return None
        sectors = _ancestors(sector)
        regions = _ancestors(region)
        best, best_rank = None, None
        for item in self.items:
            if item.category != category or item.sector_id not in sectors:
                continue
            if item.region_id is not None and item.region_id not in regions:
                continue
            if item.year is not None and item.year != year:
                continue
            rank = (_LEVEL_RANK.get(item.region.level, 0) if item.region else 0, item.year is not None,
                    -sectors.index(item.sector_id))
            if best_rank is None or rank > best_rank:
                best, best_rank = item, rank
        return best

    def lowest_for(self, *, sector, region, year):
        """Of the rows applying to any category, the one with the lowest threshold."""
        candidates = [self.item_for(sector=sector, category=c, region=region, year=year)
                      for c in {item.category for item in self.items}]
        candidates = [c for c in candidates if c is not None]
        return min(candidates, key=lambda item: item.threshold) if candidates else None


@dataclass
class UntradedProject:
    project: object
    item: object


@dataclass
class SplitFinding:
    project: object
    category: str
    item: object
    lots: list = field(default_factory=list)

    @property
    def total(self):
        return sum((amount for _lot, amount in self.lots), Decimal(0))

    @property
    def floor(self):
        return (self.item.threshold * (1 - self.item.just_under_margin)).quantize(Decimal("0.01"))


def untraded_projects(*, actor, year=None, catalog=None):
    """应进未进: approved projects at or above their catalog threshold with no tender project at all."""
    catalog = catalog or Catalog()
    projects = (projects_for(actor=actor)
                .filter(approved_on__isnull=False, total_investment__isnull=False)
                .exclude(Exists(TenderProject.objects.filter(project=OuterRef("pk"))))
                .select_related("sector__parent", "region__parent__parent")
                .order_by("-approved_on", "code"))
    if year:
        projects = projects.filter(approved_on__year=year)
    findings = []
    for project in projects:
        on = project.approved_on.year
        if project.category:
            item = catalog.item_for(sector=project.sector, category=project.category, region=project.region, year=on)
        else:
            item = catalog.lowest_for(sector=project.sector, region=project.region, year=on)
        if item is not None and project.total_investment >= item.threshold:
            findings.append(UntradedProject(project=project, item=item))
    return findings


def _lot_amount(lot):
    """What a lot was (or will be) contracted for: its contracts, else its award, else its estimate."""
    if lot.contract_total is not None:
        return lot.contract_total
    award = getattr(lot, "award", None)
    if award is not None and award.amount is not None:
        return award.amount
    return lot.estimated_price


def split_purchases(*, actor, year=None, catalog=None):
    """化整为零: per project and category, two or more lots each just under the threshold that together reach it."""
    catalog = catalog or Catalog()
    lots = (lots_for(actor=actor)
            .select_related("tender_project__project", "tender_project__sector__parent", "region__parent__parent")
            .annotate(contract_total=Sum("contracts__price")))
    if year:
        lots = lots.filter(tender_project__project__approved_on__year=year)
    groups = defaultdict(list)
    for lot in lots:
        amount = _lot_amount(lot)
        if amount is not None:
            groups[(lot.tender_project.project_id, lot.category)].append((lot, amount))
    findings = []
    for (_project_id, category), members in groups.items():
        first = members[0][0]
        project = first.tender_project.project
        when = project.approved_on or (first.notice_published_at and timezone.localtime(first.notice_published_at))
        item = catalog.item_for(sector=first.tender_project.sector, category=category, region=first.region,
                                year=when.year if when else timezone.localdate().year)
        if item is None or not item.threshold:
            continue
        floor = item.threshold * (1 - item.just_under_margin)
        near = [(lot, amount) for lot, amount in members if floor <= amount < item.threshold]
        if len(near) >= 2 and sum(amount for _lot, amount in near) >= item.threshold:
            findings.append(SplitFinding(project=project, category=category, item=item,
                                         lots=sorted(near, key=lambda pair: pair[0].code)))
    return sorted(findings, key=lambda f: f.project.code)
