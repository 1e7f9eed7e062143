"""In-app notifications (站内消息), each optionally mirrored by e-mail."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    DEADLINE = "deadline", _("期限提醒")
    COMPLAINT = "complaint", _("投诉")
    CASE = "case", _("案件")
    MONITORING = "monitoring", _("风险预警")
    INSPECTION = "inspection", _("双随机抽查")
    MEETING = "meeting", _("联席会议")
    SHARING = "sharing", _("信息共享")
    CREDIT = "credit", _("信用")
    JOB = "job", _("后台任务")
    SYSTEM = "system", _("系统")


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("接收人"), on_delete=models.CASCADE,
                                  related_name="notifications")
    category = models.CharField(_("类别"), max_length=20, choices=Category.choices, default=Category.SYSTEM)
    subject = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    link = models.CharField(_("链接"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("发送时间"), auto_now_add=True)
    read_at = models.DateTimeField(_("阅读时间"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("邮件发送时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("消息")
        verbose_name_plural = _("消息")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_inbox_idx")]

    def __str__(self):
        return self.subject

    @property
    def is_read(self):
        return self.read_at is not None
