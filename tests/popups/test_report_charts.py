"""The round report's horizontal bars: an image with its title and description, every text
escaped, lengths in proportion, the same text for the same figures; no database."""

import xml.etree.ElementTree as ET

from regrow.popups.report_charts import Bar, horizontal_bars

SVG = "{http://www.w3.org/2000/svg}"


def chart(bars, **changes) -> str:
    values = {"title": "Piltuve", "description": "No interesentiem", "id_prefix": "funnel"}
    values.update(changes)
    return str(horizontal_bars(bars=bars, **values))


def test_the_chart_is_an_image_named_by_its_title_and_description():
    root = ET.fromstring(chart([Bar("Interesenti", 20, "20")]))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "funnel-title funnel-desc"
    assert root.find(f"{SVG}title").text == "Piltuve"
    assert root.find(f"{SVG}desc").text == "No interesentiem"
    assert not list(root.iter(f"{SVG}script"))


def test_bars_are_in_proportion_to_the_largest_and_name_their_figures():
    root = ET.fromstring(chart([Bar("A", 20, "20"), Bar("B", 5, "5 (25 %)"), Bar("C", 0, "0")]))
    widths = [float(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert len(widths) == 2  # a bar of 0 is not drawn; its figure still is
    assert abs(widths[1] / widths[0] - 0.25) < 1e-3
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert texts == ["A", "20", "B", "5 (25 %)", "C", "0"]
    tooltips = [title.text for title in root.iter(f"{SVG}title")][1:]
    assert tooltips == ["A: 20", "B: 5 (25 %)"]


def test_a_negative_value_draws_no_bar_and_its_figure_says_it():
    root = ET.fromstring(chart([Bar("Dotācija", -120.5, "-120,50 €"), Bar("Granti", 800, "800 €")]))
    assert len(list(root.iter(f"{SVG}rect"))) == 1
    assert "-120,50 €" in [text.text for text in root.iter(f"{SVG}text")]


def test_every_text_is_escaped_and_nothing_runs_off_the_picture():
    svg = chart(
        [Bar('<script>alert("x")</script>', 3, "3 & more")],
        title="A < B",
        description='"quoted"',
    )
    root = ET.fromstring(svg)
    assert "<script>" not in svg
    assert next(text.text for text in root.iter(f"{SVG}text")) == '<script>alert("x")</script>'
    width = float(root.get("viewBox").split()[2])
    for rect in root.iter(f"{SVG}rect"):
        assert float(rect.get("x")) + float(rect.get("width")) < width


def test_the_same_figures_give_the_same_text():
    bars = [Bar("Atvērti", 3, "3 (100 %)"), Bar("Palika", 2, "2 (66,7 %)")]
    assert chart(bars) == chart(list(bars))
    assert chart([]).startswith("<svg")  # no bars: an empty picture, still with its title
