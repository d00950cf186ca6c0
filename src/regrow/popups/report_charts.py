"""The round report's charts as SVG text, the same in the page, the PDF and the DOCX (as PNG).

The funnel and the money are horizontal bars: each bar's label on a line of its own above it, so
that long words ("Apstiprināti", "Collected from pop-ups") stay whole on a 390 px phone, where
lib/charts' vertical bars would thin them out. The vacancy before, during and after the programme
uses lib/charts' bar chart. Like lib/charts (whose escaping and palette these use): role="img",
a <title> and a <desc> in words, no script, the same text for the same figures; the caller formats
numbers in the page's language.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe

from regrow.lib import charts

ROW_HEIGHT = 44
BAR_HEIGHT = 16
LABEL_GAP = 4  # between a label's baseline and its bar


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    figure: str  # the value as the page writes it, e.g. "12 (40 %)" or "1 234,00 €"


def horizontal_bars(
    *,
    title: str,
    description: str,
    bars: Sequence[Bar],
    id_prefix: str,
    width: int = 320,
) -> SafeString:
    """One bar a row, its label above it and its figure after it; lengths from 0 to the
    largest value (a negative value draws no bar, its figure says it)."""
    height = 8 + ROW_HEIGHT * max(len(bars), 1)
    widest_figure = max((len(bar.figure) for bar in bars), default=0)
    room = width - 2 - (widest_figure * charts.FONT_SIZE * 0.6 + 8)
    largest = max((bar.value for bar in bars), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" font-size="{charts.FONT_SIZE}" '
        f'aria-labelledby="{charts.text(id_prefix)}-title {charts.text(id_prefix)}-desc">',
        charts.element("title", {"id": f"{id_prefix}-title"}, charts.text(title)),
        charts.element("desc", {"id": f"{id_prefix}-desc"}, charts.text(description)),
    ]
    rows = []
    for index, bar in enumerate(bars):
        top = 8 + index * ROW_HEIGHT
        label_y = top + charts.FONT_SIZE
        bar_y = label_y + LABEL_GAP
        length = max(bar.value, 0) / largest * room
        rows.append(charts.element("text", {"x": 1, "y": label_y}, charts.text(bar.label)))
        if length > 0:
            box = {"x": 1, "y": bar_y, "width": length, "height": BAR_HEIGHT}
            tooltip = charts.element("title", {}, charts.text(f"{bar.label}: {bar.figure}"))
            rows.append(charts.element("rect", {**box, "fill": charts.COLOURS[0]}, tooltip))
        figure = {"x": 1 + length + 6, "y": bar_y + BAR_HEIGHT - 3, "font-weight": "bold"}
        rows.append(charts.element("text", figure, charts.text(bar.figure)))
    parts.append(
        charts.element("g", {"class": "chart-series", "fill": "currentColor"}, "".join(rows))
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above goes through charts.text


def vertical_bars(
    *,
    title: str,
    description: str,
    labels: Sequence[str],
    name: str,
    values: Sequence[float | None],
    format_value,
    id_prefix: str,
    size: tuple[int, int] = (320, 200),
) -> SafeString:
    """lib/charts' bar chart of one series, marked safe for a template."""
    svg = charts.bar_chart(
        title=title,
        description=description,
        x_labels=labels,
        series=[charts.Series(name, values)],
        format_value=format_value,
        id_prefix=id_prefix,
        size=size,
    )
    return mark_safe(svg)  # noqa: S308 - charts.py escapes every text it writes
