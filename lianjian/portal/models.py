"""The disclosure standard catalog (公共资源交易信息公开标准目录, seed 000 §(十七)) and the publication records made
under it.

A :class:`Publication` is a sanitized copy: its title and body are written when it is published and never read
back from the source object, so later edits, internal notes and the filer's identity of the source cannot reach
the public site.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lianjian.org.models import UnitType


class DisclosureCategory(models.TextChoices):
    POWER_LIST = "power_list", _("权责清单")
    COMPLAINT_CHANNEL = "complaint_channel", _("投诉举报渠道")
    COMPLAINT_DECISION = "complaint_decision", _("投诉处理决定")
    PENALTY_DECISION = "penalty_decision", _("行政处罚决定")
    INSPECTION = "inspection", _("“双随机、一公开”抽查")
    CREDIT = "credit", _("失信惩戒与曝光台")
    STATISTICS = "statistics", _("统计信息")
    OTHER = "other", _("其他")


class DisclosureItem(models.Model):
    """One row of the standard catalog: what must be disclosed, by which kind of unit, how fast and where."""

    code = models.SlugField(_("代码"), max_length=60, unique=True)
    name = models.CharField(_("公开事项"), max_length=120)
    category = models.CharField(_("类别"), max_length=30, choices=DisclosureCategory.choices)
    content = models.TextField(_("公开内容"))
    responsible_unit_type = models.CharField(_("责任单位类型"), max_length=30, choices=UnitType.choices)
    deadline_rule = models.ForeignKey("deadlines.DeadlineRule", verbose_name=_("公开时限规则"), null=True,
                                      blank=True, on_delete=models.PROTECT, related_name="+",
                                      help_text=_("为空表示随时形成随时公开，不计时"))
    time_limit = models.CharField(_("公开时限"), max_length=120)
    channel = models.CharField(_("公开渠道"), max_length=200)
    source = models.TextField(_("依据"))
    position = models.PositiveSmallIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("信息公开标准目录事项")
        verbose_name_plural = _("信息公开标准目录")

    def __str__(self):
        return self.name


class PublicationState(models.TextChoices):
    PENDING = "pending", _("待公开")
    PUBLISHED = "published", _("已公开")
    WITHDRAWN = "withdrawn", _("已撤回")


class PublicationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=PublicationState.PUBLISHED)


class Publication(models.Model):
    """What was (or must be) published, when, from which source object and by whom."""

    item = models.ForeignKey(DisclosureItem, verbose_name=_("目录事项"), on_delete=models.PROTECT,
                             related_name="publications")
    source_type = models.ForeignKey(ContentType, verbose_name=_("来源类型"), on_delete=models.PROTECT,
                                    related_name="+")
    source_id = models.PositiveBigIntegerField(_("来源ID"))
    source = GenericForeignKey("source_type", "source_id")
    unit = models.ForeignKey("org.Unit", verbose_name=_("公开单位"), on_delete=models.PROTECT,
                             related_name="publications")
    region = models.ForeignKey("org.Region", verbose_name=_("行政区划"), on_delete=models.PROTECT,
                               related_name="publications")
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("正文"), blank=True)
    state = models.CharField(_("状态"), max_length=20, choices=PublicationState.choices,
                             default=PublicationState.PENDING, db_index=True)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    formed_on = models.DateField(_("信息形成日期"))
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True, db_index=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("公开人"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    withdrawn_reason = models.CharField(_("撤回理由"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("公开记录")
        verbose_name_plural = _("公开记录")
        constraints = [
            models.UniqueConstraint(fields=["item", "source_type", "source_id"], name="one_publication_per_source"),
        ]
        indexes = [models.Index(fields=["state", "published_at"], name="publication_state_date_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("portal:detail", args=[self.pk])
