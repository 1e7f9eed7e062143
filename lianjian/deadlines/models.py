"""Deadlines attached to any workflow item, the rules they are computed from, and the pauses and reminders
recorded against them."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TimeUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("工作日")
    CALENDAR_DAYS = "calendar_days", _("日（自然日，末日遇节假日顺延）")
    HOURS = "hours", _("小时")
    MONTHS = "months", _("月")
    QUARTER_DAY = "quarter_day", _("季度末月第 N 日")


class DeadlineRule(models.Model):
    """How long something may take, and on what authority. Administrators adapt the rows to their jurisdiction."""

    code = models.SlugField(_("代码"), max_length=60, unique=True)
    name = models.CharField(_("名称"), max_length=120)
    count = models.PositiveIntegerField(_("时限"))
    unit = models.CharField(_("计算单位"), max_length=20, choices=TimeUnit.choices)
    due_soon_days = models.PositiveSmallIntegerField(
        _("提前提醒（工作日）"), help_text=_("到期前多少个工作日起显示“即将到期”并发送提醒")
    )
    source = models.TextField(_("依据"), help_text=_("法律法规条款或文件原文"))
    note = models.TextField(_("说明"), blank=True)
    is_active = models.BooleanField(_("启用"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("期限规则")
        verbose_name_plural = _("期限规则")

    def __str__(self):
        return self.name

    def describe(self):
        if self.unit == TimeUnit.QUARTER_DAY:
            return _("每季度最后一个月 %(n)d 日前") % {"n": self.count}
        if self.count == 0:
            return _("当日")
        return f"{self.count} {self.get_unit_display()}"


class DeadlineState(models.TextChoices):
    OPEN = "open", _("计时中")
    PAUSED = "paused", _("暂停计时")
    MET = "met", _("按期完成")
    MISSED = "missed", _("逾期完成")
    CANCELLED = "cancelled", _("已撤销")


class DeadlineStatus(models.TextChoices):
    """What an officer sees: the first three are worked out from today's date, the rest from the state."""

    ON_TIME = "on_time", _("正常")
    DUE_SOON = "due_soon", _("即将到期")
    OVERDUE = "overdue", _("已逾期")
    PAUSED = "paused", _("暂停计时")
    MET = "met", _("按期完成")
    MISSED = "missed", _("逾期完成")
    CANCELLED = "cancelled", _("已撤销")


ACTIVE_STATES = (DeadlineState.OPEN, DeadlineState.PAUSED)


class DeadlineQuerySet(models.QuerySet):
    def active(self):
        return self.filter(state__in=ACTIVE_STATES)

    def with_status(self, *, today=None, now=None):
        """Annotate ``status``. Without arguments the clock is now; given only ``today``, hour-based deadlines are
        judged by their due date like the others."""
        if today is None:
            now = now or timezone.now()
            today = timezone.localdate(now)
        overdue = Q(due__lt=today)
        if now is not None:
            overdue |= Q(due_at__lt=now)
        return self.annotate(
            status=Case(
                When(state=DeadlineState.MET, then=Value(DeadlineStatus.MET)),
                When(state=DeadlineState.MISSED, then=Value(DeadlineStatus.MISSED)),
                When(state=DeadlineState.CANCELLED, then=Value(DeadlineStatus.CANCELLED)),
                When(state=DeadlineState.PAUSED, then=Value(DeadlineStatus.PAUSED)),
                When(overdue, then=Value(DeadlineStatus.OVERDUE)),
                When(due_soon_from__lte=today, then=Value(DeadlineStatus.DUE_SOON)),
                default=Value(DeadlineStatus.ON_TIME),
                output_field=models.CharField(),
            )
        )

    def without_reminder(self):
        """Rows (annotated with ``status``) not yet reminded about for their current status and due date."""
        sent = DeadlineReminder.objects.filter(deadline=OuterRef("pk"), status=OuterRef("status"), due=OuterRef("due"))
        return self.filter(~Exists(sent))


