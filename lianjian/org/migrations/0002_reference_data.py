from django.db import migrations

from lianjian.org.reference_data import ROLES, SECTORS


def load(apps, schema_editor):
    Role = apps.get_model("org", "Role")
    Sector = apps.get_model("org", "Sector")
    for code, name in ROLES:
        Role.objects.update_or_create(code=code, defaults={"name": name})
    for code, name, parent in SECTORS:
        Sector.objects.update_or_create(
            code=code, defaults={"name": name, "parent": Sector.objects.get(code=parent) if parent else None}
        )


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
