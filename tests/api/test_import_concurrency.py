"""An API edit and an import of the same unit: neither overwrites the other unseen."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from regrow.premises.models import Unit

BASE = "/api/towns/aluksne"
HEADER = "external_id,street,house_number,latitude,longitude,floor_area_m2,notes\n"


def file_of(notes: str) -> bytes:
    return (
        HEADER
        + f"A1,Pils iela,1,57.4227,27.0461,45,{notes}\n"
        + f"A2,Dārza iela,2,57.4239,27.0442,60,{notes}\n"
    ).encode()


def checked(client, content: bytes) -> str:
    """Upload the file for its preview; the token that confirms it."""
    response = client.post(
        "/en/aluksne/register/import/",
        {"file": SimpleUploadedFile("units.csv", content), "encoding": "auto"},
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    return response.context["token"]


def patch(client, pk: int, data: dict):
    return client.patch(f"{BASE}/units/{pk}", json.dumps(data), content_type="application/json")


@pytest.fixture
def imported(client, aluksne, coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(coordinator)
    client.post("/en/aluksne/register/import/confirm/", {"token": checked(client, file_of("a"))})
    return {unit.external_id: unit for unit in Unit.objects.all()}


def test_an_api_edit_between_preview_and_import_stops_the_import(client, imported):
    token = checked(client, file_of("from the file"))
    unit = imported["A1"]
    edited = patch(client, unit.pk, {"version": 1, "notes": "from the API"})
    assert edited.status_code == 200 and edited.json()["version"] == 2
    response = client.post("/en/aluksne/register/import/confirm/", {"token": token})
    assert response.status_code == 409
    unit.refresh_from_db()
    assert (unit.notes, unit.version) == ("from the API", 2)
    assert Unit.objects.get(external_id="A2").notes == "a"


def test_an_api_edit_based_on_the_version_before_an_import_is_refused(client, imported):
    unit = imported["A1"]
    token = checked(client, file_of("from the file"))
    client.post("/en/aluksne/register/import/confirm/", {"token": token})
    unit.refresh_from_db()
    assert (unit.notes, unit.version) == ("from the file", 2)
    stale = patch(client, unit.pk, {"version": 1, "notes": "from the API"})
    assert stale.status_code == 409
    unit.refresh_from_db()
    assert unit.notes == "from the file"
