"""The one place that answers "may this user do this to this object?".

Views, the API and the admin all ask `can()`; querysets for a user come from
`towns_where()`. Roles are held per town. Network-level roles (network lead, lead
expert) will add their own table of actions here and be consulted the same way.
"""

from enum import StrEnum

from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, QuerySet

from regrow.towns.models import Membership, Role, Town


class Action(StrEnum):
    VIEW_WORKSPACE = "town.view_workspace"
    VIEW_MEMBERS = "town.view_members"
    INVITE = "town.invite"
    CHANGE_TOWN = "town.change"
    PUBLISH = "town.publish"
    # Score a pop-up round's applications (only in rounds one is assigned to as a juror).
    SCORE_APPLICATIONS = "town.score_applications"
    # Assign and remove a round's jurors, and read their scores and the ranking.
    ASSIGN_JURORS = "town.assign_jurors"


ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    Role.COORDINATOR: frozenset(
        {
            Action.VIEW_WORKSPACE,
            Action.VIEW_MEMBERS,
            Action.INVITE,
            Action.CHANGE_TOWN,
            Action.PUBLISH,
            Action.ASSIGN_JURORS,
        }
    ),
    Role.EDITOR: frozenset({Action.VIEW_WORKSPACE, Action.PUBLISH}),
    Role.JURY_MEMBER: frozenset({Action.VIEW_WORKSPACE, Action.SCORE_APPLICATIONS}),
    Role.PROPERTY_OWNER: frozenset({Action.VIEW_WORKSPACE}),
    Role.ENTREPRENEUR: frozenset({Action.VIEW_WORKSPACE}),
}


def roles_allowing(action: Action) -> list[str]:
    return [role for role, actions in ROLE_ACTIONS.items() if action in actions]


def town_of(obj: Model) -> Town:
    """The town an object belongs to: the town itself or the row's `town`."""
    if isinstance(obj, Town):
        return obj
    town = getattr(obj, "town", None)
    if not isinstance(town, Town):
        raise TypeError(f"{type(obj).__name__} does not belong to a town")
    return town


def _is_active(user) -> bool:
    return bool(user) and not isinstance(user, AnonymousUser) and user.is_active


def roles_in(user, town: Town) -> set[str]:
    """The user's roles in `town`, read once per request and user."""
    if not _is_active(user):
        return set()
    cache = user.__dict__.setdefault("_regrow_roles", {})
    if town.pk not in cache:
        cache[town.pk] = set(
            Membership.objects.filter(user=user, town=town).values_list("role", flat=True)
        )
    return cache[town.pk]


def can(user, action: Action, obj: Model) -> bool:
    if not _is_active(user):
        return False
    if user.is_superuser:
        return True
    return any(action in ROLE_ACTIONS.get(role, ()) for role in roles_in(user, town_of(obj)))


def towns_where(user, action: Action) -> QuerySet[Town]:
    """The towns in which `user` may do `action`."""
    if not _is_active(user):
        return Town.objects.none()
    if user.is_superuser:
        return Town.objects.all()
    return Town.objects.filter(
        memberships__user=user, memberships__role__in=roles_allowing(action)
    ).distinct()


def roles_may_grant(user, town: Town) -> list[str]:
    """The roles `user` may invite someone to in `town` (coordinators may grant every role)."""
    return list(Role.values) if can(user, Action.INVITE, town) else []
