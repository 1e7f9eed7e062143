"""The oversight channel's access log: every query, export and archive opened by a discipline-inspection, audit or
police reader (seed 000 §(十一), 002 §(十一)), reviewable by that reader's own leadership."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccessKind(models.TextChoices):
    SEARCH = "search", _("查询")
    EXPORT = "export", _("导出")
    OPEN = "open", _("查阅档案")


class AccessLogEntry(models.Model):
    """One read through the oversight channel: who, when, which data set, with what query, how many rows."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("查询人"), on_delete=models.PROTECT,
                              related_name="oversight_accesses")
    unit = models.ForeignKey("org.Unit", verbose_name=_("所属单位"), on_delete=models.PROTECT,
                             related_name="oversight_accesses")
    at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    kind = models.CharField(_("类型"), max_length=10, choices=AccessKind.choices)
    dataset = models.CharField(_("数据集"), max_length=30)
    query = models.JSONField(_("查询条件"), default=dict)
    row_count = models.PositiveIntegerField(_("结果条数"), default=0)
    export_filename = models.CharField(_("导出文件"), max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("监督通道查询记录")
        verbose_name_plural = _("监督通道查询记录")
        indexes = [models.Index(fields=["unit", "at"], name="oversight_log_unit_at_idx")]

    def __str__(self):
        return f"{self.actor} {self.get_kind_display()} {self.dataset}"
