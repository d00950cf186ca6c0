"""The import and export pages in the user's language: a Latvian file through preview to import,
what the preview says will change, exports and templates in a language, the owner's name."""

import csv
import io
import json
from datetime import date
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from openpyxl import load_workbook

from regrow.premises.choices import Status
from regrow.premises.models import Owner, StatusChange, Unit
from regrow.towns.models import Role
from tests.premises.conftest import add_status, make_unit

# Latvian codes under English titles: the page's language does not matter to the reader.
LATVIAN_CODES = (
    "External id;Street;House number;Latitude;Longitude;Floor area, m²;Floor;Power;Status;"
    "Status since\n"
    "A1;Pils iela;1;57,4227;27,0461;45;Pirmais stāvs;jā;tukšs;01.02.2024\n"
    "A2;Dārza iela;2;57,4239;27,0442;60,5;pagrabstāvs;nē;Aizņemts;01.02.2024\n"
).encode()


def upload(client, content: bytes, name: str = "units.csv", language: str = "en"):
    return client.post(
        f"/{language}/aluksne/register/import/",
        {"file": SimpleUploadedFile(name, content), "encoding": "auto"},
    )


def confirm(client, preview, language: str = "en"):
    token = preview.context["token"]
    return client.post(f"/{language}/aluksne/register/import/confirm/", {"token": token})


def test_a_latvian_file_goes_through_preview_to_import_on_the_latvian_page(
    client, aluksne, coordinator
):
    client.force_login(coordinator)

    preview = upload(client, LATVIAN_CODES, language="lv")

    assert preview.status_code == 200, preview.content.decode()[:3000]
    summary = preview.context["summary"]
    assert (summary.created, summary.updated, summary.unchanged) == (2, 0, 0)
    assert summary.statuses_added == 2
    assert not Unit.objects.exists()
    assert confirm(client, preview, "lv").status_code == 302
    units = {unit.external_id: unit for unit in Unit.objects.filter(town=aluksne.town)}
    assert (units["A2"].floor, units["A2"].has_power, str(units["A2"].floor_area_m2)) == (
        "basement",
        False,
        "60.50",
    )
    statuses = dict(StatusChange.objects.values_list("unit__external_id", "status"))
    assert statuses == {"A1": Status.VACANT, "A2": Status.OCCUPIED}


def test_the_preview_says_how_many_units_change(client, aluksne, coordinator):
    listed = {"listed_on": date(2024, 1, 1), "house_number": "1", "postcode": ""}
    same = make_unit(aluksne.town, "A1", display_address="Pils iela 1", **listed)
    add_status(same, Status.VACANT, date(2024, 2, 1))
    make_unit(aluksne.town, "A2", street="Dārza iela", display_address="Dārza iela 1", **listed)
    file = (
        "external_id,street,house_number,latitude,longitude,floor_area_m2,listed_on,status,"
        "status_on,asking_rent_eur\n"
        "A1,Pils iela,1,57.4227,27.0461,45,2024-01-01,vacant,2024-02-01,200\n"
        "A2,Dārza iela,1,57.4227,27.0461,99,2024-01-01,,,200\n"
        "A3,Pils iela,3,57.4227,27.0461,30,,let,2024-03-01,\n"
    ).encode()
    client.force_login(coordinator)

    preview = upload(client, file)

    html = preview.content.decode()
    assert "Every row of units.csv is valid: 3 units." in html
    for line in [
        "1 new unit",
        "1 unit in the register will change",
        "1 unit in the register stays as it is",
        "1 status will be recorded",
    ]:
        assert f"<li>{line}</li>" in html, line
    again = upload(client, file.replace(b",99,", b",45,"))
    assert "<li>0 units in the register will change</li>" in again.content.decode()


def test_a_problem_only_the_register_sees_names_the_column_as_the_file_does(
    client, aluksne, coordinator
):
    make_unit(aluksne.town, "A1", listed_on=date(2024, 1, 1))
    file = "External id;Street;Latitude;Longitude;Floor area, m²;Status;Status since\n"
    file += "A1;Pils iela;57,4227;27,0461;45;tukšs;01.06.2023\n"
    client.force_login(coordinator)

    response = upload(client, file.encode())

    assert response.status_code == 400
    assert "<tr><td>2</td><td>Status since</td>" in response.content.decode()
    assert not StatusChange.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "geojson"])
def test_an_export_in_latvian_reads_back_unchanged(client, aluksne, coordinator, fmt):
    owner = Owner.objects.create(town=aluksne.town, name="Jānis Bērziņš")
    unit = make_unit(aluksne.town, "A1", permitted_uses=["fashion", "food_drink"], owner=owner)
    add_status(unit, Status.PARTLY_VACANT, date(2024, 1, 1))
    client.force_login(coordinator)

    response = client.get(f"/en/aluksne/register/export/{fmt}/?language=lv")

    assert response.status_code == 200
    assert f'filename="aluksne-units-lv.{fmt}"' in response["Content-Disposition"]
    preview = upload(client, response.content, name=f"units.{fmt}")
    assert preview.status_code == 200, preview.content.decode()[:3000]
    summary = preview.context["summary"]
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 1)
    assert summary.statuses_added == 0
    assert Unit.objects.get().owner == owner  # the owner column is not read back


