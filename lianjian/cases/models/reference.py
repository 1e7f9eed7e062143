"""Reference tables an administrator keeps per jurisdiction: the discretion benchmark (裁量基准) and the
tolerance list (容错清单). Seeded from ``lianjian/cases/reference_data.py``, each row citing its source."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Circumstance(models.TextChoices):
    MINOR = "minor", _("轻微")
    ORDINARY = "ordinary", _("一般")
    SERIOUS = "serious", _("严重")


class DiscretionBenchmark(models.Model):
    """Violation type → circumstances → penalty range. The fine is a per-mille range of the base amount (e.g. the
    contract amount, 招标投标法第五十三条) or, when no rate is given, a fixed amount range."""

    code = models.SlugField(_("代码"), max_length=60, unique=True)
    violation_type = models.CharField(_("违法行为"), max_length=120)
    circumstance = models.CharField(_("情节"), max_length=20, choices=Circumstance.choices)
    rate_min_permille = models.DecimalField(_("罚款比例下限（‰）"), max_digits=6, decimal_places=2, null=True,
                                            blank=True)
    rate_max_permille = models.DecimalField(_("罚款比例上限（‰）"), max_digits=6, decimal_places=2, null=True,
                                            blank=True)
    amount_min = models.DecimalField(_("罚款下限（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    amount_max = models.DecimalField(_("罚款上限（元）"), max_digits=16, decimal_places=2, null=True, blank=True)
    base_label = models.CharField(_("计罚基数"), max_length=60, blank=True)
    measures = models.TextField(_("其他处罚"), blank=True)
    source = models.TextField(_("依据"))
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["violation_type", "circumstance"]
        verbose_name = _("行政处罚裁量基准")
        verbose_name_plural = _("行政处罚裁量基准")

    def __str__(self):
        return f"{self.violation_type}（{self.get_circumstance_display()}）"

    def fine_range(self, base_amount=None):
        """(low, high) in yuan for ``base_amount``; None when a rate applies and no base amount is known."""
        if self.rate_min_permille is not None:
            if base_amount is None:
                return None
            return (base_amount * self.rate_min_permille / 1000, base_amount * self.rate_max_permille / 1000)
        return (self.amount_min, self.amount_max)


class ToleranceItem(models.Model):
    """An entry of the tolerance list (容错清单): a first or minor violation, corrected at once with a public
    credit commitment, ends without penalty, quantified score or publication (seed 001; 行政处罚法第三十三条)."""

    code = models.SlugField(_("代码"), max_length=60, unique=True)
    name = models.CharField(_("情形"), max_length=200)
    conditions = models.TextField(_("适用条件"))
    source = models.TextField(_("依据"))
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("容错清单事项")
        verbose_name_plural = _("容错清单")

    def __str__(self):
        return self.name
