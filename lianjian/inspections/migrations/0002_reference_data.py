"""Seed the sampling classes (rules.md §6) and the draw's rules (rules.md §6; 行政处罚法 第42条)."""

from decimal import Decimal

from django.db import migrations

from lianjian.inspections.reference_data import RULES, SAMPLING_CLASSES


def load(apps, schema_editor):
    SamplingClass = apps.get_model("inspections", "SamplingClass")
    InspectionRule = apps.get_model("inspections", "InspectionRule")
    for code, name, rank, low, high, default, source in SAMPLING_CLASSES:
        SamplingClass.objects.update_or_create(code=code, defaults={
            "name": name, "rank": rank, "min_percent": Decimal(low), "max_percent": Decimal(high),
            "default_percent": Decimal(default), "source": source})
    for code, name, value, source in RULES:
        InspectionRule.objects.update_or_create(code=code, defaults={"name": name, "value": value,
                                                                     "source": source})


class Migration(migrations.Migration):
    dependencies = [("inspections", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
