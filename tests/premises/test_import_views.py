"""The import's preview and confirmation: the kept file goes when the import is confirmed or
cancelled (or too old), and a unit changed after the preview stops the whole import."""

import os
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from regrow.premises import services
from regrow.premises.models import StatusChange, Unit

HEADER = "external_id,street,house_number,latitude,longitude,floor_area_m2,status,status_on\n"
FILE = (
    HEADER
    + "A1,Pils iela,1,57.4227,27.0461,45,vacant,2024-01-01\n"
    + "A2,Dārza iela,2,57.4239,27.0442,60,occupied,2024-01-01\n"
).encode()
CHANGED = FILE.replace(b",45,vacant,", b",50,let,").replace(b",60,occupied,", b",65,let,")
CONFIRM = "/en/aluksne/register/import/confirm/"


@pytest.fixture
def media(settings, tmp_path):
    """The private storage where previews are kept, in a directory of this test."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    return tmp_path


def test_previews_are_kept_outside_the_media_directory(client, aluksne, coordinator, settings):
    client.force_login(coordinator)
    preview(client)
    media = Path(settings.MEDIA_ROOT)
    assert not (media / "imports").exists() or not os.listdir(media / "imports")
    private = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    assert len(os.listdir(private / "imports")) >= 2


def kept(media) -> list[str]:
    directory = media / "imports"
    return sorted(os.listdir(directory)) if directory.exists() else []


def preview(client, content: bytes = FILE) -> str:
    response = client.post(
        "/en/aluksne/register/import/",
        {"file": SimpleUploadedFile("units.csv", content), "encoding": "auto"},
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    return response.context["token"]


def test_confirming_removes_the_kept_file(client, aluksne, coordinator, media):
    client.force_login(coordinator)
    token = preview(client)
    assert len(kept(media)) == 2  # the file, and the versions its preview read
    done = client.post(CONFIRM, {"token": token}, follow=True)
    assert "2 new, 0 updated" in done.content.decode()
    assert kept(media) == []


def test_the_preview_says_an_edit_meanwhile_stops_the_import(client, aluksne, coordinator, media):
    client.force_login(coordinator)
    response = client.post(
        "/en/aluksne/register/import/",
        {"file": SimpleUploadedFile("units.csv", FILE), "encoding": "auto"},
    )
    html = response.content.decode()
    assert "Nothing is imported if someone changes one of these units" in html
    assert '<button type="submit" name="cancel" value="1">Cancel</button>' in html


def test_cancelling_removes_the_kept_file_and_imports_nothing(client, aluksne, coordinator, media):
    client.force_login(coordinator)
    token = preview(client)
    cancelled = client.post(CONFIRM, {"token": token, "cancel": "1"}, follow=True)
    assert "Import cancelled; nothing was written." in cancelled.content.decode()
    assert kept(media) == []
    assert not Unit.objects.exists()
    again = client.post(CONFIRM, {"token": token}, follow=True)
    assert "already been imported or has expired" in again.content.decode()
    assert not Unit.objects.exists()


def test_another_coordinators_token_cannot_cancel(client, aluksne, altena, coordinator, media):
    client.force_login(coordinator)
    token = preview(client)
    client.force_login(altena.people["coordinator"])
    assert client.post(CONFIRM, {"token": token, "cancel": "1"}).status_code == 403
    assert client.post("/en/altena/register/import/confirm/", {"token": token}).status_code == 404
    assert len(kept(media)) == 2


def test_a_unit_edited_after_the_preview_stops_the_whole_import(
    client, aluksne, coordinator, media
):
    client.force_login(coordinator)
    client.post(CONFIRM, {"token": preview(client)})
    token = preview(client, CHANGED)
    unit = Unit.objects.get(external_id="A2")
    services.unit_update(unit=unit, by=coordinator, version=unit.version, notes="Meanwhile")
    response = client.post(CONFIRM, {"token": token})
    assert response.status_code == 409
    html = response.content.decode()
    assert "1 unit was changed in the register after the file was checked." in html
    assert "<tr><td>3</td><td>external_id</td>" in html and "A2" in html
    # Nothing was written: not the other unit's area, not a single status.
    assert dict(Unit.objects.values_list("external_id", "floor_area_m2")) == {"A1": 45, "A2": 60}
    assert Unit.objects.get(external_id="A2").notes == "Meanwhile"
    assert not StatusChange.objects.filter(status="let").exists()
    # The preview said what no longer holds: it is gone, and a new check imports the file.
    assert kept(media) == []
    done = client.post(CONFIRM, {"token": preview(client, CHANGED)}, follow=True)
    assert "0 new, 2 updated, 0 unchanged; 2 statuses recorded" in done.content.decode()
    assert dict(Unit.objects.values_list("external_id", "version")) == {"A1": 2, "A2": 3}


def test_clear_import_previews_removes_only_old_ones(client, aluksne, coordinator, media):
    client.force_login(coordinator)
    preview(client)
    preview(client)
    old, recent = kept(media)[:2], kept(media)[2:]
    day_and_a_bit = time.time() - 25 * 3600
    for name in old:
        os.utime(media / "imports" / name, (day_and_a_bit, day_and_a_bit))
    out = StringIO()
    call_command("clear_import_previews", stdout=out)
    assert "Removed 2 file(s) of import previews older than 24 hours." in out.getvalue()
    assert kept(media) == recent
    call_command("clear_import_previews", older_than_hours=0, stdout=out)
    assert kept(media) == []


def test_clear_import_previews_before_any_import(media):
    out = StringIO()
    call_command("clear_import_previews", "--older-than-hours", "1", stdout=out)
    assert "Removed 0 file(s)" in out.getvalue()
