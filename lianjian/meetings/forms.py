from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from lianjian.deadlines.models import DeadlineStatus

from .models import MeetingKind, MeetingState
from .selectors.gaps import NO_HOLDER, OVERLAP, UNCITED

DATE = forms.DateInput(attrs={"type": "date"})


class MeetingSearchForm(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False)
    state = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + MeetingState.choices)
    kind = forms.ChoiceField(label=_("会议类型"), required=False, choices=[("", _("全部"))] + MeetingKind.choices)


class MeetingRequestForm(forms.Form):
    lead_unit = forms.ModelChoiceField(label=_("召集单位"), queryset=None)
    title = forms.CharField(label=_("会议名称"), max_length=200)
    reasons = forms.CharField(label=_("提请理由"), widget=forms.Textarea(attrs={"rows": 4}))
    planned_on = forms.DateField(label=_("建议会议日期"), required=False, widget=DATE)

    def __init__(self, *args, lead_units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_unit"].queryset = lead_units


class MeetingUpdateForm(forms.Form):
    planned_on = forms.DateField(label=_("会议日期"), required=False, widget=DATE)
    location = forms.CharField(label=_("会议地点"), required=False, max_length=200)


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("议题"), max_length=200)
    description = forms.CharField(label=_("情况说明"), widget=forms.Textarea(attrs={"rows": 4}))


class NoteForm(forms.Form):
    note = forms.CharField(label=_("意见"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class MinutesForm(forms.Form):
    held_on = forms.DateField(label=_("召开日期"), widget=DATE)
    minutes = forms.CharField(label=_("会议纪要"), widget=forms.Textarea(attrs={"rows": 6}))


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("议定事项"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    units = forms.ModelMultipleChoiceField(label=_("责任单位"), queryset=None, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units


DecisionFormSet = formset_factory(DecisionForm, extra=3)


class TaskSearchForm(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False)
    unit = forms.ModelChoiceField(label=_("责任单位"), queryset=None, required=False)
    state = forms.ChoiceField(label=_("状态"), required=False, choices=[
        ("", _("全部")), ("open", _("办理中")), ("done", _("已办结")), (DeadlineStatus.OVERDUE, _("已逾期")),
        (DeadlineStatus.DUE_SOON, _("即将到期"))])

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ProgressForm(forms.Form):
    text = forms.CharField(label=_("进展情况"), widget=forms.Textarea(attrs={"rows": 3}))


class CompleteForm(forms.Form):
    completion_note = forms.CharField(label=_("办结情况"), widget=forms.Textarea(attrs={"rows": 3}))


class GapSearchForm(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False)
    category = forms.ChoiceField(label=_("类别"), required=False, choices=[
        ("", _("全部")), (NO_HOLDER, _("无单位承担")), (OVERLAP, _("多头认领")), (UNCITED, _("无清单依据的行政行为"))])
