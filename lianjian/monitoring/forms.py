"""Forms of the warning-loop pages: they parse input only; the services hold the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lianjian.core import permissions
from lianjian.org import access
from lianjian.org.models import OVERSIGHT_UNIT_TYPES, Region, Unit
from lianjian.trading.models import Entity

from .models import AlertState, Severity, WatchKind


class AlertFilterForm(forms.Form):
    q = forms.CharField(label=_("搜索"), required=False,
                        widget=forms.TextInput(attrs={"placeholder": _("标段编号、名称、指标或信用代码")}))
    severity = forms.ChoiceField(label=_("预警等级"), required=False,
                                 choices=[("", _("全部"))] + list(Severity.choices))
    state = forms.ChoiceField(label=_("状态"), required=False,
                              choices=[("", _("全部")), ("open", _("未办结"))] + list(AlertState.choices))
    region = forms.ModelChoiceField(label=_("行政区划"), required=False, queryset=Region.objects.none(),
                                    to_field_name="code")
    indicator = forms.CharField(label=_("指标代码"), required=False)
    overdue = forms.BooleanField(label=_("仅看研判逾期"), required=False)
    mine = forms.BooleanField(label=_("仅看本单位承办"), required=False)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        region = access.actor_region(actor)
        self.fields["region"].queryset = (Region.objects.filter(code__startswith=region.subtree_prefix)
                                          if region is not None else Region.objects.all())

    def filters(self):
        """Keyword arguments for ``selectors.alerts_for``; an invalid filter is ignored rather than refused."""
        data = self.cleaned_data if self.is_valid() else {}
        return {"query": data.get("q", ""), "severity": data.get("severity", ""), "state": data.get("state", ""),
                "region": data.get("region"), "indicator": data.get("indicator", ""),
                "overdue": data.get("overdue", False), "mine": data.get("mine", False)}


class ConfirmForm(forms.Form):
    note = forms.CharField(label=_("研判意见"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 3}))


class SuperviseForm(forms.Form):
    note = forms.CharField(label=_("督办意见"), widget=forms.Textarea(attrs={"rows": 3}))


class DispatchForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("承办单位"), queryset=Unit.objects.none())

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        units = permissions.scope(actor, "view", Unit.objects.filter(is_active=True))
        self.fields["unit"].queryset = units.exclude(type__in=OVERSIGHT_UNIT_TYPES).order_by(
            "region__code", "name")


class WatchEntryForm(forms.Form):
    kind = forms.ChoiceField(label=_("类别"), choices=WatchKind.choices, initial=WatchKind.ENTITY)
    credit_code = forms.CharField(label=_("统一社会信用代码"), required=False, max_length=18)
    person_name = forms.CharField(label=_("姓名"), required=False)
    person_cert = forms.CharField(label=_("注册证书编号"), required=False)
    reason = forms.CharField(label=_("列入理由"), widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        code = (data.get("credit_code") or "").strip().upper()
        data["entity"] = None
        if data.get("kind") == WatchKind.ENTITY and code:
            data["entity"] = Entity.objects.filter(credit_code=code).first()
            if data["entity"] is None:
                self.add_error("credit_code", _("未找到统一社会信用代码为“%(code)s”的市场主体") % {"code": code})
        return data


class EndForm(forms.Form):
    end_reason = forms.CharField(label=_("移出理由"), widget=forms.Textarea(attrs={"rows": 2}))
