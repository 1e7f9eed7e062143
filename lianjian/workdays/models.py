"""The holiday table: the dates that differ from the Monday–Friday rule, and the years whose official schedule
(国务院办公厅关于节假日安排的通知) is loaded."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("法定节假日")
    MAKEUP_WORKDAY = "makeup_workday", _("调休上班")


class Holiday(models.Model):
    """One special date. Weekend days inside a holiday break are stored too, so the whole break is listed."""

    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("类别"), max_length=20, choices=DayKind.choices)
    name = models.CharField(_("名称"), max_length=60, help_text=_("如：国庆节"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("节假日安排")
        verbose_name_plural = _("节假日安排")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}（{self.get_kind_display()}）"


class CalendarYear(models.Model):
    """A year whose official schedule is fully loaded; deadlines reaching an unlisted year are provisional."""

    year = models.PositiveSmallIntegerField(_("年份"), unique=True)
    source = models.CharField(_("来源"), max_length=200)
    loaded_at = models.DateTimeField(_("载入时间"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("已载入年度")
        verbose_name_plural = _("已载入年度")

    def __str__(self):
        return str(self.year)
