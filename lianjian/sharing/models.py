"""Information sharing between member units (seed 004 二(二) 联通信息, seed 002 (十二) 信息共享机制): scheduled
exchanges with their deadlines, and requests for non-public information under confidentiality terms."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Trigger(models.TextChoices):
    DAILY = "daily", _("每日（有开标的次日）")
    QUARTERLY = "quarterly", _("每季度")
    EVENT = "event", _("随事项发生")


class Generator(models.TextChoices):
    NONE = "", _("上传文件")
    BID_OPENING_LOG = "bid_opening_log", _("由系统按开标记录生成")


class ExchangeSchedule(models.Model):
    """One kind of scheduled exchange: who sends it, to whom, when, and under which deadline rule."""

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=120)
    trigger = models.CharField(_("触发方式"), max_length=20, choices=Trigger.choices)
    sender_types = models.JSONField(_("报送单位类型"), help_text=_("单位类型代码列表"))
    recipient_types = models.JSONField(_("接收单位类型"), help_text=_("单位类型代码列表；接收方为同一行政区划内的有效单位"))
    deadline_rule = models.SlugField(_("期限规则代码"), max_length=60)
    generator = models.CharField(_("生成方式"), max_length=30, choices=Generator.choices, blank=True)
    source = models.TextField(_("依据"))
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("信息报送计划")
        verbose_name_plural = _("信息报送计划")

    def __str__(self):
        return self.name


class ExchangeState(models.TextChoices):
    OPEN = "open", _("待报送")
    SUBMITTED = "submitted", _("已报送")


class Exchange(models.Model):
    """One due exchange of a sending unit for one period (a day's bid openings, a quarter) or one event."""

    schedule = models.ForeignKey(ExchangeSchedule, verbose_name=_("报送计划"), on_delete=models.PROTECT,
                                 related_name="exchanges")
    sender_unit = models.ForeignKey("org.Unit", verbose_name=_("报送单位"), on_delete=models.PROTECT,
                                    related_name="sent_exchanges")
    title = models.CharField(_("事项"), max_length=200)
    period_start = models.DateField(_("所属期起"))
    period_end = models.DateField(_("所属期止"))
    recurring = models.BooleanField(_("定期报送"), default=True, editable=False)
    state = models.CharField(_("状态"), max_length=20, choices=ExchangeState.choices, default=ExchangeState.OPEN)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    file = models.FileField(_("报送文件"), upload_to="sharing/exchanges/%Y/%m/", blank=True)
    data = models.JSONField(_("系统生成数据"), null=True, blank=True)
    note = models.TextField(_("说明"), blank=True)
    submitted_at = models.DateTimeField(_("报送时间"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("报送人"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("生成时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-period_start", "-pk"]
        verbose_name = _("信息报送")
        verbose_name_plural = _("信息报送")
        # The periodic job may run twice or on two workers: one exchange per schedule, unit and period.
        constraints = [models.UniqueConstraint(fields=["schedule", "sender_unit", "period_start"],
                                               condition=Q(recurring=True), name="sharing_one_exchange_per_period")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sharing:exchange_detail", args=[self.pk])


class ExchangeReceipt(models.Model):
    """A recipient unit's copy of a submitted exchange, and when it confirmed receipt."""

    exchange = models.ForeignKey(Exchange, verbose_name=_("信息报送"), on_delete=models.CASCADE,
                                 related_name="receipts")
    unit = models.ForeignKey("org.Unit", verbose_name=_("接收单位"), on_delete=models.PROTECT,
                             related_name="exchange_receipts")
    received_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("签收人"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["exchange", "unit__name"]
        verbose_name = _("接收回执")
        verbose_name_plural = _("接收回执")
        constraints = [models.UniqueConstraint(fields=["exchange", "unit"], name="sharing_one_receipt_per_unit")]

    def __str__(self):
        return f"{self.exchange} → {self.unit}"


class RequestState(models.TextChoices):
    REQUESTED = "requested", _("待审批")
    APPROVED = "approved", _("已同意，待提供")
    REFUSED = "refused", _("不予提供")
    DELIVERED = "delivered", _("已提供，待确认保密要求")
    ACKNOWLEDGED = "acknowledged", _("已确认保密要求")


class InfoRequest(models.Model):
    """A member unit asks another for non-public information (seed 002 (十二): “市公管委成员单位之间需要查询、调用
    有关非公开信息的，在遵守相关保密原则的前提下相互给予支持配合”). The holder's head approves with
    confidentiality terms; the requester sees what was delivered only after accepting them."""

    requesting_unit = models.ForeignKey("org.Unit", verbose_name=_("申请单位"), on_delete=models.PROTECT,
                                        related_name="info_requests_made")
    holder_unit = models.ForeignKey("org.Unit", verbose_name=_("信息持有单位"), on_delete=models.PROTECT,
                                    related_name="info_requests_received")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("申请人"), on_delete=models.PROTECT,
                                     related_name="+")
    subject = models.CharField(_("所需信息"), max_length=200)
    purpose = models.TextField(_("用途及依据"))
    state = models.CharField(_("状态"), max_length=20, choices=RequestState.choices, default=RequestState.REQUESTED)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("申请时间"), default=timezone.now, editable=False)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审批人"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    decision_note = models.TextField(_("审批意见"), blank=True)
    confidentiality_terms = models.TextField(_("保密要求"), blank=True)
    delivered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("提供人"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    delivered_at = models.DateTimeField(_("提供时间"), null=True, blank=True)
    delivery_note = models.TextField(_("提供的信息"), blank=True)
    delivery_file = models.FileField(_("提供的文件"), upload_to="sharing/requests/%Y/%m/", blank=True)
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("确认人"), null=True, blank=True,
                                        on_delete=models.PROTECT, related_name="+")
    acknowledged_at = models.DateTimeField(_("确认时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("非公开信息调用申请")
        verbose_name_plural = _("非公开信息调用申请")

    def __str__(self):
        return _("%(unit)s 申请调用：%(subject)s") % {"unit": self.requesting_unit, "subject": self.subject}

    def get_absolute_url(self):
        return reverse("sharing:request_detail", args=[self.pk])
