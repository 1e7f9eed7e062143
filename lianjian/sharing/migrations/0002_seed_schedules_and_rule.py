"""The exchange schedules and the project-approval deadline rule (``lianjian.sharing.schedule_data``, each citing
its seed). Existing rows are left alone so that a jurisdiction's edits survive."""

from django.db import migrations

from lianjian.sharing.schedule_data import RULES, SCHEDULES


def seed(apps, schema_editor):
    DeadlineRule = apps.get_model("deadlines", "DeadlineRule")
    existing = set(DeadlineRule.objects.values_list("code", flat=True))
    DeadlineRule.objects.bulk_create(
        DeadlineRule(code=code, name=name, count=count, unit=unit, due_soon_days=due_soon, source=source, note=note)
        for code, name, count, unit, due_soon, source, note in RULES if code not in existing
    )
    Schedule = apps.get_model("sharing", "ExchangeSchedule")
    for code, name, trigger, senders, recipients, rule, generator, source in SCHEDULES:
        Schedule.objects.get_or_create(code=code, defaults={
            "name": name, "trigger": trigger, "sender_types": senders, "recipient_types": recipients,
            "deadline_rule": rule, "generator": generator, "source": source})


def unseed(apps, schema_editor):
    apps.get_model("sharing", "ExchangeSchedule").objects.filter(code__in=[s[0] for s in SCHEDULES]).delete()
    apps.get_model("deadlines", "DeadlineRule").objects.filter(code__in=[r[0] for r in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("sharing", "0001_initial"), ("deadlines", "0002_seed_rules")]
    operations = [migrations.RunPython(seed, unseed)]
