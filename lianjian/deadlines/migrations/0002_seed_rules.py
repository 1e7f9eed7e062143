"""The default deadline rules (rules.md §1, §2, §3, §8), each citing its source. Existing rows are left alone so
that a jurisdiction's edits survive."""

from django.db import migrations

from lianjian.deadlines.rule_data import RULES


def seed(apps, schema_editor):
    DeadlineRule = apps.get_model("deadlines", "DeadlineRule")
    existing = set(DeadlineRule.objects.values_list("code", flat=True))
    DeadlineRule.objects.bulk_create(
        DeadlineRule(code=code, name=name, count=count, unit=unit, due_soon_days=due_soon, source=source, note=note)
        for code, name, count, unit, due_soon, source, note in RULES if code not in existing
    )


def unseed(apps, schema_editor):
    apps.get_model("deadlines", "DeadlineRule").objects.filter(code__in=[rule[0] for rule in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0001_deadline_tables")]
    operations = [migrations.RunPython(seed, unseed)]
