"""A Transfer Plan's actions on a timeline, as SVG text: one row an action, its name on the left
and a bar from its first to its last day, on an axis of months, quarters or years. Pure: plain
data in, text out, the same text for the same actions.

Like lib/charts (whose escaping, palette and fill patterns it uses): role="img" with a <title>
and a <desc> the caller writes in words, no script, and a status told by fill pattern as well as
colour, named in a legend. Each bar's tooltip gives the action, its dates and status in full.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from regrow.lib import charts

WIDTH = 640
LABEL_WIDTH = 200  # the actions' names, cut with "…" past this
ROW = 20
BAR = 12
AXIS = 24  # the tick labels above the rows
LEGEND_ROW = 20
_CHARACTER = charts.FONT_SIZE * 0.6


@dataclass(frozen=True)
class Bar:
    label: str
    starts_on: date
    due_on: date
    status: str  # a key of the `statuses` given to the chart
    tooltip: str  # the action in words: name, dates, status


def _cut(label: str, room: float) -> str:
    fits = max(int(room // _CHARACTER), 4)
    return label if len(label) <= fits else label[: fits - 1].rstrip() + "…"


def month_starts(first: date, last: date, every: int) -> list[date]:
    """The first days of every `every`-th month (counted from January) from `first`'s month on,
    up to `last`."""
    month = (first.month - 1) // every * every + 1
    day = date(first.year, month, 1)
    days = []
    while day <= last:
        days.append(day)
        month_index = day.month - 1 + every
        day = date(day.year + month_index // 12, month_index % 12 + 1, 1)
    return days


def ticks(first: date, last: date) -> list[date]:
    """Months for up to about 14 months, quarters up to about four years, then years."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    every = 1 if months <= 14 else 3 if months <= 48 else 12 * max(1, math.ceil(months / 120))
    return month_starts(first, last, every)


def _fills(statuses: Sequence[str], id_prefix: str) -> tuple[dict[str, str], str]:
    """Each status's fill (plain colour for the first, then a pattern over a colour) and the
    pattern definitions."""
    fills, patterns = {}, []
    for index, status in enumerate(statuses):
        colour = charts.COLOURS[index % len(charts.COLOURS)]
        if index == 0:
            fills[status] = colour
            continue
        pattern_id = f"{id_prefix}-fill-{index}"
        content = charts.element("rect", {"width": 6, "height": 6, "fill": colour})
        content += charts.element(
            "path",
            {
                "d": charts.PATTERNS[index % len(charts.PATTERNS)],
                "stroke": "#ffffff",
                "stroke-width": 1.5,
            },
        )
        # lib/charts' 6-unit tiles drawn twice the size: half as many tiles to paint, which
        # keeps WeasyPrint's time for forty bars down (some 200 ms less in a PDF).
        size = {"id": pattern_id, "width": 6, "height": 6, "patternUnits": "userSpaceOnUse"}
        size["patternTransform"] = "scale(2)"
        patterns.append(charts.element("pattern", size, content))
        fills[status] = f"url(#{pattern_id})"
    return fills, charts.element("defs", {}, "".join(patterns)) if patterns else ""


def _legend(
    statuses: Sequence[str], names: dict[str, str], fills: dict[str, str], top: float
) -> tuple[str, float]:
    """The statuses' samples and names, flowing in rows across the width; returns the markup
    and the height it takes."""
    parts, x, y = [], 1.0, top
    for index, status in enumerate(statuses):
        name = names.get(status, status)
        width = 20 + len(name) * _CHARACTER + 16
        if x > 1 and x + width > WIDTH:
            x, y = 1.0, y + LEGEND_ROW
        stroke = charts.COLOURS[index % len(charts.COLOURS)]
        box = {"x": x, "y": y + 2, "width": 14, "height": 12, "stroke": stroke}
        parts.append(charts.element("rect", {**box, "fill": fills[status]}))
        parts.append(charts.element("text", {"x": x + 20, "y": y + 12}, charts.text(name)))
        x += width
    content = charts.element("g", {"class": "chart-legend", "fill": "currentColor"}, "".join(parts))
    return content, y + LEGEND_ROW - top


