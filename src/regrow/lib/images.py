"""Checking and preparing uploaded photos: the content decides, not the file name."""

from io import BytesIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE_PX = 1600
# Pillow's format name → what we store it as.
ACCEPTED = {"JPEG": ("JPEG", ".jpg"), "PNG": ("PNG", ".png"), "WEBP": ("WEBP", ".webp")}


def prepared_photo(upload) -> ContentFile:
    """A resized copy of an uploaded JPEG, PNG or WebP image with no metadata (no GPS position).

    Raises ValidationError with a message for the person uploading.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The photo is larger than 10 MB."))
    data = upload.read()
    try:
        with Image.open(BytesIO(data)) as probe:
            kind = probe.format
            probe.verify()  # catches truncated and corrupt files
        image = Image.open(BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
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
    image.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX))
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
