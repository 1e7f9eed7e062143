"""Input forms of the expert pages: they parse and label input; the services decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lianjian.org.models import Region, Unit
from lianjian.trading.models import Entity

from .models import ExpertStatus, PenaltyKind, RelationType, Specialty

# Rows offered on the extraction form; a committee rarely spans more specialties than this.
EXTRACTION_SPECIALTY_ROWS = 4


class ExpertSearchForm(forms.Form):
    q = forms.CharField(label=_("姓名、工作单位或职称"), required=False)
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + ExpertStatus.choices)
    specialty = forms.ModelChoiceField(label=_("评标专业"), required=False, queryset=Specialty.objects.none(),
                                       empty_label=_("全部"))
    region = forms.ModelChoiceField(label=_("行政区划"), required=False, queryset=Region.objects.none(),
                                    empty_label=_("全部"))

    def __init__(self, *args, specialties, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["specialty"].queryset = specialties
        self.fields["region"].queryset = regions


class EntityCodeField(forms.CharField):
    """A market entity entered by its 统一社会信用代码."""

    def clean(self, value):
        code = super().clean(value)
        if not code:
            return None
        entity = Entity.objects.filter(credit_code=code.strip().upper()).first()
        if entity is None:
            raise forms.ValidationError(_("统一社会信用代码“%(code)s”对应的市场主体未登记") % {"code": code})
        return entity


class ExpertForm(forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=60)
    id_number = forms.CharField(label=_("身份证号码"), max_length=18, required=False,
                                help_text=_("仅用于查重，系统只保存脱敏号码"))
    region = forms.ModelChoiceField(label=_("所属行政区划"), queryset=Region.objects.none(), empty_label=_("请选择"))
    phone = forms.CharField(label=_("手机"), max_length=20)
    title = forms.CharField(label=_("职称"), max_length=60, required=False)
    employer = EntityCodeField(label=_("工作单位统一社会信用代码"), required=False,
                               help_text=_("工作单位为企业等市场主体时填写，用于回避判断"))
    employer_name = forms.CharField(label=_("工作单位名称"), max_length=200, required=False)
    employer_unit = forms.ModelChoiceField(label=_("工作单位（成员单位）"), required=False,
                                           queryset=Unit.objects.none(), empty_label=_("（非成员单位人员）"),
                                           help_text=_("机关事业单位在职专家选择所在成员单位，用于回避判断"))
    specialties = forms.ModelMultipleChoiceField(label=_("评标专业"), queryset=Specialty.objects.none(),
                                                 widget=forms.SelectMultiple(attrs={"size": 8}))

    def __init__(self, *args, regions, units, specialties, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
        self.fields["employer_unit"].queryset = units
        self.fields["specialties"].queryset = specialties
        if editing:
            del self.fields["id_number"]
        else:
            self.fields["id_number"].required = True


class StatusChangeForm(forms.Form):
    transition = forms.ChoiceField(label=_("操作"))
    reason = forms.CharField(label=_("原因"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, transitions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["transition"].choices = [(t.name, t.label) for t in transitions]


class DeclarationForm(forms.Form):
    entity = EntityCodeField(label=_("关系主体统一社会信用代码"))
    relation = forms.ChoiceField(label=_("关系类型"), choices=RelationType.choices)
    declared_on = forms.DateField(label=_("申报日期"), widget=forms.DateInput(attrs={"type": "date"}))
    valid_until = forms.DateField(label=_("有效期至"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    relation_ended_on = forms.DateField(label=_("关系终止日期"), required=False,
                                        widget=forms.DateInput(attrs={"type": "date"}),
                                        help_text=_("原任职或控制关系必填"))
    note = forms.CharField(label=_("说明"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["declared_on"].initial = timezone.localdate()


class PenaltyForm(forms.Form):
    kind = forms.ChoiceField(label=_("处罚类别"), choices=PenaltyKind.choices)
    decided_on = forms.DateField(label=_("处罚日期"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("违法事实"), max_length=300)
    source = forms.CharField(label=_("处罚决定来源"), max_length=200, help_text=_("作出处罚的机关及决定书文号"))


class AssessmentForm(forms.Form):
    period_start = forms.DateField(label=_("考评期起"), widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label=_("考评期止"), widget=forms.DateInput(attrs={"type": "date"}))
    score = forms.DecimalField(label=_("考评得分"), required=False, max_digits=5, decimal_places=1,
                               help_text=_("留空则取考评期内评标记录得分的平均值"))
    comment = forms.CharField(label=_("考评意见"), max_length=500, required=False)


class LotSearchForm(forms.Form):
    q = forms.CharField(label=_("标段（包）编号或名称"), required=False)


class ExtractionForm(forms.Form):
    """Specialty rows (specialty_N, count_N) plus reserves, tenderer representatives and, for a redraw, a reason."""

    reserves = forms.IntegerField(label=_("每专业备选人数"), min_value=0, initial=1)
    tenderer_representatives = forms.IntegerField(label=_("招标人代表人数"), min_value=0, initial=0,
                                                  help_text=_("计入评标委员会总人数"))
    reason = forms.CharField(label=_("重新抽取原因"), max_length=300, required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, specialties, redraw=False, **kwargs):
        super().__init__(*args, **kwargs)
        fields = {}
        for i in range(1, EXTRACTION_SPECIALTY_ROWS + 1):
            fields[f"specialty_{i}"] = forms.ModelChoiceField(
                label=_("评标专业 %(n)d") % {"n": i}, queryset=specialties, required=i == 1, empty_label=_("请选择"))
            fields[f"count_{i}"] = forms.IntegerField(label=_("人数 %(n)d") % {"n": i}, min_value=1, required=False)
        fields.update(self.fields)
        self.fields = fields
        if redraw:
            self.fields["reason"].required = True
        else:
            del self.fields["reason"]

    def settings_fields(self):
        return [self[name] for name in ("reserves", "tenderer_representatives", "reason") if name in self.fields]

    def rows(self):
        return [(self[f"specialty_{i}"], self[f"count_{i}"]) for i in range(1, EXTRACTION_SPECIALTY_ROWS + 1)]

    def clean(self):
        cleaned = super().clean()
        counts = {}
        for i in range(1, EXTRACTION_SPECIALTY_ROWS + 1):
            specialty, count = cleaned.get(f"specialty_{i}"), cleaned.get(f"count_{i}")
            if specialty is not None and count is None:
                self.add_error(f"count_{i}", _("请填写该专业的抽取人数"))
            elif specialty is None and count is not None:
                self.add_error(f"specialty_{i}", _("请选择专业"))
            elif specialty is not None:
                counts[specialty] = counts.get(specialty, 0) + count
        cleaned["counts"] = counts
        return cleaned


class EvaluationRecordForm(forms.Form):
    expert = forms.ModelChoiceField(label=_("专家"), queryset=None, empty_label=_("请选择"))
    attended = forms.BooleanField(label=_("到场参加评标"), required=False, initial=True)
    score = forms.DecimalField(label=_("考核得分"), required=False, max_digits=5, decimal_places=1,
                               help_text=_("0–100 分"))
    absence_reason = forms.CharField(label=_("缺席原因"), max_length=200, required=False)
    comment = forms.CharField(label=_("考核意见"), max_length=500, required=False)

    def __init__(self, *args, experts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expert"].queryset = experts
