"""Transfers (移送), assistance letters (协助办理函) and transfers of suspected crimes to the police (国务院令第310号)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TransferKind(models.TextChoices):
    TRANSFER = "transfer", _("案件移送")
    ASSISTANCE = "assistance", _("协助办理函")
    CRIME = "crime", _("涉嫌犯罪案件移送")


class TransferState(models.TextChoices):
    DRAFT = "draft", _("待发送")
    APPROVED = "approved", _("负责人已批准移送")
    SENT = "sent", _("已发送")
    RECEIVED = "received", _("已签收")
    RETURNED = "returned", _("已退回")
    ACCEPTED = "accepted", _("已受理")
    REFUSED = "refused", _("不予立案")
    COMPLETED = "completed", _("已回告办理结果")


class Transfer(models.Model):
    """One written transfer or assistance letter from a unit to another, with its material list and receipt.

    Transfers to discipline inspection or the police are confidential: only the two units see them."""

    kind = models.CharField(_("类型"), max_length=20, choices=TransferKind.choices)
    from_unit = models.ForeignKey("org.Unit", verbose_name=_("移送单位"), on_delete=models.PROTECT,
                                  related_name="transfers_out")
    to_unit = models.ForeignKey("org.Unit", verbose_name=_("接收单位"), on_delete=models.PROTECT,
                                related_name="transfers_in")
    clue = models.ForeignKey("cases.Clue", verbose_name=_("线索"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="transfers")
    case = models.ForeignKey("cases.Case", verbose_name=_("案件"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="transfers")
    title = models.CharField(_("事由"), max_length=200)
    facts = models.TextField(_("案件基本情况"))
    request = models.TextField(_("移送（协助）事项及理由"))
    confidential = models.BooleanField(_("涉密"), default=False)
    team = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("专案组成员"), blank=True,
                                  related_name="crime_transfer_teams")
    state = models.CharField(_("状态"), max_length=20, choices=TransferState.choices, default=TransferState.DRAFT)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    discovered_on = models.DateField(_("收到或发现之日"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("经办人"), on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    approved_at = models.DateTimeField(_("批准时间"), null=True, blank=True)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)
    received_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("签收人"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField(_("决定日期"), null=True, blank=True)
    decision_reason = models.TextField(_("决定理由"), blank=True)
    handled_on = models.DateField(_("办理完毕日期"), null=True, blank=True)
    result = models.TextField(_("办理结果"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("移送与协助")
        verbose_name_plural = _("移送与协助")

    def __str__(self):
        return f"{self.number} {self.title}"

    @property
    def number(self):
        prefix = {TransferKind.TRANSFER: "YS", TransferKind.ASSISTANCE: "XZ", TransferKind.CRIME: "XS-YS"}[self.kind]
        return f"{prefix}{timezone.localtime(self.created_at):%Y}-{self.pk or 0:05d}"

    def get_absolute_url(self):
        return reverse("cases:transfer_detail", args=[self.pk])


class TransferMaterial(models.Model):
    """One line of the material list (移送材料清单) that the receipt acknowledges."""

    transfer = models.ForeignKey(Transfer, verbose_name=_("移送"), on_delete=models.CASCADE,
                                 related_name="materials")
    name = models.CharField(_("材料名称"), max_length=200)
    copies = models.PositiveSmallIntegerField(_("份数"), default=1)
    pages = models.PositiveIntegerField(_("页数"), null=True, blank=True)

    class Meta:
        ordering = ["transfer", "pk"]
        verbose_name = _("移送材料")
        verbose_name_plural = _("移送材料")

    def __str__(self):
        return self.name
