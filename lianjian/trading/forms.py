from django import forms
from django.utils.translation import gettext_lazy as _

from lianjian.org.models import Region, Sector

from .models import Stage


class LotFilterForm(forms.Form):
    q = forms.CharField(label=_("搜索编号、名称或投标人"), required=False, max_length=100)
    sector = forms.ModelChoiceField(label=_("行业领域"), queryset=Sector.objects.all(), required=False,
                                    empty_label=_("全部"))
    stage = forms.ChoiceField(label=_("阶段"), required=False, choices=[("", _("全部"))] + Stage.choices)
    region = forms.ModelChoiceField(label=_("行政区划"), queryset=Region.objects.all(), required=False,
                                    empty_label=_("全部"))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".csv,.txt,.xlsx,.json,.jsonl,.ndjson"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class ImportForm(forms.Form):
    files = MultipleFileField(
        label=_("数据文件"),
        help_text=_("可多选。支持 CSV（UTF-8 或 GBK 编码）、XLSX、JSON、JSON Lines 以及 OCDS 数据包；"
                    "列名可用国家数据规范字段名（如 BID_SECTION_CODE）或中文列名（如 标段（包）编号）。"),
    )
    default_region = forms.ModelChoiceField(
        label=_("缺省行政区划"), queryset=Region.objects.all(), required=False, empty_label=_("不指定"),
        help_text=_("没有填写行政区划代码的标段归入该区划"),
    )
    skip_bad_rows = forms.BooleanField(
        label=_("跳过错误行"), required=False,
        help_text=_("不勾选时，文件中只要有一行错误，整个文件都不写入；勾选后写入正确的行，错误行列入错误报告"),
    )


class CheckFilterForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), required=False, min_value=2000, max_value=2100)
