"""SVG charts, read back as XML (no database, no browser)."""

import xml.etree.ElementTree as ET

import pytest

from regrow.lib.charts import Series, bar_chart, line_chart, nice_ticks, thinned

SVG = "{http://www.w3.org/2000/svg}"
MONTHS = ["jan 2024", "feb 2024", "mar 2024", "apr 2024", "mai 2024"]


def decimal_comma(value: float) -> str:
    return f"{value:.1f}".replace(".", ",") + " %"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def every(root: ET.Element, tag: str) -> list[ET.Element]:
    return list(root.iter(SVG + tag))


def test_a_line_chart_is_an_image_named_by_its_title_and_described_by_its_desc():
    root = parse(
        line_chart(
            title="Vacancy rate",
            description="From 12,5 % to 20 %.",
            x_labels=MONTHS,
            series=[Series("Rate", [12.5, 14, 15, 18, 20])],
            format_value=decimal_comma,
            id_prefix="vacancy",
        )
    )
    assert root.get("role") == "img"
    title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert (title.text, desc.text) == ("Vacancy rate", "From 12,5 % to 20 %.")
    assert not every(root, "script")


def test_each_value_gets_a_marker_with_its_figure_and_a_gap_breaks_the_line():
    root = parse(
        line_chart(
            title="t",
            description="d",
            x_labels=MONTHS,
            series=[Series("Rate", [12.5, None, 15, 18, 20])],
            format_value=decimal_comma,
        )
    )
    markers = every(root, "circle")
    assert [marker.find(SVG + "title").text for marker in markers] == [
        "jan 2024: 12,5 %",
        "mar 2024: 15,0 %",
        "apr 2024: 18,0 %",
        "mai 2024: 20,0 %",
    ]
    (path,) = every(root, "path")
    assert path.get("d").count("M") == 2  # a new start after the missing February
    # Coordinates keep their decimal point although the figures have a comma.
    assert all(float(marker.get("cy")) >= 0 for marker in markers)
    heights = [float(marker.get("cy")) for marker in markers]
    assert heights == sorted(heights, reverse=True)  # higher values are drawn higher up


def test_the_y_axis_reaches_past_the_highest_value_with_round_localised_ticks():
    root = parse(
        line_chart(
            title="t",
            description="d",
            x_labels=MONTHS,
            series=[Series("Rate", [12.5, 14, 15, 18, 37.2])],
            format_value=decimal_comma,
        )
    )
    axis = next(group for group in every(root, "g") if group.get("class") == "chart-axis")
    assert [label.text for label in axis] == ["0,0 %", "10,0 %", "20,0 %", "30,0 %", "40,0 %"]


def test_hostile_labels_stay_text():
    hostile = '</title><script>alert("x")</script>&amp; \x00\x1b'
    svg = line_chart(
        title=hostile,
        description=hostile,
        x_labels=[hostile, "b"],
        series=[Series(hostile, [1, 2]), Series('"><g onload="x', [2, 1])],
        id_prefix='x" onload="alert(1)',
    )
    root = parse(svg)
    assert not every(root, "script")
    assert root.find(SVG + "title").text == '</title><script>alert("x")</script>&amp; '
    assert all(not name.startswith("on") for node in root.iter() for name in node.attrib), (
        "no event handler attributes"
    )
    legend_names = [node.text for node in root.iter(SVG + "text")]
    assert '"><g onload="x' in legend_names


def test_several_series_differ_by_more_than_colour_and_are_named_in_a_legend():
    root = parse(
        line_chart(
            title="t",
            description="d",
            x_labels=MONTHS[:3],
            series=[Series("Alūksne", [1, 2, 3]), Series("Altena", [3, 2, 1])],
        )
    )
    paths = every(root, "path")
    assert len({path.get("stroke-dasharray") for path in paths}) == 2
    assert len(every(root, "circle")) == 3 + 1  # the first series' markers and its legend sample
    assert len(every(root, "rect")) == 3 + 1  # the second's are squares
    texts = [node.text for node in root.iter(SVG + "text")]
    assert "Alūksne" in texts and "Altena" in texts
    tooltips = [title.text for title in root.iter(SVG + "title")][1:]
    assert "Altena, mar 2024: 1" in tooltips


def test_bars_start_at_zero_and_later_series_are_patterned():
    root = parse(
        bar_chart(
            title="t",
            description="d",
            x_labels=["2023", "2024"],
            series=[Series("Opened", [4, -2]), Series("Closed", [3, None])],
            id_prefix="shops",
        )
    )
    bars = [rect for rect in every(root, "rect") if rect.find(SVG + "title") is not None]
    assert [bar.find(SVG + "title").text for bar in bars] == [
        "Opened, 2023: 4",
        "Opened, 2024: -2",
        "Closed, 2023: 3",
    ]
    opened, negative, closed = bars
    # Bars above zero end where bars below zero begin.
    assert float(opened.get("y")) + float(opened.get("height")) == pytest.approx(
        float(negative.get("y"))
    )
    (pattern,) = every(root, "pattern")
    assert closed.get("fill") == f"url(#{pattern.get('id')})"
    assert opened.get("fill").startswith("#")


def test_nice_ticks_are_round_and_cover_the_values():
    assert nice_ticks(0, 35.5) == [0, 10, 20, 30, 40]
    assert nice_ticks(0, 1) == [0, 0.25, 0.5, 0.75, 1]
    assert nice_ticks(-12, 40) == [-20, 0, 20, 40]
    assert nice_ticks(5, 5) == [5, 5.25, 5.5, 5.75, 6]


def test_crowded_labels_are_thinned_to_fit():
    labels = [f"m{index:02d}" for index in range(36)]
    shown = [label for label in thinned(labels, 400) if label]
    assert 3 <= len(shown) < 36
    assert shown[0] == "m00"
    assert thinned(["a", "b"], 400) == ["a", "b"]


def test_the_last_x_label_fits_inside_the_picture():
    labels = [f"Nov {year}" for year in range(2022, 2026)]
    root = parse(
        line_chart(
            title="t",
            description="d",
            x_labels=labels,
            series=[Series("Rate", [1, 2, 3, 4])],
            size=(360, 220),
        )
    )
    width = float(root.get("viewBox").split()[2])
    axis = [group for group in every(root, "g") if group.get("class") == "chart-axis"][1]
    last = list(axis)[-1]
    assert last.text == "Nov 2025"
    assert float(last.get("x")) + len(last.text) * 0.6 * 12 / 2 <= width
