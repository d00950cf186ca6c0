"""The indicators' charts: lib/charts' line chart with many towns and an index's 100 marked,
the same text for the same figures, a file of its own (SVG) and a picture (PNG)."""

import struct
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.utils import translation

from regrow.indicators import indicator_charts
from regrow.indicators.figures import Mode, Point, summary
from regrow.indicators.models import Indicator
from regrow.indicators.periods import year_period
from regrow.indicators.selectors_pages import Comparison, Line, Tile
from regrow.lib import charts
from regrow.towns.models import Town

SVG = "{http://www.w3.org/2000/svg}"
YEARS = [str(year) for year in range(2000, 2010)]


def eight_towns() -> list[charts.Series]:
    return [
        charts.Series(f"Town {index}", [100 + index + year for year in range(10)])
        for index in range(8)
    ]


def test_eight_towns_each_differ_by_more_than_colour():
    svg = charts.line_chart(
        title="t",
        description="d",
        x_labels=YEARS,
        series=eight_towns(),
        size=(480, 240 + charts.legend_height(8)),
    )
    root = ET.fromstring(svg)
    groups = [group for group in root.iter(SVG + "g") if group.get("class") == "chart-series"]
    styles = set()
    for group in groups:
        path = group.find(SVG + "path")
        marker = list(group)[1].tag  # the first value's marker, after the line
        styles.add((path.get("stroke"), path.get("stroke-dasharray"), marker))
    assert len(styles) == 8
    legend = next(group for group in root.iter(SVG + "g") if group.get("class") == "chart-legend")
    assert [node.text for node in legend.iter(SVG + "text")] == [f"Town {n}" for n in range(8)]
    # The plot starts below the legend: the top grid line is under the last legend row.
    top = min(float(line.get("y1")) for line in root.find(SVG + "g").iter(SVG + "line"))
    assert top >= charts.legend_height(8)


def test_a_reference_level_is_drawn_across_and_the_axis_reaches_it():
    svg = charts.line_chart(
        title="t",
        description="d",
        x_labels=YEARS[:3],
        series=[charts.Series("Index", [120, 130, 125])],
        y_limits=(None, None),
        reference=(100, "2000 = 100"),
    )
    root = ET.fromstring(svg)
    reference = next(g for g in root.iter(SVG + "g") if g.get("class") == "chart-reference")
    assert reference.find(SVG + "text").text == "2000 = 100"
    axis = next(g for g in root.iter(SVG + "g") if g.get("class") == "chart-axis")
    ticks = [float(label.text) for label in axis]
    assert ticks[0] <= 100 and ticks[-1] >= 130 and 0 not in ticks  # not forced down to zero
    line = reference.find(SVG + "line")
    assert line.get("y1") == line.get("y2") and line.get("stroke-dasharray") == "6 3"


def test_a_standalone_chart_has_its_size_and_a_png_is_a_picture_of_it():
    svg = charts.line_chart(
        title="Iedzīvotāju skaits",
        description="d",
        x_labels=YEARS[:3],
        series=[charts.Series("Alūksne", [1, 2, 3])],
        size=(480, 240),
    )
    alone = charts.standalone(svg)
    assert alone.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg width="480" height="240"')
    root = ET.fromstring(alone.encode())
    assert root.get("viewBox") == "0 0 480 240" and root.get("role") == "img"
    picture = charts.png(alone, width=960)
    assert picture.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", picture[16:24])
    assert (width, height) == (960, 480)
    with pytest.raises(ValueError):
        charts.standalone("<svg></svg>")


def _tile(values: list[int]) -> Tile:
    indicator = Indicator(code="population", names={"en": "Population"}, unit="persons")
    points = [Point(year_period(2000 + index), Decimal(v)) for index, v in enumerate(values)]
    return Tile(indicator, summary(points, True), True)


def test_a_towns_chart_is_the_same_text_for_the_same_figures_and_says_its_figures_in_words():
    tile = _tile([9000, 9100, 8000])
    first = indicator_charts.town_chart_svg(tile, "Alūksne", id_prefix="c")
    again = indicator_charts.town_chart_svg(_tile([9000, 9100, 8000]), "Alūksne", id_prefix="c")
    assert first == again
    root = ET.fromstring(first)
    assert root.find(SVG + "desc").text == (
        "Alūksne: from 9,000 in 2000 to 8,000 in 2002. Highest: 9,100 in 2001."
    )
    assert not list(root.iter(SVG + "script"))
    with translation.override("lv"):
        latvian = indicator_charts.town_chart_svg(tile, "Alūksne", id_prefix="c")
    assert "9\xa0100" in latvian


def test_a_comparison_chart_has_a_line_a_town_and_says_each_in_words():
    indicator = Indicator(code="population", names={"en": "Population"}, unit="persons")
    towns = [Town(pk=1, slug="aluksne", name="Alūksne"), Town(pk=2, slug="altena", name="Altena")]
    periods = [year_period(2000), year_period(2001)]
    lines = [
        Line(towns[0], [], {"2000": Decimal("100.0"), "2001": Decimal("95.5")}),
        Line(towns[1], [], {"2001": Decimal("100.0")}, ""),
    ]
    comparison = Comparison(indicator, towns[0], Mode.INDEXED, 2001, periods, lines)
    root = ET.fromstring(indicator_charts.comparison_chart_svg(comparison))
    assert root.find(SVG + "title").text == "Population, indexed (2001 = 100)"
    assert root.find(SVG + "desc").text == (
        "Alūksne: from 100 in 2000 to 95.5 in 2001. Altena: from 100 in 2001 to 100 in 2001."
    )
    assert root.get("viewBox") == f"0 0 360 {220 + charts.legend_height(2)}"
    tooltips = [title.text for title in root.iter(SVG + "title")][1:]
    assert "Altena, 2001: 100" in tooltips and "Alūksne, 2001: 95.5" in tooltips


@pytest.mark.parametrize(
    ("language", "value", "unit", "written"),
    [
        ("en", Decimal("17500.0000"), "persons", "17,500"),
        ("lv", Decimal("17500.0000"), "persons", "17\xa0500"),
        ("lv", Decimal("-1234567.5000"), "count", "\u22121\xa0234\xa0567,5"),
        ("en", Decimal("999"), "count", "999"),
        ("en", 20000.0, "count", "20,000"),
        ("en", Decimal("12.50"), "percent", "12.5 %"),
        ("en", Decimal("0.0001"), "percent", "0.0001 %"),
        ("lv", Decimal("114"), "eur", "114,00\xa0€"),
    ],
)
def test_figures_are_written_in_the_pages_language(language, value, unit, written):
    from regrow.indicators import words

    with translation.override(language):
        assert words.figure(value, unit) == written
