"""The vacancy register in a real browser: map picking, statuses, public map, imports."""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from regrow.premises.choices import Status
from regrow.premises.models import Owner, StatusChange, Unit
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET, make_town_with_people


@pytest.fixture
def town(transactional_db):
    return make_town_with_people("aluksne", "Alūksne", "LV")


@pytest.fixture
def coordinator_page(new_page, town):
    page = new_page(language="en")
    sign_in(page, town.people[Role.COORDINATOR].email, PASSWORD)
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/en/dashboard/")
    return page


def unit_in(town, external_id, **fields):
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


def test_coordinator_adds_a_unit_by_clicking_the_map(coordinator_page, town):
    page = coordinator_page
    page.goto("/en/aluksne/register/units/new/")
    assert_no_axe_violations(page)
    assert page.locator("#id_latitude").input_value() == ""
    page.locator("#unit-picker").click(position={"x": 220, "y": 140})
    latitude = float(page.locator("#id_latitude").input_value())
    longitude = float(page.locator("#id_longitude").input_value())
    assert abs(latitude - 57.4244) < 0.01 and abs(longitude - 27.0467) < 0.02
    page.get_by_label("External id").fill("ALU-100")
    page.get_by_label("Street:").fill("Tirgotāju iela")
    page.get_by_label("House number").fill("7")
    page.get_by_label("Floor area (m²)").fill("58")
    page.locator("#id_listed_on").fill("2024-01-01")
    page.locator("#id_status-status").select_option(Status.VACANT)
    page.locator("#id_status-effective_on").fill("2024-01-01")
    page.get_by_role("button", name="Add the unit").click()
    expect(page.get_by_text("Unit Tirgotāju iela 7 added.")).to_be_visible()
    unit = Unit.objects.get(external_id="ALU-100")
    assert unit.latitude == Decimal(f"{latitude:.6f}")
    assert_no_axe_violations(page)


def test_recording_a_status_changes_the_towns_vacancy_rate(coordinator_page, town):
    page = coordinator_page
    first = unit_in(town.town, "A1")
    second = unit_in(town.town, "A2")
    for unit in (first, second):
        StatusChange.objects.create(
            unit=unit, status=Status.OCCUPIED, effective_on=date(2024, 1, 1), source="survey"
        )
    page.goto("/en/aluksne/register/vacancy/")
    assert page.locator("#vacancy-rate").inner_text() == "0.0 %"
    assert_no_axe_violations(page)
    page.goto(f"/en/aluksne/register/units/{first.pk}/")
    page.locator("#id_status").select_option(Status.VACANT)
    page.locator("#id_effective_on").fill("2025-03-01")
    page.get_by_role("button", name="Record status").click()
    expect(page.get_by_text("Status recorded.")).to_be_visible()
    expect(page.get_by_role("cell", name="Vacant")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto("/en/aluksne/register/vacancy/")
    assert page.locator("#vacancy-rate").inner_text() == "50.0 %"
    expect(page.get_by_role("link", name=first.display_address)).to_be_visible()


@pytest.mark.parametrize("language", ["lv", "en"])
def test_public_map_and_list_show_no_owner_data(new_page, town, language):
    owner = Owner.objects.create(
        town=town.town, name="Secret Owner", email="secret.owner@example.org"
    )
    offered = unit_in(town.town, "A1", owner=owner, offered_publicly=True, notes="private note")
    unit_in(town.town, "A2", owner=owner, display_address="Hidden iela 2")
    StatusChange.objects.create(
        unit=offered, status=Status.VACANT, effective_on=date(2024, 1, 1), source="survey"
    )
    page = new_page(language=language)
    page.goto(f"/{language}/aluksne/map/")
    page.locator(".leaflet-interactive").first.wait_for()
    assert page.locator(".leaflet-interactive").count() == 1
    expect(page.get_by_role("heading", name=offered.display_address)).to_be_visible()
    content = page.content()
    for private in ["Secret Owner", "secret.owner@example.org", "private note", "Hidden iela 2"]:
        assert private not in content
    page.locator(".leaflet-interactive").first.click()
    assert page.locator(".leaflet-popup-content").inner_text().startswith(offered.display_address)
    assert_no_axe_violations(page)


def test_import_shows_every_error_then_a_clean_file_imports(coordinator_page, town):
    page = coordinator_page
    page.goto("/en/aluksne/register/import/")
    assert_no_axe_violations(page)
    header = b"external_id;street;latitude;longitude;floor_area_m2;status;status_on\n"
    bad = header + (
        "A1;Pils iela;27,0461;57,4227;45;vacant;2024-01-01\n"
        "A2;Pils iela;57,4227;27,0461;-3;vacant;2099-01-01\n"
    ).encode("cp1257")
    page.set_input_files(
        "#id_file", files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": bad}]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Nothing was imported")).to_be_visible()
    errors = page.locator("table.import-errors tbody tr")
    assert errors.count() >= 3
    assert "swapped" in errors.first.inner_text()
    assert_no_axe_violations(page)
    assert not Unit.objects.exists()

    good = header + "A1;Tirgotāju iela;57,4227;27,0461;45,5;vacant;2024-01-01\n".encode("cp1257")
    page.set_input_files(
        "#id_file", files=[{"name": "good.csv", "mimeType": "text/csv", "buffer": good}]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text("Every row of good.csv is valid: 1 unit.")).to_be_visible()
    expect(page.locator(".import-summary li").first).to_have_text("1 new unit")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Import all units").click()
    expect(page.get_by_text("1 new, 0 updated, 0 unchanged; 1 statuses recorded")).to_be_visible()
    unit = Unit.objects.get(external_id="A1")
    assert unit.street == "Tirgotāju iela"
    assert unit.floor_area_m2 == Decimal("45.5")


