"""The review categories and their rules (``lianjian.performance.category_data``, each citing its seed)."""

from django.db import migrations

from lianjian.performance.category_data import CATEGORIES


def seed(apps, schema_editor):
    Category = apps.get_model("performance", "ReviewCategory")
    CategoryRule = apps.get_model("performance", "ReviewCategoryRule")
    for code, name, order, source, rules in CATEGORIES:
        category, _ = Category.objects.get_or_create(code=code, defaults={"name": name, "order": order,
                                                                          "source": source})
        for rule_code in rules:
            CategoryRule.objects.get_or_create(rule_code=rule_code, defaults={"category": category})


def unseed(apps, schema_editor):
    apps.get_model("performance", "ReviewCategory").objects.filter(code__in=[c[0] for c in CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("performance", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
