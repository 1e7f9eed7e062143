"""Credit records (one per act and source document) and the per-period scores computed from them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lianjian.org.models import Unit
from lianjian.trading.models import Entity

from .scheme import CreditClass, ScoringItem, ScoringScheme


class RecordSource(models.TextChoices):
    PENALTY_DECISION = "penalty_decision", _("行政处罚决定")
    COMPLAINT_RESULT = "complaint_result", _("投诉处理结果")
    INSPECTION_FINDING = "inspection_finding", _("监督检查发现")
    CENTRE_REPORT = "centre_report", _("交易中心不良行为报告")
    EXPERT_ASSESSMENT = "expert_assessment", _("评标专家评价")


class CreditRecord(models.Model):
    """One scored act of one entity, with its source document. ``points_effective`` is the item's points after
    doubling for a repeat; the record counts towards scores from ``decided_on`` through ``valid_until``."""

    entity = models.ForeignKey(Entity, verbose_name=_("市场主体"), on_delete=models.PROTECT,
                               related_name="credit_records")
    scheme = models.ForeignKey(ScoringScheme, verbose_name=_("记分方案"), on_delete=models.PROTECT,
                               related_name="records")
    item = models.ForeignKey(ScoringItem, verbose_name=_("记分事项"), on_delete=models.PROTECT,
                             related_name="records")
    source = models.CharField(_("信息来源"), max_length=30, choices=RecordSource.choices)
    source_type = models.ForeignKey(ContentType, verbose_name=_("来源对象类型"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    source_id = models.CharField(_("来源对象编号"), max_length=64, blank=True)
    source_object = GenericForeignKey("source_type", "source_id")
    decided_on = models.DateField(_("决定（认定）日期"))
    document_no = models.CharField(_("文书编号"), max_length=120)
    description = models.TextField(_("失信（守信）事实"))
    points = models.DecimalField(_("分值"), max_digits=6, decimal_places=1)
    is_repeat = models.BooleanField(_("重复违法（加倍）"), default=False)
    points_effective = models.DecimalField(_("计入分值"), max_digits=7, decimal_places=1)
    valid_until = models.DateField(_("记分有效期至"))
    unit = models.ForeignKey(Unit, verbose_name=_("记录单位"), on_delete=models.PROTECT,
                             related_name="credit_records")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("记录人"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("记录时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("信用记录")
        verbose_name_plural = _("信用记录")
        # One document scores one item against one entity once (一事不二罚, rules.md §8; seed 004 §(五)2).
        constraints = [models.UniqueConstraint(fields=["entity", "item", "document_no"],
                                               name="credit_record_once_per_document")]
        indexes = [models.Index(fields=["entity", "decided_on", "valid_until"], name="credit_record_validity")]

    def __str__(self):
        return f"{self.entity} {self.document_no}"


class CreditScore(models.Model):
    """An entity's score and class under one scheme for one scoring period, as last recomputed (the history the
    archive page shows); the current value is always computed afresh by ``lianjian.credit.scoring``."""

    entity = models.ForeignKey(Entity, verbose_name=_("市场主体"), on_delete=models.CASCADE,
                               related_name="credit_scores")
    scheme = models.ForeignKey(ScoringScheme, verbose_name=_("记分方案"), on_delete=models.CASCADE,
                               related_name="scores")
    period_start = models.DateField(_("周期起"))
    period_end = models.DateField(_("周期止"))
    score = models.DecimalField(_("信用分"), max_digits=7, decimal_places=1)
    credit_class = models.CharField(_("信用等级"), max_length=1, choices=CreditClass.choices)
    computed_at = models.DateTimeField(_("计算时间"), default=timezone.now)

    class Meta:
        ordering = ["entity", "-period_start"]
        verbose_name = _("信用评分")
        verbose_name_plural = _("信用评分")
        constraints = [models.UniqueConstraint(fields=["entity", "scheme", "period_start"],
                                               name="credit_score_once_per_period")]

    def __str__(self):
        return f"{self.entity} {self.period_start:%Y-%m} {self.score} {self.credit_class}"