def test_street_survey_on_a_phone(new_page, town):
    from tests.browser.conftest import PHONE

    units = [
        unit_in(town.town, f"S{n}", house_number=str(n), display_address=f"Pils iela {n}")
        for n in (10, 2, 5)
    ]
    for unit in units:
        StatusChange.objects.create(
            unit=unit, status=Status.OCCUPIED, effective_on=date(2024, 1, 1), source="survey"
        )
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, town.people[Role.COORDINATOR].email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")
    page.goto("/lv/aluksne/register/survey/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Pils iela").click()
    legends = page.locator("fieldset legend").all_inner_texts()
    assert legends == ["Pils iela 2", "Pils iela 5", "Pils iela 10"]
    assert_no_axe_violations(page)
    # One tap on the second unit's "vacant"; the others stay as they were.
    page.get_by_role("group", name="Pils iela 5").get_by_text("Tukšs", exact=True).click()
    # A date in the future comes back named at the top, with the tap still there.
    today = town.town.today()
    page.get_by_label("Apsekojuma datums").fill(today.replace(year=today.year + 1).isoformat())
    page.get_by_role("button", name="Saglabāt apsekojumu").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Apsekojuma datums: Apsekojumu nevar datēt nākotnē."
    )
    expect(
        page.get_by_role("group", name="Pils iela 5").get_by_label("Tukšs", exact=True)
    ).to_be_checked()
    assert StatusChange.objects.count() == 3
    assert_no_axe_violations(page)
    page.get_by_label("Apsekojuma datums").fill(today.isoformat())
    page.get_by_role("button", name="Saglabāt apsekojumu").click()
    expect(
        page.get_by_text("Pils iela apsekojums saglabāts: statuss mainīts 1 telpai.")
    ).to_be_visible()
    change = StatusChange.objects.filter(unit__display_address="Pils iela 5").latest("id")
    assert change.status == Status.VACANT and change.source == "survey"
    assert change.effective_on == town.town.today()
    assert StatusChange.objects.count() == 4


def test_other_register_pages_have_no_axe_violations(coordinator_page, town):
    page = coordinator_page
    owner = Owner.objects.create(town=town.town, name="Ilze", email="ilze@example.org")
    unit = unit_in(town.town, "A1", owner=owner)
    StatusChange.objects.create(
        unit=unit, status=Status.VACANT, effective_on=date(2024, 1, 1), source="survey"
    )
    for path in [
        "/en/aluksne/register/",
        "/en/aluksne/register/owners/",
        f"/en/aluksne/register/owners/{owner.pk}/",
        "/en/aluksne/register/owners/new/",
        "/en/aluksne/register/zones/",
        "/en/aluksne/register/report/?start=2024-01-01&end=2024-12-31",
        "/en/aluksne/workspace/",
        "/en/my-units/",
    ]:
        response = page.goto(path)
        assert response.status == 200, path
        assert_no_axe_violations(page)