def test_a_latvian_csv_export_writes_latvian_codes_and_the_owner(client, aluksne, coordinator):
    owner = Owner.objects.create(town=aluksne.town, name="Jānis Bērziņš")
    unit = make_unit(aluksne.town, "A1", owner=owner, has_power=True, offered_publicly=True)
    add_status(unit, Status.VACANT, date(2024, 1, 1))
    client.force_login(coordinator)

    text = client.get("/en/aluksne/register/export/csv/?language=lv").content.decode("utf-8-sig")

    _header, row = csv.reader(io.StringIO(text), delimiter=";")
    assert {"Tukšs", "Pirmais stāvs", "45,00", "Jānis Bērziņš"} <= set(row)
    english = client.get("/en/aluksne/register/export/csv/").content.decode("utf-8-sig")
    header, row = csv.reader(io.StringIO(english))
    values = dict(zip(header, row, strict=True))
    assert (values["status"], values["owner"], values["power"]) == (
        "vacant",
        "Jānis Bērziņš",
        "yes",
    )
    # The public never sees who owns a unit.
    client.logout()
    public = client.get("/en/aluksne/map/units.geojson")
    assert public.status_code == 200 and "Bērziņš" not in public.content.decode()


def test_a_file_language_or_format_that_is_not_offered_is_not_found(client, aluksne, coordinator):
    client.force_login(coordinator)
    assert client.get("/en/aluksne/register/export/csv/?language=xx").status_code == 404
    assert client.get("/en/aluksne/register/export/pdf/").status_code == 404
    assert client.get("/en/aluksne/register/import/template/geojson/").status_code == 404


@pytest.mark.parametrize("language", ["en", "lv"])
def test_a_template_is_an_empty_workbook_with_the_header_in_the_language(
    client, aluksne, coordinator, language
):
    client.force_login(coordinator)
    response = client.get(f"/lv/aluksne/register/import/template/xlsx/?language={language}")
    assert response.status_code == 200
    expected = f'filename="aluksne-units-template-{language}.xlsx"'
    assert expected in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet.max_row == 1
    assert sheet.freeze_panes == "A2"
    assert upload(client, response.content, name="template.xlsx").context["count"] == 0


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.COORDINATOR])
def test_exports_and_templates_are_for_the_coordinators(client, aluksne, role):
    client.force_login(aluksne.people[role])
    for path in ["export/", "export/csv/?language=lv", "import/template/csv/"]:
        assert client.get(f"/en/aluksne/register/{path}").status_code == 403, path


def test_the_import_page_lists_the_columns_and_templates_in_the_pages_language(
    client, aluksne, coordinator
):
    client.force_login(coordinator)
    html = client.get("/lv/aluksne/register/import/").content.decode()
    assert "Tukšs (vacant)" in html
    assert "<code>floor_area_m2</code>" in html
    assert "/lv/aluksne/register/import/template/xlsx/?language=lv" in html
    assert "/lv/aluksne/register/import/template/csv/?language=en" in html
    english = client.get("/en/aluksne/register/import/").content.decode()
    assert "One of: occupied, partly_vacant, vacant, popup, let, unusable" in english
    assert "?language=lv" not in english


def test_the_export_page_offers_every_format_in_every_language(client, aluksne, coordinator):
    client.force_login(coordinator)
    html = client.get("/en/aluksne/register/export/").content.decode()
    for language in ["en", "lv"]:
        for fmt in ["csv", "xlsx", "geojson"]:
            assert f"/en/aluksne/register/export/{fmt}/?language={language}" in html
    assert '<span lang="lv">Latviešu</span>' in html


def test_the_command_line_exports_in_a_language_and_writes_templates(aluksne, tmp_path):
    add_status(make_unit(aluksne.town, "A1"), Status.VACANT, date(2024, 1, 1))
    out = tmp_path / "units.csv"
    call_command(
        "export",
        "units",
        town="aluksne",
        format="csv",
        language="lv",
        output=out,
        stderr=StringIO(),
    )
    _header, row = csv.reader(io.StringIO(out.read_text("utf-8-sig")), delimiter=";")
    assert "Tukšs" in row
    template = tmp_path / "template.geojson"
    call_command("export", "template", format="geojson", output=template, stderr=StringIO())
    assert json.loads(template.read_text())["features"] == []


def test_the_register_links_to_the_exports_in_other_languages(client, aluksne, coordinator):
    client.force_login(coordinator)
    html = client.get("/en/aluksne/register/").content.decode()
    assert '<a href="/en/aluksne/register/export/">Export in another language</a>' in html
