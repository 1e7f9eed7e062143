"""The data sets an oversight reader can search: the whole trading record of their region and the supervision
data other domains keep. Each data set reads through the owning domain's selectors (scoped by its own policies,
which give oversight readers their region's subtree) and is never written here."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lianjian.cases.selectors import cases_for, clues_for
from lianjian.complaints.selectors import complaints
from lianjian.core import permissions
from lianjian.deadlines.selectors import deadlines_for
from lianjian.experts.selectors import extractions
from lianjian.trading.models import Bid
from lianjian.trading.selectors import entities_for, lots_for, projects_for


def _local(moment, fmt="%Y-%m-%d %H:%M"):
    return timezone.localtime(moment).strftime(fmt) if moment else ""


@dataclass(frozen=True)
class Dataset:
    code: str
    label: str
    rows: Callable  # (actor, q) -> QuerySet
    headers: tuple
    cells: Callable  # (obj) -> list of values, one per header
    link: Callable  # (obj) -> URL of the item's archive page


def _lots(actor, q):
    return lots_for(actor=actor, q=q)


def _projects(actor, q):
    projects = projects_for(actor=actor)
    if q:
        projects = projects.filter(Q(code__icontains=q) | Q(name__icontains=q) | Q(approval_number__icontains=q)
                                   | Q(approval_authority__icontains=q))
    return projects.order_by("-approved_on", "code")


def _entities(actor, q):
    return entities_for(actor=actor, q=q)


def _bids(actor, q):
    bids = permissions.scope(actor, "view", Bid.objects.all()).select_related("lot", "bidder")
    if q:
        bids = bids.filter(Q(bidder__name__icontains=q) | Q(bidder__credit_code=q.upper()) | Q(lot__code__icontains=q)
                           | Q(lot__name__icontains=q) | Q(project_manager__icontains=q) | Q(upload_ip=q)
                           | Q(mac_address__iexact=q))
    return bids.order_by("-lot__bid_open_at", "lot__code", "candidate_rank", "pk")


def _extractions(actor, q):
    return extractions(actor=actor, q=q)


def _deadlines(actor, q):
    return deadlines_for(actor=actor, query=q).select_related("rule", "responsible_unit")


def _complaints(actor, q):
    # The complaints selector never exposes a filer's identity: only the masked name and contact are on the row.
    return complaints(actor=actor, q=q).select_related("handling_unit", "region")


# Clue and case pages show an oversight reader only what was referred to them; the region-wide read ("oversee")
# is granted here, where every query is logged, and the rows link nowhere else.
def _clues(actor, q):
    return clues_for(actor=actor, q=q, action="oversee").select_related("unit", "region")


def _cases(actor, q):
    return cases_for(actor=actor, q=q, action="oversee").select_related("unit")


def _lot_url(lot_id):
    return reverse("trading:lot_detail", args=[lot_id])


DATASETS = {d.code: d for d in [
    Dataset(
        "lots", _("标段（包）"), _lots,
        (_("标段（包）编号"), _("标段（包）名称"), _("招标项目"), _("行业领域"), _("阶段"), _("行政区划"), _("监督部门"),
         _("招标人"), _("合同估算价（元）"), _("开标时间"), _("中标人")),
        lambda lot: [lot.code, lot.name, lot.tender_project.name, lot.tender_project.sector.name,
                     lot.get_stage_display(), lot.region.name, str(lot.supervising_unit or ""),
                     lot.tender_project.tenderer.name, lot.estimated_price, _local(lot.bid_open_at),
                     lot.award.winner.name if hasattr(lot, "award") else ""],
        lambda lot: _lot_url(lot.pk),
    ),
    Dataset(
        "projects", _("项目（立项审批）"), _projects,
        (_("项目编号"), _("项目名称"), _("行政区划"), _("审批文号"), _("审批单位"), _("立项日期"), _("总投资（元）")),
        lambda p: [p.code, p.name, str(p.region or ""), p.approval_number, p.approval_authority, p.approved_on,
                   p.total_investment],
        lambda p: "",
    ),
    Dataset(
        "entities", _("市场主体"), _entities,
        (_("统一社会信用代码"), _("名称"), _("法定代表人"), _("主体类型")),
        lambda e: [e.credit_code, e.name, e.legal_representative, "、".join(str(r) for r in e.role_labels())],
        lambda e: reverse("trading:entity_detail", args=[e.credit_code]),
    ),
    Dataset(
        "bids", _("投标记录"), _bids,
        (_("标段（包）编号"), _("投标人"), _("统一社会信用代码"), _("投标报价（元）"), _("中标候选人排序"), _("被否决"),
         _("项目经理"), _("上传IP地址"), _("网卡MAC地址"), _("保证金缴纳账号")),
        lambda b: [b.lot.code, b.bidder.name, b.bidder.credit_code, b.price, b.candidate_rank,
                   _("是") if b.is_rejected else "", b.project_manager, b.upload_ip, b.mac_address,
                   b.bond_payer_account],
        lambda b: _lot_url(b.lot_id),
    ),
    Dataset(
        "extractions", _("专家抽取记录"), _extractions,
        (_("标段（包）编号"), _("抽取次序"), _("状态"), _("抽取单位"), _("抽取人"), _("抽取时间"), _("密封"),
         _("抽取结果摘要")),
        lambda x: [x.lot.code, x.attempt, x.get_status_display(), str(x.requested_unit), str(x.requested_by),
                   _local(x.created_at), _("是") if x.sealed else _("否"), x.result_hash],
        lambda x: x.get_absolute_url(),
    ),
    Dataset(
        "complaints", _("投诉举报"), _complaints,
        (_("查询码"), _("类别"), _("事项标题"), _("投诉（举报）人"), _("被投诉（举报）人名称"), _("承办单位"),
         _("状态"), _("收到时间")),
        lambda c: [c.tracking_code, c.get_kind_display(), c.title, c.submitter_masked, c.respondent_name,
                   str(c.handling_unit or ""), c.get_state_display(), _local(c.received_at)],
        lambda c: c.get_absolute_url(),
    ),
    Dataset(
        "clues", _("问题线索"), _clues,
        (_("线索标题"), _("线索来源"), _("登记单位"), _("行政区划"), _("状态"), _("核查结论")),
        lambda c: [c.title, c.get_source_display(), str(c.unit), str(c.region), c.get_state_display(),
                   c.get_outcome_display()],
        lambda c: "",
    ),
    Dataset(
        "cases", _("行政处罚案件"), _cases,
        (_("案由"), _("办案单位"), _("立案日期"), _("状态"), _("结案日期")),
        lambda c: [c.title, str(c.unit), c.registered_on, c.get_state_display(), c.closed_on or ""],
        lambda c: "",
    ),
    Dataset(
        "deadlines", _("监管办理时限"), _deadlines,
        (_("事项"), _("期限规则"), _("责任单位"), _("起算日"), _("到期日"), _("状态")),
        lambda d: [d.title, d.rule.name, str(d.responsible_unit), d.start, d.due, str(d.status_label())],
        lambda d: d.get_absolute_url(),
    ),
]}

DATASET_CHOICES = [(d.code, d.label) for d in DATASETS.values()]
