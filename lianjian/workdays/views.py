from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from . import selectors
from .calendar import FALLBACK_HOLIDAYS, FALLBACK_HOLIDAYS_SOURCE
from .forms import CalculatorForm

FIRST_YEAR, LAST_YEAR = 1900, 2100


def _year(request):
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return min(max(year, FIRST_YEAR), LAST_YEAR)


@login_required
def calendar_page(request):
    year = _year(request)
    form = CalculatorForm(request.GET if "start" in request.GET else None)
    result = None
    if form.is_bound and form.is_valid():
        due, unloaded = selectors.due_date(**form.cleaned_data)
        result = {"due": due, "unloaded": unloaded, **form.cleaned_data}
    return render(request, "workdays/calendar.html", {
        "year": year,
        "previous_year": year - 1,
        "next_year": year + 1,
        "special_days": selectors.special_days(year=year),
        "loaded": selectors.calendar_year(year),
        "loaded_years": selectors.calendar_years(),
        "fallback_holidays": FALLBACK_HOLIDAYS,
        "fallback_source": FALLBACK_HOLIDAYS_SOURCE,
        "form": form,
        "result": result,
    })
