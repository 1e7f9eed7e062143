"""The deadline rule of follow-up tasks (rule_data.FOLLOW_UP_RULE_ROW, a local default citing seed 004). An
existing row is left alone so that a jurisdiction's edit survives."""

from django.db import migrations

from lianjian.meetings.rule_data import FOLLOW_UP_RULE_ROW


def seed(apps, schema_editor):
    DeadlineRule = apps.get_model("deadlines", "DeadlineRule")
    code, name, count, unit, due_soon, source, note = FOLLOW_UP_RULE_ROW
    DeadlineRule.objects.get_or_create(code=code, defaults={
        "name": name, "count": count, "unit": unit, "due_soon_days": due_soon, "source": source, "note": note})


def unseed(apps, schema_editor):
    apps.get_model("deadlines", "DeadlineRule").objects.filter(code=FOLLOW_UP_RULE_ROW[0]).delete()


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial"), ("deadlines", "0002_seed_rules")]
    operations = [migrations.RunPython(seed, unseed)]
