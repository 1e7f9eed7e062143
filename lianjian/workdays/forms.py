from django import forms
from django.utils.translation import gettext_lazy as _

MAX_DAYS = 3650  # ten years: longer than any statutory period, short enough to answer instantly

UNIT_CHOICES = [("working_days", _("工作日")), ("calendar_days", _("自然日（末日遇节假日顺延）"))]


class CalculatorForm(forms.Form):
    start = forms.DateField(label=_("起算日"), widget=forms.DateInput(attrs={"type": "date"}),
                            help_text=_("起算日当天不计入"))
    days = forms.IntegerField(label=_("天数"), min_value=0, max_value=MAX_DAYS)
    unit = forms.ChoiceField(label=_("计算方式"), choices=UNIT_CHOICES, initial="working_days", required=False)

    def clean_unit(self):
        return self.cleaned_data["unit"] or "working_days"
