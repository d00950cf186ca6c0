"""The vacancy pages: the rate on a day with its monthly series, and the report for a period."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from regrow.premises import selectors
from regrow.premises.forms import PeriodForm, VacancyFilterForm
from regrow.premises.models import Unit
from regrow.premises.views import coordinated_town

SERIES_YEARS = 3


@login_required
def vacancy(request: HttpRequest, slug: str) -> HttpResponse:
    """The vacancy rate on a day for the town, a street or a zone; empty units; monthly series."""
    town = coordinated_town(request, slug)
    today = town.today()
    form = VacancyFilterForm(request.GET or None, town=town, streets=selectors.streets_of(town))
    day, street, zone = today, None, None
    if form.is_valid():
        day = min(form.cleaned_data["on"] or today, today)
        street = form.cleaned_data["street"] or None
        zone = form.cleaned_data["zone"]
    scope = selectors.Scope(town, street=street, zone=zone)
    first = day.replace(year=day.year - SERIES_YEARS, day=1)
    context = {
        "place": town,
        "town": town,
        "form": form,
        "day": day,
        "scope": scope,
        "rate": selectors.vacancy_rate_at(scope, day),
        "empty_units": selectors.empty_units_on(scope, day),
        "series": selectors.vacancy_series(scope, first, day),
    }
    return render(request, "premises/vacancy.html", context)


@login_required
def report(request: HttpRequest, slug: str) -> HttpResponse:
    """Emptiness over a period: units empty, unit-months empty and rent lost."""
    town = coordinated_town(request, slug)
    today = town.today()
    form = PeriodForm(request.GET or None, initial={})
    start, end = today.replace(month=1, day=1), today
    if form.is_valid():
        start, end = form.cleaned_data["start"], min(form.cleaned_data["end"], today)
    scope = selectors.Scope(town)
    result = selectors.vacancy_report(scope, start, end)
    units = Unit.objects.in_bulk([row.unit_id for row in result.units])
    context = {
        "place": town,
        "town": town,
        "form": form,
        "report": result,
        "rows": [(units[row.unit_id], row) for row in result.units],
    }
    return render(request, "premises/report.html", context, status=400 if form.errors else 200)
