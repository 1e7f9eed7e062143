from django.db import migrations

from lianjian.experts.reference_data import COMMITTEE_RULES, SPECIALTIES


def load(apps, schema_editor):
    Specialty = apps.get_model("experts", "Specialty")
    CommitteeRule = apps.get_model("experts", "CommitteeRule")
    Sector = apps.get_model("org", "Sector")
    for code, name, parent in SPECIALTIES:
        Specialty.objects.update_or_create(
            code=code, defaults={"name": name, "parent": Specialty.objects.get(code=parent) if parent else None}
        )
    for sector_code, min_members, odd, numerator, denominator, years, basis in COMMITTEE_RULES:
        sector = Sector.objects.filter(code=sector_code).first() if sector_code else None
        if sector_code and sector is None:
            continue
        CommitteeRule.objects.update_or_create(sector=sector, defaults={
            "min_members": min_members, "odd_members": odd, "expert_share_numerator": numerator,
            "expert_share_denominator": denominator, "former_relation_years": years, "legal_basis": basis,
        })


class Migration(migrations.Migration):
    dependencies = [("experts", "0001_initial"), ("org", "0002_reference_data")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