def timeline_chart(
    *,
    title: str,
    description: str,
    bars: Sequence[Bar],
    statuses: dict[str, str],
    format_tick: Callable[[date, bool], str],
    id_prefix: str = "timeline",
    today: date | None = None,
    today_label: str = "",
) -> str:
    """The bars on a common time axis. `statuses` maps each status to its name, in the order
    of the legend (only those used are shown); `format_tick(day, with_year)` writes an axis date
    in the page's language (the year with the first and with each January); `today`, when
    inside the axis, is drawn as a dashed line named `today_label`."""
    used = [status for status in statuses if any(bar.status == status for bar in bars)]
    fills, definitions = _fills(used, id_prefix)
    first = min((bar.starts_on for bar in bars), default=today or date(2000, 1, 1))
    last = max((bar.due_on for bar in bars), default=first)
    tick_days = ticks(first, last)
    axis_start = tick_days[0]
    axis_end = date(last.year + last.month // 12, last.month % 12 + 1, 1)  # after the last month
    span = max((axis_end - axis_start).days, 1)
    left, right = LABEL_WIDTH + 10, WIDTH - 8

    def x(day: date) -> float:
        return left + (day - axis_start).days / span * (right - left)

    legend, legend_height = _legend(used, statuses, fills, 4)
    axis_top = 4 + legend_height
    rows_top = axis_top + AXIS
    shows_today = today is not None and axis_start <= today < axis_end
    rows_bottom = rows_top + ROW * max(len(bars), 1)
    height = rows_bottom + (6 + LEGEND_ROW if shows_today and today_label else 6)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {charts.number(height)}" font-size="{charts.FONT_SIZE}" '
        f'aria-labelledby="{charts.text(id_prefix)}-title {charts.text(id_prefix)}-desc">',
        charts.element("title", {"id": f"{id_prefix}-title"}, charts.text(title)),
        charts.element("desc", {"id": f"{id_prefix}-desc"}, charts.text(description)),
        definitions,
        legend,
    ]
    labels = charts.thinned(
        [format_tick(day, index == 0 or day.month == 1) for index, day in enumerate(tick_days)],
        right - left,
    )
    grid, tick_labels = [], []
    for day, label in zip(tick_days, labels, strict=True):
        line = {"x1": x(day), "x2": x(day), "y1": axis_top + 16, "y2": rows_bottom}
        grid.append(charts.element("line", line))
        if label:
            # From its line rightwards; the last ones end at their line, inside the picture.
            fits = x(day) + 2 + len(label) * _CHARACTER <= WIDTH
            position = {"x": x(day) + 2 if fits else x(day) - 2, "y": axis_top + 12}
            position["text-anchor"] = "start" if fits else "end"
            tick_labels.append(charts.element("text", position, charts.text(label)))
    parts.append(
        charts.element(
            "g",
            {"class": "chart-grid", "stroke": "currentColor", "stroke-opacity": 0.25},
            "".join(grid),
        )
    )
    parts.append(
        charts.element("g", {"class": "chart-axis", "fill": "currentColor"}, "".join(tick_labels))
    )
    rows = []
    for index, bar in enumerate(bars):
        top = rows_top + index * ROW
        rows.append(
            charts.element(
                "text",
                {"x": 1, "y": top + BAR},
                charts.text(_cut(bar.label, LABEL_WIDTH)),
            )
        )
        start, end = x(bar.starts_on), x(bar.due_on + timedelta(days=1))
        colour = charts.COLOURS[used.index(bar.status) % len(charts.COLOURS)]
        box = {"x": start, "y": top + 2, "width": max(end - start, 2), "height": BAR}
        rows.append(
            charts.element(
                "rect",
                {**box, "fill": fills[bar.status], "stroke": colour},
                charts.element("title", {}, charts.text(bar.tooltip)),
            )
        )
    parts.append(
        charts.element("g", {"class": "chart-series", "fill": "currentColor"}, "".join(rows))
    )
    if shows_today:
        line = {"x1": x(today), "x2": x(today), "y1": axis_top + 16, "y2": rows_bottom + 6}
        style = {"stroke": "currentColor", "stroke-width": 1.5, "stroke-dasharray": "4 3"}
        marker = charts.element("line", {**line, **style})
        if today_label:
            anchor = "end" if x(today) > (left + right) / 2 else "start"
            position = {"x": x(today), "y": rows_bottom + 18, "text-anchor": anchor}
            marker += charts.element("text", position, charts.text(today_label))
        parts.append(charts.element("g", {"class": "chart-today", "fill": "currentColor"}, marker))
    parts.append("</svg>")
    return "".join(parts)
