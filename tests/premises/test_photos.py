"""Photos are checked by content, resized, and stripped of their location."""

from datetime import date
from io import BytesIO

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from regrow.premises import services
from regrow.premises.choices import Status
from regrow.premises.models import Unit, UnitPhoto
from regrow.towns.models import Role
from tests.premises.conftest import add_status, make_unit

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
    add_status(unit, Status.VACANT, date(2024, 1, 1))
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


def offered_vacant_unit(town, external_id="A1", **fields):
    unit = make_unit(town, external_id, offered_publicly=True, **fields)
    add_status(unit, Status.VACANT, date(2024, 1, 1))
    return unit


def test_an_owners_photo_waits_for_a_coordinator_before_the_public_sees_it(
    client, aluksne, owner_with_unit, coordinator
):
    mine = owner_with_unit["mine"]
    Unit.objects.filter(pk=mine.pk).update(offered_publicly=True)
    add_status(mine, Status.VACANT, date(2024, 1, 1))
    client.force_login(aluksne.people[Role.PROPERTY_OWNER])
    response = client.post(
        f"/en/aluksne/register/units/{mine.pk}/photos/",
        {"image": upload(jpeg_with_gps((400, 300))), "alt_text": "Green door"},
        follow=True,
    )
    assert "Others see it once a coordinator of the town approves it." in response.content.decode()
    photo = UnitPhoto.objects.get()
    assert (photo.approval, photo.reviewed_by) == (UnitPhoto.Approval.PENDING, None)
    owners_page = client.get(f"/en/aluksne/register/units/{mine.pk}/").content.decode()
    assert 'alt="Green door"' in owners_page and "Waiting for approval" in owners_page
    assert "unit_photo_review" not in owners_page and "/review/" not in owners_page
    client.logout()
    assert 'alt="Green door"' not in client.get("/en/aluksne/map/").content.decode()

    client.force_login(coordinator)
    page = client.get(f"/en/aluksne/register/units/{mine.pk}/").content.decode()
    assert f"/photos/{photo.pk}/review/" in page and "Waiting for approval" in page
    response = client.post(
        f"/en/aluksne/register/units/{mine.pk}/photos/{photo.pk}/review/", {"decision": "approve"}
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.approval, photo.reviewed_by) == (UnitPhoto.Approval.APPROVED, coordinator)
    assert photo.reviewed_at is not None
    client.logout()
    assert 'alt="Green door"' in client.get("/en/aluksne/map/").content.decode()


def test_a_photo_turned_down_is_kept_but_not_shown_to_the_public(client, aluksne, coordinator):
    unit = offered_vacant_unit(aluksne.town)
    photo = services.unit_add_photo(
        unit=unit, upload=upload(jpeg_with_gps((100, 80))), alt_text="Blurred", by=coordinator
    )
    client.force_login(coordinator)
    response = client.post(
        f"/en/aluksne/register/units/{unit.pk}/photos/{photo.pk}/review/", {"decision": "reject"}
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.approval == UnitPhoto.Approval.REJECTED
    page = client.get(f"/en/aluksne/register/units/{unit.pk}/").content.decode()
    assert 'alt="Blurred"' in page and "Not approved" in page
    client.logout()
    assert 'alt="Blurred"' not in client.get("/en/aluksne/map/").content.decode()


def test_a_coordinators_photo_is_approved_as_it_is_added(aluksne, coordinator):
    photo = services.unit_add_photo(
        unit=make_unit(aluksne.town, "A1"),
        upload=upload(jpeg_with_gps((100, 80))),
        alt_text="Front",
        by=coordinator,
    )
    assert (photo.approval, photo.reviewed_by) == (UnitPhoto.Approval.APPROVED, coordinator)


def test_only_the_towns_coordinators_review_photos(
    client, aluksne, altena, owner_with_unit, coordinator
):
    mine = owner_with_unit["mine"]
    photo = services.unit_add_photo(
        unit=mine,
        upload=upload(jpeg_with_gps((100, 80))),
        alt_text="Front",
        by=aluksne.people[Role.PROPERTY_OWNER],
    )
    url = f"/en/aluksne/register/units/{mine.pk}/photos/{photo.pk}/review/"
    for person in (aluksne.people[Role.PROPERTY_OWNER], altena.people[Role.COORDINATOR]):
        client.force_login(person)
        assert client.post(url, {"decision": "approve"}).status_code == 403
    with pytest.raises(PermissionDenied):
        services.unit_review_photo(
            photo=photo, approve=True, by=aluksne.people[Role.PROPERTY_OWNER]
        )
    client.force_login(coordinator)
    assert client.get(url).status_code == 405
    assert client.post(url, {"decision": "maybe"}).status_code == 400
    # A photo of another unit cannot be reviewed through this unit's address.
    neighbour = owner_with_unit["neighbour"]
    other = f"/en/aluksne/register/units/{neighbour.pk}/photos/{photo.pk}/review/"
    assert client.post(other, {"decision": "approve"}).status_code == 404
    photo.refresh_from_db()
    assert photo.approval == UnitPhoto.Approval.PENDING


def test_the_public_map_reads_approved_photos_in_a_fixed_number_of_queries(client, aluksne):
    def grow(start: int, count: int) -> None:
        for number in range(start, start + count):
            unit = offered_vacant_unit(aluksne.town, f"U{number}")
            for approval in UnitPhoto.Approval.values:
                UnitPhoto.objects.create(
                    unit=unit, image=f"units/{number}-{approval}.jpg", alt_text=approval,
                    width=400, height=300, approval=approval,
                )  # fmt: skip

    grow(0, 2)
    client.get("/en/aluksne/map/")
    cache.clear()  # count what rendering costs, not the page cache's answer
    with CaptureQueriesContext(connection) as small:
        html = client.get("/en/aluksne/map/").content.decode()
    assert html.count('alt="approved"') == 2 and 'alt="pending"' not in html
    grow(100, 12)
    with CaptureQueriesContext(connection) as large:
        html = client.get("/en/aluksne/map/").content.decode()
    assert html.count('alt="approved"') == 14 and 'alt="rejected"' not in html
    assert len(large) == len(small)
