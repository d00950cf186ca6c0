"""The register's pages: who may open them, and what each step writes or refuses."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from regrow.premises.choices import Status
from regrow.premises.models import Owner, StatusChange, Unit
from regrow.towns.models import Role
from tests.premises.conftest import add_status, make_unit

HEADER = "external_id,street,house_number,latitude,longitude,floor_area_m2,status,status_on\n"


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.COORDINATOR])
def test_register_is_for_coordinators_of_the_town_only(client, aluksne, altena, role):
    client.force_login(aluksne.people[role])
    assert client.get("/en/aluksne/register/").status_code == 403
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.get("/en/aluksne/register/").status_code == 403
    assert client.get("/en/aluksne/register/export/csv/").status_code == 403


def test_coordinator_adds_a_unit_and_records_a_status(client, aluksne, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/en/aluksne/register/units/new/",
        {
            "external_id": "ALU-9",
            "street": "Pils iela",
            "house_number": "9",
            "latitude": "57.4227",
            "longitude": "27.0461",
            "floor_area_m2": "64",
            "floor": "ground",
            "condition": "ready",
            "listed_on": "2024-01-01",
            "asking_rent_eur": "150,50".replace(",", "."),
            "status-status": Status.OCCUPIED,
            "status-effective_on": "2024-01-01",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = Unit.objects.get(external_id="ALU-9")
    assert unit.display_address == "Pils iela 9"
    assert unit.asking_rent_cents_per_month == 15050
    assert "0.0 %" in client.get("/en/aluksne/register/").content.decode()
    response = client.post(
        f"/en/aluksne/register/units/{unit.pk}/status/",
        {"status": Status.VACANT, "effective_on": "2024-05-01"},
    )
    assert response.status_code == 302
    assert "<strong>100.0 %</strong>" in client.get("/en/aluksne/register/").content.decode()


def test_invalid_unit_keeps_what_was_typed(client, aluksne, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/en/aluksne/register/units/new/",
        {
            "external_id": "ALU-9",
            "street": "Pils iela",
            "latitude": "57.4227",
            "longitude": "27.0461",
            "floor_area_m2": "0",
            "floor": "ground",
            "condition": "ready",
            "listed_on": "2024-01-01",
            "status-status": Status.VACANT,
            "status-effective_on": "2024-01-01",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Pils iela"' in html
    assert "Ensure this value is greater than or equal to 0.01." in html
    assert not Unit.objects.exists()


def test_status_dated_in_the_future_is_refused_with_a_message(client, aluksne, coordinator):
    unit = make_unit(aluksne.town, "A1")
    client.force_login(coordinator)
    response = client.post(
        f"/en/aluksne/register/units/{unit.pk}/status/",
        {"status": Status.VACANT, "effective_on": "2099-01-01"},
    )
    assert response.status_code == 400
    assert "A status cannot be dated in the future." in response.content.decode()
    assert not StatusChange.objects.exists()


def test_concurrent_edit_is_refused_and_keeps_the_second_editors_input(
    client, aluksne, coordinator
):
    unit = make_unit(aluksne.town, "A1", floor="ground", condition="ready")
    client.force_login(coordinator)
    form = {
        "external_id": "A1",
        "street": "Pils iela",
        "display_address": "Pils iela 1",
        "latitude": "57.4227",
        "longitude": "27.0461",
        "floor_area_m2": "45",
        "floor": "ground",
        "condition": "ready",
        "listed_on": "2023-01-01",
        "version": "1",
    }
    first = client.post(f"/en/aluksne/register/units/{unit.pk}/", {**form, "notes": "first"})
    assert first.status_code == 302
    second = client.post(f"/en/aluksne/register/units/{unit.pk}/", {**form, "notes": "second"})
    assert second.status_code == 409
    assert "Someone else saved this unit" in second.content.decode()
    assert "second</textarea>" in second.content.decode()
    unit.refresh_from_db()
    assert unit.notes == "first"


def test_a_refused_status_comes_back_on_the_whole_unit_page(client, aluksne, coordinator):
    unit = make_unit(aluksne.town, "A1", notes="Corner shop")
    add_status(unit, Status.OCCUPIED, date(2024, 1, 1))
    client.force_login(coordinator)
    response = client.post(
        f"/en/aluksne/register/units/{unit.pk}/status/",
        {"status": "demolished", "effective_on": "2024-06-01", "note": "Seen from the bus"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Seen from the bus"' in html
    # The history, the photo form and the whole description are there as on the plain page.
    assert "<td>Occupied</td>" in html
    assert 'name="alt_text"' in html
    assert 'name="street"' in html and "Corner shop</textarea>" in html


def test_a_refused_photo_shows_an_owner_only_their_part_of_the_page(
    client, aluksne, owner_with_unit
):
    mine = owner_with_unit["mine"]
    client.force_login(aluksne.people[Role.PROPERTY_OWNER])
    response = client.post(
        f"/en/aluksne/register/units/{mine.pk}/photos/",
        {"image": SimpleUploadedFile("door.jpg", b"not an image"), "alt_text": "Green door"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Green door"' in html
    assert 'name="floor_area_m2"' in html and 'name="street"' not in html
    assert "Record a status" not in html and "Status history" not in html


def test_owner_sees_and_corrects_only_their_own_unit(client, aluksne, owner_with_unit):
    client.force_login(aluksne.people[Role.PROPERTY_OWNER])
    mine, neighbour = owner_with_unit["mine"], owner_with_unit["neighbour"]
    page = client.get(f"/en/aluksne/register/units/{mine.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="floor_area_m2"' in html and 'name="street"' not in html
    assert client.get(f"/en/aluksne/register/units/{neighbour.pk}/").status_code == 403
    altena = owner_with_unit["altena"]
    assert client.get(f"/en/altena/register/units/{altena.pk}/").status_code == 403
    response = client.post(
        f"/en/aluksne/register/units/{neighbour.pk}/", {"floor_area_m2": "1", "version": "1"}
    )
    assert response.status_code == 403
    neighbour.refresh_from_db()
    assert neighbour.floor_area_m2 == 45
    assert mine.display_address in client.get("/en/my-units/").content.decode()


def test_public_map_shows_offered_units_without_owner_data(client, aluksne, owner_with_unit):
    mine = owner_with_unit["mine"]
    Unit.objects.filter(pk=mine.pk).update(offered_publicly=True, permitted_uses=["fashion"])
    add_status(mine, Status.VACANT, date(2024, 1, 1))
    page = client.get("/en/aluksne/map/").content.decode()
    assert mine.display_address in page
    assert "Clothing and shoes" in page
    assert owner_with_unit["neighbour"].display_address not in page
    assert "Ilze" not in page
    data = client.get("/en/aluksne/map/units.geojson").json()
    assert len(data["features"]) == 1
    properties = data["features"][0]["properties"]
    assert "owner" not in properties and "notes" not in properties
    assert "Ilze" not in str(data)
    assert Owner.objects.filter(name="Ilze").exists()


def upload(client, content: bytes, name: str = "units.csv"):
    return client.post(
        "/en/aluksne/register/import/",
        {"file": SimpleUploadedFile(name, content), "encoding": "auto"},
    )


def test_import_reports_every_bad_row_and_writes_nothing(client, aluksne, coordinator):
    client.force_login(coordinator)
    bad = (
        HEADER
        + "A1,Pils iela,1,57.4227,27.0461,45,vacant,2024-01-01\n"
        + "A2,Pils iela,2,27.0461,57.4227,45,vacant,2024-01-01\n"
        + "A3,Pils iela,3,57.4227,27.0461,0,vacant,2024-01-01\n"
        + "A1,Pils iela,4,57.4227,27.0461,45,gone,2024-01-01\n"
    ).encode()
    response = upload(client, bad)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was imported" in html
    for row, field in [(3, "latitude"), (4, "floor_area_m2"), (5, "external_id"), (5, "status")]:
        assert f"<tr><td>{row}</td><td>{field}</td>" in html, (row, field)
    assert not Unit.objects.exists()


def test_clean_import_with_preview_then_reimport_changes_nothing(client, aluksne, coordinator):
    client.force_login(coordinator)
    good = (
        HEADER
        + "A1,Pils iela,1,57.4227,27.0461,45,vacant,2024-01-01\n"
        + "A2,Dārza iela,2,57.4239,27.0442,60,occupied,2024-01-01\n"
    ).encode("utf-8-sig")
    preview = upload(client, good)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Every row of units.csv is valid: 2 units." in html
    assert "<li>2 new units</li>" in html
    assert "<li>0 units in the register will change</li>" in html
    assert not Unit.objects.exists()
    token = preview.context["token"]
    done = client.post("/en/aluksne/register/import/confirm/", {"token": token}, follow=True)
    assert "2 new, 0 updated, 0 unchanged; 2 statuses recorded" in done.content.decode()
    assert Unit.objects.filter(town=aluksne.town).count() == 2
    # The same preview cannot be imported twice.
    again = client.post("/en/aluksne/register/import/confirm/", {"token": token}, follow=True)
    assert "already been imported" in again.content.decode()
    # Importing the same file again changes nothing.
    token = upload(client, good).context["token"]
    done = client.post("/en/aluksne/register/import/confirm/", {"token": token}, follow=True)
    assert "0 new, 0 updated, 2 unchanged; 0 statuses recorded" in done.content.decode()
    assert StatusChange.objects.count() == 2


def test_export_round_trips_through_import(client, aluksne, coordinator):
    unit = make_unit(aluksne.town, "A1", permitted_uses=["fashion", "grocery"])
    add_status(unit, Status.VACANT, date(2024, 1, 1))
    client.force_login(coordinator)
    for fmt in ["csv", "geojson", "xlsx"]:
        response = client.get(f"/en/aluksne/register/export/{fmt}/")
        assert response.status_code == 200
        assert f'filename="aluksne-units.{fmt}"' in response["Content-Disposition"]
        preview = upload(client, response.content, name=f"units.{fmt}")
        assert preview.status_code == 200, preview.content.decode()[:3000]
        html = preview.content.decode()
        # The export reads back as the register holds it: nothing would change.
        assert "<li>0 new units</li>" in html
        assert "<li>1 unit in the register stays as it is</li>" in html


def test_owner_record_with_the_users_verified_address_counts_as_theirs(client, aluksne):
    from allauth.account.models import EmailAddress

    person = aluksne.people[Role.PROPERTY_OWNER]
    owner = Owner.objects.create(town=aluksne.town, name="Ilze", email=person.email.upper())
    unit = make_unit(aluksne.town, "A1", owner=owner)
    client.force_login(person)
    assert client.get(f"/en/aluksne/register/units/{unit.pk}/").status_code == 200
    assert unit.display_address in client.get("/en/my-units/").content.decode()
    # An address the person has not verified proves nothing.
    EmailAddress.objects.filter(user=person).update(verified=False)
    assert client.get(f"/en/aluksne/register/units/{unit.pk}/").status_code == 403


def test_public_map_offers_only_units_available_now_and_says_since_when(client, aluksne):
    town = aluksne.town
    vacant = make_unit(town, "A1", display_address="Pils iela 1", offered_publicly=True)
    add_status(vacant, Status.OCCUPIED, date(2024, 1, 1))
    add_status(vacant, Status.VACANT, date(2026, 3, 1))
    add_status(vacant, Status.VACANT, date(2026, 6, 1))  # seen again on a survey: still empty
    popup = make_unit(town, "A2", display_address="Pils iela 2", offered_publicly=True)
    add_status(popup, Status.VACANT, date(2024, 1, 1))
    add_status(popup, Status.POPUP, date(2026, 5, 1))
    partly = make_unit(town, "A3", display_address="Pils iela 3", offered_publicly=True)
    add_status(partly, Status.PARTLY_VACANT, date(2025, 10, 12))
    unusable = make_unit(town, "A4", display_address="Pils iela 4", offered_publicly=True)
    add_status(unusable, Status.UNUSABLE, date(2024, 1, 1))
    make_unit(town, "A5", display_address="Pils iela 5", offered_publicly=True)  # no status yet
    private = make_unit(town, "A6", display_address="Pils iela 6")
    add_status(private, Status.VACANT, date(2024, 1, 1))

    html = client.get("/en/aluksne/map/").content.decode()
    for shown in ("Pils iela 1", "Pils iela 3"):
        assert f"<h2>{shown}</h2>" in html
    for hidden in ("Pils iela 2", "Pils iela 4", "Pils iela 5", "Pils iela 6"):
        assert hidden not in html
    assert "<dt>Available</dt><dd>since 1 March 2026</dd>" in html
    assert "Partly vacant" in html and "since 12 October 2025" in html

    data = client.get("/en/aluksne/map/units.geojson").json()
    properties = {
        feature["properties"]["address"]: feature["properties"] for feature in data["features"]
    }
    assert set(properties) == {"Pils iela 1", "Pils iela 3"}
    assert properties["Pils iela 1"]["available_since"] == "2026-03-01"
    assert properties["Pils iela 1"]["available_since_text"] == "since 1 March 2026"
    assert properties["Pils iela 3"]["status_label"] == "Partly vacant"


def test_public_map_in_latvian_puts_the_date_after_kops_in_the_genitive(client, aluksne):
    unit = make_unit(aluksne.town, "A1", offered_publicly=True)
    add_status(unit, Status.VACANT, date(2026, 3, 1))
    html = client.get("/lv/aluksne/map/").content.decode()
    assert "kopš 2026. gada 1. marta" in html
    data = client.get("/lv/aluksne/map/units.geojson").json()
    assert data["features"][0]["properties"]["available_since_text"] == "kopš 2026. gada 1. marta"
