"""Performance review (效能考核): which deadline rules count towards which duty, and the accountability notices
(通报) issued to units that failed their duties (seed 000 §(九), 002 §(十九), 003 §五)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReviewCategory(models.Model):
    """A duty the review reports on (complaints, transfers, assistance letters …); ``order`` sets the column order."""

    code = models.SlugField(_("代码"), max_length=40, unique=True)
    name = models.CharField(_("名称"), max_length=60)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    source = models.TextField(_("依据"))

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("考核类别")
        verbose_name_plural = _("考核类别")

    def __str__(self):
        return self.name


class ReviewCategoryRule(models.Model):
    """Deadlines opened under ``rule_code`` count towards ``category``. Keyed by the rule's code rather than a
    foreign key, so a rule another module adds later can be mapped in advance; unmapped rules count as "other"."""

    category = models.ForeignKey(ReviewCategory, verbose_name=_("考核类别"), on_delete=models.CASCADE,
                                 related_name="rules")
    rule_code = models.SlugField(_("期限规则代码"), max_length=60, unique=True)

    class Meta:
        ordering = ["category", "rule_code"]
        verbose_name = _("考核类别的期限规则")
        verbose_name_plural = _("考核类别的期限规则")

    def __str__(self):
        return f"{self.category} ← {self.rule_code}"


class AccountabilityNotice(models.Model):
    """A notice (通报) to a unit that missed or overran its deadlines in a review period, with the figures it was
    issued on."""

    unit = models.ForeignKey("org.Unit", verbose_name=_("被通报单位"), on_delete=models.PROTECT,
                             related_name="accountability_notices")
    period_start = models.DateField(_("考核期起"))
    period_end = models.DateField(_("考核期止"))
    reason = models.TextField(_("通报事由"))
    decided = models.PositiveIntegerField(_("应办结事项"))
    met = models.PositiveIntegerField(_("按期办结"))
    missed = models.PositiveIntegerField(_("逾期办结"))
    overdue = models.PositiveIntegerField(_("超期未办"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("通报人"), on_delete=models.PROTECT,
                                  related_name="+")
    issuing_unit = models.ForeignKey("org.Unit", verbose_name=_("通报单位"), on_delete=models.PROTECT,
                                     related_name="+")
    issued_at = models.DateTimeField(_("通报时间"), default=timezone.now)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("效能通报")
        verbose_name_plural = _("效能通报")
        # One notice per unit and period: a double click or two officers at once cannot notify a unit twice.
        constraints = [models.UniqueConstraint(fields=["unit", "period_start", "period_end"],
                                               name="performance_one_notice_per_unit_period")]

    def __str__(self):
        return f"{self.unit} {self.period_start}—{self.period_end}"
