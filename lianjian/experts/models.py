"""The evaluation-expert pool (评标专家库), random extraction of a lot's committee with recusal, evaluation records,
periodic assessment and the blacklist.

Identity numbers are never stored in full: a keyed hash detects duplicates, a masked form is shown. Every draw is an
:class:`Extraction` with its seed and candidate snapshot, so it can be re-run and proved (``extraction_verify``);
a redraw is a new row that supersedes the old one, never an overwrite.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lianjian.org.models import Region, Sector, Unit
from lianjian.trading.models import Entity, Lot


class Specialty(models.Model):
    """A class of the evaluation-expert specialty classification; codes nest by prefix (A → A01 → A0101), so a
    request for A01 draws from every specialty below it."""

    code = models.CharField(_("专业代码"), max_length=20, unique=True)
    name = models.CharField(_("专业名称"), max_length=100)
    parent = models.ForeignKey("self", verbose_name=_("上级专业"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")
    is_active = models.BooleanField(_("有效"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("评标专业")
        verbose_name_plural = _("评标专业")

    def __str__(self):
        return f"{self.code} {self.name}"


class ExpertStatus(models.TextChoices):
    ACTIVE = "active", _("在库")
    SUSPENDED = "suspended", _("暂停")
    BLACKLISTED = "blacklisted", _("黑名单")
    RETIRED = "retired", _("已出库")


class Expert(models.Model):
    name = models.CharField(_("姓名"), max_length=60)
    id_number_masked = models.CharField(_("身份证号码（脱敏）"), max_length=18)
    id_number_hash = models.CharField(_("身份证号码摘要"), max_length=64, unique=True, editable=False)
    region = models.ForeignKey(Region, verbose_name=_("所属行政区划"), on_delete=models.PROTECT,
                               related_name="experts")
    employer = models.ForeignKey(Entity, verbose_name=_("工作单位（市场主体）"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="employed_experts")
    employer_name = models.CharField(_("工作单位名称"), max_length=200, blank=True)
    employer_unit = models.ForeignKey(Unit, verbose_name=_("工作单位（成员单位）"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="employed_experts",
                                      help_text=_("机关事业单位在职专家所在的成员单位"))
    title = models.CharField(_("职称"), max_length=60, blank=True)
    specialties = models.ManyToManyField(Specialty, verbose_name=_("评标专业"), related_name="experts")
    phone = models.CharField(_("手机"), max_length=20)
    status = models.CharField(_("状态"), max_length=20, choices=ExpertStatus.choices, default=ExpertStatus.ACTIVE,
                              db_index=True)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    registered_on = models.DateField(_("入库日期"), default=timezone.localdate)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["region__code", "name", "pk"]
        verbose_name = _("评标专家")
        verbose_name_plural = _("评标专家")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("experts:detail", args=[self.pk])

    @property
    def phone_masked(self):
        return f"{self.phone[:3]}****{self.phone[-4:]}" if len(self.phone) >= 7 else "****"

    @property
    def employer_display(self):
        if self.employer_id:
            return self.employer.name
        if self.employer_unit_id:
            return self.employer_unit.name
        return self.employer_name


class RelationType(models.TextChoices):
    CLOSE_RELATIVE = "close_relative", _("近亲属关系")
    FORMER_EMPLOYER = "former_employer", _("曾任职或存在控制关系（三年内）")
    ECONOMIC_INTEREST = "economic_interest", _("经济利益关系")
    OTHER = "other", _("其他可能影响公正评审的关系")


class ConflictDeclaration(models.Model):
    """A relation an expert declared with a market entity; while in force it bars the expert from lots where the
    entity is a bidder, the tenderer or the agency."""

    expert = models.ForeignKey(Expert, verbose_name=_("专家"), on_delete=models.CASCADE, related_name="declarations")
    entity = models.ForeignKey(Entity, verbose_name=_("关系主体"), on_delete=models.PROTECT,
                               related_name="expert_declarations")
    relation = models.CharField(_("关系类型"), max_length=30, choices=RelationType.choices)
    declared_on = models.DateField(_("申报日期"))
    valid_until = models.DateField(_("有效期至"), null=True, blank=True, help_text=_("留空为长期有效"))
    relation_ended_on = models.DateField(_("关系终止日期"), null=True, blank=True,
                                         help_text=_("离职或控制关系结束之日；政府采购项目自该日起三年内回避"))
    note = models.CharField(_("说明"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("登记人"), null=True,
                                    on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("登记时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["expert", "-declared_on"]
        verbose_name = _("利害关系申报")
        verbose_name_plural = _("利害关系申报")

    def __str__(self):
        return f"{self.expert} — {self.entity}（{self.get_relation_display()}）"


class PenaltyKind(models.TextChoices):
    ADMINISTRATIVE = "administrative", _("行政处罚")
    CRIMINAL = "criminal", _("刑事处罚")


class ExpertPenalty(models.Model):
    """A penalty for an offence in tendering or evaluation; any such penalty bars the expert from committees
    (评标委员会和评标方法暂行规定 第12条)."""

    expert = models.ForeignKey(Expert, verbose_name=_("专家"), on_delete=models.CASCADE, related_name="penalties")
    kind = models.CharField(_("处罚类别"), max_length=20, choices=PenaltyKind.choices,
                            default=PenaltyKind.ADMINISTRATIVE)
    decided_on = models.DateField(_("处罚日期"))
    reason = models.CharField(_("违法事实"), max_length=300)
    source = models.CharField(_("处罚决定来源"), max_length=200, help_text=_("作出处罚的机关及决定书文号"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("登记人"), null=True,
                                    on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("登记时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["expert", "-decided_on"]
        verbose_name = _("专家处罚记录")
        verbose_name_plural = _("专家处罚记录")

    def __str__(self):
        return f"{self.expert} {self.decided_on} {self.reason}"


class ExpertStatusChange(models.Model):
    """Why and by whom an expert was suspended, blacklisted, reinstated or retired."""

    expert = models.ForeignKey(Expert, verbose_name=_("专家"), on_delete=models.CASCADE,
                               related_name="status_changes")
    from_status = models.CharField(_("原状态"), max_length=20, choices=ExpertStatus.choices)
    to_status = models.CharField(_("新状态"), max_length=20, choices=ExpertStatus.choices)
    reason = models.CharField(_("原因"), max_length=300)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True,
                                   on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(_("操作时间"), default=timezone.now)

    class Meta:
        ordering = ["expert", "-changed_at", "-pk"]
        verbose_name = _("专家状态变更")
        verbose_name_plural = _("专家状态变更")

    def __str__(self):
        return f"{self.expert}：{self.get_from_status_display()} → {self.get_to_status_display()}"


class CommitteeRule(models.Model):
    """Composition of an evaluation committee and the recusal window, per sector (a row without a sector is the
    default). The most specific row for the lot's sector or one of its ancestors applies."""

    sector = models.OneToOneField(Sector, verbose_name=_("行业领域"), null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="committee_rule", help_text=_("留空为默认规则"))
    min_members = models.PositiveSmallIntegerField(_("最少成员数"))
    odd_members = models.BooleanField(_("须为单数"), default=True)
    expert_share_numerator = models.PositiveSmallIntegerField(_("专家占比（分子）"))
    expert_share_denominator = models.PositiveSmallIntegerField(_("专家占比（分母）"))
    former_relation_years = models.PositiveSmallIntegerField(
        _("原任职/控制关系回避年限"), null=True, blank=True,
        help_text=_("关系终止后该年限内须回避；留空则以申报的有效期为准"))
    legal_basis = models.CharField(_("依据"), max_length=300)

    class Meta:
        ordering = ["sector__code"]
        verbose_name = _("评标委员会组成规则")
        verbose_name_plural = _("评标委员会组成规则")
        constraints = [models.UniqueConstraint(fields=["sector"], condition=Q(sector__isnull=True),
                                               name="experts_one_default_committee_rule")]

    def __str__(self):
        return str(self.sector) if self.sector_id else str(_("默认规则"))