class Deadline(models.Model):
    content_type = models.ForeignKey(ContentType, verbose_name=_("事项类型"), on_delete=models.PROTECT,
                                     related_name="+")
    object_id = models.PositiveBigIntegerField(_("事项ID"))
    subject = GenericForeignKey("content_type", "object_id")
    rule = models.ForeignKey(DeadlineRule, verbose_name=_("期限规则"), on_delete=models.PROTECT,
                             related_name="deadlines")
    title = models.CharField(_("事项"), max_length=200)
    responsible_unit = models.ForeignKey("org.Unit", verbose_name=_("责任单位"), on_delete=models.PROTECT,
                                         related_name="deadlines")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("承办人"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="deadlines")
    start = models.DateField(_("起算日"))
    start_at = models.DateTimeField(_("起算时间"), null=True, blank=True)
    due = models.DateField(_("到期日"))
    due_at = models.DateTimeField(_("到期时间"), null=True, blank=True,
                                  help_text=_("按小时计算的期限精确到时刻"))
    due_soon_from = models.DateField(_("提醒起始日"))
    provisional = models.BooleanField(
        _("暂定"), default=False, help_text=_("计算所涉年度的官方节假日安排尚未载入，载入后自动重算")
    )
    state = models.CharField(_("状态"), max_length=20, choices=DeadlineState.choices, default=DeadlineState.OPEN)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    met_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    opened_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("登记人"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("期限")
        verbose_name_plural = _("期限")
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="deadline_subject_idx"),
            models.Index(fields=["responsible_unit", "state", "due"], name="deadline_unit_state_due_idx"),
            models.Index(fields=["state", "provisional", "due"], name="deadline_state_due_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("deadlines:detail", args=[self.pk])

    def subject_url(self):
        """The page of the item this deadline belongs to, when that item has one."""
        subject = self.subject
        get_url = getattr(subject, "get_absolute_url", None)
        return get_url() if get_url is not None else ""

    def link(self):
        return self.subject_url() or self.get_absolute_url()

    @property
    def is_active(self):
        return self.state in ACTIVE_STATES

    def status_label(self):
        """The label of the ``status`` annotation added by ``with_status()``."""
        return DeadlineStatus(self.status).label


class DeadlinePause(models.Model):
    """A period in which the clock stood still (检验、检测、鉴定、专家评审、补正 …)."""

    deadline = models.ForeignKey(Deadline, verbose_name=_("期限"), on_delete=models.CASCADE, related_name="pauses")
    start = models.DateTimeField(_("暂停时间"))
    end = models.DateTimeField(_("恢复时间"), null=True, blank=True)
    reason = models.CharField(_("暂停原因"), max_length=200)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("暂停人"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("恢复人"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("暂停计时")
        verbose_name_plural = _("暂停计时")
        constraints = [
            models.UniqueConstraint(fields=["deadline"], condition=Q(end__isnull=True),
                                    name="one_open_pause_per_deadline"),
        ]

    def __str__(self):
        return f"{self.deadline} {self.reason}"


class DeadlineReminder(models.Model):
    """A reminder sent for one status of a deadline with a given due date; a changed due date may be reminded
    about again."""

    deadline = models.ForeignKey(Deadline, verbose_name=_("期限"), on_delete=models.CASCADE,
                                 related_name="reminders")
    status = models.CharField(_("提醒类型"), max_length=20, choices=DeadlineStatus.choices)
    due = models.DateField(_("到期日"))
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)
    recipients = models.PositiveIntegerField(_("接收人数"), default=0)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("期限提醒")
        verbose_name_plural = _("期限提醒")
        constraints = [
            models.UniqueConstraint(fields=["deadline", "status", "due"], name="one_reminder_per_status_and_due"),
        ]

    def __str__(self):
        return f"{self.deadline} {self.get_status_display()}"
