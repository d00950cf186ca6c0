"""Adding a unit, and an owner's units and photos, in a real browser on a Latvian phone."""

from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import expect

from regrow.premises.choices import Status
from regrow.premises.models import Owner, StatusChange, Unit, UnitPhoto
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET, make_town_with_people


@pytest.fixture
def town(transactional_db):
    return make_town_with_people("aluksne", "Alūksne", "LV")


def signed_in_on_a_latvian_phone(new_page, person, *, totp: bool = False):
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, person.email, PASSWORD, language="lv")
    if totp:
        page.fill("#id_code", current_totp(TOTP_SECRET))
        page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")
    return page


def test_adding_a_unit_empty_since_an_earlier_day_keeps_its_note_on_a_latvian_phone(new_page, town):
    coordinator = town.people[Role.COORDINATOR]
    page = signed_in_on_a_latvian_phone(new_page, coordinator, totp=True)
    page.goto("/lv/aluksne/register/units/new/")
    today = town.town.today()
    # Dates read as Latvians write them, whatever the browser's own language.
    expect(page.locator("#id_listed_on")).to_have_value(f"{today:%d.%m.%Y}")
    expect(page.locator("#id_listed_on_format")).to_have_text("dd.mm.gggg")
    assert_no_axe_violations(page)
    page.locator("#id_street").fill("Dārza iela")
    page.locator("#id_house_number").fill("11a")
    page.locator("#id_latitude").fill("57.4227")
    page.locator("#id_longitude").fill("27.0461")
    page.locator("#id_floor_area_m2").fill("52")
    empty_since = today - timedelta(days=25)
    page.locator("#id_status-status").select_option(Status.VACANT)
    page.locator("#id_status-effective_on").fill(f"{empty_since:%d.%m.%Y}")
    page.locator("#id_status-use_category").select_option("fashion")
    page.locator("#id_status-note").fill("Tukša kopš apavu veikala aizvēršanas")
    page.get_by_role("button", name="Pievienot telpu").click()
    expect(page.get_by_text("Telpa Dārza iela 11a pievienota.")).to_be_visible()
    unit = Unit.objects.get(street="Dārza iela")
    assert unit.listed_on == empty_since
    assert unit.external_id == f"U-{unit.pk:06d}"
    change = unit.status_changes.get()
    assert (change.effective_on, change.note) == (
        empty_since,
        "Tukša kopš apavu veikala aizvēršanas",
    )
    assert change.use_category == "fashion"
    expect(page.get_by_role("cell", name="Tukša kopš apavu veikala aizvēršanas")).to_be_visible()
    assert_no_axe_violations(page)


def small_jpeg() -> bytes:
    output = BytesIO()
    Image.new("RGB", (640, 480), (40, 120, 80)).save(output, format="JPEG")
    return output.getvalue()


def test_an_owners_photo_waits_for_a_coordinators_approval_on_latvian_phones(
    new_page, town, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    person = town.people[Role.PROPERTY_OWNER]
    owner = Owner.objects.create(town=town.town, name="Ilze", user=person)
    unit = Unit.objects.create(
        town=town.town,
        external_id="A1",
        street="Pils iela",
        house_number="5",
        display_address="Pils iela 5",
        latitude=Decimal("57.4227"),
        longitude=Decimal("27.0461"),
        floor_area_m2=Decimal("45"),
        listed_on=date(2023, 1, 1),
        owner=owner,
        offered_publicly=True,
    )
    StatusChange.objects.create(
        unit=unit, status=Status.VACANT, effective_on=date(2026, 3, 1), source="survey"
    )

    page = signed_in_on_a_latvian_phone(new_page, person)
    page.goto("/lv/my-units/")
    row = page.get_by_role("row", name="Pils iela 5")
    expect(row).to_contain_text("Tukšs")
    expect(row.get_by_role("cell", name="Jā", exact=True)).to_be_visible()
    assert_no_axe_violations(page)
    row.get_by_role("link", name="Pils iela 5").click()
    page.set_input_files(
        "#id_image", files=[{"name": "logs.jpg", "mimeType": "image/jpeg", "buffer": small_jpeg()}]
    )
    page.locator("#id_alt_text").fill("Skatlogs ar zaļām durvīm")
    page.get_by_role("button", name="Pievienot fotogrāfiju").click()
    expect(
        page.get_by_text("Citi to redzēs, kad pilsētas koordinators to apstiprinās.")
    ).to_be_visible()
    expect(page.locator(".photos").get_by_text("Gaida apstiprinājumu")).to_be_visible()
    assert_no_axe_violations(page)
    page.goto("/lv/my-units/")
    expect(page.get_by_role("row", name="Pils iela 5")).to_contain_text("1 gaida apstiprinājumu")
    assert UnitPhoto.objects.get().approval == UnitPhoto.Approval.PENDING

    visitor = new_page(viewport=PHONE, language="lv")
    visitor.goto("/lv/aluksne/map/")
    expect(visitor.get_by_role("heading", name="Pils iela 5")).to_be_visible()
    expect(visitor.get_by_text("kopš 2026. gada 1. marta")).to_be_visible()
    assert visitor.get_by_role("img", name="Skatlogs ar zaļām durvīm").count() == 0
    visitor.locator(".leaflet-interactive").first.click()
    expect(visitor.locator(".leaflet-popup-content")).to_contain_text(
        "Tukšs, kopš 2026. gada 1. marta"
    )

    coordinator = signed_in_on_a_latvian_phone(new_page, town.people[Role.COORDINATOR], totp=True)
    coordinator.goto(f"/lv/aluksne/register/units/{unit.pk}/")
    photos = coordinator.locator(".photos")
    expect(photos.get_by_text("Gaida apstiprinājumu")).to_be_visible()
    assert_no_axe_violations(coordinator)
    photos.get_by_role("button", name="Apstiprināt", exact=True).click()
    expect(coordinator.get_by_text("Fotogrāfija apstiprināta.")).to_be_visible()
    expect(coordinator.locator(".photos").get_by_text("Gaida apstiprinājumu")).to_have_count(0)
    assert_no_axe_violations(coordinator)
    assert UnitPhoto.objects.get().approval == UnitPhoto.Approval.APPROVED

    visitor.goto("/lv/aluksne/map/")
    expect(visitor.get_by_role("img", name="Skatlogs ar zaļām durvīm")).to_be_visible()
    assert_no_axe_violations(visitor)
