"""The vacancy pages: the rate on a day with its monthly series and chart, and the report for a
period, which can be downloaded as CSV or XLSX (and as PDF or DOCX, report_document.py)."""

from datetime import date
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format, get_format, number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from regrow.lib import charts
from regrow.lib.tabular.writing import csv_bytes, xlsx_bytes
from regrow.premises import selectors
from regrow.premises.forms import PeriodForm, VacancyFilterForm
from regrow.premises.models import Unit
from regrow.premises.vacancy import DAYS_PER_MONTH, PeriodReport, Rate, rate_of_counts, units_empty
from regrow.premises.views import coordinated_town
from regrow.towns.models import Town

SERIES_YEARS = 3
# Rows of the empty units and of the report on one page; the report's files hold them all.
ROWS_PER_PAGE = 50
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def percent(value: float) -> str:
    """A rate as the page's language writes it: "12,5 %" in Latvian, "12.5 %" in English."""
    return f"{number_format(value, decimal_pos=0 if value == int(value) else 1)} %"


def series_description(series: list[tuple[date, Rate]]) -> str:
    """What the monthly chart shows, in words (its text alternative); empty without rates."""
    known = [(day, rate.percent) for day, rate in series if rate.percent is not None]
    if not known:
        return ""
    month = lambda day: date_format(day, "YEAR_MONTH_FORMAT")  # noqa: E731
    lowest, highest = min(known, key=lambda row: row[1]), max(known, key=lambda row: row[1])
    return _(
        "%(first)s to %(last)s: lowest %(lowest)s (%(lowest_month)s), highest %(highest)s "
        "(%(highest_month)s), last %(last_rate)s. The table below gives every month."
    ) % {
        "first": month(series[0][0]),
        "last": month(series[-1][0]),
        "lowest": percent(lowest[1]),
        "lowest_month": month(lowest[0]),
        "highest": percent(highest[1]),
        "highest_month": month(highest[0]),
        "last_rate": percent(known[-1][1]),
    }


def series_chart(
    series: list[tuple[date, Rate]], size: tuple[int, int] = (320, 200)
) -> SafeString | None:
    """The monthly rates as a line chart, with a description in words of what it shows."""
    description = series_description(series)
    if not description:
        return None
    # Short enough for a phone's axis: "Jun 2024" in English, "06.2024" in Latvian.
    axis_month = pgettext("a date format (Django's) for a month on a chart's axis", "M Y")
    svg = charts.line_chart(
        title=_("Vacancy rate at the end of each month"),
        description=description,
        x_labels=[date_format(day, axis_month) for day, _rate in series],
        series=[charts.Series(_("Vacancy rate"), [rate.percent for _day, rate in series])],
        format_value=percent,
        id_prefix="vacancy-chart",
        size=size,
    )
    return mark_safe(svg)  # noqa: S308 - charts.py escapes every text it writes


@login_required
def vacancy(request: HttpRequest, slug: str) -> HttpResponse:
    """The vacancy rate on a day for the town, a street or a zone; empty units a page at a time;
    the monthly series as a chart and a table."""
    town = coordinated_town(request, slug)
    today = town.today()
    form = VacancyFilterForm(request.GET or None, town=town, streets=selectors.streets_of(town))
    day, street, zone = today, None, None
    if form.is_valid():
        day = min(form.cleaned_data["on"] or today, today)
        street = form.cleaned_data["street"] or None
        zone = form.cleaned_data["zone"]
    scope = selectors.Scope(town, street=street, zone=zone)
    counts = selectors.status_counts_on(scope, day)
    empty = selectors.EmptyUnitsPages(scope, day, count=units_empty(counts))
    page = Paginator(empty, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    series = selectors.vacancy_series(scope, day.replace(year=day.year - SERIES_YEARS, day=1), day)
    context = {
        "place": town,
        "town": town,
        "form": form,
        "day": day,
        "scope": scope,
        "rate": rate_of_counts(counts),
        "page": page,
        "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "series": series,
        "chart": series_chart(series),
    }
    return render(request, "premises/vacancy.html", context)


def report_period(request: HttpRequest, town: Town) -> tuple[PeriodForm, date, date]:
    """The period asked for, or this year so far; never past the town's today."""
    today = town.today()
    form = PeriodForm(request.GET or None, initial={})
    if form.is_valid():
        return form, form.cleaned_data["start"], min(form.cleaned_data["end"], today)
    return form, today.replace(month=1, day=1), today


@login_required
def report(request: HttpRequest, slug: str) -> HttpResponse:
    """Emptiness over a period: units empty, unit-months empty and rent lost, the units a page
    at a time."""
    town = coordinated_town(request, slug)
    form, start, end = report_period(request, town)
    result = selectors.vacancy_report(selectors.Scope(town), start, end)
    page = Paginator(result.units, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    units = Unit.objects.in_bulk([row.unit_id for row in page.object_list])
    context = {
        "place": town,
        "town": town,
        "form": form,
        "report": result,
        "page": page,
        "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "rows": [(units[row.unit_id], row) for row in page.object_list],
        "period_query": urlencode({"start": start.isoformat(), "end": end.isoformat()}),
    }
    return render(request, "premises/report.html", context, status=400 if form.errors else 200)


def whole_or_tenths(days: float) -> int | float:
    """Days as a spreadsheet shows them best: 366, or 91.5 for half days."""
    rounded = round(days, 1)
    return int(rounded) if rounded == int(rounded) else rounded


def report_table(town: Town, result: PeriodReport) -> tuple[list[str], list[list]]:
    """The report's units as a table with a header in the page's language, longest empty
    first: figures as numbers (days to a tenth, rent in euros), for spreadsheets to add up."""
    header = [
        _("Address"),
        _("External id"),
        _("Days empty"),
        _("Unit-months empty"),
        _("Rent lost (EUR)"),
    ]
    fields = ("id", "display_address", "external_id")
    units = {
        pk: (address, external_id) for pk, address, external_id in town.units.values_list(*fields)
    }
    rows = [
        [
            *units[row.unit_id],
            whole_or_tenths(row.empty_days),
            round(row.empty_days / DAYS_PER_MONTH, 2),
            row.rent_lost_cents / 100,
        ]
        for row in result.units
    ]
    return header, rows


@login_required
def report_download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The period report's units as a CSV or XLSX file (every unit, not only a page)."""
    if fmt not in CONTENT_TYPES:
        raise Http404
    town = coordinated_town(request, slug)
    form, start, end = report_period(request, town)
    if form.errors:
        return report(request, slug)
    header, rows = report_table(town, selectors.vacancy_report(selectors.Scope(town), start, end))
    if fmt == "csv":
        # A spreadsheet set to a language with decimal commas splits its CSV at semicolons.
        comma = get_format("DECIMAL_SEPARATOR") == ","
        data = csv_bytes(header, rows, delimiter=";" if comma else ",", decimal_comma=comma)
    else:
        sheet = pgettext("a sheet of a file", "report")
        data = xlsx_bytes(
            header, rows, sheet_name=sheet, frozen_header=True, filters=True, widths="fit"
        )
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    filename = f"{town.slug}-vacancy-{start.isoformat()}-{end.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
