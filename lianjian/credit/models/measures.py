"""Joint punishment by memorandum (联合惩戒备忘录): the measures a memorandum lists, the measures applied to a listed
subject, and the restriction checks of a lot with the hits they found."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lianjian.experts.models import Expert
from lianjian.org.models import Region, Unit
from lianjian.trading.models import Entity, Lot

from .lists import ListEntry


class Activity(models.TextChoices):
    """What a measure restricts (发改法规〔2018〕457号; rules.md §7)."""

    BIDDING = "bidding", _("参与工程建设招标投标")
    GOVERNMENT_PROCUREMENT = "government_procurement", _("参与政府采购")
    LAND = "land", _("土地使用权和矿业权出让")
    STATE_PROPERTY = "state_property", _("国有产权交易")
    FISCAL_SUPPORT = "fiscal_support", _("财政资金支持")
    EXPERT = "expert", _("担任评标评审专家")
    HONOURS = "honours", _("评优评先")
    POSTS = "posts", _("担任相关职务")


class Memorandum(models.Model):
    """A joint punishment memorandum: national (no region) or issued locally (seed 004 §(五)2: 县政务局发布联合惩戒
    备忘录并印发至各监督部门后共同执行)."""

    code = models.CharField(_("文号"), max_length=120, unique=True)
    title = models.CharField(_("名称"), max_length=300)
    region = models.ForeignKey(Region, verbose_name=_("发布地区"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="credit_memoranda", help_text=_("留空为全国"))
    source = models.CharField(_("依据"), max_length=300)
    is_active = models.BooleanField(_("有效"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("联合惩戒备忘录")
        verbose_name_plural = _("联合惩戒备忘录")

    def __str__(self):
        return f"{self.code} {self.title}"


class MemorandumMeasure(models.Model):
    """One measure of a memorandum: what it restricts and who carries it out (a department type, or a member unit
    when the memorandum is local)."""

    memorandum = models.ForeignKey(Memorandum, verbose_name=_("联合惩戒备忘录"), on_delete=models.CASCADE,
                                   related_name="measures")
    activity = models.CharField(_("限制事项"), max_length=30, choices=Activity.choices)
    description = models.CharField(_("惩戒措施"), max_length=300)
    implementer = models.CharField(_("实施部门"), max_length=120)
    unit = models.ForeignKey(Unit, verbose_name=_("实施单位"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="credit_measures")

    class Meta:
        ordering = ["memorandum", "activity", "pk"]
        verbose_name = _("惩戒措施")
        verbose_name_plural = _("惩戒措施")

    def __str__(self):
        return f"{self.get_activity_display()}：{self.description}"


class MeasureState(models.TextChoices):
    ACTIVE = "active", _("实施中")
    STOPPED = "stopped", _("已停止")


class AppliedMeasure(models.Model):
    """A memorandum measure in force against one listed subject, from listing until the entry ends."""

    entry = models.ForeignKey(ListEntry, verbose_name=_("名单记录"), on_delete=models.PROTECT,
                              related_name="measures")
    measure = models.ForeignKey(MemorandumMeasure, verbose_name=_("惩戒措施"), on_delete=models.PROTECT,
                                related_name="applications")
    state = models.CharField(_("状态"), max_length=20, choices=MeasureState.choices, default=MeasureState.ACTIVE,
                             db_index=True)
    starts_on = models.DateField(_("实施起"))
    ends_on = models.DateField(_("实施止"))
    stopped_on = models.DateField(_("停止日期"), null=True, blank=True)
    stop_reason = models.CharField(_("停止原因"), max_length=200, blank=True)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("实施中的惩戒措施")
        verbose_name_plural = _("实施中的惩戒措施")
        constraints = [models.UniqueConstraint(fields=["entry", "measure"], name="credit_applied_once")]

    def __str__(self):
        return f"{self.entry.subject}：{self.measure}"


class SubjectRole(models.TextChoices):
    BIDDER = "bidder", _("投标人")
    WINNER = "winner", _("中标人")
    AGENCY = "agency", _("招标代理机构")
    EXPERT = "expert", _("评标专家")


class RestrictionCheck(models.Model):
    """One check of a lot's participants against the lists and measures in force."""

    lot = models.ForeignKey(Lot, verbose_name=_("标段（包）"), on_delete=models.PROTECT,
                            related_name="credit_checks")
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("核查人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    checked_at = models.DateTimeField(_("核查时间"), default=timezone.now)
    subjects = models.PositiveIntegerField(_("核查主体数"), default=0)
    hits = models.PositiveIntegerField(_("新发现命中数"), default=0)

    class Meta:
        ordering = ["-checked_at", "-pk"]
        verbose_name = _("信用核查")
        verbose_name_plural = _("信用核查")

    def __str__(self):
        return f"{self.lot.code} {self.checked_at:%Y-%m-%d %H:%M}"


class RestrictionHit(models.Model):
    """A listed subject found in a lot where a measure restricts it. One hit per measure and lot: checking the
    lot again never records (or punishes) the same act twice."""

    check_run = models.ForeignKey(RestrictionCheck, verbose_name=_("信用核查"), on_delete=models.PROTECT,
                                  related_name="hit_rows")
    lot = models.ForeignKey(Lot, verbose_name=_("标段（包）"), on_delete=models.PROTECT, related_name="credit_hits")
    applied_measure = models.ForeignKey(AppliedMeasure, verbose_name=_("惩戒措施"), on_delete=models.PROTECT,
                                        related_name="hits")
    entity = models.ForeignKey(Entity, verbose_name=_("市场主体"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="credit_hits")
    expert = models.ForeignKey(Expert, verbose_name=_("评标专家"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="credit_hits")
    roles = models.CharField(_("参与身份"), max_length=100)
    created_at = models.DateTimeField(_("发现时间"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("惩戒命中")
        verbose_name_plural = _("惩戒命中")
        constraints = [models.UniqueConstraint(fields=["applied_measure", "lot"], name="credit_hit_once_per_lot")]

    def __str__(self):
        return f"{self.lot.code} {self.subject}"

    @property
    def subject(self):
        return self.entity if self.entity_id else self.expert

    def role_labels(self):
        labels = dict(SubjectRole.choices)
        return "、".join(str(labels.get(r, r)) for r in self.roles.split(","))
