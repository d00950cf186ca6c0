"""The operator's care of a pop-up: the care log (add, resolve), the mid-round review, and what
the public calendar shows of the pop-up (texts, opening hours, a photo checked by content).

The helpers here (a past round, a pop-up in it) serve the other care, outcome and feedback
tests too."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import slugify
from PIL import Image

from regrow.lib.concurrency import ConcurrentEditError
from regrow.popups import services
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import Application, CareEntry, MidReview, Round, RoundUnit, Sublease
from regrow.popups.services import care
from regrow.popups.services.decisions import record_popup_days
from regrow.premises.choices import Status
from regrow.towns.models import Role
from tests.fixtures import make_user
from tests.popups.conftest import round_values
from tests.popups.test_applications import application_values
from tests.premises.conftest import add_status, make_unit


def past_round(town, coordinator, *, started_days_ago: int = 60, weeks: int = 8) -> Round:
    """An allocated round whose programme began `started_days_ago` days ago."""
    today = town.today()
    starts = today - timedelta(days=started_days_ago)
    round_ = services.round_save(
        town=town,
        by=coordinator,
        **round_values(
            town,
            applications_open_on=starts - timedelta(days=40),
            applications_close_on=starts - timedelta(days=20),
            programme_starts_on=starts,
            programme_ends_on=starts + timedelta(weeks=weeks),
        ),
    )
    Round.objects.filter(pk=round_.pk).update(status=RoundStatus.ALLOCATED)
    round_.refresh_from_db()
    return round_


def vacant_unit(town, external_id: str, street: str = "Pils iela", **fields):
    """A unit of the register, vacant since 2023."""
    unit = make_unit(town, external_id, street=street, **fields)
    add_status(unit, Status.VACANT, date(2023, 1, 1))
    return unit


def make_popup(
    round_: Round,
    unit,
    name: str,
    starts_on: date,
    ends_on: date,
    *,
    by,
    language: str = "lv",
    email: str | None = None,
    **fields,
) -> Sublease:
    """A confirmed pop-up of `round_` in `unit`, its days recorded in the register as the
    allocation records them."""
    offer, _created = RoundUnit.objects.get_or_create(round=round_, unit=unit)
    application = Application.objects.create(
        round=round_,
        applicant=make_user(email or f"{slugify(name)}@example.org", full_name=f"{name} trader"),
        status=ApplicationStatus.ACCEPTED,
        language=language,
        **application_values(round_, business_name=name),
    )
    sublease = Sublease.objects.create(
        application=application,
        round_unit=offer,
        unit=unit,
        starts_on=starts_on,
        ends_on=ends_on,
        rent_cents_per_month=fields.pop("rent_cents_per_month", 10_000),
        confirmed_by=by,
        **fields,
    )
    record_popup_days([sublease], by=by)
    return Sublease.objects.select_related(
        "application__applicant", "unit", "round_unit__round__town"
    ).get(pk=sublease.pk)


@pytest.fixture
def popup(aluksne, coordinator):
    """Medus māja in Pils iela 3 for the round's first four weeks (it opened 60 days ago)."""
    round_ = past_round(aluksne.town, coordinator)
    unit = vacant_unit(aluksne.town, "ALU-3", display_address="Pils iela 3")
    starts = round_.programme_starts_on
    return make_popup(
        round_, unit, "Medus māja", starts, starts + timedelta(days=27), by=coordinator
    )


def photo_upload(size=(2400, 1800), fmt="JPEG", exif: bool = True, name="photo.jpg"):
    image = Image.new("RGB", size, (200, 120, 40))
    output = BytesIO()
    options = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "Kamera AS"  # Make
        data[0x0132] = "2024:05:01 10:00:00"  # DateTime
        options["exif"] = data
    image.save(output, format=fmt, **options)
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/jpeg")


# The care log


def test_a_care_entry_is_logged_open_and_resolved(popup, coordinator):
    today = popup.round_unit.round.town.today()
    entry = care.care_entry_add(
        sublease=popup,
        by=coordinator,
        happened_on=today - timedelta(days=3),
        kind=CareEntry.Kind.ISSUE,
        description="  Salūza durvju slēdzene.  ",
    )
    assert entry.resolved_on is None
    assert entry.description == "Salūza durvju slēdzene."
    assert entry.recorded_by == coordinator

    care.care_entry_resolve(entry=entry, by=coordinator, resolved_on=today, version=entry.version)
    entry.refresh_from_db()
    assert entry.resolved_on == today
    assert entry.version == 2


