from django import forms
from django.utils.translation import gettext_lazy as _

from lianjian.org.models import PowerItem, Unit, User
from lianjian.trading.models import Lot

from .models import (
    CaseState,
    ClueOutcome,
    ClueSource,
    ClueState,
    DecisionKind,
    DiscretionBenchmark,
    ToleranceItem,
    TransferKind,
    TransferState,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class VersionForm(forms.Form):
    """Carries the version the officer saw, so acting on an outdated page is refused (StaleTransition)."""

    state_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ClueFilterForm(forms.Form):
    q = forms.CharField(label=_("搜索标题、内容、信用代码或标段"), required=False, max_length=100)
    state = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + ClueState.choices)
    source = forms.ChoiceField(label=_("来源"), required=False, choices=[("", _("全部"))] + ClueSource.choices)


class ClueForm(forms.Form):
    source = forms.ChoiceField(label=_("线索来源"), choices=ClueSource.choices)
    title = forms.CharField(label=_("线索标题"), max_length=200)
    description = forms.CharField(label=_("线索内容"), widget=forms.Textarea(attrs={"rows": 4}))
    lot = forms.ModelChoiceField(label=_("标段（包）"), queryset=Lot.objects.none(), required=False,
                                 to_field_name="code", widget=forms.TextInput,
                                 help_text=_("填写标段（包）编号，可不填"))
    entities = forms.CharField(label=_("涉及主体统一社会信用代码"), required=False,
                               widget=forms.Textarea(attrs={"rows": 2}), help_text=_("每行一个"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lot"].queryset = Lot.objects.all()
        self.fields["lot"].error_messages["invalid_choice"] = _("没有这个标段（包）编号")

    def entity_codes(self):
        return [line.strip() for line in self.cleaned_data.get("entities", "").splitlines() if line.strip()]


class WitnessForm(ClueForm):
    observed_at = forms.DateTimeField(label=_("发现时间"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    place = forms.CharField(label=_("发现地点"), max_length=200, required=False)
    files = MultipleFileField(label=_("现场锁定的证据材料"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["source"]
        self.fields["description"].label = _("见证情况")


class AssignForm(VersionForm):
    members = forms.ModelMultipleChoiceField(label=_("参加核查的单位"), queryset=Unit.objects.none(),
                                             widget=forms.CheckboxSelectMultiple)
    due_on = forms.DateField(label=_("核查期限"), widget=DATE)
    instructions = forms.CharField(label=_("核查要求"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = units if units is not None else Unit.objects.none()


class ReportForm(forms.Form):
    findings = forms.CharField(label=_("核查情况"), widget=forms.Textarea(attrs={"rows": 4}))


class ConcludeForm(VersionForm):
    outcome = forms.ChoiceField(label=_("核查结论"), choices=ClueOutcome.choices)
    unit = forms.ModelChoiceField(label=_("承办单位"), queryset=Unit.objects.none(), required=False)
    reason = forms.CharField(label=_("结论理由"), widget=forms.Textarea(attrs={"rows": 3}))
    team = forms.ModelMultipleChoiceField(label=_("专案组成员（移送公安时）"), queryset=User.objects.none(),
                                          required=False)

    def __init__(self, *args, units=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()
        self.fields["team"].queryset = people if people is not None else User.objects.none()


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("搜索案由、当事人或文号"), required=False, max_length=100)
    state = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + CaseState.choices)


class CaseForm(forms.Form):
    title = forms.CharField(label=_("案由"), max_length=200)
    facts = forms.CharField(label=_("案情摘要"), widget=forms.Textarea(attrs={"rows": 4}))
    handlers = forms.ModelMultipleChoiceField(label=_("承办人"), queryset=User.objects.none(),
                                              widget=forms.CheckboxSelectMultiple)
    registered_on = forms.DateField(label=_("立案日期"), widget=DATE)
    parties = forms.CharField(label=_("当事人统一社会信用代码"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}), help_text=_("每行一个"))
    is_major = forms.BooleanField(label=_("重大案件（须法制审核、集体讨论）"), required=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handlers"].queryset = people if people is not None else User.objects.none()

    def party_codes(self):
        return [line.strip() for line in self.cleaned_data.get("parties", "").splitlines() if line.strip()]


class NotifyForm(VersionForm):
    notified_on = forms.DateField(label=_("告知日期"), widget=DATE)
    summary = forms.CharField(label=_("调查终结报告"), widget=forms.Textarea(attrs={"rows": 3}))


class HearingForm(VersionForm):
    requested_on = forms.DateField(label=_("申请听证日期"), widget=DATE)


class ReviewForm(VersionForm):
    opinion = forms.CharField(label=_("法制审核/集体讨论意见"), widget=forms.Textarea(attrs={"rows": 3}))


class DecideForm(VersionForm):
    kind = forms.ChoiceField(label=_("决定类型"), choices=DecisionKind.choices)
    document_number = forms.CharField(label=_("决定书文号"), max_length=80)
    decided_on = forms.DateField(label=_("决定日期"), widget=DATE)
    power_item = forms.ModelChoiceField(label=_("权责清单事项"), queryset=PowerItem.objects.none(), required=False)
    benchmark = forms.ModelChoiceField(label=_("裁量基准"), queryset=DiscretionBenchmark.objects.none(),
                                       required=False)
    base_amount = forms.DecimalField(label=_("计罚基数（元）"), required=False, min_value=0, decimal_places=2)
    fine_amount = forms.DecimalField(label=_("罚款金额（元）"), required=False, min_value=0, decimal_places=2)
    other_measures = forms.CharField(label=_("其他处罚或措施"), required=False)
    tolerance_item = forms.ModelChoiceField(label=_("容错清单事项"), queryset=ToleranceItem.objects.none(),
                                            required=False)
    credit_commitment = forms.CharField(label=_("公开信用承诺"), required=False,
                                        widget=forms.Textarea(attrs={"rows": 2}))
    reasons = forms.CharField(label=_("理由和依据"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, power_items=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["power_item"].queryset = power_items if power_items is not None else PowerItem.objects.none()
        self.fields["benchmark"].queryset = DiscretionBenchmark.objects.filter(is_active=True)
        self.fields["tolerance_item"].queryset = ToleranceItem.objects.filter(is_active=True)


class DateStepForm(VersionForm):
    on = forms.DateField(label=_("日期"), widget=DATE)


class CloseForm(VersionForm):
    summary = forms.CharField(label=_("结案报告"), widget=forms.Textarea(attrs={"rows": 3}))


class TransferFilterForm(forms.Form):
    q = forms.CharField(label=_("搜索事由"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("类型"), required=False, choices=[("", _("全部"))] + TransferKind.choices)
    state = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + TransferState.choices)
    direction = forms.ChoiceField(label=_("方向"), required=False,
                                  choices=[("", _("全部")), ("in", _("收到的")), ("out", _("发出的"))])


class TransferForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=TransferKind.choices)
    to_unit = forms.ModelChoiceField(label=_("接收单位"), queryset=Unit.objects.none())
    title = forms.CharField(label=_("事由"), max_length=200)
    facts = forms.CharField(label=_("案件基本情况"), widget=forms.Textarea(attrs={"rows": 3}))
    request = forms.CharField(label=_("移送（协助）事项及理由"), widget=forms.Textarea(attrs={"rows": 3}))
    discovered_on = forms.DateField(label=_("收到或发现之日"), widget=DATE)
    materials = forms.CharField(label=_("材料清单"), widget=forms.Textarea(attrs={"rows": 3}),
                                help_text=_("每行一项：材料名称,份数,页数"))

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = units if units is not None else Unit.objects.none()

    def material_rows(self):
        rows = []
        for line in self.cleaned_data.get("materials", "").splitlines():
            if line.strip():
                rows.append([part.strip() for part in line.replace("，", ",").split(",")])
        return rows


class ReasonForm(VersionForm):
    reason = forms.CharField(label=_("理由"), widget=forms.Textarea(attrs={"rows": 2}))


class AcceptForm(VersionForm):
    decided_on = forms.DateField(label=_("决定受理日期"), widget=DATE)
    reason = forms.CharField(label=_("说明"), required=False)


class ResultForm(VersionForm):
    handled_on = forms.DateField(label=_("办理完毕日期"), widget=DATE)
    result = forms.CharField(label=_("办理结果"), widget=forms.Textarea(attrs={"rows": 3}))
