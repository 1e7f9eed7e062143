from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ExchangeState, RequestState


class ExchangeFilterForm(forms.Form):
    q = forms.CharField(label=_("搜索事项或单位"), required=False, max_length=100)
    state = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + ExchangeState.choices)


class EventExchangeForm(forms.Form):
    schedule = forms.ModelChoiceField(label=_("报送计划"), queryset=None)
    title = forms.CharField(label=_("报送事项"), max_length=200)
    event_date = forms.DateField(label=_("办结（决定）日期"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, schedules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schedule"].queryset = schedules


class SubmitForm(forms.Form):
    state_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    generate = forms.BooleanField(label=_("由系统按开标记录生成"), required=False)
    file = forms.FileField(label=_("报送文件"), required=False)
    note = forms.CharField(label=_("说明"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class RequestForm(forms.Form):
    holder_unit = forms.ModelChoiceField(label=_("信息持有单位"), queryset=None)
    subject = forms.CharField(label=_("所需信息"), max_length=200)
    purpose = forms.CharField(label=_("用途及依据"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder_unit"].queryset = units


class RequestFilterForm(forms.Form):
    state = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + RequestState.choices)


class VersionForm(forms.Form):
    state_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class DecideForm(VersionForm):
    terms = forms.CharField(label=_("保密要求"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=_("同意提供时必填，如：仅限本案调查使用，不得复制、转交或公开"))
    note = forms.CharField(label=_("审批意见"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("不予提供时必填"))


class DeliverForm(VersionForm):
    note = forms.CharField(label=_("提供的信息"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    file = forms.FileField(label=_("提供的文件"), required=False)


class AcknowledgeForm(VersionForm):
    accept_terms = forms.BooleanField(label=_("我单位承诺遵守上述保密要求"), required=False)
