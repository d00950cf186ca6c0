"""The one place that answers "may this user do this to this object?".

Views, the API and the admin all ask `can()`; querysets for a user come from
`towns_where()`. Roles are held per town, and per network: the network app (a layer above)
registers how its objects are answered (`register_scope`: the network lead, lead expert and
partner coordinators' actions on networks, partners and Transfer Plans), so every view asks
the same `can()`.
"""

from collections.abc import Callable
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
    # Networks (answered by the network app's scope): read what the network's members see;
    # set the network up (lead); write a partner's Transfer Plan (its partner coordinator);
    # comment on a plan (the lead expert, and the partners assigned to review it).
    VIEW_NETWORK = "network.view"
    MANAGE_NETWORK = "network.manage"
    EDIT_PLAN = "network.edit_plan"
    REVIEW_PLAN = "network.review_plan"
    # Meetings: build the agenda, record attendance, minutes and decisions, publish (the
    # network lead and lead expert for every meeting, a partner's coordinators for the
    # meetings their town hosts).
    ORGANISE_MEETING = "network.organise_meeting"


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


# Objects answered by another app: (model, actions the user may take on the object).
_scopes: list[tuple[type[Model], Callable[[object, Model], frozenset[Action]]]] = []


def register_scope(model: type[Model], actions_of: Callable[[object, Model], frozenset]) -> None:
    """Let an app above answer `can()` for its own objects (e.g. the network's roles)."""
    _scopes.append((model, actions_of))


def can(user, action: Action, obj: Model) -> bool:
    if not _is_active(user):
        return False
    if user.is_superuser:
        return True
    for model, actions_of in _scopes:
        if isinstance(obj, model):
            return action in actions_of(user, obj)
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
