from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DisclosureCategory, DisclosureItem
from .selectors import public_regions


class PublicSearchForm(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False, max_length=100)
    category = forms.ChoiceField(label=_("类别"), required=False,
                                 choices=[("", _("全部类别"))] + DisclosureCategory.choices)
    item = forms.ModelChoiceField(label=_("公开事项"), required=False, empty_label=_("全部事项"),
                                  queryset=DisclosureItem.objects.filter(is_active=True))
    region = forms.ModelChoiceField(label=_("地区"), required=False, empty_label=_("全部地区"),
                                    queryset=public_regions(), to_field_name="code")
    since = forms.DateField(label=_("公开日期自"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("至"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", _("结束日期不能早于开始日期"))
        return data

    def filters(self):
        """The selector's keyword arguments; no filter when the form is invalid (its errors are shown)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"query": data["q"], "category": data["category"], "item": data["item"], "region": data["region"],
                "since": data["since"], "until": data["until"]}


class OfficerSearchForm(forms.Form):
    q = forms.CharField(label=_("关键词"), required=False, max_length=100)
