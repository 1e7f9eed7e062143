from decimal import Decimal

from django.db import migrations

from lianjian.trading.catalog_data import NATIONAL_DEFAULTS


def load(apps, schema_editor):
    CatalogItem = apps.get_model("trading", "CatalogItem")
    Sector = apps.get_model("org", "Sector")
    for sector_code, category, name, threshold, source in NATIONAL_DEFAULTS:
        sector = Sector.objects.filter(code=sector_code).first()
        if sector is None:
            continue
        CatalogItem.objects.update_or_create(
            region=None, year=None, sector=sector, category=category,
            defaults={"name": name, "threshold": Decimal(threshold), "legal_basis": source},
        )


class Migration(migrations.Migration):
    dependencies = [("trading", "0001_initial"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
