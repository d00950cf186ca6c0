"""Uploaded photos: a picture with too many pixels is refused from its header, never decoded."""

from functools import cache
from io import BytesIO

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from regrow.lib.images import MAX_PIXELS, PhotoField, prepared_photo

TOO_MANY = "more than 40 million pixels"


@cache
def blank_png(width: int, height: int) -> bytes:
    """A one-bit PNG: a few kilobytes on disk however many pixels it claims (13,000 x 13,000 is
    21 MB in memory as one bit each, so making it stays cheap)."""
    output = BytesIO()
    Image.new("1", (width, height)).save(output, format="PNG")
    return output.getvalue()


def upload(data: bytes, name="photo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_the_limit_is_forty_million_pixels_and_pillow_knows_it():
    assert MAX_PIXELS == 40_000_000
    # Anywhere an image is opened (Django's image field too), Pillow refuses twice the limit.
    assert Image.MAX_IMAGE_PIXELS == MAX_PIXELS


@pytest.mark.parametrize(
    "size",
    [
        (13_000, 13_000),  # the reviewer's 169 megapixels: Pillow itself refuses to open it
        (8_000, 5_001),  # just over the limit: Pillow would only warn
    ],
)
def test_a_picture_with_too_many_pixels_is_refused_with_the_limit_named(size):
    data = blank_png(*size)
    assert len(data) < 100_000  # small in bytes: only the pixel count gives it away
    with pytest.raises(ValidationError, match=TOO_MANY) as refused:
        prepared_photo(upload(data))
    assert refused.value.code == "too_many_pixels"


def test_a_picture_of_exactly_the_limit_is_taken_and_made_smaller():
    prepared = prepared_photo(upload(blank_png(8_000, 5_000)))
    assert Image.open(BytesIO(prepared.read())).size == (1600, 1000)


def test_a_bomb_is_refused_anywhere_pillow_opens_it():
    with pytest.raises(Image.DecompressionBombError):
        Image.open(BytesIO(blank_png(13_000, 13_000)))


class PictureForm(forms.Form):
    file = PhotoField()


@pytest.mark.parametrize("size", [(13_000, 13_000), (8_000, 5_001)])
def test_the_form_field_names_the_limit_too(size):
    form = PictureForm(files={"file": upload(blank_png(*size))})
    assert not form.is_valid()
    assert TOO_MANY in form.errors["file"][0]


def test_the_form_field_still_takes_a_picture_and_refuses_what_is_none():
    assert PictureForm(files={"file": upload(blank_png(40, 30))}).is_valid()
    refused = PictureForm(files={"file": upload(b"<svg onload=alert(1)>")})
    assert not refused.is_valid()
    assert "Upload a valid image" in refused.errors["file"][0]
