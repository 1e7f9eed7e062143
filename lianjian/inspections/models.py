"""双随机、一公开: the inspection item list, the two pools (enforcement officers, inspection objects), annual plans
and their tasks, the verifiable random draw of objects and teams, results and their publication.

A draw is committed before it is run (the SHA-256 of a secret server seed is published first), witnesses may add
their own values, and the final seed, the pool snapshots and the picks are stored so that anyone can re-run it
(``lianjian draw verify``). Every attempt is a row; a redraw supersedes, never overwrites.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lianjian.org.models import PowerItem, Region, Sector, Unit
from lianjian.trading.models import Entity, Lot


class SamplingClass(models.Model):
    """A risk/credit class of the object pool and the band its sampling ratio must stay in (rules.md §6: "A ≤5%,
    B 5–20%, C 21–60%, D 61–100% (one city's published scheme) — configurable per plan"). Rows are data."""

    code = models.CharField(_("分类代码"), max_length=2, unique=True)
    name = models.CharField(_("分类名称"), max_length=40)
    rank = models.PositiveSmallIntegerField(_("风险序位"), help_text=_("1 为风险最低；风险等级与信用等级取较高者"))
    min_percent = models.DecimalField(_("抽查比例下限（%）"), max_digits=5, decimal_places=2)
    max_percent = models.DecimalField(_("抽查比例上限（%）"), max_digits=5, decimal_places=2)
    default_percent = models.DecimalField(_("默认抽查比例（%）"), max_digits=5, decimal_places=2)
    source = models.TextField(_("依据"))

    class Meta:
        ordering = ["rank"]
        verbose_name = _("抽查分类")
        verbose_name_plural = _("抽查分类")

    def __str__(self):
        return f"{self.code} {self.name}"


class InspectionRule(models.Model):
    """A number the draw obeys (team size, over-inspection window), with its source."""

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=100)
    value = models.PositiveIntegerField(_("数值"))
    source = models.TextField(_("依据"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("抽查规则")
        verbose_name_plural = _("抽查规则")

    def __str__(self):
        return f"{self.name}：{self.value}"


class ItemLevel(models.TextChoices):
    KEY = "key", _("重点检查事项")
    GENERAL = "general", _("一般检查事项")


class Method(models.TextChoices):
    ELECTRONIC = "electronic", _("网络监测（电子化检查）")
    DOCUMENT = "document", _("书面检查")
    ON_SITE = "on_site", _("实地核查")
    COMMISSIONED = "commissioned", _("委托专业机构检查")


class InspectionItem(models.Model):
    """An entry of the 抽查事项清单; it cites an 行政检查 item of the unit's published power list."""

    unit = models.ForeignKey(Unit, verbose_name=_("实施单位"), on_delete=models.PROTECT,
                             related_name="inspection_items")
    power_item = models.ForeignKey(PowerItem, verbose_name=_("权责清单事项"), on_delete=models.PROTECT,
                                   related_name="inspection_items")
    name = models.CharField(_("抽查事项"), max_length=200)
    level = models.CharField(_("事项类别"), max_length=20, choices=ItemLevel.choices, default=ItemLevel.GENERAL)
    sector = models.ForeignKey(Sector, verbose_name=_("行业领域"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    method = models.CharField(_("检查方式"), max_length=20, choices=Method.choices, default=Method.ELECTRONIC)
    content = models.TextField(_("检查内容"), blank=True)
    is_active = models.BooleanField(_("有效"), default=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["unit", "name"]
        verbose_name = _("抽查事项")
        verbose_name_plural = _("抽查事项")

    def __str__(self):
        return self.name


class Inspector(models.Model):
    """An officer of the 执法人员库: the certificate must be valid on the draw date; an expired certificate
    takes the officer out of the pool (periodic job ``inspections.expire_certificates``)."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("人员"), on_delete=models.PROTECT,
                                  related_name="inspector")
    unit = models.ForeignKey(Unit, verbose_name=_("所属单位"), on_delete=models.PROTECT, related_name="inspectors")
    certificate_no = models.CharField(_("执法证号"), max_length=40, unique=True)
    certificate_valid_until = models.DateField(_("执法证有效期至"))
    specialties = models.ManyToManyField(Sector, verbose_name=_("业务专长"), blank=True, related_name="+")
    is_active = models.BooleanField(_("在库"), default=True)
    inactive_reason = models.CharField(_("出库原因"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("入库时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["unit", "certificate_no"]
        verbose_name = _("执法检查人员")
        verbose_name_plural = _("执法检查人员")

    def __str__(self):
        return f"{self.person.full_name or self.person.username}（{self.certificate_no}）"


class InspectorConflict(models.Model):
    """A relation an officer declared with a market entity (行政处罚法 第42、43条: direct interest → recusal)."""

    inspector = models.ForeignKey(Inspector, verbose_name=_("执法检查人员"), on_delete=models.CASCADE,
                                  related_name="conflicts")
    entity = models.ForeignKey(Entity, verbose_name=_("关系主体"), on_delete=models.PROTECT, related_name="+")
    relation = models.CharField(_("关系说明"), max_length=200)
    declared_on = models.DateField(_("申报日期"), default=timezone.localdate)
    valid_until = models.DateField(_("有效期至"), null=True, blank=True)

    class Meta:
        ordering = ["inspector", "-declared_on"]
        verbose_name = _("利害关系申报")
        verbose_name_plural = _("利害关系申报")

    def __str__(self):
        return f"{self.inspector} — {self.entity}"


class ObjectKind(models.TextChoices):
    ENTITY = "entity", _("市场主体")
    LOT = "lot", _("交易项目（标段）")
    BEHAVIOUR = "behaviour", _("交易行为")


class InspectionObject(models.Model):
    """An entry of the 检查对象名录库 with its risk level and credit class (editable until the credit and
    monitoring modules supply them)."""

    kind = models.CharField(_("对象类型"), max_length=20, choices=ObjectKind.choices)
    name = models.CharField(_("对象名称"), max_length=300)
    region = models.ForeignKey(Region, verbose_name=_("所在行政区划"), on_delete=models.PROTECT, related_name="+")
    sector = models.ForeignKey(Sector, verbose_name=_("行业领域"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    entity = models.ForeignKey(Entity, verbose_name=_("市场主体"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="inspection_objects")
    lot = models.ForeignKey(Lot, verbose_name=_("标段（包）"), null=True, blank=True, on_delete=models.PROTECT,
                            related_name="inspection_objects")
    risk_class = models.ForeignKey(SamplingClass, verbose_name=_("风险等级"), on_delete=models.PROTECT,
                                   related_name="+")
    credit_class = models.ForeignKey(SamplingClass, verbose_name=_("信用等级"), on_delete=models.PROTECT,
                                     related_name="+")
    last_inspected_on = models.DateField(_("最近一次被抽查日期"), null=True, blank=True)
    is_active = models.BooleanField(_("在库"), default=True)

    class Meta:
        ordering = ["region", "name"]
        verbose_name = _("检查对象")
        verbose_name_plural = _("检查对象")
        constraints = [
            models.UniqueConstraint(fields=["kind", "entity"], condition=Q(kind="entity"),
                                    name="inspections_object_entity_unique"),
            models.UniqueConstraint(fields=["kind", "lot"], condition=Q(kind="lot"),
                                    name="inspections_object_lot_unique"),
        ]

    def __str__(self):
        return self.name


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("草拟")
    PUBLISHED = "published", _("已公布")


class InspectionPlan(models.Model):
    """An annual random-inspection plan (年度抽查工作计划) of a region, kept by its lead office."""

    unit = models.ForeignKey(Unit, verbose_name=_("组织单位"), on_delete=models.PROTECT,
                             related_name="inspection_plans")
    region = models.ForeignKey(Region, verbose_name=_("行政区划"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("计划名称"), max_length=200)
    status = models.CharField(_("状态"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("创建人"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)
    published_at = models.DateTimeField(_("公布时间"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("年度抽查计划")
        verbose_name_plural = _("年度抽查计划")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("inspections:plan_detail", args=[self.pk])


class PlanRatio(models.Model):
    """The plan's sampling ratio for one class, within the class's band."""

    plan = models.ForeignKey(InspectionPlan, verbose_name=_("计划"), on_delete=models.CASCADE, related_name="ratios")
    sampling_class = models.ForeignKey(SamplingClass, verbose_name=_("抽查分类"), on_delete=models.PROTECT,
                                       related_name="+")
    percent = models.DecimalField(_("抽查比例（%）"), max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["plan", "sampling_class__rank"]
        verbose_name = _("抽查比例")
        verbose_name_plural = _("抽查比例")
        constraints = [models.UniqueConstraint(fields=["plan", "sampling_class"], name="inspections_ratio_unique")]

    def __str__(self):
        return f"{self.sampling_class.code} {self.percent}%"


class TaskStatus(models.TextChoices):
    PLANNED = "planned", _("待抽取")
    COMMITTED = "committed", _("已公布种子承诺")
    DRAWN = "drawn", _("已抽取，检查中")
    FINISHED = "finished", _("检查结束，待公示")
    PUBLISHED = "published", _("结果已公示")


class InspectionTask(models.Model):
    """A batch of the plan: one or more items (of one or several units) checked on the same objects in one joint
    visit (优化营商环境条例 第54条; seed 001 "对同一中标企业的多个检查事项……一次性联合完成")."""

    plan = models.ForeignKey(InspectionPlan, verbose_name=_("年度计划"), on_delete=models.PROTECT,
                             related_name="tasks")
    title = models.CharField(_("任务名称"), max_length=200)
    items = models.ManyToManyField(InspectionItem, verbose_name=_("抽查事项"), related_name="tasks")
    object_kind = models.CharField(_("对象类型"), max_length=20, choices=ObjectKind.choices)
    team_size = models.PositiveSmallIntegerField(_("每个对象检查人员数"))
    scheduled_start = models.DateField(_("计划开始日期"))
    scheduled_end = models.DateField(_("计划结束日期"))
    status = models.CharField(_("状态"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.PLANNED)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    finished_on = models.DateField(_("检查结束日期"), null=True, blank=True)
    published_at = models.DateTimeField(_("结果公示时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["plan", "scheduled_start", "pk"]
        verbose_name = _("抽查任务")
        verbose_name_plural = _("抽查任务")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("inspections:task_detail", args=[self.pk])


class DrawStatus(models.TextChoices):
    COMMITTED = "committed", _("已承诺，待抽取")
    DRAWN = "drawn", _("有效")
    SUPERSEDED = "superseded", _("已重新抽取（作废）")


class Draw(models.Model):
    """One attempt at a task's draw. ``commitment`` (SHA-256 of ``server_seed``) is public from creation; the
    server seed is revealed when the draw is run. ``seed`` is derived from the server seed and the witnesses'
    values; the snapshots are everything the algorithm read."""

    task = models.ForeignKey(InspectionTask, verbose_name=_("抽查任务"), on_delete=models.PROTECT,
                             related_name="draws")
    attempt = models.PositiveSmallIntegerField(_("抽取次序"))
    status = models.CharField(_("状态"), max_length=20, choices=DrawStatus.choices, default=DrawStatus.COMMITTED)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    commitment = models.CharField(_("种子承诺值（SHA-256）"), max_length=64)
    server_seed = models.CharField(_("系统种子"), max_length=64)
    witness_values = models.JSONField(_("见证人随机值"), default=list, blank=True)
    seed = models.BigIntegerField(_("最终随机种子"), null=True, blank=True)
    algorithm_version = models.CharField(_("算法版本"), max_length=40, blank=True)
    object_snapshot = models.JSONField(_("对象库快照"), null=True, blank=True)
    team_snapshot = models.JSONField(_("人员库快照"), null=True, blank=True)
    snapshot_hash = models.CharField(_("快照摘要"), max_length=64, blank=True)
    result_hash = models.CharField(_("抽取结果摘要"), max_length=64, blank=True)
    committed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("承诺人"), on_delete=models.PROTECT,
                                     related_name="+")
    committed_at = models.DateTimeField(_("承诺时间"), default=timezone.now, editable=False)
    drawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("抽取人"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    drawn_at = models.DateTimeField(_("抽取时间"), null=True, blank=True)
    redraw_reason = models.CharField(_("重新抽取原因"), max_length=300, blank=True)

    class Meta:
        ordering = ["-committed_at", "-pk"]
        verbose_name = _("随机抽取")
        verbose_name_plural = _("随机抽取")
        constraints = [
            models.UniqueConstraint(fields=["task", "attempt"], name="inspections_draw_attempt_unique"),
            # One live attempt per task: two officers cannot both commit or both hold a valid draw.
            models.UniqueConstraint(fields=["task"], condition=~Q(status="superseded"),
                                    name="inspections_one_live_draw_per_task"),
        ]

    def __str__(self):
        return _("%(task)s 第%(n)d次抽取") % {"task": self.task, "n": self.attempt}

    def get_absolute_url(self):
        return reverse("inspections:public_draw", args=[self.pk])


class DrawnObject(models.Model):
    """An object met by the object draw: selected, or passed over with the exclusion codes."""

    draw = models.ForeignKey(Draw, verbose_name=_("抽取"), on_delete=models.CASCADE, related_name="drawn_objects")
    obj = models.ForeignKey(InspectionObject, verbose_name=_("检查对象"), on_delete=models.PROTECT,
                            related_name="draws")
    order = models.PositiveIntegerField(_("抽取顺序"))
    stratum = models.CharField(_("抽查分类"), max_length=2)
    selected = models.BooleanField(_("抽中"))
    exclusion_codes = models.JSONField(_("排除事由"), default=list, blank=True)

    class Meta:
        ordering = ["draw", "order"]
        verbose_name = _("抽取对象")
        verbose_name_plural = _("抽取对象")
        constraints = [models.UniqueConstraint(fields=["draw", "obj"], name="inspections_drawn_object_unique")]

    def __str__(self):
        return f"{self.draw} #{self.order} {self.obj}"


class Assignment(models.Model):
    """An officer matched to a selected object."""

    draw = models.ForeignKey(Draw, verbose_name=_("抽取"), on_delete=models.CASCADE, related_name="assignments")
    obj = models.ForeignKey(InspectionObject, verbose_name=_("检查对象"), on_delete=models.PROTECT, related_name="+")
    inspector = models.ForeignKey(Inspector, verbose_name=_("执法检查人员"), on_delete=models.PROTECT,
                                  related_name="assignments")

    class Meta:
        ordering = ["draw", "obj", "inspector"]
        verbose_name = _("检查分工")
        verbose_name_plural = _("检查分工")
        constraints = [models.UniqueConstraint(fields=["draw", "obj", "inspector"],
                                               name="inspections_assignment_unique")]

    def __str__(self):
        return f"{self.obj} — {self.inspector}"


class Outcome(models.TextChoices):
    NO_PROBLEM = "no_problem", _("未发现问题")
    RECTIFY = "rectify", _("发现问题，责令整改")
    VIOLATION = "violation", _("发现违法违规线索")
    NOT_FOUND = "not_found", _("未发现检查对象")


class InspectionResult(models.Model):
    """The team's result for one selected object; a violation is handed to the cases module as a clue."""

    task = models.ForeignKey(InspectionTask, verbose_name=_("抽查任务"), on_delete=models.PROTECT,
                             related_name="results")
    obj = models.ForeignKey(InspectionObject, verbose_name=_("检查对象"), on_delete=models.PROTECT,
                            related_name="results")
    outcome = models.CharField(_("检查结果"), max_length=20, choices=Outcome.choices)
    findings = models.TextField(_("检查情况"))
    evidence = models.FileField(_("证据材料"), upload_to="inspections/evidence/%Y/%m/", blank=True)
    inspected_on = models.DateField(_("检查日期"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("记录人"), on_delete=models.PROTECT,
                                    related_name="+")
    recorded_at = models.DateTimeField(_("记录时间"), default=timezone.now, editable=False)
    clue_id = models.PositiveIntegerField(_("移交线索编号"), null=True, blank=True)

    class Meta:
        ordering = ["task", "obj"]
        verbose_name = _("抽查结果")
        verbose_name_plural = _("抽查结果")
        constraints = [models.UniqueConstraint(fields=["task", "obj"], name="inspections_result_unique")]

    def __str__(self):
        return f"{self.task} — {self.obj}"