def test_coordinator_pages_on_a_latvian_phone_have_no_axe_violations(new_page, town):
    """Wide tables scroll sideways on a phone: each scrolling region must take the keyboard."""
    owner = Owner.objects.create(town=town.town, name="Ilze", email="ilze@example.org")
    unit = unit_in(town.town, "A1", owner=owner)
    StatusChange.objects.create(
        unit=unit, status=Status.VACANT, effective_on=date(2024, 1, 1), source="survey"
    )
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, town.people[Role.COORDINATOR].email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")
    for path in [
        "/lv/aluksne/workspace/",
        "/lv/aluksne/register/",
        "/lv/aluksne/register/vacancy/",
        "/lv/aluksne/register/owners/",
        f"/lv/aluksne/register/owners/{owner.pk}/",
        f"/lv/aluksne/register/units/{unit.pk}/",
        "/lv/aluksne/register/report/?start=2024-01-01&end=2024-12-31",
    ]:
        response = page.goto(path)
        assert response.status == 200, path
        assert_no_axe_violations(page)
    # The workspace offers the coordinator's tools, named in Latvian.
    page.goto("/lv/aluksne/workspace/")
    expect(page.locator(".section-grid").get_by_role("link", name="Telpu reģistrs")).to_be_visible()


def register_of(town, count: int) -> None:
    """Units on Pils iela, then Dārza iela, the last on Ezera iela; every third vacant."""
    for number in range(1, count + 1):
        street = "Pils iela" if number <= 100 else "Dārza iela"
        street = "Ezera iela" if number == count else street
        unit = unit_in(
            town,
            f"R{number}",
            street=street,
            house_number=str(number),
            display_address=f"{street} {number}",
            latitude=Decimal("57.4200") + Decimal(number) / 20_000,
            longitude=Decimal("27.0400") + Decimal(number % 7) / 1_000,
        )
        status = Status.VACANT if number % 3 == 0 else Status.OCCUPIED
        StatusChange.objects.create(
            unit=unit, status=status, effective_on=date(2024, 1, 1), source="survey"
        )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_register_filters_counts_pages_and_map_in_latvian(new_page, town, viewport):
    register_of(town.town, 120)  # 40 vacant, 80 occupied
    page = new_page(viewport=viewport, language="lv")
    sign_in(page, town.people[Role.COORDINATOR].email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")
    page.goto("/lv/aluksne/register/")
    register_map, shown = page.locator("#register-map"), page.locator("#register-range")
    expect(register_map).to_have_attribute("data-units-shown", "120")
    expect(shown).to_contain_text("1\N{EN DASH}50")
    expect(shown).to_contain_text("120")
    assert page.locator("main tbody tr").count() == 50
    # The list and the map side by side on a desktop, one above the other on a phone.
    table, drawn = page.locator(".table-wrap").bounding_box(), register_map.bounding_box()
    if viewport == DESKTOP:
        assert drawn["x"] >= table["x"] + table["width"]
        assert drawn["y"] < table["y"] + table["height"]
    else:
        assert drawn["y"] >= table["y"] + table["height"]
        assert drawn["x"] + drawn["width"] <= viewport["width"]
    assert_no_axe_violations(page)

    # Vacant units only: the list, its length and the map follow; the counts stay for all.
    page.locator("#id_status").select_option(Status.VACANT)
    page.locator("form.register-filters button[type=submit]").click()
    page.wait_for_url("**/lv/aluksne/register/?*status=vacant*")
    expect(register_map).to_have_attribute("data-units-shown", "40")
    expect(shown).to_contain_text("1\N{EN DASH}40")
    counts = page.locator(".status-counts")
    expect(counts.get_by_role("link", name="Tukšs 40")).to_have_attribute("aria-current", "true")
    first_row = page.locator("main tbody tr").first
    expect(first_row).to_contain_text("Dārza iela 102")
    expect(first_row.locator(".status--vacant")).to_have_text("Tukšs")
    assert page.locator("main tbody .status--vacant").count() == 40
    assert_no_axe_violations(page)

    # From the counts to the occupied units, then to their second page: the filter stays.
    counts.get_by_role("link", name="Aizņemts 80").click()
    expect(shown).to_contain_text("1\N{EN DASH}50")
    expect(register_map).to_have_attribute("data-units-shown", "80")
    page.locator("a[rel=next]").click()
    page.wait_for_url("**/lv/aluksne/register/?status=occupied&page=2")
    expect(shown).to_contain_text("51\N{EN DASH}80")
    assert page.locator("main tbody .status--occupied").count() == 30
    expect(page.locator(".pagination [aria-current=page]")).to_contain_text("2")
    assert_no_axe_violations(page)

    # One unit on its street: the map centres on it, and its circle's popup names it.
    page.goto("/lv/aluksne/register/?street=Ezera+iela")
    expect(register_map).to_have_attribute("data-units-shown", "1")
    register_map.scroll_into_view_if_needed()
    box = register_map.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Ezera iela 120")
    expect(popup).to_contain_text("Tukšs")
    assert_no_axe_violations(page)


def test_a_latvian_clerks_file_imports_through_the_preview_on_a_phone(new_page, town, tmp_path):
    """A register kept in a spreadsheet set to Latvian: Latvian headers and codes, semicolons,
    decimal commas and dotted dates. The import page lists the columns; the preview counts."""
    Unit.objects.create(
        town=town.town,
        external_id="ALU-1",
        street="Pils iela",
        house_number="5",
        display_address="Pils iela 5",
        latitude=Decimal("57.4227"),
        longitude=Decimal("27.0461"),
        floor_area_m2=Decimal("45"),
        listed_on=date(2023, 1, 1),
    )
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, town.people[Role.COORDINATOR].email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")
    page.goto("/lv/aluksne/register/import/")
    expect(page.locator(".file-columns")).to_contain_text("Tukšs (vacant)")
    page.screenshot(path=tmp_path / "import-lv-phone.png", full_page=True)
    assert_no_axe_violations(page)
    with page.expect_download() as download:
        page.locator(".file-downloads a[href*='template/xlsx/?language=lv']").click()
    assert download.value.suggested_filename == "aluksne-units-template-lv.xlsx"

    clerks_file = (
        "Ārējais identifikators;Iela;Mājas numurs;Platums;Garums;Platība, m²;Stāvs;"
        "Elektrība;Statuss;Statuss kopš\n"
        "ALU-1;Pils iela;5;57,4227;27,0461;45;Pirmais stāvs;jā;tukšs;01.03.2024\n"
        "ALU-2;Dārza iela;12;57,4239;27,0442;60,5;pagrabstāvs;nē;Daļēji tukšs;01.03.2024\n"
    ).encode()
    page.set_input_files(
        "#id_file", files=[{"name": "telpas.csv", "mimeType": "text/csv", "buffer": clerks_file}]
    )
    page.get_by_role("button", name="Pārbaudīt failu").click()
    expect(page.get_by_role("heading", name="Pārbaudiet pirms importa")).to_be_visible()
    counts = page.locator(".import-summary li").all_inner_texts()
    # New, changed, unchanged, statuses recorded.
    assert [re.search(r"\d+", text).group() for text in counts] == ["1", "1", "0", "2"]
    page.screenshot(path=tmp_path / "preview-lv-phone.png", full_page=True)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Importēt visas telpas").click()
    page.wait_for_url("**/lv/aluksne/register/")
    assert_no_axe_violations(page)
    units = {unit.external_id: unit for unit in Unit.objects.filter(town=town.town)}
    assert units["ALU-1"].has_power is True
    assert (units["ALU-2"].floor, units["ALU-2"].floor_area_m2) == ("basement", Decimal("60.5"))
    statuses = dict(StatusChange.objects.values_list("unit__external_id", "status"))
    assert statuses == {"ALU-1": Status.VACANT, "ALU-2": Status.PARTLY_VACANT}

    page.goto("/lv/aluksne/register/export/")
    page.screenshot(path=tmp_path / "export-lv-phone.png", full_page=True)
    assert_no_axe_violations(page)
    with page.expect_download() as download:
        page.locator("a[href$='/export/csv/?language=lv']").click()
    exported = Path(download.value.path()).read_bytes().decode("utf-8-sig")
    assert exported.startswith("Ārējais identifikators;Iela;")
    assert ";Daļēji tukšs;" in exported
