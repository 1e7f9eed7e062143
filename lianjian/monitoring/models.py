"""The warning loop (预警 → 分办 → 处置 → 督办 → 反馈): alerts raised by the analytics engine, the 督办 records of
the office, the watch list of parties (重点关注对象) and the lots it puts in tracking mode (项目跟踪)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lianjian.org.models import Region, Unit
from lianjian.trading.models import Entity, Lot


class Severity(models.TextChoices):
    """The engine's severities, shown as the red / orange / yellow of the warning map."""

    HIGH = "high", _("红色预警")
    MEDIUM = "medium", _("橙色预警")
    LOW = "low", _("黄色预警")


SEVERITY_RANK = {Severity.HIGH: 3, Severity.MEDIUM: 2, Severity.LOW: 1}


class AlertState(models.TextChoices):
    UNASSIGNED = "unassigned", _("待分办")
    PENDING = "pending", _("待研判")
    CONFIRMED = "confirmed", _("已确认（转线索）")
    DISMISSED = "dismissed", _("已排除")


class Alert(models.Model):
    """One finding of the engine about one lot and its parties, kept across runs under the finding's key."""

    key = models.CharField(_("预警标识"), max_length=500, unique=True)
    indicator = models.CharField(_("指标代码"), max_length=60, db_index=True)
    indicator_name = models.CharField(_("指标名称"), max_length=200, blank=True)
    family = models.CharField(_("指标类别"), max_length=30, blank=True)
    basis = models.TextField(_("依据"), blank=True)
    lot_code = models.CharField(_("标段（包）编号"), max_length=64, db_index=True)
    lot = models.ForeignKey(Lot, verbose_name=_("标段（包）"), null=True, blank=True, on_delete=models.PROTECT,
                            related_name="alerts")
    region = models.ForeignKey(Region, verbose_name=_("所在行政区划"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="alerts")
    unit = models.ForeignKey(Unit, verbose_name=_("承办单位"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="alerts")
    dispatch_basis = models.CharField(_("分办依据"), max_length=300, blank=True)
    dispatched_at = models.DateTimeField(_("分办时间"), null=True, blank=True)
    entities = models.JSONField(_("涉及主体"), default=list, help_text=_("统一社会信用代码"))
    score = models.FloatField(_("风险分值"))
    severity = models.CharField(_("预警等级"), max_length=10, choices=Severity.choices, db_index=True)
    evidence = models.JSONField(_("证据"), default=dict)
    evidence_fingerprint = models.CharField(_("证据指纹"), max_length=64)
    source = models.CharField(_("来源"), max_length=200, blank=True)
    state = models.CharField(_("状态"), max_length=20, choices=AlertState.choices, default=AlertState.UNASSIGNED,
                             db_index=True)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    first_seen_at = models.DateTimeField(_("首次发现"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("最近发现"), default=timezone.now)
    runs_seen = models.PositiveIntegerField(_("发现次数"), default=1)
    triaged_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("研判人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    triaged_at = models.DateTimeField(_("研判时间"), null=True, blank=True)
    triage_note = models.TextField(_("研判意见"), blank=True)
    dismiss_reason = models.TextField(_("排除理由"), blank=True)
    clue_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    clue_id = models.PositiveBigIntegerField(null=True, blank=True)
    clue = GenericForeignKey("clue_type", "clue_id")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-last_seen_at", "-pk"]
        verbose_name = _("风险预警")
        verbose_name_plural = _("风险预警")
        indexes = [
            models.Index(fields=["region", "severity", "state"], name="monitoring_alert_region_idx"),
            models.Index(fields=["unit", "state"], name="monitoring_alert_unit_idx"),
        ]

    def __str__(self):
        return f"{self.indicator_name or self.indicator} · {self.lot_code}"

    def get_absolute_url(self):
        return reverse("monitoring:alert_detail", args=[self.pk])


class Supervision(models.Model):
    """The office pressing the competent unit on an overdue alert (督办)."""

    alert = models.ForeignKey(Alert, verbose_name=_("预警"), on_delete=models.CASCADE, related_name="supervisions")
    unit = models.ForeignKey(Unit, verbose_name=_("督办单位"), on_delete=models.PROTECT, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("督办人"), on_delete=models.PROTECT,
                           related_name="+")
    at = models.DateTimeField(_("督办时间"), default=timezone.now)
    note = models.TextField(_("督办意见"))
    due = models.DateField(_("研判期限"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("督办记录")
        verbose_name_plural = _("督办记录")

    def __str__(self):
        return f"{self.alert} · {timezone.localtime(self.at):%Y-%m-%d}"


class WatchKind(models.TextChoices):
    ENTITY = "entity", _("市场主体")
    PERSON = "person", _("人员")


class WatchEntry(models.Model):
    """A party on the watch list (重点关注对象名单, seed 000 §十五): a market entity, or a person identified by name
    and registration certificate (project managers, contacts, file preparers)."""

    kind = models.CharField(_("类别"), max_length=10, choices=WatchKind.choices)
    entity = models.ForeignKey(Entity, verbose_name=_("市场主体"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="watch_entries")
    person_name = models.CharField(_("姓名"), max_length=60, blank=True)
    person_cert = models.CharField(_("注册证书编号"), max_length=60, blank=True)
    region = models.ForeignKey(Region, verbose_name=_("关注范围"), on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(Unit, verbose_name=_("列入单位"), on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("列入理由"))
    alert = models.ForeignKey(Alert, verbose_name=_("来源预警"), null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="watch_entries")
    is_active = models.BooleanField(_("有效"), default=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("列入人"), on_delete=models.PROTECT,
                                 related_name="+")
    added_at = models.DateTimeField(_("列入时间"), default=timezone.now)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("移出人"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    ended_at = models.DateTimeField(_("移出时间"), null=True, blank=True)
    end_reason = models.TextField(_("移出理由"), blank=True)

    class Meta:
        ordering = ["-added_at", "-pk"]
        verbose_name = _("重点关注对象")
        verbose_name_plural = _("重点关注对象")
        constraints = [
            models.UniqueConstraint(fields=["entity", "region"], condition=models.Q(is_active=True, kind="entity"),
                                    name="monitoring_watch_entity_once"),
            models.UniqueConstraint(fields=["person_name", "person_cert", "region"],
                                    condition=models.Q(is_active=True, kind="person"),
                                    name="monitoring_watch_person_once"),
        ]

    def __str__(self):
        if self.kind == WatchKind.ENTITY and self.entity_id:
            return str(self.entity)
        return f"{self.person_name}（{self.person_cert}）" if self.person_cert else self.person_name


class TrackedLot(models.Model):
    """A lot in tracking mode because a watch-listed party takes part in it."""

    lot = models.ForeignKey(Lot, verbose_name=_("标段（包）"), on_delete=models.CASCADE, related_name="trackings")
    watch_entry = models.ForeignKey(WatchEntry, verbose_name=_("重点关注对象"), on_delete=models.CASCADE,
                                    related_name="tracked_lots")
    role = models.CharField(_("参与身份"), max_length=60)
    unit = models.ForeignKey(Unit, verbose_name=_("跟踪单位"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+")
    region = models.ForeignKey(Region, verbose_name=_("所在行政区划"), on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField(_("开启跟踪时间"), default=timezone.now)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("跟踪标段")
        verbose_name_plural = _("跟踪标段")
        constraints = [models.UniqueConstraint(fields=["lot", "watch_entry"], name="monitoring_tracked_lot_once")]

    def __str__(self):
        return f"{self.lot.code} · {self.watch_entry}"
