"""Reads of the trading domain, scoped to what the actor may see."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lianjian.core import permissions

from .archive import archive_sections
from .models import Award, Bid, Contract, Entity, ImportRun, Lot, Project, Stage, TenderProject


def lots_for(*, actor, q="", sector=None, stage="", region=None):
    """Lots the actor may see, filtered by a search text (lot or project code or name, bidder name or credit
    code), a sector (and the industries under it), a stage and a region (and the divisions under it)."""
    lots = permissions.scope(actor, "view", Lot.objects.all())
    q = (q or "").strip()
    if q:
        bidders = Bid.objects.filter(lot=OuterRef("pk")).filter(
            Q(bidder__name__icontains=q) | Q(bidder__credit_code=q.upper())
        )
        lots = lots.filter(
            Q(code__icontains=q) | Q(name__icontains=q) | Q(tender_project__code__icontains=q)
            | Q(tender_project__name__icontains=q) | Q(tender_project__project__code__icontains=q)
            | Exists(bidders)
        )
    if sector is not None:
        lots = lots.filter(Q(tender_project__sector=sector) | Q(tender_project__sector__parent=sector))
    if stage in Stage.values:
        lots = lots.filter(stage=stage)
    if region is not None:
        lots = lots.filter(region__code__startswith=region.subtree_prefix)
    return lots.select_related(
        "tender_project__sector", "tender_project__tenderer", "region", "supervising_unit", "award__winner"
    ).order_by("-bid_open_at", "-pk")


def lot_get(*, actor, pk):
    return lots_for(actor=actor).filter(pk=pk).first()


def projects_for(*, actor):
    return permissions.scope(actor, "view", Project.objects.all()).select_related("region", "sector")


def tender_projects_for(*, actor):
    return permissions.scope(actor, "view", TenderProject.objects.all()).select_related(
        "project", "sector", "tenderer", "agency")


def lot_bids(*, lot):
    return lot.bids.select_related("bidder").prefetch_related("consortium_members").order_by(
        "candidate_rank", "price", "bidder__name")


def lot_contracts(*, lot):
    return lot.contracts.select_related("supplier").prefetch_related("changes").order_by("signed_on", "code")


@dataclass
class TimelineEvent:
    when: object
    label: str
    detail: str = ""
    planned: bool = False

    @property
    def timed(self):
        return hasattr(self.when, "hour")


def lot_timeline(*, lot, award=None, contracts=(), now=None):
    """The lot's dated events in order; events still in the future are marked as planned."""
    now = now or timezone.now()
    project = lot.tender_project.project
    events = [
        (project.approved_on, _("立项"), project.approval_number),
        (lot.notice_published_at, _("发布招标公告"), ""),
        (lot.docs_issued_at, _("发出招标文件"), ""),
        (lot.bid_deadline_at, _("投标截止"), ""),
        (lot.bid_open_at, _("开标"), lot.bid_open_place),
        (lot.evaluation_started_at, _("评标开始"), lot.evaluation_method),
        (lot.evaluation_finished_at, _("评标结束"), ""),
    ]
    if award is not None:
        events += [
            (award.candidates_published_at, _("中标候选人公示"), ""),
            (award.candidates_publicity_end, _("公示截止"), ""),
            (award.awarded_at, _("发出中标通知书"), str(award.winner)),
        ]
    for contract in contracts:
        events.append((contract.signed_on, _("签订合同"), contract.code))
        for change in contract.changes.all():
            events.append((change.changed_on, _("合同变更"), f"{contract.code} #{change.seq} {change.content}"))
        events.append((contract.finished_on, _("竣工（验收）"), contract.code))
    timeline = []
    today = timezone.localtime(now).date()
    for when, label, detail in events:
        if when is None:
            continue
        planned = when > now if hasattr(when, "hour") else when > today
        timeline.append(TimelineEvent(when=when, label=label, detail=detail or "", planned=planned))
    timeline.sort(key=_event_order)
    return timeline


def _event_order(event):
    """Date-only events first on their day, timed ones by their local time."""
    if hasattr(event.when, "hour"):
        local = timezone.localtime(event.when)
        return (local.date(), 1, local.time())
    return (event.when, 0, datetime.time.min)


def lot_archive(*, lot, actor):
    """Everything the lot's archive page shows: its whole life and the sections other modules add."""
    award = Award.objects.select_related("winner").filter(lot=lot).first()
    contracts = list(lot_contracts(lot=lot))
    return {
        "lot": lot,
        "project": lot.tender_project.project,
        "tender_project": lot.tender_project,
        "bids": list(lot_bids(lot=lot)),
        "award": award,
        "contracts": contracts,
        "timeline": lot_timeline(lot=lot, award=award, contracts=contracts),
        "guest_venues": list(lot.guest_venues.all()),
        "sections": archive_sections(lot, actor),
    }


def entities_for(*, actor, q=""):
    entities = permissions.scope(actor, "view", Entity.objects.all())
    q = (q or "").strip()
    if q:
        entities = entities.filter(Q(name__icontains=q) | Q(credit_code=q.upper()))
    return entities.order_by("name")


def entity_get(*, actor, credit_code):
    return entities_for(actor=actor).filter(credit_code=credit_code.upper()).first()


def entity_bids(*, actor, entity):
    """The entity's bids in lots the actor may see, alone or as a consortium member."""
    lots = lots_for(actor=actor).values("pk")
    return (Bid.objects.filter(Q(bidder=entity) | Q(consortium_members=entity), lot__in=lots).distinct()
            .select_related("lot", "bidder", "lot__award__winner").order_by("-lot__bid_open_at", "-pk"))


def entity_wins(*, actor, entity):
    lots = lots_for(actor=actor).values("pk")
    return Award.objects.filter(winner=entity, lot__in=lots).select_related("lot").order_by("-awarded_at")


def entity_tenders(*, actor, entity):
    return tender_projects_for(actor=actor).filter(Q(tenderer=entity) | Q(agency=entity)).order_by("-pk")


def entity_people(*, entity):
    return entity.people.order_by("role", "name")


def import_runs_for(*, actor):
    return permissions.scope(actor, "view", ImportRun.objects.all()).select_related("actor", "unit")


def import_run_get(*, actor, pk):
    return import_runs_for(actor=actor).filter(pk=pk).first()


def contracts_for(*, actor):
    return permissions.scope(actor, "view", Contract.objects.all())
