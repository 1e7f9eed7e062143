"""The three lists (严重失信主体名单, watch list, red list) and credit repair, which alone ends a listing early."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lianjian.experts.models import Expert
from lianjian.org.models import Unit
from lianjian.trading.models import Entity


class CreditList(models.TextChoices):
    BLACKLIST = "blacklist", _("严重失信主体名单")
    WATCH = "watch", _("重点关注名单")
    RED = "red", _("守信激励名单（红名单）")


class ListRule(models.Model):
    """How long an entry of a list runs: the decision sets its end within [min, max] months of its start, and it
    can be ended early (credit repair) only once ``min_months`` have passed (rules.md §7)."""

    credit_list = models.CharField(_("名单"), max_length=20, choices=CreditList.choices, unique=True)
    min_months = models.PositiveSmallIntegerField(_("最短期限（月）"))
    max_months = models.PositiveSmallIntegerField(_("最长期限（月）"))
    source = models.CharField(_("依据"), max_length=300)

    class Meta:
        ordering = ["credit_list"]
        verbose_name = _("名单期限规则")
        verbose_name_plural = _("名单期限规则")

    def __str__(self):
        return f"{self.get_credit_list_display()} {self.min_months}–{self.max_months}"


class ListState(models.TextChoices):
    LISTED = "listed", _("在列")
    REMOVED = "removed", _("已移出（信用修复）")
    EXPIRED = "expired", _("期满移出")


class ListEntry(models.Model):
    """One subject on one list: a market entity, or a person who serves as an evaluation expert (失信相关人).
    ``internal_note`` is for officers only; the exposure board shows a published entry's public fields only."""

    credit_list = models.CharField(_("名单"), max_length=20, choices=CreditList.choices, db_index=True)
    entity = models.ForeignKey(Entity, verbose_name=_("市场主体"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="credit_list_entries")
    expert = models.ForeignKey(Expert, verbose_name=_("失信相关人（评标专家）"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="credit_list_entries")
    legal_basis = models.CharField(_("认定依据"), max_length=300)
    document_no = models.CharField(_("认定文书编号"), max_length=120)
    facts = models.TextField(_("失信（守信）事实"))
    internal_note = models.TextField(_("内部意见"), blank=True, help_text=_("仅监管人员可见，不公开"))
    starts_on = models.DateField(_("列入日期"))
    ends_on = models.DateField(_("期满日期"))
    earliest_removal_on = models.DateField(_("最早可修复日期"))
    published = models.BooleanField(_("在曝光台公开"), default=False)
    memorandum = models.ForeignKey("credit.Memorandum", verbose_name=_("联合惩戒备忘录"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="entries")
    unit = models.ForeignKey(Unit, verbose_name=_("认定单位"), on_delete=models.PROTECT,
                             related_name="credit_list_entries")
    listed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("登记人"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    state = models.CharField(_("状态"), max_length=20, choices=ListState.choices, default=ListState.LISTED,
                             db_index=True)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    removed_on = models.DateField(_("移出日期"), null=True, blank=True)
    created_at = models.DateTimeField(_("登记时间"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("名单记录")
        verbose_name_plural = _("名单记录")
        constraints = [
            models.CheckConstraint(condition=Q(entity__isnull=False, expert__isnull=True)
                                   | Q(entity__isnull=True, expert__isnull=False),
                                   name="credit_entry_one_subject"),
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="credit_entry_period"),
            # A subject is on a list once at a time: two officers listing it together cannot both succeed.
            models.UniqueConstraint(fields=["credit_list", "entity"], condition=Q(state="listed"),
                                    name="credit_entry_entity_listed_once"),
            models.UniqueConstraint(fields=["credit_list", "expert"], condition=Q(state="listed"),
                                    name="credit_entry_expert_listed_once"),
        ]

    def __str__(self):
        return f"{self.get_credit_list_display()}：{self.subject}"

    @property
    def subject(self):
        return self.entity if self.entity_id else self.expert

    @property
    def subject_code(self):
        return self.entity.credit_code if self.entity_id else self.expert.id_number_masked


class RepairState(models.TextChoices):
    SUBMITTED = "submitted", _("已申请")
    REVIEWING = "reviewing", _("审核中")
    APPROVED = "approved", _("准予修复")
    REJECTED = "rejected", _("不予修复")


class RepairApplication(models.Model):
    """A credit repair application (信用修复): application → review → decision by the listing unit. Approval
    removes the entry and stops every measure at once."""

    entry = models.ForeignKey(ListEntry, verbose_name=_("名单记录"), on_delete=models.PROTECT,
                              related_name="repairs")
    applicant = models.CharField(_("申请人"), max_length=200)
    applicant_contact = models.CharField(_("申请人联系方式"), max_length=100)
    reason = models.TextField(_("修复理由（整改情况）"))
    commitment = models.BooleanField(_("已作出信用承诺"), default=False)
    state = models.CharField(_("状态"), max_length=20, choices=RepairState.choices, default=RepairState.SUBMITTED,
                             db_index=True)
    state_version = models.PositiveIntegerField(default=0, editable=False)
    review_opinion = models.TextField(_("审核意见"), blank=True)
    decision_opinion = models.TextField(_("决定意见"), blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("受理单位"), on_delete=models.PROTECT,
                             related_name="credit_repairs")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("登记人"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("申请时间"), default=timezone.now, editable=False)
    decided_at = models.DateTimeField(_("决定时间"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("信用修复申请")
        verbose_name_plural = _("信用修复申请")
        constraints = [models.UniqueConstraint(fields=["entry"], condition=Q(state__in=["submitted", "reviewing"]),
                                               name="credit_repair_one_open_per_entry")]

    def __str__(self):
        return _("%(subject)s 的信用修复申请") % {"subject": self.entry.subject}
