"""The quantified scoring scheme (量化记分): no national scheme exists (rules.md §7), so every number here is a row
an administrator edits per jurisdiction; the data migration seeds a default scheme."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lianjian.org.models import Region


class CreditClass(models.TextChoices):
    A = "A", _("A 级（守信）")
    B = "B", _("B 级（基本守信）")
    C = "C", _("C 级（失信）")
    D = "D", _("D 级（严重失信）")


class ScoringScheme(models.Model):
    """One jurisdiction's scheme; a scheme with no region is the national default, and an entity is judged by the
    scheme of the nearest region (up the division tree) that has one."""

    name = models.CharField(_("方案名称"), max_length=120)
    region = models.ForeignKey(Region, verbose_name=_("适用行政区划"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="credit_schemes", help_text=_("留空为全国默认"))
    base_score = models.DecimalField(_("基础分"), max_digits=6, decimal_places=1)
    cycle_months = models.PositiveSmallIntegerField(_("记分周期（月）"),
                                                    help_text=_("须能整除 12：1、2、3、4、6 或 12"))
    validity_months = models.PositiveSmallIntegerField(_("记分有效期（月）"),
                                                       help_text=_("一条记录自决定之日起计入分数的月数"))
    repeat_window_months = models.PositiveSmallIntegerField(_("重复违法认定期（月）"))
    repeat_multiplier = models.DecimalField(_("重复违法加倍系数"), max_digits=4, decimal_places=2,
                                            help_text=_("认定期内同一事项再次记分时分值乘以该系数，如 2 为加倍"))
    blacklisted_class = models.CharField(_("列入严重失信名单时的信用等级"), max_length=1,
                                         choices=CreditClass.choices, default=CreditClass.D)
    source = models.CharField(_("依据"), max_length=300)
    is_active = models.BooleanField(_("有效"), default=True)

    class Meta:
        ordering = ["region__code"]
        verbose_name = _("量化记分方案")
        verbose_name_plural = _("量化记分方案")
        # One scheme per jurisdiction, and one national default (a NULL region would escape a plain constraint).
        constraints = [
            models.UniqueConstraint(fields=["region"], condition=Q(region__isnull=False),
                                    name="credit_scheme_one_per_region"),
            models.UniqueConstraint(fields=["is_active"], condition=Q(region__isnull=True),
                                    name="credit_scheme_one_national"),
        ]

    def __str__(self):
        return self.name


class ScoringItem(models.Model):
    """An item of the scheme: what conduct, how many points (negative deducts, positive is an incentive)."""

    scheme = models.ForeignKey(ScoringScheme, verbose_name=_("记分方案"), on_delete=models.CASCADE,
                               related_name="items")
    code = models.CharField(_("事项代码"), max_length=40)
    name = models.CharField(_("记分事项"), max_length=200)
    points = models.DecimalField(_("分值"), max_digits=6, decimal_places=1)
    source = models.CharField(_("依据"), max_length=300)
    is_active = models.BooleanField(_("有效"), default=True)

    class Meta:
        ordering = ["scheme", "code"]
        verbose_name = _("记分事项")
        verbose_name_plural = _("记分事项")
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="credit_item_code_unique")]

    def __str__(self):
        return f"{self.name}（{self.points}）"


class ClassThreshold(models.Model):
    """A score at or above ``min_score`` earns ``credit_class`` (the highest threshold met wins), with the
    consequences it brings (sampling ratio, procedures) as text for officers and the public."""

    scheme = models.ForeignKey(ScoringScheme, verbose_name=_("记分方案"), on_delete=models.CASCADE,
                               related_name="thresholds")
    credit_class = models.CharField(_("信用等级"), max_length=1, choices=CreditClass.choices)
    min_score = models.DecimalField(_("最低分"), max_digits=6, decimal_places=1)
    consequence = models.CharField(_("对应措施"), max_length=300)
    source = models.CharField(_("依据"), max_length=300)

    class Meta:
        ordering = ["scheme", "-min_score"]
        verbose_name = _("信用等级标准")
        verbose_name_plural = _("信用等级标准")
        constraints = [models.UniqueConstraint(fields=["scheme", "credit_class"], name="credit_threshold_unique")]

    def __str__(self):
        return f"{self.credit_class} ≥ {self.min_score}"
