"""The indicator pages: a town's dashboard (its members'), one indicator with its comparison
(anyone, for an indicator the town shows; its members, every one), the downloads of a chart's
data and picture, and the definition of a derived indicator."""

from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from regrow.indicators import (
    derived,
    figures,
    indicator_charts,
    presenting,
    selectors_pages,
    visibility,
)
from regrow.indicators.figures import Mode
from regrow.indicators.forms import ComparisonForm
from regrow.indicators.models import Indicator
from regrow.lib import charts, places
from regrow.lib.pagecache import cached_for_anonymous
from regrow.lib.tabular.writing import csv_bytes, xlsx_bytes
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can

# The repository's documentation, where a derived indicator's definition is written in full.
DOCS = Path(__file__).resolve().parents[3] / "docs"
COMPARISON_PARAMETERS = ("compare", "towns", "mode", "base")


def town_or_404(slug: str) -> Town:
    town = get_object_or_404(Town, slug=slug)
    places.activate_time_zone(town)
    return town


@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """Every indicator of the town: a small chart, the latest value, the change over one and
    five years and whether it is good, the source."""
    town = town_or_404(slug)
    if not can(request.user, Action.VIEW_WORKSPACE, town):
        raise PermissionDenied
    tiles = selectors_pages.dashboard(town)
    cards = [presenting.card(tile, town, index=index) for index, tile in enumerate(tiles)]
    context = {
        "place": town,
        "town": town,
        "cards": cards,
        "coordinates": can(request.user, Action.CHANGE_TOWN, town),
    }
    return render(request, "indicators/dashboard.html", context)


def _readable(request: HttpRequest, slug: str, code: str) -> tuple[Town, Indicator] | HttpResponse:
    """The town and indicator of the address if the reader may see them: anyone an indicator
    the town shows, its members every one (others are asked to sign in, or refused)."""
    town = town_or_404(slug)
    indicator = get_object_or_404(Indicator, code=code)
    if visibility.may_see(request.user, town, indicator):
        return town, indicator
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def comparison_view(request: HttpRequest, town: Town, indicator: Indicator):
    """The comparison the address asks for and its form. The page's form sends `compare`, and
    then the towns ticked are all the towns (none: the town alone); an address without it and
    without towns (a link written by hand, the first visit) compares with the first of the
    town's partners. The values as they are unless `mode` says otherwise."""
    candidates = selectors_pages.comparable_towns(request.user, town, indicator)
    per_1000 = figures.per_1000_applies(indicator.code, indicator.unit)
    defaults = [candidate.slug for candidate in candidates[: selectors_pages.DEFAULT_PEERS]]
    if any(name in request.GET for name in COMPARISON_PARAMETERS):
        data = request.GET.copy()
        if "compare" not in data and "towns" not in data:
            data.setlist("towns", defaults)
        form = ComparisonForm(data, towns=candidates, per_1000=per_1000)
        form.is_valid()
        cleaned = form.cleaned_data  # the valid parts; the rest is shown with its error
        chosen = set(cleaned.get("towns", []))
        mode = Mode(cleaned.get("mode") or Mode.ABSOLUTE)
        base = cleaned.get("base")
    else:
        chosen, mode, base = set(defaults), Mode.ABSOLUTE, None
        initial = {"towns": defaults, "mode": Mode.ABSOLUTE.value}
        form = ComparisonForm(towns=candidates, per_1000=per_1000, initial=initial)
    others = [candidate for candidate in candidates if candidate.slug in chosen]
    comparison = selectors_pages.comparison(town, indicator, others, mode, base)
    form.set_years(comparison.years)
    return form, comparison


@cached_for_anonymous
def indicator_page(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """One indicator: the town's chart and table, its peak, yearly rate and changes, and the
    comparison the address keeps (a form that works without JavaScript)."""
    readable = _readable(request, slug, code)
    if isinstance(readable, HttpResponse):
        return readable
    town, indicator = readable
    tile = selectors_pages.indicator_tile(town, indicator)
    form, comparison = comparison_view(request, town, indicator)
    context = {
        "place": town,
        "town": town,
        "indicator": indicator,
        "card": presenting.card(tile, town, index=0, chart_size=indicator_charts.WIDE),
        "rows": presenting.town_rows(tile),
        "since_peak": presenting.since_peak_text(tile),
        "yearly_rate": presenting.yearly_rate_text(tile),
        "form": form,
        "comparison": comparison,
        "comparison_chart": indicator_charts.comparison_chart(comparison),
        "table": presenting.comparison_table(comparison),
        "comparison_query": comparison_query(comparison),
        "member": can(request.user, Action.VIEW_WORKSPACE, town),
    }
    status = 400 if form.errors else 200
    return render(request, "indicators/indicator.html", context, status=status)


def comparison_query(comparison: selectors_pages.Comparison) -> str:
    """The query of the view shown, written out in full (the defaults too), so that its
    downloads stay the same chart even if the defaults change."""
    pairs = [("compare", "1")]
    pairs += [("towns", line.town.slug) for line in comparison.lines[1:]]
    pairs.append(("mode", comparison.mode.value))
    if comparison.mode == Mode.INDEXED and comparison.base_year is not None:
        pairs.append(("base", comparison.base_year))
    return "?" + urlencode(pairs)


DOWNLOADS = {
    "data.csv": "text/csv; charset=utf-8",
    "data.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "chart.svg": "image/svg+xml",
    "chart.png": "image/png",
}


@cached_for_anonymous
def download(request: HttpRequest, slug: str, code: str, file: str) -> HttpResponse:
    """The data of the chart the address describes (its query as the page's) as CSV or XLSX,
    or the chart as SVG or PNG."""
    if file not in DOWNLOADS:
        raise Http404
    readable = _readable(request, slug, code)
    if isinstance(readable, HttpResponse):
        return readable
    town, indicator = readable
    form, comparison = comparison_view(request, town, indicator)
    if form.errors:
        return HttpResponse(
            "\n".join(str(error) for errors in form.errors.values() for error in errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    kind = file.rsplit(".", 1)[-1]
    if kind in ("csv", "xlsx"):
        header, rows = presenting.download_rows(comparison)
        rows = [[_plain(value) for value in row] for row in rows]
        data = (
            csv_bytes(header, rows)
            if kind == "csv"
            else xlsx_bytes(header, rows, sheet_name=indicator.code[:31], widths="fit")
        )
    else:
        svg = charts.standalone(indicator_charts.comparison_chart_svg(comparison))
        data = svg.encode("utf-8") if kind == "svg" else charts.png(svg)
    response = HttpResponse(data, content_type=DOWNLOADS[file])
    name = f"{town.slug}-{indicator.code}"
    if len(comparison.lines) > 1:
        name += "-comparison"
    response["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response


def _plain(value):
    """A Decimal without the zeros its four stored places add (17500, not 1.75E+4)."""
    if not isinstance(value, Decimal):
        return value
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def definition(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """The full definition of a derived indicator: the documentation its app names (a page of
    regrow's docs, served as the Markdown text it is written in)."""
    readable = _readable(request, slug, code)
    if isinstance(readable, HttpResponse):
        return readable
    _town_of_page, indicator = readable
    computation = derived.source(indicator.code) if indicator.derived else None
    documentation = computation.documentation if computation else ""
    if not documentation.startswith("docs/"):
        raise Http404
    path = (DOCS / documentation.removeprefix("docs/")).resolve()
    if path.parent != DOCS or path.suffix != ".md" or not path.is_file():
        raise Http404
    return HttpResponse(path.read_bytes(), content_type="text/plain; charset=utf-8")
