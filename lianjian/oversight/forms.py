from django import forms
from django.utils.translation import gettext_lazy as _

from .datasets import DATASET_CHOICES
from .models import AccessKind
from .services import QUERY_MAX_LENGTH


class SearchForm(forms.Form):
    dataset = forms.ChoiceField(label=_("数据集"), choices=DATASET_CHOICES, initial="lots")
    q = forms.CharField(label=_("关键词"), required=False, max_length=QUERY_MAX_LENGTH,
                        help_text=_("编号、名称、统一社会信用代码、项目经理、IP 地址等"))


class AccessLogFilterForm(forms.Form):
    person = forms.CharField(label=_("查询人"), required=False, max_length=60)
    kind = forms.ChoiceField(label=_("类型"), required=False, choices=[("", _("全部"))] + AccessKind.choices)
    date_from = forms.DateField(label=_("起始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("截止日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
