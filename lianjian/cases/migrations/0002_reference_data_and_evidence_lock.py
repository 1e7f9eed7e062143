from django.db import migrations

from lianjian.cases.reference_data import BENCHMARKS, TOLERANCE_ITEMS

# On PostgreSQL locked evidence refuses UPDATE and DELETE outright, as the audit log does: the hash recorded on
# upload then stays the one the centre took on site.
CREATE_TRIGGER = """
CREATE OR REPLACE FUNCTION cases_evidencefile_locked() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'locked evidence cannot be changed (%% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER cases_evidencefile_locked BEFORE UPDATE OR DELETE ON cases_evidencefile
  FOR EACH ROW EXECUTE FUNCTION cases_evidencefile_locked();
"""
DROP_TRIGGER = """
DROP TRIGGER IF EXISTS cases_evidencefile_locked ON cases_evidencefile;
DROP FUNCTION IF EXISTS cases_evidencefile_locked();
"""


def seed(apps, schema_editor):
    Benchmark = apps.get_model("cases", "DiscretionBenchmark")
    Tolerance = apps.get_model("cases", "ToleranceItem")
    for code, violation, circumstance, rmin, rmax, amin, amax, base, measures, source in BENCHMARKS:
        Benchmark.objects.update_or_create(code=code, defaults={
            "violation_type": violation, "circumstance": circumstance, "rate_min_permille": rmin,
            "rate_max_permille": rmax, "amount_min": amin, "amount_max": amax, "base_label": base,
            "measures": measures, "source": source})
    for code, name, conditions, source in TOLERANCE_ITEMS:
        Tolerance.objects.update_or_create(code=code, defaults={"name": name, "conditions": conditions,
                                                               "source": source})


def unseed(apps, schema_editor):
    apps.get_model("cases", "DiscretionBenchmark").objects.filter(code__in=[b[0] for b in BENCHMARKS]).delete()
    apps.get_model("cases", "ToleranceItem").objects.filter(code__in=[t[0] for t in TOLERANCE_ITEMS]).delete()


def add_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_TRIGGER)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [
        migrations.RunPython(seed, unseed),
        migrations.RunPython(add_trigger, drop_trigger),
    ]
