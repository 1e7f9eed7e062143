"""Administrative penalty cases (案件) and their decisions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .reference import Circumstance


class CaseState(models.TextChoices):
    REGISTERED = "registered", _("已立案")
    INVESTIGATING = "investigating", _("调查取证")
    NOTIFIED = "notified", _("已事先告知")
    HEARING = "hearing", _("听证")
    REVIEWING = "reviewing", _("法制审核/集体讨论")
    DECIDED = "decided", _("已决定")
    SERVED = "served", _("已送达")
    EXECUTED = "executed", _("已执行")
    CLOSED = "closed", _("已结案")


class Case(models.Model):
    """A case a competent unit registers (立案), from a clue, an accepted transfer or its own discovery."""

    unit = models.ForeignKey("org.Unit", verbose_name=_("办案单位"), on_delete=models.PROTECT, related_name="cases")
    clue = models.ForeignKey("cases.Clue", verbose_name=_("来源线索"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="cases")
    transfer = models.ForeignKey("cases.Transfer", verbose_name=_("来源移送"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="cases")
    lot = models.ForeignKey("trading.Lot", verbose_name=_("标段（包）"), null=True, blank=True,
                            on_delete=models.PROTECT, related_name="cases")
    title = models.CharField(_("案由"), max_length=200)
    facts = models.TextField(_("案情摘要"))
    is_major = models.BooleanField(_("重大案件"), default=False,
                                   help_text=_("重大案件须经法制审核和集体讨论后方可作出决定"))
    handlers = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("承办人"), related_name="handled_cases")
    state = models.CharField(_("状态"), max_length=20, choices=CaseState.choices, default=CaseState.REGISTERED)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    registered_on = models.DateField(_("立案日期"))
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("立案人"), on_delete=models.PROTECT,
                                      related_name="+")
    investigation_summary = models.TextField(_("调查终结报告"), blank=True)
    notified_on = models.DateField(_("事先告知日期"), null=True, blank=True)
    hearing_requested_on = models.DateField(_("申请听证日期"), null=True, blank=True)
    review_opinion = models.TextField(_("法制审核/集体讨论意见"), blank=True)
    closed_on = models.DateField(_("结案日期"), null=True, blank=True)
    closing_summary = models.TextField(_("结案报告"), blank=True)

    class Meta:
        ordering = ["-registered_on", "-pk"]
        verbose_name = _("案件")
        verbose_name_plural = _("案件")

    def __str__(self):
        return f"{self.number} {self.title}"

    @property
    def number(self):
        return f"AJ{self.registered_on:%Y}-{self.pk or 0:05d}"

    def get_absolute_url(self):
        return reverse("cases:case_detail", args=[self.pk])


class CaseParty(models.Model):
    """A party (当事人) to a case."""

    case = models.ForeignKey(Case, verbose_name=_("案件"), on_delete=models.CASCADE, related_name="parties")
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18)
    name = models.CharField(_("名称"), max_length=200)
    entity = models.ForeignKey("trading.Entity", verbose_name=_("市场主体"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="case_links")

    class Meta:
        ordering = ["case", "pk"]
        verbose_name = _("当事人")
        verbose_name_plural = _("当事人")
        constraints = [models.UniqueConstraint(fields=["case", "credit_code"], name="cases_party_unique")]

    def __str__(self):
        return self.name


class DecisionKind(models.TextChoices):
    PENALTY = "penalty", _("给予行政处罚")
    TOLERATED = "tolerated", _("容错免罚（不处罚、不记分、不公告）")
    NO_PENALTY = "no_penalty", _("不予行政处罚")


class PenaltyDecision(models.Model):
    """The decision (处罚决定) of a case; cites an item of the deciding unit's published power list."""

    case = models.OneToOneField(Case, verbose_name=_("案件"), on_delete=models.PROTECT, related_name="decision")
    kind = models.CharField(_("决定类型"), max_length=20, choices=DecisionKind.choices)
    document_number = models.CharField(_("决定书文号"), max_length=80, unique=True)
    decided_on = models.DateField(_("决定日期"))
    power_item = models.ForeignKey("org.PowerItem", verbose_name=_("权责清单事项"), on_delete=models.PROTECT,
                                   related_name="penalty_decisions")
    benchmark = models.ForeignKey("cases.DiscretionBenchmark", verbose_name=_("裁量基准"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="decisions")
    circumstance = models.CharField(_("情节"), max_length=20, choices=Circumstance.choices, blank=True)
    base_amount = models.DecimalField(_("计罚基数（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    fine_amount = models.DecimalField(_("罚款金额（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    other_measures = models.TextField(_("其他处罚或措施"), blank=True)
    tolerance_item = models.ForeignKey("cases.ToleranceItem", verbose_name=_("容错清单事项"), null=True, blank=True,
                                       on_delete=models.PROTECT, related_name="decisions")
    credit_commitment = models.TextField(_("公开信用承诺"), blank=True)
    reasons = models.TextField(_("理由和依据"))
    publish = models.BooleanField(_("公开公示"), default=True)
    counts_for_score = models.BooleanField(_("计入量化记分"), default=True)
    served_on = models.DateField(_("送达日期"), null=True, blank=True)
    executed_on = models.DateField(_("执行完毕日期"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("决定录入人"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("录入时间"), default=timezone.now)

    class Meta:
        verbose_name = _("行政处罚决定")
        verbose_name_plural = _("行政处罚决定")
        constraints = [
            # A tolerated violation is never published nor scored (seed 001: 免于处罚、免于量化记分、免于公告).
            models.CheckConstraint(
                condition=~models.Q(kind="tolerated") | models.Q(publish=False, counts_for_score=False,
                                                                   fine_amount__isnull=True),
                name="cases_tolerated_decision_unpublished"),
        ]

    def __str__(self):
        return self.document_number

    def get_absolute_url(self):
        return self.case.get_absolute_url()
