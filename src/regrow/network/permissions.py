"""What network roles may do, answered through towns.permissions.can() (registered in apps.py).

- network lead: read everything of the network and set it up;
- lead expert: read, and comment on every partner's Transfer Plan;
- partner coordinator (of one partner): read, write that partner's plan, and comment on the
  plans the partner is assigned to review.
Coordinators of a partner town may read the network too. Roles are read once per request.

Meetings: the network lead and the lead expert organise every meeting, a partner's
coordinators the meetings their town hosts (ORGANISE_MEETING); every member reads them.
"""

from regrow.network.models import (
    Meeting,
    Network,
    NetworkMembership,
    NetworkRole,
    Partner,
    PeerReviewer,
    PlanVersion,
    TransferPlan,
)
from regrow.towns.models import Membership, Role
from regrow.towns.permissions import Action

READ = frozenset({Action.VIEW_NETWORK})


def _network_and_partner(obj) -> tuple[int, int | None, int | None]:
    """(network id, partner id of the plan or partner, plan id) of a network object."""
    if isinstance(obj, Network):
        return obj.pk, None, None
    if isinstance(obj, Meeting):
        return obj.network_id, obj.host_id, None
    if isinstance(obj, Partner):
        return obj.network_id, obj.pk, None
    if isinstance(obj, TransferPlan):
        return obj.partner.network_id, obj.partner_id, obj.pk
    if isinstance(obj, PlanVersion):
        return obj.plan.partner.network_id, obj.plan.partner_id, obj.plan_id
    raise TypeError(f"{type(obj).__name__} is not a network object")


def _roles(user, network_id: int) -> list[tuple[str, int | None]]:
    cache = user.__dict__.setdefault("_regrow_network_roles", {})
    if network_id not in cache:
        cache[network_id] = list(
            NetworkMembership.objects.filter(user=user, network_id=network_id).values_list(
                "role", "partner_id"
            )
        )
    return cache[network_id]


def _reviews(user, partner_ids: set[int], plan_id: int) -> bool:
    """Whether one of the user's partners reviews the plan; read once per request and plan."""
    cache = user.__dict__.setdefault("_regrow_network_reviews", {})
    key = (plan_id, frozenset(partner_ids))
    if key not in cache:
        cache[key] = PeerReviewer.objects.filter(
            plan_id=plan_id, reviewer_id__in=partner_ids
        ).exists()
    return cache[key]


def actions_of(user, obj) -> frozenset[Action]:
    network_id, partner_id, plan_id = _network_and_partner(obj)
    roles = _roles(user, network_id)
    actions: set[Action] = set()
    coordinated = {partner for role, partner in roles if role == NetworkRole.PARTNER_COORDINATOR}
    meeting = isinstance(obj, Meeting)
    for role, _partner in roles:
        actions |= READ
        if role == NetworkRole.LEAD:
            actions.add(Action.MANAGE_NETWORK)
        elif role == NetworkRole.LEAD_EXPERT and plan_id is not None:
            actions.add(Action.REVIEW_PLAN)
        if meeting and role in (NetworkRole.LEAD, NetworkRole.LEAD_EXPERT):
            actions.add(Action.ORGANISE_MEETING)
    if partner_id is not None and partner_id in coordinated:
        actions.add(Action.ORGANISE_MEETING if meeting else Action.EDIT_PLAN)
    if plan_id is not None and coordinated and _reviews(user, coordinated, plan_id):
        actions.add(Action.REVIEW_PLAN)
    if not actions and _coordinates_partner_town(user, network_id):
        actions |= READ
    return frozenset(actions)


def _coordinates_partner_town(user, network_id: int) -> bool:
    """Whether `user` coordinates a partner town of the network: read once per request, like
    the roles (a page asks for each partner)."""
    cache = user.__dict__.setdefault("_regrow_network_town_coordinator", {})
    if network_id not in cache:
        cache[network_id] = Membership.objects.filter(
            user=user, role=Role.COORDINATOR, town__partnerships__network_id=network_id
        ).exists()
    return cache[network_id]


def register() -> None:
    from regrow.towns.permissions import register_scope

    for model in (Network, Partner, TransferPlan, PlanVersion, Meeting):
        register_scope(model, actions_of)
