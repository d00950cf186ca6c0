"""Zones from GeoJSON, the period report page, and the `regrow import/export units` commands."""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from regrow.premises.choices import Status
from regrow.premises.models import Unit, Zone
from tests.premises.conftest import add_status, make_unit

SQUARE = [[[27.04, 57.42], [27.05, 57.42], [27.05, 57.43], [27.04, 57.43], [27.04, 57.42]]]
BOW_TIE = [[[27.04, 57.42], [27.05, 57.43], [27.05, 57.42], [27.04, 57.43], [27.04, 57.42]]]


def zones_file(*polygons) -> bytes:
    features = [
        {
            "type": "Feature",
            "properties": {"name": name},
            "geometry": {"type": "Polygon", "coordinates": rings},
        }
        for name, rings in polygons
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def test_zones_import_all_or_nothing(client, aluksne, coordinator):
    client.force_login(coordinator)
    bad = zones_file(("Centre", SQUARE), ("Broken", BOW_TIE))
    response = client.post(
        "/en/aluksne/register/zones/", {"file": SimpleUploadedFile("zones.geojson", bad)}
    )
    assert response.status_code == 400
    assert "<tr><td>2</td>" in response.content.decode()
    assert not Zone.objects.exists()
    good = zones_file(("Centre", SQUARE))
    response = client.post(
        "/en/aluksne/register/zones/", {"file": SimpleUploadedFile("zones.geojson", good)}
    )
    assert response.status_code == 302
    assert Zone.objects.get(town=aluksne.town).name == "Centre"


def test_period_report_page(client, aluksne, coordinator):
    unit = make_unit(aluksne.town, "A1", asking_rent_cents_per_month=30_000)
    add_status(unit, Status.VACANT, date(2024, 1, 1))
    add_status(unit, Status.LET, date(2024, 7, 1))
    client.force_login(coordinator)
    response = client.get(
        "/en/aluksne/register/report/", {"start": "2024-01-01", "end": "2024-12-31"}
    )
    html = response.content.decode()
    assert '<dd id="units-empty">1</dd>' in html
    assert "182" in html  # days empty, January to June 2024
    bad = client.get("/en/aluksne/register/report/", {"start": "2024-12-31", "end": "2024-01-01"})
    assert bad.status_code == 400
    assert "The period must end on or after its first day." in bad.content.decode()


def test_cli_import_and_export(aluksne, admin_user, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(
        "external_id,street,latitude,longitude,floor_area_m2,status,status_on\n"
        "A1,Pils iela,57.4227,27.0461,45,vacant,2024-01-01\n",
        encoding="utf-8",
    )
    out, err = StringIO(), StringIO()
    call_command("import", "units", str(path), town="aluksne", stdout=out, stderr=err)
    assert "1 new, 0 updated, 0 unchanged; 1 statuses recorded" in out.getvalue()
    assert "Writing [" in err.getvalue()
    exported = tmp_path / "out.geojson"
    call_command("export", "units", town="aluksne", format="geojson", output=exported, stderr=err)
    assert json.loads(exported.read_text())["features"][0]["properties"]["external_id"] == "A1"


def test_cli_import_of_a_bad_file_reports_rows_and_writes_nothing(aluksne, admin_user, tmp_path):
    path = tmp_path / "units.csv"
    path.write_text(
        "external_id,street,latitude,longitude,floor_area_m2\nA1,Pils iela,95,27.0461,45\n",
        encoding="utf-8",
    )
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import", "units", str(path), town="aluksne", stderr=err)
    assert "row 2, latitude" in err.getvalue()
    assert not Unit.objects.exists()
