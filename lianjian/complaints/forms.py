"""Forms of the one window and of the officers' actions. Required elements are checked by the service (which names
each missing one), so the intake forms leave most fields optional."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lianjian.org.models import PowerItem, PowerListStatus, Region, RegionLevel, Sector

from .models import Channel, ComplaintKind, ComplaintState, DecisionOutcome, ObjectionMatter
from .rule_data import NON_ACCEPTANCE_REASONS, PAUSE_REASONS

DATE = forms.DateInput(attrs={"type": "date"})


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class SubmissionForm(forms.Form):
    kind = forms.ChoiceField(label=_("类别"), choices=ComplaintKind.choices)
    anonymous = forms.BooleanField(label=_("匿名举报（仅举报可匿名，匿名后无法联系您核实情况）"), required=False)
    title = forms.CharField(label=_("事项标题"), max_length=200)
    region = forms.ModelChoiceField(label=_("事项所在行政区划"), queryset=Region.objects.none())
    sector = forms.ModelChoiceField(label=_("行业领域"), queryset=Sector.objects.all(), required=False)
    lot_code = forms.CharField(label=_("标段（包）编号"), max_length=64, required=False,
                               help_text=_("填写标段编号可直接转至该标段的监督部门"))
    project_reference = forms.CharField(label=_("项目名称或编号"), max_length=300, required=False)
    name = forms.CharField(label=_("投诉（举报）人姓名或名称"), max_length=200, required=False)
    organisation_representative = forms.CharField(label=_("法定代表人或授权代表"), max_length=60, required=False)
    id_number = forms.CharField(label=_("身份证号码或统一社会信用代码"), max_length=18, required=False)
    address = forms.CharField(label=_("投诉（举报）人地址"), max_length=200, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=40, required=False)
    email = forms.CharField(label=_("电子邮箱"), max_length=254, required=False)
    respondent_name = forms.CharField(label=_("被投诉（举报）人名称"), max_length=200, required=False)
    respondent_credit_code = forms.CharField(label=_("被投诉人统一社会信用代码"), max_length=18, required=False)
    respondent_address = forms.CharField(label=_("被投诉人地址"), max_length=200, required=False)
    respondent_contact = forms.CharField(label=_("被投诉人联系方式"), max_length=60, required=False)
    facts = forms.CharField(label=_("基本事实"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    requests = forms.CharField(label=_("投诉请求"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    evidence = forms.CharField(label=_("线索和证明材料说明"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    known_on = forms.DateField(label=_("知道或应当知道之日"), widget=DATE, required=False)
    objection_matter = forms.ChoiceField(label=_("投诉涉及事项"), choices=ObjectionMatter.choices, required=False)
    objection_raised_on = forms.DateField(label=_("提出异议（质疑）日期"), widget=DATE, required=False)
    objection_replied_on = forms.DateField(label=_("收到异议（质疑）答复日期"), widget=DATE, required=False)
    attachments = MultipleFileField(label=_("附件"), required=False)
    signed = forms.BooleanField(label=_("本人承诺所述属实，并签字（法人盖章）确认"), required=False)

    IDENTITY = ("name", "organisation_representative", "id_number", "address", "phone", "email")

    def __init__(self, *args, attachment_help="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.exclude(level=RegionLevel.PROVINCE)
        self.fields["attachments"].help_text = attachment_help

    def service_arguments(self):
        data = dict(self.cleaned_data)
        identity = {key: data.pop(key) for key in self.IDENTITY}
        attachments = data.pop("attachments")
        return data, identity, attachments


class RegisterForm(SubmissionForm):
    """An officer's registration of an offline submission: the channel and when it arrived come first."""

    channel = forms.ChoiceField(label=_("来源渠道"), choices=[c for c in Channel.choices if c[0] != Channel.ONLINE])
    received_at = forms.DateTimeField(label=_("收到时间"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))

    field_order = ["channel", "received_at"]

    def service_arguments(self):
        data, identity, attachments = super().service_arguments()
        return data, identity, attachments, data.pop("channel"), data.pop("received_at")


class TrackForm(forms.Form):
    code = forms.CharField(label=_("查询码"), max_length=30)


class ListFilterForm(forms.Form):
    q = forms.CharField(label=_("查询码、标题、被投诉人或项目"), required=False)
    kind = forms.ChoiceField(label=_("类别"), choices=[("", _("全部"))] + ComplaintKind.choices, required=False)
    state = forms.ChoiceField(label=_("状态"), choices=[("", _("全部"))] + ComplaintState.choices, required=False)
    channel = forms.ChoiceField(label=_("来源渠道"), choices=[("", _("全部"))] + Channel.choices, required=False)
    mine = forms.BooleanField(label=_("只看我承办的"), required=False)


def _power_items(unit):
    return PowerItem.objects.filter(power_list__unit=unit, power_list__status=PowerListStatus.PUBLISHED)


class AcceptForm(forms.Form):
    power_item = forms.ModelChoiceField(label=_("引用权责清单事项"), queryset=PowerItem.objects.none())

    def __init__(self, *args, complaint, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["power_item"].queryset = _power_items(complaint.handling_unit)


class RejectForm(AcceptForm):
    reasons = forms.MultipleChoiceField(label=_("不予受理理由"), choices=list(NON_ACCEPTANCE_REASONS.items()),
                                        widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label=_("说明"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class TransferForm(forms.Form):
    to_unit = forms.ModelChoiceField(label=_("移入单位"), queryset=None)
    reason = forms.CharField(label=_("移送理由"), max_length=300)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = units


class CorrectionForm(forms.Form):
    items = forms.CharField(label=_("需要补正的事项（一次性告知）"), widget=forms.Textarea(attrs={"rows": 3}))


class DecideForm(forms.Form):
    outcome = forms.ChoiceField(label=_("处理结果"), choices=DecisionOutcome.choices)
    decision_text = forms.CharField(label=_("处理决定"), widget=forms.Textarea(attrs={"rows": 5}))
    legal_basis = forms.CharField(label=_("法律依据"), widget=forms.Textarea(attrs={"rows": 2}))


class ReplyForm(forms.Form):
    reply_text = forms.CharField(label=_("答复内容"), widget=forms.Textarea(attrs={"rows": 5}))


class PauseForm(forms.Form):
    reason = forms.ChoiceField(label=_("暂停计时原因"), choices=list(PAUSE_REASONS.items()))


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("撤回理由"), max_length=200)


class AssignForm(forms.Form):
    officers = forms.ModelMultipleChoiceField(label=_("承办人"), queryset=None,
                                              widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officers"].queryset = people


class ClueForm(forms.Form):
    title = forms.CharField(label=_("线索标题"), max_length=200)
    description = forms.CharField(label=_("线索内容"), widget=forms.Textarea(attrs={"rows": 4}))
