"""Line and bar charts as SVG text, drawn on the server: no script, and readable without colour.

A chart is an image with a text alternative: `role="img"`, a `<title>` and a `<desc>` that the
caller writes (what the chart shows, in words), and the page keeps the table of the figures
beside it. Series differ by colour and also by dash pattern and marker shape (lines) or fill
pattern (bars), named in a legend when there are several (past the sixth series the colours come
round again, each with another dash and marker). Every text is escaped here; the caller formats
numbers and dates in the page's language and passes them in as text. Coordinates are written
with a decimal point whatever the language. `standalone()` makes a chart a file of its own, and
`png()` draws it as a picture (cairosvg).
"""

import html
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# Okabe and Ito's colour-blind safe palette, darkened where needed to reach 3:1 against white
# (WCAG 1.4.11, for the parts of a graphic one must see).
COLOURS = ("#0072b2", "#b84d00", "#007a5a", "#a8457f", "#5c5c5c", "#3d6aa8")
DASHES = ("", "8 4", "2 3", "10 3 2 3", "4 2", "1 4")
MARKERS = ("circle", "square", "triangle", "diamond", "circle", "square")
# Drawn in white over a bar's colour; the first series stays plain.
PATTERNS = (
    "",
    "M0 6L6 0",  # diagonal lines
    "M0 3H6",  # horizontal lines
    "M3 0V6",  # vertical lines
    "M0 0L6 6M0 6L6 0",  # crossed
    "M0 6L6 0M0 3H6",
)
FONT_SIZE = 12
_CHARACTER_WIDTH = 0.6 * FONT_SIZE  # a rough average, enough to keep axis labels apart
_LEGEND_ROW = FONT_SIZE + 8
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

Format = Callable[[float], str]


@dataclass(frozen=True)
class Series:
    """One named row of values, one per label on the x axis; None leaves a gap."""

    name: str
    values: Sequence[float | None]


def text(value: object) -> str:
    """Text safe inside an element or a quoted attribute (characters XML cannot hold dropped)."""
    return html.escape(_NOT_IN_XML.sub("", str(value)), quote=True)


def number(value: float) -> str:
    """A coordinate: always with a decimal point, whatever the page's language."""
    return f"{value:.1f}".removesuffix(".0")