def test_a_care_entry_is_refused_naming_its_fields(popup, coordinator):
    today = popup.round_unit.round.town.today()
    with pytest.raises(ValidationError) as refused:
        care.care_entry_add(
            sublease=popup,
            by=coordinator,
            happened_on=today + timedelta(days=1),
            kind="flood",
            description="   ",
        )
    assert set(refused.value.message_dict) == {"happened_on", "kind", "description"}
    assert not CareEntry.objects.exists()


def test_an_entry_is_not_resolved_before_it_happened_nor_twice(popup, coordinator):
    today = popup.round_unit.round.town.today()
    entry = care.care_entry_add(
        sublease=popup, by=coordinator, happened_on=today, kind="complaint", description="Troksnis"
    )
    with pytest.raises(ValidationError) as refused:
        care.care_entry_resolve(
            entry=entry, by=coordinator, resolved_on=today - timedelta(days=1), version=1
        )
    assert "resolved_on" in refused.value.message_dict
    care.care_entry_resolve(entry=entry, by=coordinator, resolved_on=today, version=1)
    stale = CareEntry.objects.get(pk=entry.pk)
    with pytest.raises(ConcurrentEditError):
        care.care_entry_resolve(entry=stale, by=coordinator, resolved_on=today, version=1)


def test_a_stale_resolve_writes_nothing(popup, coordinator):
    today = popup.round_unit.round.town.today()
    entry = care.care_entry_add(
        sublease=popup, by=coordinator, happened_on=today, kind="visit", description="Apmeklējums"
    )
    CareEntry.objects.filter(pk=entry.pk).update(version=5)
    with pytest.raises(ConcurrentEditError):
        care.care_entry_resolve(entry=entry, by=coordinator, resolved_on=today, version=1)
    assert CareEntry.objects.get(pk=entry.pk).resolved_on is None


def test_only_the_towns_coordinators_log_care(popup, aluksne, altena):
    for person in (aluksne.people[Role.PROPERTY_OWNER], altena.people[Role.COORDINATOR]):
        with pytest.raises(PermissionDenied):
            care.care_entry_add(
                sublease=popup, by=person, happened_on=date.today(), kind="visit", description="X"
            )
    assert not CareEntry.objects.exists()


def test_a_cancelled_pop_up_takes_no_care(popup, coordinator):
    Sublease.objects.filter(pk=popup.pk).update(status=Sublease.Status.CANCELLED)
    popup.refresh_from_db()
    with pytest.raises(ValidationError):
        care.care_entry_add(
            sublease=popup, by=coordinator, happened_on=date.today(), kind="visit", description="X"
        )


# The mid-round review


def test_the_review_is_saved_then_changed_with_its_version(popup, coordinator):
    day = popup.starts_on + timedelta(days=14)
    review = care.mid_review_save(
        sublease=popup,
        by=coordinator,
        version=0,
        reviewed_on=day,
        footfall="medium",
        going_well="Pircēji atgriežas",
        to_improve="",
        on_track=True,
    )
    assert review.version == 1 and review.on_track
    care.mid_review_save(
        sublease=popup,
        by=coordinator,
        version=1,
        reviewed_on=day,
        footfall="high",
        going_well="",
        to_improve="Izkārtne",
        on_track=False,
    )
    review.refresh_from_db()
    assert (review.footfall, review.to_improve, review.version) == ("high", "Izkārtne", 2)
    with pytest.raises(ConcurrentEditError):
        care.mid_review_save(
            sublease=popup, by=coordinator, version=1, reviewed_on=day, footfall="low"
        )
    assert MidReview.objects.get().footfall == "high"


