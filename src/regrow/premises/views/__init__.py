"""The register's pages, split by area (register, units, files, public)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from regrow.towns.models import Town
from regrow.towns.permissions import Action, can


def coordinated_town(request, slug: str) -> Town:
    """The town of the URL, if the user may keep its register; 403 otherwise."""
    town = get_object_or_404(Town, slug=slug)
    if not can(request.user, Action.CHANGE_TOWN, town):
        raise PermissionDenied
    return town
