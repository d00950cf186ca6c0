"""Photos are checked by content, resized, and stripped of their location."""

from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from regrow.premises import services
from regrow.premises.models import Unit, UnitPhoto
from regrow.towns.models import Role
from tests.premises.conftest import make_unit

GPS_IFD = 0x8825


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def jpeg_with_gps(size=(3000, 2000)) -> bytes:
    image = Image.new("RGB", size, (200, 60, 60))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (57.0, 25.0, 28.0), 3: "E", 4: (27.0, 2.0, 48.0)})
    output = BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()


def upload(data: bytes, name="photo.jpg"):
    return SimpleUploadedFile(name, data)


def test_photo_is_resized_and_loses_its_gps_position(aluksne):
    unit = make_unit(aluksne.town, "A1")
    original = jpeg_with_gps()
    assert Image.open(BytesIO(original)).getexif().get_ifd(GPS_IFD)
    photo = services.unit_add_photo(
        unit=unit,
        upload=upload(original, "IMG_2040.jpeg"),
        alt_text="Shop window",
        by=aluksne.people[Role.COORDINATOR],
    )
    stored = Image.open(photo.image.path)
    assert stored.format == "JPEG"
    assert max(stored.size) == 1600
    assert (photo.width, photo.height) == stored.size
    assert not stored.getexif()
    assert "IMG_2040" not in photo.image.name


def test_a_text_file_named_jpg_is_refused(aluksne):
    unit = make_unit(aluksne.town, "A1")
    with pytest.raises(ValidationError, match="not a photo that can be read"):
        services.unit_add_photo(
            unit=unit,
            upload=upload(b"<script>alert(1)</script>", "evil.jpg"),
            alt_text="x",
            by=aluksne.people[Role.COORDINATOR],
        )
    assert not UnitPhoto.objects.exists()


def test_other_image_formats_are_refused(aluksne):
    unit = make_unit(aluksne.town, "A1")
    output = BytesIO()
    Image.new("RGB", (10, 10)).save(output, format="GIF")
    with pytest.raises(ValidationError, match="must be JPEG, PNG or WebP images; this one is GIF"):
        services.unit_add_photo(
            unit=unit,
            upload=upload(output.getvalue(), "photo.png"),
            alt_text="x",
            by=aluksne.people[Role.COORDINATOR],
        )


def test_photo_over_10_mb_is_refused(aluksne):
    unit = make_unit(aluksne.town, "A1")
    with pytest.raises(ValidationError, match="larger than 10 MB"):
        services.unit_add_photo(
            unit=unit,
            upload=upload(b"\xff" * (10 * 1024 * 1024 + 1)),
            alt_text="x",
            by=aluksne.people[Role.COORDINATOR],
        )


def test_only_coordinators_and_the_owner_add_photos(aluksne, owner_with_unit):
    with pytest.raises(PermissionDenied):
        services.unit_add_photo(
            unit=owner_with_unit["neighbour"],
            upload=upload(jpeg_with_gps((100, 80))),
            alt_text="x",
            by=aluksne.people[Role.PROPERTY_OWNER],
        )
    services.unit_add_photo(
        unit=owner_with_unit["mine"],
        upload=upload(jpeg_with_gps((100, 80))),
        alt_text="Front",
        by=aluksne.people[Role.PROPERTY_OWNER],
    )


def test_public_list_shows_photos_with_their_description(client, aluksne, coordinator):
    unit = make_unit(aluksne.town, "A1")
    Unit.objects.filter(pk=unit.pk).update(offered_publicly=True)
    client.force_login(coordinator)
    response = client.post(
        f"/en/aluksne/register/units/{unit.pk}/photos/",
        {"image": upload(jpeg_with_gps((400, 300))), "alt_text": "Green door"},
    )
    assert response.status_code == 302
    client.logout()
    assert 'alt="Green door"' in client.get("/en/aluksne/map/").content.decode()


def test_bad_photo_in_the_form_keeps_the_description(client, aluksne, coordinator):
    unit = make_unit(aluksne.town, "A1")
    client.force_login(coordinator)
    response = client.post(
        f"/en/aluksne/register/units/{unit.pk}/photos/",
        {"image": upload(b"not an image"), "alt_text": "Green door"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "not a photo that can be read" in html
    assert 'value="Green door"' in html


def huge_png() -> bytes:
    """13,000 x 13,000 pixels in a few kilobytes: one bit each, 21 MB in memory to make."""
    output = BytesIO()
    Image.new("1", (13_000, 13_000)).save(output, format="PNG")
    return output.getvalue()


def test_a_photo_of_too_many_pixels_is_refused_on_the_page_naming_the_limit(
    client, aluksne, coordinator
):
    unit = make_unit(aluksne.town, "A1")
    client.force_login(coordinator)
    response = client.post(
        f"/en/aluksne/register/units/{unit.pk}/photos/",
        {"image": upload(huge_png(), "small.png"), "alt_text": "Green door"},
    )
    assert response.status_code == 400
    assert "more than 40 million pixels" in response.content.decode()
    assert not UnitPhoto.objects.exists()