class ExtractionStatus(models.TextChoices):
    DRAWN = "drawn", _("有效")
    SUPERSEDED = "superseded", _("已重新抽取（作废）")


class Extraction(models.Model):
    """One recorded draw of a lot's committee. ``candidate_snapshot`` and ``seed`` are everything the algorithm
    read, so :func:`lianjian.experts.services.extraction_verify` can re-run it; the hashes make any later edit
    of the snapshot or the picks detectable."""

    lot = models.ForeignKey(Lot, verbose_name=_("标段（包）"), on_delete=models.PROTECT, related_name="extractions")
    attempt = models.PositiveSmallIntegerField(_("抽取次序"))
    requested_counts = models.JSONField(_("各专业抽取人数"))
    reserves = models.PositiveSmallIntegerField(_("每专业备选人数"), default=0)
    tenderer_representatives = models.PositiveSmallIntegerField(_("招标人代表人数"), default=0)
    seed = models.BigIntegerField(_("随机种子"))
    algorithm_version = models.CharField(_("算法版本"), max_length=40)
    candidate_snapshot = models.JSONField(_("候选快照"))
    snapshot_hash = models.CharField(_("候选快照摘要"), max_length=64)
    result_hash = models.CharField(_("抽取结果摘要"), max_length=64)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("抽取人"), on_delete=models.PROTECT,
                                     related_name="expert_extractions")
    requested_unit = models.ForeignKey(Unit, verbose_name=_("抽取单位"), on_delete=models.PROTECT,
                                       related_name="expert_extractions")
    created_at = models.DateTimeField(_("抽取时间"), default=timezone.now, editable=False)
    sealed = models.BooleanField(_("密封"), default=True)
    unsealed_at = models.DateTimeField(_("解封时间"), null=True, blank=True)
    unsealed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("解封人"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("状态"), max_length=20, choices=ExtractionStatus.choices,
                              default=ExtractionStatus.DRAWN)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    supersedes = models.OneToOneField("self", verbose_name=_("取代的抽取"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="superseded_by")
    redraw_reason = models.CharField(_("重新抽取原因"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("专家抽取")
        verbose_name_plural = _("专家抽取")
        # One valid draw per lot at a time: two concurrent redraws cannot both stand.
        constraints = [
            models.UniqueConstraint(fields=["lot", "attempt"], name="experts_extraction_lot_attempt_unique"),
            models.UniqueConstraint(fields=["lot"], condition=Q(status="drawn"),
                                    name="experts_one_valid_extraction_per_lot"),
        ]

    def __str__(self):
        if self.attempt is None:
            return _("%(lot)s 专家抽取") % {"lot": self.lot.code}
        return _("%(lot)s 第%(n)d次抽取") % {"lot": self.lot.code, "n": self.attempt}

    def get_absolute_url(self):
        return reverse("experts:extraction_detail", args=[self.pk])


class PickRole(models.TextChoices):
    PRIMARY = "primary", _("正选")
    RESERVE = "reserve", _("备选")
    RECUSED = "recused", _("回避")


class ExtractionPick(models.Model):
    """One expert met by the draw: drawn as a member or reserve, or passed over with the recusal reason."""

    extraction = models.ForeignKey(Extraction, verbose_name=_("抽取"), on_delete=models.CASCADE,
                                   related_name="picks")
    expert = models.ForeignKey(Expert, verbose_name=_("专家"), on_delete=models.PROTECT, related_name="picks")
    order = models.PositiveIntegerField(_("抽取顺序"))
    specialty = models.ForeignKey(Specialty, verbose_name=_("抽取专业"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("类别"), max_length=20, choices=PickRole.choices)
    recusal_codes = models.JSONField(_("回避事由代码"), default=list, blank=True)
    recusal_reason = models.CharField(_("回避事由"), max_length=500, blank=True)

    class Meta:
        ordering = ["extraction", "order"]
        verbose_name = _("抽取结果")
        verbose_name_plural = _("抽取结果")
        constraints = [
            models.UniqueConstraint(fields=["extraction", "order"], name="experts_pick_order_unique"),
            models.UniqueConstraint(fields=["extraction", "expert"], name="experts_pick_expert_unique"),
        ]

    def __str__(self):
        return f"{self.extraction} #{self.order} {self.expert}（{self.get_role_display()}）"


class EvaluationRecord(models.Model):
    """An expert's participation in one lot's evaluation and the trading centre's assessment of it
    (评标当天专家考核情况)."""

    expert = models.ForeignKey(Expert, verbose_name=_("专家"), on_delete=models.PROTECT,
                               related_name="evaluation_records")
    lot = models.ForeignKey(Lot, verbose_name=_("标段（包）"), on_delete=models.PROTECT,
                            related_name="expert_evaluations")
    extraction = models.ForeignKey(Extraction, verbose_name=_("抽取"), on_delete=models.PROTECT,
                                   related_name="evaluation_records")
    attended = models.BooleanField(_("到场参加评标"))
    absence_reason = models.CharField(_("缺席原因"), max_length=200, blank=True)
    score = models.DecimalField(_("考核得分"), max_digits=5, decimal_places=1, null=True, blank=True)
    comment = models.CharField(_("考核意见"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("记录人"), on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(_("记录时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("评标记录")
        verbose_name_plural = _("评标记录")
        constraints = [models.UniqueConstraint(fields=["expert", "lot"], name="experts_evaluation_expert_lot")]

    def __str__(self):
        return f"{self.expert} {self.lot.code}"


class Assessment(models.Model):
    """A periodic assessment (定期考评) of an expert by the pool's manager."""

    expert = models.ForeignKey(Expert, verbose_name=_("专家"), on_delete=models.CASCADE, related_name="assessments")
    period_start = models.DateField(_("考评期起"))
    period_end = models.DateField(_("考评期止"))
    score = models.DecimalField(_("考评得分"), max_digits=5, decimal_places=1)
    evaluations = models.PositiveIntegerField(_("期内评标次数"), default=0)
    comment = models.CharField(_("考评意见"), max_length=500, blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("考评人"), on_delete=models.PROTECT,
                                    related_name="+")
    created_at = models.DateTimeField(_("考评时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["expert", "-period_end"]
        verbose_name = _("专家考评")
        verbose_name_plural = _("专家考评")
        constraints = [models.UniqueConstraint(fields=["expert", "period_start", "period_end"],
                                               name="experts_assessment_period_unique")]

    def __str__(self):
        return f"{self.expert} {self.period_start}—{self.period_end}"