def test_a_review_before_the_pop_up_opened_is_refused(popup, coordinator):
    with pytest.raises(ValidationError) as refused:
        care.mid_review_save(
            sublease=popup,
            by=coordinator,
            version=0,
            reviewed_on=popup.starts_on - timedelta(days=1),
            footfall="weird",
        )
    assert set(refused.value.message_dict) == {"reviewed_on", "footfall"}
    assert not MidReview.objects.exists()


def test_a_second_first_review_is_a_concurrent_edit(popup, coordinator):
    values = {"reviewed_on": popup.starts_on, "footfall": "low"}
    care.mid_review_save(sublease=popup, by=coordinator, version=0, **values)
    with pytest.raises(ConcurrentEditError):
        care.mid_review_save(sublease=popup, by=coordinator, version=0, **values)


# What the public calendar shows


def test_public_fields_and_a_photo_shrunk_without_its_metadata(
    popup, coordinator, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    saved = care.public_fields_save(
        sublease=popup,
        by=coordinator,
        version=popup.version,
        public_descriptions={"lv": " Medus un sveces ", "en": "", "de": "nicht in der Stadt"},
        opening_hours="O–S 10–18",  # noqa: RUF001
        shown_publicly=False,
        photo=photo_upload(),
    )
    popup.refresh_from_db()
    assert popup.public_descriptions == {"lv": "Medus un sveces"}
    assert popup.opening_hours == "O–S 10–18"  # noqa: RUF001
    assert popup.shown_publicly is False
    assert popup.version == saved.version == 2
    with Image.open(popup.photo.path) as image:
        assert max(image.size) == 1600
        assert not image.getexif()
    assert popup.photo.name.endswith(".jpg")


def test_a_replaced_photo_is_deleted_and_one_can_be_removed(
    popup, coordinator, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    care.public_fields_save(
        sublease=popup,
        by=coordinator,
        version=1,
        public_descriptions={},
        opening_hours="",
        shown_publicly=True,
        photo=photo_upload(),
    )
    popup.refresh_from_db()
    first = popup.photo.path
    with django_capture_on_commit_callbacks(execute=True):
        care.public_fields_save(
            sublease=popup,
            by=coordinator,
            version=2,
            public_descriptions={},
            opening_hours="",
            shown_publicly=True,
            photo=photo_upload(fmt="PNG", exif=False, name="x.png"),
        )
    popup.refresh_from_db()
    assert popup.photo.name.endswith(".png")
    assert not (tmp_path / first).exists()
    second = popup.photo.path
    with django_capture_on_commit_callbacks(execute=True):
        care.public_fields_save(
            sublease=popup,
            by=coordinator,
            version=3,
            public_descriptions={},
            opening_hours="",
            shown_publicly=True,
            remove_photo=True,
        )
    popup.refresh_from_db()
    assert not popup.photo
    assert not (tmp_path / second).exists()


def test_a_file_that_is_no_photo_is_refused_by_its_content(popup, coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not a picture", content_type="image/jpeg")
    with pytest.raises(ValidationError) as refused:
        care.public_fields_save(
            sublease=popup,
            by=coordinator,
            version=1,
            public_descriptions={"lv": "Medus"},
            opening_hours="",
            shown_publicly=True,
            photo=fake,
        )
    assert "photo" in refused.value.message_dict
    popup.refresh_from_db()
    assert (popup.version, popup.public_descriptions, popup.photo.name) == (1, {}, "")


def test_a_photo_over_ten_megabytes_is_refused(popup, coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    big = photo_upload()
    big.size = 10 * 1024 * 1024 + 1
    with pytest.raises(ValidationError) as refused:
        care.public_fields_save(
            sublease=popup,
            by=coordinator,
            version=1,
            public_descriptions={},
            opening_hours="",
            shown_publicly=True,
            photo=big,
        )
    assert "10 MB" in refused.value.message_dict["photo"][0]


def test_public_fields_from_a_stale_page_are_refused(popup, coordinator):
    Sublease.objects.filter(pk=popup.pk).update(version=3)
    with pytest.raises(ConcurrentEditError):
        care.public_fields_save(
            sublease=popup,
            by=coordinator,
            version=1,
            public_descriptions={"lv": "Jauns"},
            opening_hours="",
            shown_publicly=True,
        )
    popup.refresh_from_db()
    assert popup.public_descriptions == {}
