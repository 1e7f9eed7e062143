"""The disclosure deadline rules (政府信息公开条例 第二十六条; seed 002 §(七)) and the default disclosure standard
catalog (seed 000 §(十七)), each row citing its source (``lianjian/portal/catalog_data.py``). Existing rows are left
alone so that a jurisdiction's edits survive."""

from django.db import migrations

from lianjian.portal.catalog_data import CATALOG, RULES


def seed(apps, schema_editor):
    DeadlineRule = apps.get_model("deadlines", "DeadlineRule")
    DisclosureItem = apps.get_model("portal", "DisclosureItem")
    existing_rules = set(DeadlineRule.objects.values_list("code", flat=True))
    DeadlineRule.objects.bulk_create(
        DeadlineRule(code=code, name=name, count=count, unit=unit, due_soon_days=due_soon, source=source, note=note)
        for code, name, count, unit, due_soon, source, note in RULES if code not in existing_rules
    )
    rules = dict(DeadlineRule.objects.values_list("code", "pk"))
    existing_items = set(DisclosureItem.objects.values_list("code", flat=True))
    DisclosureItem.objects.bulk_create(
        DisclosureItem(code=code, name=name, category=category, content=content, responsible_unit_type=unit_type,
                       deadline_rule_id=rules.get(rule) if rule else None, time_limit=time_limit, channel=channel,
                       source=source, position=position)
        for position, (code, name, category, content, unit_type, rule, time_limit, channel, source)
        in enumerate(CATALOG, start=1) if code not in existing_items
    )


def unseed(apps, schema_editor):
    apps.get_model("portal", "DisclosureItem").objects.filter(code__in=[row[0] for row in CATALOG]).delete()
    apps.get_model("deadlines", "DeadlineRule").objects.filter(code__in=[row[0] for row in RULES]).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial"), ("deadlines", "0002_seed_rules")]
    operations = [migrations.RunPython(seed, unseed)]
