"""The triage deadline rule (see ``lianjian.monitoring.rule_data``: a local rule, citing the seed it follows).
An existing row is left alone so that a jurisdiction's edits survive."""

from django.db import migrations

from lianjian.monitoring.rule_data import RULES


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
    dependencies = [("monitoring", "0001_initial"), ("deadlines", "0002_seed_rules")]
    operations = [migrations.RunPython(seed, unseed)]
