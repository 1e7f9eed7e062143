"""Background jobs (后台任务): one row per long piece of work, whichever process or machine runs it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("运行中")
    SUCCEEDED = "succeeded", _("已完成")
    FAILED = "failed", _("失败")
    CANCELLED = "cancelled", _("已取消")


ACTIVE_STATUSES = (JobStatus.QUEUED, JobStatus.RUNNING)


class Job(models.Model):
    kind = models.CharField(_("任务类型"), max_length=100)
    params = models.JSONField(_("参数"), default=dict, blank=True)
    status = models.CharField(_("状态"), max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    progress_done = models.PositiveBigIntegerField(_("已完成数"), default=0)
    progress_total = models.PositiveBigIntegerField(_("总数"), null=True, blank=True)
    message = models.CharField(_("进度说明"), max_length=300, blank=True)
    result = models.JSONField(_("结果"), null=True, blank=True)
    error = models.TextField(_("错误信息"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("发起人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="jobs")
    unit = models.ForeignKey("org.Unit", verbose_name=_("所属单位"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="jobs")
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("最近心跳"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("运行次数"), default=0)
    checkpoint = models.JSONField(_("断点"), null=True, blank=True)
    worker = models.CharField(_("执行者"), max_length=200, blank=True)
    state_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("后台任务")
        verbose_name_plural = _("后台任务")
        indexes = [
            models.Index(fields=["status", "heartbeat_at"], name="job_claimable_idx"),
            models.Index(fields=["created_by", "-created_at"], name="job_creator_idx"),
            models.Index(fields=["unit", "-created_at"], name="job_unit_idx"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.kind_label}"

    @property
    def kind_label(self):
        from .registry import handler_label

        return handler_label(self.kind)

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES

    @property
    def percent(self):
        """Whole percent done, or None while the total is unknown (shown as an indeterminate bar)."""
        if self.status == JobStatus.SUCCEEDED:
            return 100
        if not self.progress_total:
            return None
        return min(100, self.progress_done * 100 // self.progress_total)


class PeriodicRun(models.Model):
    """When each periodic task last fired; workers race on a conditional update of this row so a task fires once
    per period however many workers poll."""

    name = models.CharField(_("周期任务"), max_length=100, unique=True)
    last_run_at = models.DateTimeField(_("上次运行"), null=True, blank=True)
    last_job = models.ForeignKey(Job, verbose_name=_("上次任务"), null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")

    class Meta:
        ordering = ["name"]
        verbose_name = _("周期任务记录")
        verbose_name_plural = _("周期任务记录")

    def __str__(self):
        return self.name
