"""Problem clues (问题线索), the trading centre's witnessing reports with locked evidence, and joint verification."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ClueSource(models.TextChoices):
    WITNESSING = "witnessing", _("交易见证")
    MONITORING = "monitoring", _("数据监测预警")
    INSPECTION = "inspection", _("双随机及专项检查")
    COMPLAINT = "complaint", _("投诉举报")
    TRANSFER_IN = "transfer_in", _("外部移送")
    OTHER = "other", _("其他")


class ClueState(models.TextChoices):
    REGISTERED = "registered", _("已登记")
    VERIFYING = "verifying", _("联合核查中")
    UNFOUNDED = "unfounded", _("查无实据已了结")
    DISPOSED = "disposed", _("已处置")


class ClueOutcome(models.TextChoices):
    UNFOUNDED = "unfounded", _("查无实据")
    VIOLATION = "violation", _("违法违规，由主管部门立案查处")
    PENALTY = "penalty", _("需行政处罚，移交执法大队")
    DISCIPLINE = "discipline", _("违纪线索，移送纪检监察")
    CRIME = "crime", _("涉嫌犯罪，移送公安")
    OTHER_REGION = "other_region", _("属其他地区管辖，移交当地")


class Clue(models.Model):
    """A lead about a possible violation, from whatever module found it; owned first by the registering unit."""

    source = models.CharField(_("线索来源"), max_length=20, choices=ClueSource.choices)
    content_type = models.ForeignKey(ContentType, verbose_name=_("来源事项类型"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField(_("来源事项ID"), null=True, blank=True)
    source_object = GenericForeignKey("content_type", "object_id")
    title = models.CharField(_("线索标题"), max_length=200)
    description = models.TextField(_("线索内容"))
    unit = models.ForeignKey("org.Unit", verbose_name=_("登记单位"), on_delete=models.PROTECT, related_name="clues")
    region = models.ForeignKey("org.Region", verbose_name=_("所在行政区划"), on_delete=models.PROTECT,
                               related_name="clues")
    lot = models.ForeignKey("trading.Lot", verbose_name=_("标段（包）"), null=True, blank=True,
                            on_delete=models.PROTECT, related_name="clues")
    confidential = models.BooleanField(_("涉密"), default=False,
                                       help_text=_("涉密线索仅登记单位可见，牵头单位亦不可见其内容"))
    state = models.CharField(_("状态"), max_length=20, choices=ClueState.choices, default=ClueState.REGISTERED)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    outcome = models.CharField(_("核查结论"), max_length=20, choices=ClueOutcome.choices, blank=True)
    outcome_reason = models.TextField(_("结论理由"), blank=True)
    outcome_unit = models.ForeignKey("org.Unit", verbose_name=_("承办单位"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="assigned_clues")
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("登记人"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(_("登记时间"), default=timezone.now)
    concluded_at = models.DateTimeField(_("了结时间"), null=True, blank=True)

    class Meta:
        ordering = ["-registered_at", "-pk"]
        verbose_name = _("问题线索")
        verbose_name_plural = _("问题线索")
        indexes = [models.Index(fields=["content_type", "object_id"], name="cases_clue_source_idx")]

    def __str__(self):
        return f"{self.number} {self.title}"

    @property
    def number(self):
        return f"XS{timezone.localtime(self.registered_at):%Y}-{self.pk or 0:05d}"

    def get_absolute_url(self):
        return reverse("cases:clue_detail", args=[self.pk])


class ClueEntity(models.Model):
    """A market participant a clue concerns, by 统一社会信用代码 (linked to the trading entity when known)."""

    clue = models.ForeignKey(Clue, verbose_name=_("线索"), on_delete=models.CASCADE, related_name="entities")
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18)
    entity = models.ForeignKey("trading.Entity", verbose_name=_("市场主体"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="clue_links")

    class Meta:
        ordering = ["clue", "credit_code"]
        verbose_name = _("线索涉及主体")
        verbose_name_plural = _("线索涉及主体")
        constraints = [models.UniqueConstraint(fields=["clue", "credit_code"], name="cases_clue_entity_unique")]

    def __str__(self):
        return str(self.entity) if self.entity_id else self.credit_code


class WitnessReport(models.Model):
    """What the trading centre saw while witnessing a trading activity, reported with evidence locked on site."""

    unit = models.ForeignKey("org.Unit", verbose_name=_("报告单位"), on_delete=models.PROTECT,
                             related_name="witness_reports")
    lot = models.ForeignKey("trading.Lot", verbose_name=_("标段（包）"), null=True, blank=True,
                            on_delete=models.PROTECT, related_name="witness_reports")
    observed_at = models.DateTimeField(_("发现时间"))
    place = models.CharField(_("发现地点"), max_length=200, blank=True)
    summary = models.TextField(_("见证情况"))
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("报告人"), on_delete=models.PROTECT,
                                    related_name="+")
    reported_at = models.DateTimeField(_("报告时间"), default=timezone.now)

    class Meta:
        ordering = ["-reported_at", "-pk"]
        verbose_name = _("见证报告")
        verbose_name_plural = _("见证报告")

    def __str__(self):
        return _("见证报告 %(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        clue = Clue.objects.filter(content_type=ContentType.objects.get_for_model(self), object_id=self.pk).first()
        return clue.get_absolute_url() if clue else ""


class EvidenceFile(models.Model):
    """A file locked as evidence: its SHA-256 is taken on upload and the row is never changed afterwards (on
    PostgreSQL a trigger refuses UPDATE and DELETE)."""

    report = models.ForeignKey(WitnessReport, verbose_name=_("见证报告"), on_delete=models.PROTECT,
                               related_name="evidence")
    file = models.FileField(_("文件"), upload_to="cases/evidence/%Y/%m/")
    name = models.CharField(_("原文件名"), max_length=255)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    locked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("锁定人"), on_delete=models.PROTECT,
                                  related_name="+")
    locked_at = models.DateTimeField(_("锁定时间"), default=timezone.now)

    class Meta:
        ordering = ["report", "pk"]
        verbose_name = _("现场锁定证据")
        verbose_name_plural = _("现场锁定证据")

    def __str__(self):
        return self.name


class VerificationState(models.TextChoices):
    OPEN = "open", _("核查中")
    REPORTED = "reported", _("已报告")


class JointVerification(models.Model):
    """A joint verification team (联合核查组) the lead office forms from several units, with a deadline."""

    clue = models.OneToOneField(Clue, verbose_name=_("线索"), on_delete=models.PROTECT, related_name="verification")
    lead_unit = models.ForeignKey("org.Unit", verbose_name=_("组织单位"), on_delete=models.PROTECT,
                                  related_name="led_verifications")
    members = models.ManyToManyField("org.Unit", verbose_name=_("参加单位"), related_name="verifications")
    instructions = models.TextField(_("核查要求"), blank=True)
    due_on = models.DateField(_("核查期限"))
    findings = models.TextField(_("核查情况"), blank=True)
    state = models.CharField(_("状态"), max_length=20, choices=VerificationState.choices,
                             default=VerificationState.OPEN)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("交办人"), on_delete=models.PROTECT,
                                    related_name="+")
    assigned_at = models.DateTimeField(_("交办时间"), default=timezone.now)
    reported_at = models.DateTimeField(_("报告时间"), null=True, blank=True)

    class Meta:
        ordering = ["-assigned_at"]
        verbose_name = _("联合核查")
        verbose_name_plural = _("联合核查")

    def __str__(self):
        return _("联合核查：%(clue)s") % {"clue": self.clue}

    def get_absolute_url(self):
        return self.clue.get_absolute_url()
