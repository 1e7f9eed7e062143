import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .services import REASON_MAX_LENGTH, period_problems

DATE = forms.DateInput(attrs={"type": "date"})


def default_period():
    today = timezone.localdate()
    return datetime.date(today.year, 1, 1), today


class PeriodForm(forms.Form):
    period_start = forms.DateField(label=_("考核期起"), widget=DATE)
    period_end = forms.DateField(label=_("考核期止"), widget=DATE)

    def clean(self):
        data = super().clean()
        for name, message in period_problems(data.get("period_start"), data.get("period_end")):
            if name not in self.errors:
                self.add_error(name, message)
        return data


class NoticeForm(PeriodForm):
    reason = forms.CharField(label=_("通报事由"), max_length=REASON_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 5}))
