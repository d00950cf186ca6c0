"""The vacancy page and the period report in a real browser: the chart, pages of empty units,
the report's downloads and its printed form, and the add-unit map's existing units."""

from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from regrow.premises.choices import Status
from regrow.premises.models import StatusChange, Unit
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET, make_town_with_people


@pytest.fixture
def town(transactional_db):
    return make_town_with_people("aluksne", "Alūksne", "LV")


def unit_in(town, external_id: str, **fields) -> Unit:
    values = {
        "street": "Pils iela",
        "house_number": "5",
        "display_address": f"Pils iela {external_id}",
        "latitude": Decimal("57.4227"),
        "longitude": Decimal("27.0461"),
        "floor_area_m2": Decimal("45"),
        "listed_on": date(2023, 1, 1),
    }
    values.update(fields)
    return Unit.objects.create(town=town, external_id=external_id, **values)


def latvian_coordinator_page(new_page, town, viewport):
    page = new_page(viewport=viewport, language="lv")
    sign_in(page, town.people[Role.COORDINATOR].email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")
    return page


def emptied_over_2024(town, count: int) -> None:
    """`count` units occupied since 2022; every third emptied in 2024, a few each month."""
    for number in range(1, count + 1):
        unit = unit_in(
            town, f"V{number}", house_number=str(number), display_address=f"Pils {number}"
        )
        StatusChange.objects.create(
            unit=unit, status=Status.OCCUPIED, effective_on=date(2022, 1, 1), source="survey"
        )
        if number % 3 == 0:
            emptied = date(2024, 1 + number % 12, 1)
            StatusChange.objects.create(
                unit=unit, status=Status.VACANT, effective_on=emptied, source="survey"
            )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_vacancy_chart_and_the_reports_files_and_print_in_latvian(
    new_page, town, viewport, tmp_path
):
    emptied_over_2024(town.town, 160)  # 53 empty now: 33,1 %
    page = latvian_coordinator_page(new_page, town, viewport)
    page.goto("/lv/aluksne/register/vacancy/")
    chart = page.get_by_role("img", name="Tukšo telpu īpatsvars katra mēneša beigās")
    expect(chart).to_be_visible()
    assert "33,1 %" in chart.locator("desc").text_content()
    box = chart.bounding_box()
    assert box["x"] + box["width"] <= viewport["width"] and box["height"] > 100
    expect(page.get_by_role("table", name="Tukšo telpu īpatsvars pa mēnešiem")).to_be_visible()
    expect(page.locator("#empty-range")).to_contain_text("1\N{EN DASH}50")
    expect(page.locator("#empty-range")).to_contain_text("53")
    page.screenshot(path=tmp_path / "vacancy.png", full_page=True)
    assert_no_axe_violations(page)
    page.locator("a[rel=next]").click()
    page.wait_for_url("**/lv/aluksne/register/vacancy/?page=2")
    expect(page.locator("#empty-range")).to_contain_text("51\N{EN DASH}53")
    assert_no_axe_violations(page)

    page.goto("/lv/aluksne/register/report/?start=2024-01-01&end=2024-12-31")
    expect(page.locator("#units-empty")).to_have_text("53")
    print_button = page.locator("button[data-print]")
    expect(print_button).to_be_visible()  # the script shows it
    assert_no_axe_violations(page)
    with page.expect_download() as download:
        page.locator("a[href*='/register/report/csv/?start=2024-01-01']").click()
    assert download.value.suggested_filename == "aluksne-vacancy-2024-01-01-2024-12-31.csv"
    lines = Path(download.value.path()).read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Adrese;Ārējais identifikators;Dienas tukša;")
    assert len(lines) == 1 + 53
    with page.expect_download() as download:
        page.locator("a[href*='/register/report/xlsx/?start=2024-01-01']").click()
    sheet = load_workbook(BytesIO(Path(download.value.path()).read_bytes())).active
    assert (sheet.freeze_panes, sheet.max_row, sheet["A1"].value) == ("A2", 54, "Adrese")

    # Printed: the title, the figures and the table, without navigation, forms or buttons.
    page.emulate_media(media="print")
    page.screenshot(path=tmp_path / "report-print.png", full_page=True)
    expect(page.locator(".main-nav")).to_be_hidden()
    expect(page.locator("main form")).to_be_hidden()
    expect(print_button).to_be_hidden()
    expect(page.locator(".brand__name")).to_have_text("Alūksne")
    expect(page.locator(".site-menu")).to_be_hidden()
    expect(page.locator("main table")).to_be_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_add_unit_map_shows_the_towns_units_and_a_click_on_one_still_picks(
    new_page, town, viewport, tmp_path
):
    centre = {"latitude": town.town.centre_latitude, "longitude": town.town.centre_longitude}
    unit_in(town.town, "C1", **centre)  # drawn in the middle of the map, where it opens
    for number in range(2, 30):
        nearby = {"latitude": centre["latitude"] + Decimal(number) / 10_000}
        unit_in(town.town, f"C{number}", **{**centre, **nearby})
    page = latvian_coordinator_page(new_page, town, viewport)
    with page.expect_response("**/lv/aluksne/register/map/") as answer:
        page.goto("/lv/aluksne/register/units/new/")
    assert len(answer.value.json()["units"]) == 29
    picker = page.locator("#unit-picker")
    canvas = picker.locator(".leaflet-existing-pane canvas")
    expect(canvas).to_be_attached()
    # Grey dots were drawn: some of the canvas's pixels are no longer transparent.
    drawn = canvas.evaluate(
        """canvas => {
            const { width, height } = canvas;
            const pixels = canvas.getContext("2d").getImageData(0, 0, width, height).data;
            let count = 0;
            for (let index = 3; index < pixels.length; index += 4) if (pixels[index]) count++;
            return count;
        }"""
    )
    assert drawn > 100
    picker.scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / "unit-new.png")
    assert_no_axe_violations(page)
    box = picker.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    latitude = float(page.locator("#id_latitude").input_value())
    longitude = float(page.locator("#id_longitude").input_value())
    assert abs(latitude - float(centre["latitude"])) < 0.0005
    assert abs(longitude - float(centre["longitude"])) < 0.0005
