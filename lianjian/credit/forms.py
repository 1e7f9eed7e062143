"""Forms of the credit pages: they parse input; the services validate and decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lianjian.trading.models import Entity

from .models import CreditClass, CreditList, ListState, Memorandum, RecordSource, RepairState

# HTML date inputs accept only ISO dates, whatever the active locale formats dates as.
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class EntitySearchForm(forms.Form):
    q = forms.CharField(label=_("名称或统一社会信用代码"), required=False)
    credit_class = forms.ChoiceField(label=_("信用等级"), required=False,
                                     choices=[("", _("全部"))] + list(CreditClass.choices))


class RecordForm(forms.Form):
    kind = forms.ChoiceField(label=_("记分事项"))
    source = forms.ChoiceField(label=_("信息来源"), choices=RecordSource.choices)
    decided_on = forms.DateField(label=_("决定（认定）日期"), widget=DATE)
    document_no = forms.CharField(label=_("文书编号"), max_length=120)
    description = forms.CharField(label=_("失信（守信）事实"), widget=forms.Textarea(attrs={"rows": 3}))
    points = forms.DecimalField(label=_("裁量分值（留空按事项分值）"), required=False, max_digits=6, decimal_places=1)

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(i.code, f"{i.name}（{i.points}）") for i in items]


class EntryForm(forms.Form):
    credit_list = forms.ChoiceField(label=_("名单"), choices=CreditList.choices)
    credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=18)
    legal_basis = forms.CharField(label=_("认定依据"), max_length=300)
    document_no = forms.CharField(label=_("认定文书编号"), max_length=120)
    facts = forms.CharField(label=_("失信（守信）事实"), widget=forms.Textarea(attrs={"rows": 3}))
    internal_note = forms.CharField(label=_("内部意见（不公开）"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}))
    starts_on = forms.DateField(label=_("列入日期"), widget=DATE)
    ends_on = forms.DateField(label=_("期满日期"), widget=DATE)
    memorandum = forms.ModelChoiceField(label=_("联合惩戒备忘录"), required=False,
                                        queryset=Memorandum.objects.filter(is_active=True))
    published = forms.BooleanField(label=_("在曝光台公开"), required=False)

    def clean_credit_code(self):
        code = self.cleaned_data["credit_code"].strip().upper()
        self.entity = Entity.objects.filter(credit_code=code).first()
        if self.entity is None:
            raise forms.ValidationError(_("没有统一社会信用代码为“%(code)s”的市场主体") % {"code": code})
        return code


class ListSearchForm(forms.Form):
    list = forms.ChoiceField(label=_("名单"), required=False, choices=CreditList.choices)
    # "list" shadows the builtin inside this class body, hence the unpacking.
    state = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部")), *ListState.choices])
    q = forms.CharField(label=_("名称、代码或文号"), required=False)


class RepairForm(forms.Form):
    applicant = forms.CharField(label=_("申请人"), max_length=200)
    applicant_contact = forms.CharField(label=_("申请人联系方式"), max_length=100)
    reason = forms.CharField(label=_("修复理由（整改情况）"), widget=forms.Textarea(attrs={"rows": 3}))
    commitment = forms.BooleanField(label=_("已作出信用承诺"), required=False)


class RepairSearchForm(forms.Form):
    state = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + list(RepairState.choices))
    q = forms.CharField(label=_("主体或申请人"), required=False)


class OpinionForm(forms.Form):
    opinion = forms.CharField(label=_("意见"), widget=forms.Textarea(attrs={"rows": 2}))


class LotCheckForm(forms.Form):
    lot = forms.CharField(label=_("标段（包）编号"), max_length=64)


class RecordExportForm(forms.Form):
    date_from = forms.DateField(label=_("决定日期起"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("决定日期止"), required=False, widget=DATE)
    format = forms.ChoiceField(label=_("格式"), choices=[("json", "JSON"), ("xlsx", "Excel (XLSX)")])