def element(tag: str, attributes: dict[str, object], content: str = "") -> str:
    """An element with its attributes escaped (numbers as coordinates); `content` is markup."""
    written = "".join(
        f' {name}="{number(value) if isinstance(value, (int, float)) else text(value)}"'
        for name, value in attributes.items()
        if value is not None and value != ""
    )
    return f"<{tag}{written}>{content}</{tag}>" if content else f"<{tag}{written}/>"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About `count` round values (steps of 1, 2, 2.5 or 5 times a power of ten) from at or
    below `low` to at or above `high`."""
    if high <= low:
        high = low + 1
    rough = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(rough))
    step = next(power * factor for factor in (1, 2, 2.5, 5, 10) if power * factor >= rough)
    ticks = [math.floor(low / step) * step]
    while ticks[-1] < high - step * 1e-9:
        ticks.append(ticks[0] + len(ticks) * step)
    return [round(tick, 10) for tick in ticks]


def thinned(labels: Sequence[str], room: float) -> list[str]:
    """The labels with only every n-th kept (the others empty), so that they fit in `room`."""
    widest = max((len(label) for label in labels), default=0) * _CHARACTER_WIDTH + FONT_SIZE
    every = max(1, math.ceil(len(labels) * widest / room)) if room > 0 else len(labels)
    return [label if index % every == 0 else "" for index, label in enumerate(labels)]


@dataclass(frozen=True)
class _Frame:
    """Where the plot area lies in the picture, and how values map onto it."""

    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    ticks: list[float]

    def y(self, value: float) -> float:
        low, high = self.ticks[0], self.ticks[-1]
        return self.bottom - (value - low) / (high - low) * (self.bottom - self.top)


def _frame(
    series: Sequence[Series],
    x_labels: Sequence[str],
    size: tuple[int, int],
    limits: tuple[float | None, float | None],
    format_value: Format,
) -> _Frame:
    values = [value for one in series for value in one.values if value is not None]
    low = min([*values, limits[0]] if limits[0] is not None else values, default=0)
    high = max([*values, limits[1]] if limits[1] is not None else values, default=1)
    ticks = nice_ticks(low, high)
    label_width = max(len(format_value(tick)) for tick in ticks) * _CHARACTER_WIDTH
    legend = len(series) * _LEGEND_ROW if len(series) > 1 else 0
    width, height = size
    bottom = height - FONT_SIZE - 12
    # Room on the right for half the last x label, which is centred on its tick.
    right = width - max(10, max(map(len, x_labels), default=0) * _CHARACTER_WIDTH / 2)
    return _Frame(width, height, label_width + 14, right, 10 + legend, bottom, ticks)


def _start(frame: _Frame, title: str, description: str, id_prefix: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {frame.width} {frame.height}" font-size="{FONT_SIZE}" '
        f'aria-labelledby="{text(id_prefix)}-title {text(id_prefix)}-desc">',
        element("title", {"id": f"{id_prefix}-title"}, text(title)),
        element("desc", {"id": f"{id_prefix}-desc"}, text(description)),
    ]


def _y_axis(frame: _Frame, format_value: Format) -> list[str]:
    grid = "".join(
        element("line", {"x1": frame.left, "x2": frame.right, "y1": y, "y2": y})
        for y in map(frame.y, frame.ticks)
    )
    labels = "".join(
        element("text", {"x": frame.left - 6, "y": frame.y(tick) + 4}, text(format_value(tick)))
        for tick in frame.ticks
    )
    return [
        element(
            "g", {"class": "chart-grid", "stroke": "currentColor", "stroke-opacity": 0.3}, grid
        ),
        element("g", {"class": "chart-axis", "fill": "currentColor", "text-anchor": "end"}, labels),
    ]


def _x_axis(frame: _Frame, labels: Sequence[str], xs: Sequence[float]) -> list[str]:
    parts = []
    for label, x in zip(thinned(labels, frame.right - frame.left), xs, strict=True):
        if label:
            position = {"x": x, "y": frame.bottom + FONT_SIZE + 6}
            parts.append(element("text", position, text(label)))
    baseline = {"x1": frame.left, "x2": frame.right, "y1": frame.bottom, "y2": frame.bottom}
    return [
        element("line", {"class": "chart-baseline", "stroke": "currentColor", **baseline}),
        element(
            "g",
            {"class": "chart-axis", "fill": "currentColor", "text-anchor": "middle"},
            "".join(parts),
        ),
    ]


def _legend(names: Sequence[str], frame: _Frame, sample: Callable[[int, float, float], str]):
    """One row per series above the plot: its sample (line and marker, or fill), then its name."""
    if len(names) < 2:
        return []
    rows = []
    for index, name in enumerate(names):
        middle = 10 + index * _LEGEND_ROW + FONT_SIZE / 2
        rows.append(sample(index, frame.left, middle))
        rows.append(element("text", {"x": frame.left + 32, "y": middle + 4}, text(name)))
    return [element("g", {"class": "chart-legend", "fill": "currentColor"}, "".join(rows))]


def _marker(index: int, x: float, y: float, tooltip: str = "") -> str:
    colour, shape = COLOURS[index % len(COLOURS)], MARKERS[_style_index(index, len(MARKERS))]
    title = element("title", {}, text(tooltip)) if tooltip else ""
    if shape == "square":
        return element(
            "rect", {"x": x - 3.5, "y": y - 3.5, "width": 7, "height": 7, "fill": colour}, title
        )
    corners = {
        "triangle": [(0, -5), (4.5, 3.5), (-4.5, 3.5)],
        "diamond": [(0, -5), (5, 0), (0, 5), (-5, 0)],
    }.get(shape)
    if corners:
        points = " ".join(f"{number(x + dx)},{number(y + dy)}" for dx, dy in corners)
        return element("polygon", {"points": points, "fill": colour}, title)
    return element("circle", {"cx": x, "cy": y, "r": 3.5, "fill": colour}, title)


def _style_index(index: int, kinds: int) -> int:
    """A dash or marker for series `index`: the series' own up to the sixth; from the seventh,
    whose colour repeats an earlier one's, the next kind along."""
    return (index + index // len(COLOURS)) % kinds


def _line_style(index: int) -> dict[str, object]:
    return {
        "fill": "none",
        "stroke": COLOURS[index % len(COLOURS)],
        "stroke-width": 2.5,
        "stroke-dasharray": DASHES[_style_index(index, len(DASHES))],
    }


def _tooltip(series: Sequence[Series], one: Series, label: str, figure: str) -> str:
    return f"{one.name}, {label}: {figure}" if len(series) > 1 else f"{label}: {figure}"


def legend_height(count: int) -> int:
    """How much of a chart's height the legend of `count` series takes (none for one series):
    a caller with many series adds it to the size it asks for."""
    return count * _LEGEND_ROW if count > 1 else 0


def _reference(frame: _Frame, reference: tuple[float, str]) -> str:
    """A dashed level across the plot (e.g. an index's 100), labelled above its left end."""
    value, label = reference
    y = frame.y(value)
    line = {"x1": frame.left, "x2": frame.right, "y1": y, "y2": y, "stroke": "currentColor"}
    mark = element("line", {**line, "stroke-width": 1.5, "stroke-dasharray": "6 3"})
    words = element("text", {"x": frame.left + 4, "y": y - 5}, text(label))
    return element("g", {"class": "chart-reference", "fill": "currentColor"}, mark + words)


def line_chart(
    *,
    title: str,
    description: str,
    x_labels: Sequence[str],
    series: Sequence[Series],
    format_value: Format = str,
    id_prefix: str = "chart",
    size: tuple[int, int] = (480, 240),
    y_limits: tuple[float | None, float | None] = (0, None),
    reference: tuple[float, str] | None = None,
) -> str:
    """A line per series over evenly spaced x labels, with a marker at each value that shows
    its figure as a tooltip, and a gap where a value is None. `y_limits` are values the y axis
    must reach at least (None: only the data's); `reference` is a (value, label) level drawn
    across the plot, which the axis reaches too."""
    if reference is not None:
        low, high = y_limits
        y_limits = (
            reference[0] if low is None else min(low, reference[0]),
            reference[0] if high is None else max(high, reference[0]),
        )
    frame = _frame(series, x_labels, size, y_limits, format_value)
    step = (frame.right - frame.left - 16) / max(len(x_labels) - 1, 1)
    xs = [frame.left + 8 + index * step for index in range(len(x_labels))]

    def sample(index: int, x: float, y: float) -> str:
        line = element("line", {"x1": x, "x2": x + 24, "y1": y, "y2": y, **_line_style(index)})
        return line + _marker(index, x + 12, y)

    parts = _start(frame, title, description, id_prefix) + _y_axis(frame, format_value)
    parts += _x_axis(frame, x_labels, xs) + _legend([one.name for one in series], frame, sample)
    if reference is not None:
        parts.append(_reference(frame, reference))
    for index, one in enumerate(series):
        path, markers, previous = [], [], None
        for position, value in enumerate(one.values):
            if value is None:
                continue
            x, y = xs[position], frame.y(value)
            path.append(f"{'L' if previous == position - 1 else 'M'}{number(x)} {number(y)}")
            figure = format_value(value)
            markers.append(_marker(index, x, y, _tooltip(series, one, x_labels[position], figure)))
            previous = position
        line = element("path", {"d": " ".join(path), **_line_style(index)}) if path else ""
        parts.append(element("g", {"class": "chart-series"}, line + "".join(markers)))
    parts.append("</svg>")
    return "".join(parts)


def _pattern_definitions(count: int, id_prefix: str) -> str:
    patterns = []
    for index in range(1, count):
        colour, lines = COLOURS[index % len(COLOURS)], PATTERNS[index % len(PATTERNS)]
        content = element("rect", {"width": 6, "height": 6, "fill": colour}) + element(
            "path", {"d": lines, "stroke": "#ffffff", "stroke-width": 1.5}
        )
        attributes = {"id": f"{id_prefix}-fill-{index}", "width": 6, "height": 6}
        patterns.append(
            element("pattern", {**attributes, "patternUnits": "userSpaceOnUse"}, content)
        )
    return element("defs", {}, "".join(patterns)) if patterns else ""


def _bar_fill(index: int, id_prefix: str) -> str:
    return f"url(#{id_prefix}-fill-{index})" if index else COLOURS[0]


def bar_chart(
    *,
    title: str,
    description: str,
    x_labels: Sequence[str],
    series: Sequence[Series],
    format_value: Format = str,
    id_prefix: str = "chart",
    size: tuple[int, int] = (480, 240),
    y_limits: tuple[float | None, float | None] = (0, None),
) -> str:
    """Bars grouped by x label, one per series, each showing its figure as a tooltip; bars
    start at zero (or at the lowest tick, if the axis does not reach zero)."""
    frame = _frame(series, x_labels, size, y_limits, format_value)
    band = (frame.right - frame.left) / max(len(x_labels), 1)
    bar = band * 0.8 / max(len(series), 1)
    xs = [frame.left + band * (index + 0.5) for index in range(len(x_labels))]
    base = frame.y(min(max(0, frame.ticks[0]), frame.ticks[-1]))

    def sample(index: int, x: float, y: float) -> str:
        box = {"x": x, "y": y - 6, "width": 24, "height": 12}
        box["stroke"] = COLOURS[index % len(COLOURS)]
        return element("rect", {**box, "fill": _bar_fill(index, id_prefix)})

    parts = _start(frame, title, description, id_prefix)
    parts.append(_pattern_definitions(len(series), id_prefix))
    parts += _y_axis(frame, format_value) + _x_axis(frame, x_labels, xs)
    parts += _legend([one.name for one in series], frame, sample)
    for index, one in enumerate(series):
        bars = []
        for position, value in enumerate(one.values):
            if value is None:
                continue
            top = frame.y(value)
            left = xs[position] - band * 0.4 + index * bar
            tooltip = _tooltip(series, one, x_labels[position], format_value(value))
            box = {"x": left, "y": min(top, base), "width": bar, "height": abs(base - top)}
            fill = {"fill": _bar_fill(index, id_prefix), "stroke": COLOURS[index % len(COLOURS)]}
            bars.append(element("rect", {**box, **fill}, element("title", {}, text(tooltip))))
        parts.append(element("g", {"class": "chart-series"}, "".join(bars)))
    parts.append("</svg>")
    return "".join(parts)


_VIEW_BOX = re.compile(r'viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"')


def standalone(svg: str) -> str:
    """A chart as a file of its own: an XML declaration, and its size in pixels beside its
    viewBox (a page sizes it by CSS; a file opened alone is drawn at that size)."""
    match = _VIEW_BOX.search(svg)
    if match is None:
        raise ValueError("not a chart of this module: no viewBox")
    width, height = match.groups()
    sized = svg.replace("<svg ", f'<svg width="{width}" height="{height}" ', 1)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + sized


def png(svg: str, width: int = 960) -> bytes:
    """A chart drawn as a PNG `width` pixels wide, on white (what is drawn in currentColor comes
    out black)."""
    import cairosvg  # loads the cairo library: only when a picture is asked for

    return cairosvg.svg2png(
        bytestring=svg.encode("utf-8"), output_width=width, background_color="#ffffff"
    )
