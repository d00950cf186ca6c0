"""What the indicator pages show of a Tile and a Comparison, worded in the page's language: the
card of one indicator (latest value, changes and whether they are good, source, how a derived
one is computed) and the rows of a comparison's table and download."""

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _

from regrow.indicators import indicator_charts, words
from regrow.indicators.figures import Change, Mode
from regrow.indicators.selectors_pages import Comparison, Tile
from regrow.towns.models import Town


@dataclass
class ChangeShown:
    text: str  # “+120 (+1,6 %) since 2023”
    sign: str  # ▲ ▼ = ◆
    word: str  # better, worse …
    judgement: str  # for the CSS class


def change_shown(change: Change | None, unit: str) -> ChangeShown | None:
    if change is None:
        return None
    return ChangeShown(
        text=words.change_text(change, unit),
        sign=words.JUDGEMENT_SIGNS[change.judgement],
        word=words.judgement_word(change.judgement),
        judgement=change.judgement.value,
    )


def yearly_rate_text(tile: Tile) -> str:
    summary = tile.summary
    if summary.yearly_rate is None:
        return ""
    return _("%(rate)s a year from %(first)s to %(latest)s (compound)") % {
        "rate": words.percent_text(summary.yearly_rate),
        "first": words.period_label(summary.first.period),
        "latest": words.period_label(summary.latest.period),
    }


def since_peak_text(tile: Tile) -> str:
    summary, unit = tile.summary, tile.indicator.unit
    if summary.peak is None:
        return ""
    if summary.since_peak is None:
        return _("The latest value is the highest so far.")
    return _("Highest: %(peak)s in %(period)s; since then %(change)s.") % {
        "peak": words.figure(summary.peak.value, unit),
        "period": words.period_label(summary.peak.period),
        "change": _("%(change)s (%(percent)s)")
        % {
            "change": words.signed_change(summary.since_peak.absolute, unit),
            "percent": words.percent_text(summary.since_peak.relative),
        }
        if summary.since_peak.relative is not None and unit != "percent"
        else words.signed_change(summary.since_peak.absolute, unit),
    }


def definition_url(town: Town, tile: Tile) -> str:
    """Where a derived indicator's full definition is: an address, or our copy of a doc."""
    documentation = tile.computation.documentation if tile.computation else ""
    if documentation.startswith(("https://", "http://")):
        return documentation
    if documentation.startswith("docs/"):
        return reverse(
            "indicators:definition", kwargs={"slug": town.slug, "code": tile.indicator.code}
        )
    return ""


def card(tile: Tile, town: Town, *, index: int, chart_size=indicator_charts.SMALL) -> dict:
    """Everything a card of one indicator shows."""
    summary, indicator = tile.summary, tile.indicator
    latest = summary.latest
    return {
        "indicator": indicator,
        "tile": tile,
        "latest": words.figure(latest.value, indicator.unit) if latest else "",
        "latest_period": words.period_label(latest.period) if latest else "",
        "flags": words.flags_text(latest.flags) if latest else "",
        "one_year": change_shown(summary.one_year, indicator.unit),
        "five_years": change_shown(summary.five_years, indicator.unit),
        "chart": indicator_charts.town_chart(
            tile, town.name, id_prefix=f"chart-{index}", size=chart_size
        )
        if latest
        else "",
        "source": tile.source,
        "explanation": str(tile.computation.explanation) if tile.computation else "",
        "definition_url": definition_url(town, tile),
        "url": reverse("indicators:indicator", kwargs={"slug": town.slug, "code": indicator.code}),
    }


def town_rows(tile: Tile) -> list[tuple[str, str, str, str]]:
    """The town's table: period, value, note (flags), source; newest first."""
    unit = tile.indicator.unit
    return [
        (
            words.period_label(point.period),
            words.figure(point.value, unit),
            words.flags_text(point.flags),
            point.source or tile.indicator.source,
        )
        for point in reversed(tile.summary.points)
    ]


def comparison_table(comparison: Comparison) -> dict:
    """The comparison as a table: a row a period (newest first), a column a town."""
    indicator, mode = comparison.indicator, comparison.mode
    shown = words.shown_format(indicator, mode)
    rows = []
    for period in reversed(comparison.periods):
        cells = []
        for line in comparison.lines:
            value = line.values.get(period.text)
            cells.append("—" if value is None else shown(value))
        rows.append((words.period_label(period), cells))
    return {
        "towns": [line.town for line in comparison.lines],
        "rows": rows,
        "unit": words.value_unit(indicator, mode, comparison.base_year),
        "missing": missing_notes(comparison),
    }


def missing_notes(comparison: Comparison) -> list[str]:
    notes = []
    for line in comparison.lines:
        if line.missing == "values":
            notes.append(_("%(town)s has no values of this indicator.") % {"town": line.town.name})
        elif line.missing == "base":
            notes.append(
                _("%(town)s has no value above zero in %(year)s to index to.")
                % {"town": line.town.name, "year": comparison.base_year}
            )
        elif line.missing == "population":
            notes.append(
                _("%(town)s has no population figures for these years.") % {"town": line.town.name}
            )
    return notes


def download_rows(comparison: Comparison) -> tuple[list[str], list[list[object]]]:
    """The comparison's data in long format: a row a town and period, the value shown and the
    value recorded beside it, with its flags and source."""
    indicator, mode = comparison.indicator, comparison.mode
    header = [
        _("Town"),
        _("Indicator"),
        _("Period"),
        words.value_unit(indicator, mode, comparison.base_year)
        if mode != Mode.ABSOLUTE
        else _("Value (%(unit)s)") % {"unit": indicator.get_unit_display()},
    ]
    if mode != Mode.ABSOLUTE:
        header.append(_("Value (%(unit)s)") % {"unit": indicator.get_unit_display()})
    header += [_("Flags"), _("Source")]
    rows = []
    for line in comparison.lines:
        for point in line.points:
            shown: Decimal | None = line.values.get(point.period.text)
            row = [line.town.name, indicator.name, point.period.text, shown]
            if mode != Mode.ABSOLUTE:
                row.append(point.value)
            row += [point.flags, point.source or indicator.source]
            rows.append(row)
    return header, rows
