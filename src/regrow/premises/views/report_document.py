"""The vacancy report for a period as a document (PDF or DOCX): the town as issuer, the period
in words, the totals, the monthly vacancy chart with its description, the months' rates and the
units, longest empty first, at most MAX_UNIT_ROWS of them (the XLSX holds every unit)."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.contrib.humanize.templatetags.humanize import intcomma
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from regrow.lib import documents
from regrow.lib.dates import date_range
from regrow.lib.money import euros_from_cents
from regrow.premises import selectors
from regrow.premises.vacancy import DAYS_PER_MONTH, PeriodReport, Rate
from regrow.premises.views import coordinated_town
from regrow.premises.views.vacancy import (
    percent,
    report,
    report_period,
    series_chart,
    series_description,
)
from regrow.towns.documents import town_issuer
from regrow.towns.models import Town

# About 10 pages of A4: past that a table is read in the spreadsheet (the XLSX has every row),
# and the document is made inside the request: WeasyPrint lays out some 4 ms a row, so 500 rows
# keep a PDF to about 2 s of one server process (2,000 rows took 9 s).
MAX_UNIT_ROWS = 500


def _chart(series: list[tuple[date, Rate]]) -> list[documents.Block]:
    """The monthly rates as a chart (its description as the caption) and as a table."""
    svg = series_chart(series, size=(640, 260))
    if svg is None:
        return []
    title = _("Vacancy rate at the end of each month")
    month = lambda day: date_format(day, "YEAR_MONTH_FORMAT")  # noqa: E731
    months = [
        [month(day), "" if rate.percent is None else percent(rate.percent)] for day, rate in series
    ]
    return [
        documents.Heading(title, level=1),
        documents.Image(
            str(svg).encode(), "image/svg+xml", alt=title, caption=series_description(series)
        ),
        documents.Table(
            header=[_("Month"), _("Vacancy rate")], rows=months, align=["left", "right"]
        ),
    ]


def _units(town: Town, result: PeriodReport) -> list[documents.Block]:
    heading = documents.Heading(_("Empty units in the period"), level=1)
    if not result.units:
        return [heading, documents.Paragraph(_("No empty units."))]
    shown = result.units[:MAX_UNIT_ROWS]
    addresses = dict(
        town.units.filter(pk__in=[row.unit_id for row in shown]).values_list(
            "id", "display_address"
        )
    )
    rows = [
        [
            addresses.get(row.unit_id, ""),
            number_format(row.empty_days, decimal_pos=0 if row.empty_days.is_integer() else 1),
            number_format(row.empty_days / DAYS_PER_MONTH, decimal_pos=1),
            euros_from_cents(row.rent_lost_cents, 0),
        ]
        for row in shown
    ]
    table = documents.Table(
        header=[_("Address"), _("Days empty"), _("Unit-months empty"), _("Rent lost")],
        rows=rows,
        align=["left", "right", "right", "right"],
        totals=[
            pgettext("the totals row of a table", "Total"),
            "",
            number_format(result.unit_months_empty, decimal_pos=1),
            euros_from_cents(result.rent_lost_cents, 0),
        ],
        caption=_("Every unit of the report, longest empty first"),
    )
    blocks: list[documents.Block] = [heading, table]
    left_out = len(result.units) - len(shown)
    if left_out:
        note = ngettext(
            "%(count)s more unit is left out here; the XLSX download holds every unit.",
            "%(count)s more units are left out here; the XLSX download holds every unit.",
            left_out,
        ) % {"count": intcomma(left_out)}
        blocks.append(documents.Paragraph(note))
    return blocks


def vacancy_report_document(town: Town, result: PeriodReport) -> documents.Document:
    """The report in the active language, as the report page shows it and a little more."""
    series = selectors.vacancy_series(selectors.Scope(town), result.start, result.end)
    totals = documents.KeyValues(
        [
            (_("Units empty at some time"), intcomma(result.units_empty)),
            (_("Unit-months empty"), number_format(result.unit_months_empty, decimal_pos=1)),
            (_("Rent lost"), euros_from_cents(result.rent_lost_cents, 0)),
        ]
    )
    explanation = _(
        "A partly vacant unit counts as half; rent lost is the asking rent for the months empty."
    )
    return documents.Document(
        title=_("Vacancy report: %(town)s") % {"town": town.name},
        subtitle=date_range(result.start, result.end),
        language=translation.get_language() or "en",
        issuer=town_issuer(town),
        issued_on=town.today(),
        blocks=[
            totals,
            documents.Paragraph(explanation, note=True),
            *_chart(series),
            *_units(town, result),
        ],
    )


def _download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    town = coordinated_town(request, slug)
    form, start, end = report_period(request, town)
    if form.errors:
        return report(request, slug)
    result = selectors.vacancy_report(selectors.Scope(town), start, end)
    document = vacancy_report_document(town, result)
    render = documents.render_pdf if fmt == "pdf" else documents.render_docx
    response = HttpResponse(render(document), content_type=documents.CONTENT_TYPES[fmt])
    filename = f"{town.slug}-vacancy-{start.isoformat()}-{end.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def report_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    """The period report as a PDF: the same period and permission as its CSV."""
    return _download(request, slug, "pdf")


@login_required
def report_docx(request: HttpRequest, slug: str) -> HttpResponse:
    """The period report as a Word file, to edit before it goes out."""
    return _download(request, slug, "docx")
