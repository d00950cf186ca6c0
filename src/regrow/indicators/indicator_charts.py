"""The indicators' charts as SVG text (lib/charts): a town's series, and a comparison of towns.
Each is an image with a title and a description in words; the page keeps the table beside it,
and the same text is downloaded as SVG or drawn as PNG."""

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from regrow.indicators import words
from regrow.indicators.figures import Mode
from regrow.indicators.selectors_pages import Comparison, Tile
from regrow.lib import charts

SMALL = (320, 160)
WIDE = (360, 220)  # legible on a 390 px phone, where it is drawn at about 320 px


def town_chart_svg(tile: Tile, town_name: str, *, id_prefix: str, size=WIDE) -> str:
    """The town's values of one indicator over time."""
    indicator, points = tile.indicator, tile.summary.points
    title = _("%(indicator)s in %(town)s") % {"indicator": indicator.name, "town": town_name}
    description = words.series_description(town_name, tile.summary, indicator.unit)
    return charts.line_chart(
        title=title,
        description=description,
        x_labels=[words.period_label(point.period) for point in points],
        series=[charts.Series(indicator.name, [float(point.value) for point in points])],
        format_value=words.figure_format(indicator.unit),
        id_prefix=id_prefix,
        size=size,
    )


def town_chart(tile: Tile, town_name: str, *, id_prefix: str, size=WIDE) -> SafeString:
    svg = town_chart_svg(tile, town_name, id_prefix=id_prefix, size=size)
    return mark_safe(svg)  # noqa: S308 - lib/charts escapes every text it writes


def comparison_title(comparison: Comparison) -> str:
    indicator = comparison.indicator
    if comparison.mode == Mode.PER_1000:
        return _("%(indicator)s per 1,000 inhabitants") % {"indicator": indicator.name}
    if comparison.mode == Mode.INDEXED:
        return _("%(indicator)s, indexed (%(year)s = 100)") % {
            "indicator": indicator.name,
            "year": comparison.base_year,
        }
    if len(comparison.lines) == 1:
        return _("%(indicator)s in %(town)s") % {
            "indicator": indicator.name,
            "town": comparison.town.name,
        }
    return indicator.name


def comparison_chart_svg(comparison: Comparison, *, id_prefix: str = "comparison") -> str:
    """One line a town over the comparison's periods; the index's 100 marked."""
    indicator, mode = comparison.indicator, comparison.mode

    shown = words.shown_format(indicator, mode)

    periods = comparison.periods
    series, sentences = [], []
    for line in comparison.lines:
        values = [line.values.get(period.text) for period in periods]
        floats = [None if value is None else float(value) for value in values]
        series.append(charts.Series(line.town.name, floats))
        pairs = zip(periods, values, strict=True)
        known = [(period, value) for period, value in pairs if value is not None]
        sentences.append(words.line_description(line.town.name, known, shown))
    width, height = WIDE
    indexed = mode == Mode.INDEXED and comparison.base_year is not None
    return charts.line_chart(
        title=comparison_title(comparison),
        description=" ".join(sentences),
        x_labels=[words.period_label(period) for period in periods],
        series=series,
        format_value=shown,
        id_prefix=id_prefix,
        size=(width, height + charts.legend_height(len(series))),
        y_limits=(None, None) if indexed else (0, None),
        reference=(100, words.value_unit(indicator, mode, comparison.base_year))
        if indexed
        else None,
    )


def comparison_chart(comparison: Comparison, *, id_prefix: str = "comparison") -> SafeString:
    svg = comparison_chart_svg(comparison, id_prefix=id_prefix)
    return mark_safe(svg)  # noqa: S308 - lib/charts escapes every text it writes
