"""The power/interest grid of a local stakeholder group as SVG: interest grows to the right,
power upwards, each from 1 to 5; a circle at a point holds the number of stakeholders standing
there. An image with a title and a description (lib/charts conventions); the page gives the
same counts as a table beside it."""

import math

from django.utils.translation import gettext as _

from regrow.lib.charts import COLOURS, FONT_SIZE, element, text

SCALE = range(1, 6)
CELL = 56
LEFT = 44
TOP = 12 + FONT_SIZE  # room for the upper quadrants' names above the grid
SIDE = CELL * len(SCALE)
AXIS_TITLE = TOP + SIDE + 2 * FONT_SIZE + 12
WIDTH, HEIGHT = LEFT + SIDE + 12, AXIS_TITLE + FONT_SIZE + 10


def _x(interest: int) -> float:
    return LEFT + (interest - 0.5) * CELL


def _y(power: int) -> float:
    return TOP + SIDE - (power - 0.5) * CELL


def _quadrant_labels() -> str:
    """What one usually does with those in each quarter of the grid, written outside it (above
    the upper quarters, below the lower ones) so that no circle covers them."""
    below = AXIS_TITLE + FONT_SIZE + 4
    corners = [
        (_("Keep satisfied"), LEFT, TOP - 6, "start"),
        (_("Manage closely"), LEFT + SIDE, TOP - 6, "end"),
        (_("Monitor"), LEFT, below, "start"),
        (_("Keep informed"), LEFT + SIDE, below, "end"),
    ]
    return "".join(
        element(
            "text", {"x": x, "y": y, "text-anchor": anchor, "font-style": "italic"}, text(label)
        )
        for label, x, y, anchor in corners
    )


def _grid() -> str:
    lines = []
    for step in range(len(SCALE) + 1):
        offset = step * CELL
        lines.append(
            element("line", {"x1": LEFT, "x2": LEFT + SIDE, "y1": TOP + offset, "y2": TOP + offset})
        )
        lines.append(
            element("line", {"x1": LEFT + offset, "x2": LEFT + offset, "y1": TOP, "y2": TOP + SIDE})
        )
    middle = {"stroke-opacity": 1, "stroke-width": 1.5}
    centre_x, centre_y = LEFT + SIDE / 2, TOP + SIDE / 2
    lines.append(
        element("line", {"x1": centre_x, "x2": centre_x, "y1": TOP, "y2": TOP + SIDE, **middle})
    )
    lines.append(
        element("line", {"x1": LEFT, "x2": LEFT + SIDE, "y1": centre_y, "y2": centre_y, **middle})
    )
    return element(
        "g",
        {"class": "chart-grid", "stroke": "currentColor", "stroke-opacity": 0.3},
        "".join(lines),
    )


def _axes() -> str:
    ticks = "".join(
        element(
            "text",
            {"x": _x(value), "y": TOP + SIDE + FONT_SIZE + 4, "text-anchor": "middle"},
            str(value),
        )
        + element("text", {"x": LEFT - 8, "y": _y(value) + 4, "text-anchor": "end"}, str(value))
        for value in SCALE
    )
    interest = element(
        "text",
        {"x": LEFT + SIDE / 2, "y": AXIS_TITLE, "text-anchor": "middle"},
        text(_("Interest →")),
    )
    power = element(
        "text",
        {
            "x": 12,
            "y": TOP + SIDE / 2,
            "text-anchor": "middle",
            "transform": f"rotate(-90 12 {TOP + SIDE / 2})",
        },
        text(_("Power →")),
    )
    return element("g", {"class": "chart-axis", "fill": "currentColor"}, ticks + interest + power)


def _points(counts: dict[tuple[int, int], int]) -> str:
    circles = []
    for (power, interest), count in sorted(counts.items()):
        if power not in SCALE or interest not in SCALE or count < 1:
            continue
        x, y = _x(interest), _y(power)
        radius = min(CELL / 2 - 3, 9 + 4 * math.sqrt(count))
        tooltip = _("Power %(power)s, interest %(interest)s: %(count)s") % {
            "power": power,
            "interest": interest,
            "count": count,
        }
        circle = element(
            "circle",
            {"cx": x, "cy": y, "r": radius, "fill": COLOURS[0], "stroke": "#ffffff"},
            element("title", {}, text(tooltip)),
        )
        label = element(
            "text",
            {
                "x": x,
                "y": y + FONT_SIZE / 3,
                "text-anchor": "middle",
                "fill": "#ffffff",
                "font-weight": "bold",
            },
            str(count),
        )
        circles.append(circle + label)
    return element("g", {"class": "chart-series"}, "".join(circles))


def power_interest_svg(counts: dict[tuple[int, int], int], *, id_prefix: str = "grid") -> str:
    total = sum(counts.values())
    title = _("Power and interest of the local stakeholder group")
    description = _(
        "%(count)s stakeholders placed by their interest (1 to 5, growing to the right) and "
        "power (1 to 5, growing upwards); each circle says how many stand at that point. The "
        "table below gives the same counts."
    ) % {"count": total}
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" font-size="{FONT_SIZE}" '
            f'aria-labelledby="{text(id_prefix)}-title {text(id_prefix)}-desc">',
            element("title", {"id": f"{id_prefix}-title"}, text(title)),
            element("desc", {"id": f"{id_prefix}-desc"}, text(description)),
            _grid(),
            element("g", {"fill": "currentColor"}, _quadrant_labels()),
            _axes(),
            _points(counts),
            "</svg>",
        ]
    )


def count_table(counts: dict[tuple[int, int], int]) -> list[dict]:
    """The grid's counts as rows of a table: power from 5 down, interest 1 to 5 across."""
    return [
        {"power": power, "cells": [counts.get((power, interest), 0) for interest in SCALE]}
        for power in reversed(SCALE)
    ]
