"""Complaints and reports received through the one window (一窗受理), their attachments, transfers and the
protected identity of the person who filed them.

The identity (name, organisation, address, contact) lives in its own table, :class:`ComplaintIdentity`, which only
the assigned officers of the handling unit may read (seed 002 §(九): "投诉举报受理部门应对投诉举报人相关信息严格保密").
The complaint row itself carries only masked forms, so lists, exports, the API, notifications and the audit log
never hold the identity.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lianjian.core.crypto import EncryptedTextField


class ComplaintKind(models.TextChoices):
    COMPLAINT = "complaint", _("投诉（工程建设等）")
    REPORT = "report", _("举报")
    GP_CHALLENGE = "gp_challenge", _("政府采购质疑")
    GP_COMPLAINT = "gp_complaint", _("政府采购投诉")


class Channel(models.TextChoices):
    ONLINE = "online", _("网上投诉举报窗口")
    WINDOW = "window", _("线下窗口")
    PHONE = "phone", _("电话")
    FAX = "fax", _("传真")
    LETTER = "letter", _("信函")
    EMAIL = "email", _("电子邮件")


class ObjectionMatter(models.TextChoices):
    """What the complaint is about, where 招标投标法实施条例 第22、44、54条 require an objection to the tenderer first."""

    NONE = "", _("不涉及须先异议的事项")
    PREQUALIFICATION_DOCS = "prequalification_docs", _("资格预审文件")
    TENDER_DOCS = "tender_docs", _("招标文件")
    BID_OPENING = "bid_opening", _("开标")
    EVALUATION_RESULT = "evaluation_result", _("评标结果")


class ComplaintState(models.TextChoices):
    RECEIVED = "received", _("待受理")
    CORRECTION = "correction", _("待补正")
    ACCEPTED = "accepted", _("办理中")
    REJECTED = "rejected", _("不予受理")
    DECIDED = "decided", _("已作出处理决定")
    REPLIED = "replied", _("已答复办结")
    WITHDRAWN = "withdrawn", _("已撤回")


class DecisionOutcome(models.TextChoices):
    UPHELD = "upheld", _("投诉（举报）事项成立")
    PARTLY_UPHELD = "partly_upheld", _("部分成立")
    NOT_UPHELD = "not_upheld", _("投诉（举报）事项不成立")
    DISMISSED = "dismissed", _("驳回（捏造事实、伪造材料或以非法手段取得证明材料）")


class Complaint(models.Model):
    tracking_code = models.CharField(_("查询码"), max_length=20, unique=True, editable=False)
    kind = models.CharField(_("类别"), max_length=20, choices=ComplaintKind.choices)
    channel = models.CharField(_("来源渠道"), max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    anonymous = models.BooleanField(_("匿名"), default=False)
    submitter_masked = models.CharField(_("投诉（举报）人"), max_length=60)
    contact_masked = models.CharField(_("联系方式"), max_length=60, blank=True)
    title = models.CharField(_("事项标题"), max_length=200)
    region = models.ForeignKey("org.Region", verbose_name=_("所在行政区划"), on_delete=models.PROTECT,
                               related_name="complaints")
    sector = models.ForeignKey("org.Sector", verbose_name=_("行业领域"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="complaints")
    lot = models.ForeignKey("trading.Lot", verbose_name=_("标段（包）"), null=True, blank=True,
                            on_delete=models.PROTECT, related_name="complaints")
    project_reference = models.CharField(_("项目名称或编号"), max_length=300, blank=True)
    respondent_name = models.CharField(_("被投诉（举报）人名称"), max_length=200, blank=True)
    respondent_credit_code = models.CharField(_("被投诉人统一社会信用代码"), max_length=18, blank=True)
    respondent_address = models.CharField(_("被投诉人地址"), max_length=200, blank=True)
    respondent_contact = models.CharField(_("被投诉人联系方式"), max_length=60, blank=True)
    facts = models.TextField(_("基本事实"))
    requests = models.TextField(_("投诉请求"), blank=True)
    evidence = models.TextField(_("线索和证明材料说明"), blank=True)
    signed = models.BooleanField(_("已签字（盖章）"), default=False)
    known_on = models.DateField(_("知道或应当知道之日"), null=True, blank=True)
    objection_matter = models.CharField(_("涉及事项"), max_length=30, choices=ObjectionMatter.choices, blank=True)
    objection_raised_on = models.DateField(_("提出异议（质疑）日期"), null=True, blank=True)
    objection_replied_on = models.DateField(_("收到异议（质疑）答复日期"), null=True, blank=True)
    requirement_problems = models.JSONField(_("要件缺失"), default=list, blank=True)
    acceptance_flags = models.JSONField(_("受理审查提示"), default=list, blank=True)
    filing_due = models.DateField(_("法定提出期限截止日"), null=True, blank=True)
    received_at = models.DateTimeField(_("收到时间"), default=timezone.now)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("登记人"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    first_unit = models.ForeignKey("org.Unit", verbose_name=_("首先收到的单位"), on_delete=models.PROTECT,
                                   related_name="+")
    handling_unit = models.ForeignKey("org.Unit", verbose_name=_("承办单位"), on_delete=models.PROTECT,
                                      related_name="complaints")
    officers = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("承办人"), blank=True,
                                      related_name="assigned_complaints")
    state = models.CharField(_("状态"), max_length=20, choices=ComplaintState.choices,
                             default=ComplaintState.RECEIVED, db_index=True)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    power_item = models.ForeignKey("org.PowerItem", verbose_name=_("引用权责事项"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    accepted_at = models.DateTimeField(_("受理时间"), null=True, blank=True)
    rejection_reasons = models.JSONField(_("不予受理理由"), default=list, blank=True)
    correction_requested_at = models.DateTimeField(_("通知补正时间"), null=True, blank=True)
    correction_items = models.TextField(_("补正事项"), blank=True)
    corrected_at = models.DateTimeField(_("补正完成时间"), null=True, blank=True)
    outcome = models.CharField(_("处理结果"), max_length=20, choices=DecisionOutcome.choices, blank=True)
    decision_text = models.TextField(_("处理决定"), blank=True)
    legal_basis = models.TextField(_("法律依据"), blank=True)
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True)
    reply_text = models.TextField(_("答复内容"), blank=True)
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    withdrawn_reason = models.CharField(_("撤回理由"), max_length=200, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("投诉举报")
        verbose_name_plural = _("投诉举报")
        indexes = [models.Index(fields=["handling_unit", "state"], name="complaint_unit_state_idx")]

    def __str__(self):
        return f"{self.tracking_code} {self.title}"

    def get_absolute_url(self):
        return reverse("complaints:detail", args=[self.pk])

    @property
    def is_gp(self):
        return self.kind in (ComplaintKind.GP_CHALLENGE, ComplaintKind.GP_COMPLAINT)


class ComplaintIdentity(models.Model):
    """Who filed the complaint and how to reach them: read only by the handling unit's assigned officers, and each
    reading is written to the audit log. Anonymous reports have no row."""

    complaint = models.OneToOneField(Complaint, verbose_name=_("投诉举报"), on_delete=models.CASCADE,
                                     related_name="identity")
    # Encrypted at rest (seed requirement: the reporter's identity is kept confidential); max_length bounds the
    # plain text, which the intake service checks.
    name = EncryptedTextField(_("姓名或名称"), max_length=200)
    organisation_representative = EncryptedTextField(_("法定代表人或授权代表"), max_length=60, blank=True)
    id_number = EncryptedTextField(_("证件号码"), max_length=18, blank=True)
    address = EncryptedTextField(_("地址"), max_length=200, blank=True)
    phone = EncryptedTextField(_("联系电话"), max_length=40, blank=True)
    email = EncryptedTextField(_("电子邮箱"), max_length=254, blank=True)

    class Meta:
        verbose_name = _("投诉举报人身份")
        verbose_name_plural = _("投诉举报人身份")

    def __str__(self):
        return str(_("%(code)s 的投诉举报人") % {"code": self.complaint.tracking_code})


class ComplaintAttachment(models.Model):
    complaint = models.ForeignKey(Complaint, verbose_name=_("投诉举报"), on_delete=models.CASCADE,
                                  related_name="attachments")
    file = models.FileField(_("文件"), upload_to="complaints/%Y/%m/")
    original_name = models.CharField(_("文件名"), max_length=200)
    size = models.PositiveIntegerField(_("大小（字节）"))
    uploaded_at = models.DateTimeField(_("上传时间"), default=timezone.now)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self):
        return self.original_name


class ComplaintTransfer(models.Model):
    """A complaint handed from a unit that is not competent to the one that is (宣恩方案: within 5 working days of
    receipt, rule ``case_transfer``)."""

    complaint = models.ForeignKey(Complaint, verbose_name=_("投诉举报"), on_delete=models.CASCADE,
                                  related_name="transfers")
    from_unit = models.ForeignKey("org.Unit", verbose_name=_("移出单位"), on_delete=models.PROTECT, related_name="+")
    to_unit = models.ForeignKey("org.Unit", verbose_name=_("移入单位"), on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("移送理由"), max_length=300)
    transferred_at = models.DateTimeField(_("移送时间"), default=timezone.now)
    transferred_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("移送人"), on_delete=models.PROTECT,
                                       related_name="+")
    due = models.DateField(_("移送期限"))
    on_time = models.BooleanField(_("按期移送"))

    class Meta:
        ordering = ["transferred_at", "pk"]
        verbose_name = _("投诉举报移送")
        verbose_name_plural = _("投诉举报移送")

    def __str__(self):
        return f"{self.complaint.tracking_code} {self.from_unit} → {self.to_unit}"
