"""Fill the holiday table for every year the chinesecalendar package covers (2004–2026)."""

from django.db import migrations
from django.utils import timezone

from lianjian.workdays.sources import CHINESECALENDAR_SOURCE, chinesecalendar_schedule, chinesecalendar_years


def seed(apps, schema_editor):
    Holiday = apps.get_model("workdays", "Holiday")
    CalendarYear = apps.get_model("workdays", "CalendarYear")
    now = timezone.now()
    existing = set(Holiday.objects.values_list("date", flat=True))
    for year in chinesecalendar_years():
        Holiday.objects.bulk_create(
            [Holiday(date=row["date"], kind=row["kind"], name=row["name"]) for row in chinesecalendar_schedule(year)
             if row["date"] not in existing]
        )
        CalendarYear.objects.get_or_create(year=year, defaults={"source": CHINESECALENDAR_SOURCE, "loaded_at": now})


def unseed(apps, schema_editor):
    Holiday = apps.get_model("workdays", "Holiday")
    CalendarYear = apps.get_model("workdays", "CalendarYear")
    years = list(chinesecalendar_years())
    Holiday.objects.filter(date__year__in=years).delete()
    CalendarYear.objects.filter(year__in=years, source=CHINESECALENDAR_SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_holiday_table")]
    operations = [migrations.RunPython(seed, unseed)]
