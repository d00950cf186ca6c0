"""Smaller copies of a picture for `srcset`, so that a phone downloads what it shows.

They are made with Pillow the first time a page asks for them and kept beside the original
(`news/town-1/<name>-w640.jpg`); later pages only check that they exist.
"""

import logging
from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PillowImage

logger = logging.getLogger(__name__)

WIDTHS = (320, 480, 640, 960, 1280)
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


def rendition_name(name: str, width: int) -> str:
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}-w{width}{path.suffix}"))


def _make(name: str, width: int, target: str) -> bool:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in FORMATS:
        return False
    output = BytesIO()
    options = {"quality": 80, "optimize": True} if FORMATS[suffix] == "JPEG" else {}
    try:
        with default_storage.open(name) as original, PillowImage.open(original) as image:
            # thumbnail() lets a JPEG decode at a fraction of its size first: much faster.
            image.thumbnail((width, image.height), reducing_gap=2.0)
            image.save(output, format=FORMATS[suffix], **options)
    except (OSError, ValueError):
        logger.warning("could not make a %s px copy of %s", width, name, exc_info=True)
        return False
    saved = default_storage.save(target, ContentFile(output.getvalue()))
    if saved != target:  # another process made it meanwhile: keep theirs
        default_storage.delete(saved)
    return True


def sources(image) -> list[tuple[str, int]]:
    """(URL, width) of the picture's copies narrower than it, and of the picture itself."""
    name = image.file.name
    found = []
    for width in WIDTHS:
        if width >= image.width:
            break
        target = rendition_name(name, width)
        if default_storage.exists(target) or _make(name, width, target):
            found.append((default_storage.url(target), width))
    found.append((image.file.url, image.width))
    return found
