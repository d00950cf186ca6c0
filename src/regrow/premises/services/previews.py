"""Import previews: an uploaded file kept, with the versions of the units it was checked against,
until the coordinator confirms or cancels the import. Old ones are cleared (`regrow
clear_import_previews`), as a preview left open is never confirmed or cancelled."""

import json
import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

DIRECTORY = "imports"


def _storage():
    # Private storage, outside MEDIA_ROOT: the files may hold what the public must not see.
    return storages["private"]


_VERSIONS = ".versions.json"


def preview_save(*, data: bytes, versions: dict[str, int]) -> str:
    """Keep the file and the versions read for its preview; the name to find them by."""
    name = _storage().save(f"{DIRECTORY}/{uuid.uuid4().hex}", ContentFile(data))
    _storage().save(name + _VERSIONS, ContentFile(json.dumps(versions).encode()))
    return name


def preview_open(name: str) -> tuple[bytes, dict[str, int]] | None:
    """The kept file and versions, or None once the preview has been imported or removed."""
    if not (_storage().exists(name) and _storage().exists(name + _VERSIONS)):
        return None
    with _storage().open(name, "rb") as stored:
        data = stored.read()
    with _storage().open(name + _VERSIONS, "rb") as stored:
        versions = json.loads(stored.read())
    return data, versions


def preview_delete(name: str) -> None:
    for path in (name, name + _VERSIONS):
        _storage().delete(path)  # no error if it is already gone


def previews_clear(*, older_than: timedelta) -> int:
    """Remove the files of previews stored more than `older_than` ago; how many were removed."""
    cutoff = timezone.now() - older_than
    try:
        _directories, files = _storage().listdir(DIRECTORY)
    except FileNotFoundError:
        return 0  # no import has been previewed yet
    removed = 0
    for filename in files:
        path = f"{DIRECTORY}/{filename}"
        if _storage().get_modified_time(path) < cutoff:
            _storage().delete(path)
            removed += 1
    return removed
