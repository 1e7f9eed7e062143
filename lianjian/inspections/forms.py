from django import forms
from django.utils.translation import gettext_lazy as _

from .models import InspectionItem, ObjectKind, Outcome, PlanStatus, SamplingClass


class SearchForm(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False)
    year = forms.IntegerField(label=_("年度"), required=False)
    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=[("", _("全部"))] + list(PlanStatus.choices))


class PlanForm(forms.Form):
    year = forms.IntegerField(label=_("年度"))
    title = forms.CharField(label=_("计划名称"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for cls in SamplingClass.objects.order_by("rank"):
            self.fields[f"ratio_{cls.code}"] = forms.DecimalField(
                label=_("%(cls)s 抽查比例（%%）") % {"cls": cls}, initial=cls.default_percent,
                help_text=_("%(lo)s%%–%(hi)s%%") % {"lo": cls.min_percent, "hi": cls.max_percent})

    def ratios(self):
        return {name[len("ratio_"):]: value for name, value in self.cleaned_data.items() if name.startswith("ratio_")}


class TaskForm(forms.Form):
    title = forms.CharField(label=_("任务名称"), max_length=200)
    items = forms.ModelMultipleChoiceField(label=_("抽查事项（可跨单位合并为一次联合检查）"),
                                           queryset=InspectionItem.objects.none(),
                                           widget=forms.CheckboxSelectMultiple)
    object_kind = forms.ChoiceField(label=_("对象类型"), choices=ObjectKind.choices)
    team_size = forms.IntegerField(label=_("每个对象检查人员数"), initial=2, min_value=1)
    scheduled_start = forms.DateField(label=_("计划开始日期"), widget=forms.DateInput(attrs={"type": "date"}))
    scheduled_end = forms.DateField(label=_("计划结束日期"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, items=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = items if items is not None else InspectionItem.objects.none()


class WitnessForm(forms.Form):
    witness = forms.CharField(label=_("见证人"), max_length=60)
    value = forms.CharField(label=_("见证人随机值"), max_length=64)


class RedrawForm(forms.Form):
    reason = forms.CharField(label=_("重新抽取原因"), max_length=300, required=False)


class ResultForm(forms.Form):
    obj = forms.TypedChoiceField(label=_("检查对象"), coerce=int)
    outcome = forms.ChoiceField(label=_("检查结果"), choices=Outcome.choices)
    findings = forms.CharField(label=_("检查情况"), widget=forms.Textarea(attrs={"rows": 4}))
    inspected_on = forms.DateField(label=_("检查日期"), widget=forms.DateInput(attrs={"type": "date"}))
    evidence = forms.FileField(label=_("证据材料"), required=False)

    def __init__(self, *args, objects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["obj"].choices = [(o.pk, o.name) for o in objects]
