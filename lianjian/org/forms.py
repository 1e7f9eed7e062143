"""Input forms of the organisation pages: they parse and label input; the services decide."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import LiaisonKind, PowerKind, Sector, UnitType

# Upload size for a power-list spreadsheet; a real list of a few hundred items is well under 1 MB.
POWER_LIST_UPLOAD_MAX_BYTES = 5 * 1024 * 1024


class LiaisonChangeForm(forms.Form):
    kind = forms.ChoiceField(label=_("类别"), choices=LiaisonKind.choices)
    person = forms.ModelChoiceField(label=_("人员"), queryset=None, empty_label=_("请选择"))
    effective_on = forms.DateField(label=_("变更生效日"), widget=forms.DateInput(attrs={"type": "date"}),
                                   help_text=_("调整确定之日；报备期限自该日起按期限规则以工作日计算"))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda p: f"{p}（{p.title}）" if p.title else str(p)
        self.fields["effective_on"].initial = timezone.localdate()


class PowerItemForm(forms.Form):
    code = forms.CharField(label=_("事项编码"), max_length=40)
    kind = forms.ChoiceField(label=_("权力类型"), choices=PowerKind.choices)
    name = forms.CharField(label=_("事项名称"), max_length=200)
    legal_basis = forms.CharField(label=_("设定依据"), widget=forms.Textarea(attrs={"rows": 3}))
    sector = forms.ModelChoiceField(label=_("行业领域"), queryset=Sector.objects.all(), required=False,
                                    empty_label=_("（不限）"))
    responsibility = forms.CharField(label=_("责任事项"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    accountability = forms.CharField(label=_("追责情形"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PowerListImportForm(forms.Form):
    file = forms.FileField(label=_("Excel 文件（.xlsx）"))
    replace = forms.BooleanField(label=_("替换草稿中的全部事项"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > POWER_LIST_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("文件不能超过 %(mb)d MB") % {"mb": POWER_LIST_UPLOAD_MAX_BYTES // 1024 // 1024})
        return upload


class UnitSearchForm(forms.Form):
    q = forms.CharField(label=_("单位名称"), required=False)
    type = forms.ChoiceField(label=_("单位类型"), required=False, choices=[("", _("全部"))] + UnitType.choices)


class PublicSearchForm(forms.Form):
    q = forms.CharField(label=_("关键词（事项名称、编码、依据、单位）"), required=False)
    kind = forms.ChoiceField(label=_("权力类型"), required=False, choices=[("", _("全部"))] + PowerKind.choices)
