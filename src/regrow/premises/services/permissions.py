"""Who may write to a town's register: the check every service starts with."""

from django.core.exceptions import PermissionDenied

from regrow.towns.models import Town
from regrow.towns.permissions import Action, can


def require_coordinator(user, town: Town) -> None:
    if not can(user, Action.CHANGE_TOWN, town):
        raise PermissionDenied
