"""Seed the default quantified scoring scheme, the list period rules and memorandum 发改法规〔2018〕457号 (rules.md
§7; seeds 000 §(十三)(十四), 001 §(五)3, 004 §(五)); every row cites its source and stays editable."""

from decimal import Decimal

from django.db import migrations

from lianjian.credit.credit_data import (
    DEFAULT_ITEMS, DEFAULT_SCHEME, DEFAULT_THRESHOLDS, LIST_RULES, MEMORANDUM, MEMORANDUM_MEASURES, SCHEME_SOURCE,
)


def load(apps, schema_editor):
    ScoringScheme = apps.get_model("credit", "ScoringScheme")
    ScoringItem = apps.get_model("credit", "ScoringItem")
    ClassThreshold = apps.get_model("credit", "ClassThreshold")
    ListRule = apps.get_model("credit", "ListRule")
    Memorandum = apps.get_model("credit", "Memorandum")
    MemorandumMeasure = apps.get_model("credit", "MemorandumMeasure")
    name, base, cycle, validity, window, multiplier, blacklisted = DEFAULT_SCHEME
    scheme, _ = ScoringScheme.objects.update_or_create(region=None, is_active=True, defaults={
        "name": name, "base_score": Decimal(base), "cycle_months": cycle, "validity_months": validity,
        "repeat_window_months": window, "repeat_multiplier": Decimal(multiplier), "blacklisted_class": blacklisted,
        "source": SCHEME_SOURCE,
    })
    for code, item_name, points, source in DEFAULT_ITEMS:
        ScoringItem.objects.update_or_create(scheme=scheme, code=code, defaults={
            "name": item_name, "points": Decimal(points), "source": source})
    for credit_class, min_score, consequence, source in DEFAULT_THRESHOLDS:
        ClassThreshold.objects.update_or_create(scheme=scheme, credit_class=credit_class, defaults={
            "min_score": Decimal(min_score), "consequence": consequence, "source": source})
    for credit_list, min_months, max_months, source in LIST_RULES:
        ListRule.objects.update_or_create(credit_list=credit_list, defaults={
            "min_months": min_months, "max_months": max_months, "source": source})
    code, title, source = MEMORANDUM
    memorandum, _ = Memorandum.objects.update_or_create(code=code, defaults={"title": title, "source": source})
    for activity, description, implementer in MEMORANDUM_MEASURES:
        MemorandumMeasure.objects.update_or_create(memorandum=memorandum, activity=activity, defaults={
            "description": description, "implementer": implementer})


class Migration(migrations.Migration):
    dependencies = [("credit", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
