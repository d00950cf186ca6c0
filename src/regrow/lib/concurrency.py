"""Optimistic locking: an edit based on an older version is refused, never silently merged."""

from django.db.models import F, Model


class ConcurrentEditError(Exception):
    """Someone saved the object after this edit began; nothing was overwritten."""


def claim_version(model: type[Model], pk: int, version: int, message: str, **changes) -> int:
    """Move the row's `version` on by one if it is still `version`, writing `changes` with it;
    otherwise raise with `message`. Returns the new version. Call it inside the transaction
    that saves the edit."""
    rows = model._default_manager.filter(pk=pk, version=version)
    if rows.update(version=F("version") + 1, **changes):
        return version + 1
    raise ConcurrentEditError(message)
