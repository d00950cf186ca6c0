"""Checking and preparing uploaded photos: the content decides, not the file name."""

import warnings
from io import BytesIO

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# A few hundred kilobytes of PNG can claim 13,000 x 13,000 pixels and take gigabytes to decode,
# so the pixel count is checked from the header, before any decoding. 40 million is more than
# phones and cameras take in their usual settings.
MAX_PIXELS = 40_000_000
MAX_SIDE_PX = 1600
# Pillow's format name → what we store it as.
ACCEPTED = {"JPEG": ("JPEG", ".jpg"), "PNG": ("PNG", ".png"), "WEBP": ("WEBP", ".webp")}

# Wherever Pillow opens an image (Django's image field and dimension reading too), it warns above
# this and refuses twice as many pixels; in our own opening we refuse above it.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _("The photo has more than %(millions)s million pixels; make it smaller and try again."),
        code="too_many_pixels",
        params={"millions": MAX_PIXELS // 1_000_000},
    )


def _opened(file) -> Image.Image:
    """The image with only its header read: its format and size, none of its pixels decoded.

    Raises ValidationError if it has more pixels than we take, and Pillow's errors if it is not an
    image.
    """
    with warnings.catch_warnings():
        # Pillow's warning between one and two times its limit: we refuse those just below.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(file)
        except Image.DecompressionBombError as error:
            raise _too_many_pixels() from error
    if image.width * image.height > MAX_PIXELS:
        raise _too_many_pixels()
    return image


def prepared_photo(upload, *, max_side: int = MAX_SIDE_PX) -> ContentFile:
    """A resized copy (at most `max_side` pixels a side) of an uploaded JPEG, PNG or WebP image
    with no metadata (no GPS position).

    Raises ValidationError with a message for the person uploading.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The photo is larger than 10 MB."))
    data = upload.read()
    try:
        with _opened(BytesIO(data)) as probe:
            kind = probe.format
            probe.verify()  # catches truncated and corrupt files
        image = _opened(BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValidationError(
            _("This file is not a photo that can be read. Use a JPEG, PNG or WebP image.")
        ) from error
    if kind not in ACCEPTED:
        raise ValidationError(
            _("Photos must be JPEG, PNG or WebP images; this one is %(kind)s.") % {"kind": kind}
        )
    save_as, suffix = ACCEPTED[kind]
    # Turn the picture upright as the camera meant it, then drop every piece of metadata.
    image = ImageOps.exif_transpose(image)
    image.thumbnail((max_side, max_side))
    if save_as == "JPEG" and image.mode not in {"RGB", "L"}:
        image = image.convert("RGB")
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    if image.mode == "P" and image.getpalette():
        clean.putpalette(image.getpalette())
    output = BytesIO()
    options = {"quality": 85, "optimize": True} if save_as == "JPEG" else {}
    clean.save(output, format=save_as, **options)
    return ContentFile(output.getvalue(), name=f"photo{suffix}")


class PhotoField(forms.ImageField):
    """Django's image field, refusing a picture of too many pixels with a message that names the
    limit (Django's own would only call it "not a valid image")."""

    def to_python(self, data):
        if hasattr(data, "read"):
            try:
                with _opened(data):  # leaves the upload open: Django reads it next
                    pass
            except (UnidentifiedImageError, OSError, SyntaxError):
                pass  # not an image at all: Django's field says so just below
            finally:
                data.seek(0)
        return super().to_python(data)
