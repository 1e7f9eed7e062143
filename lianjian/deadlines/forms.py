from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DeadlinePause, DeadlineStatus


class DeadlineFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=[("", _("全部（未办结优先）"))] + DeadlineStatus.choices)
    q = forms.CharField(label=_("搜索事项或规则"), required=False, max_length=100)
    mine = forms.BooleanField(label=_("只看我承办的"), required=False)


class ActionForm(forms.Form):
    """Carries the version the officer saw, so acting on an outdated page is refused."""

    state_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class PauseForm(ActionForm):
    reason = forms.CharField(label=_("暂停原因"), max_length=DeadlinePause._meta.get_field("reason").max_length,
                             help_text=_("如：专家评审、检验检测、鉴定、补正材料"))


class CancelForm(ActionForm):
    reason = forms.CharField(label=_("撤销原因"), max_length=200)
