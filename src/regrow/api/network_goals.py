"""Three-month goals over JSON, with the pages' permissions: a network's members read the goals
set at a meeting and a partner's goals over all meetings, each with its review (null until
reviewed); a removed goal is in neither. Lists come a page at a time (`count`, `next`,
`previous`, `results`). A network one may not enter is a 403; a meeting or partner town that
is not the network's a 404."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.network import selectors_goals as selectors
from regrow.network.models import Goal, Meeting, Network
from regrow.towns.permissions import Action, can

router = Router(tags=["three-month goals"])


class ReviewOut(Schema):
    outcome: str = Field(description="achieved, partly or not_achieved")
    comment: str
    reviewed_at: datetime
    reviewed_by: str | None = Field(
        description="The reviewer's full name; null if they gave none or the account is gone "
        "(never their e-mail)"
    )
    meeting_id: int | None = Field(description="The meeting it was reviewed at")


class GoalOut(Schema):
    id: int
    meeting_id: int = Field(description="The meeting that set it")
    meeting_title: str
    town: str = Field(description="The partner town's slug")
    town_name: str
    title: str
    description: str
    owner: str
    due_on: date
    action_id: int | None = Field(
        description="The action of the partner's Transfer Plan it became; null if removed there"
    )
    action_status: str | None = Field(description="planned, in_progress, done, delayed, dropped")
    review: ReviewOut | None = Field(description="Null until reviewed")


class GoalPage(paging.PageOf):
    results: list[GoalOut]


def _network(request, slug: str) -> Network:
    network = get_object_or_404(Network, slug=slug)
    if not can(request.auth, Action.VIEW_NETWORK, network):
        raise PermissionDenied
    return network


def _goal_out(goal: Goal) -> dict:
    review = None
    if goal.reviewed_at is not None:
        by = goal.reviewed_by
        review = {
            "outcome": goal.outcome,
            "comment": goal.review_comment,
            "reviewed_at": goal.reviewed_at,
            "reviewed_by": (by.full_name or None) if by is not None else None,
            "meeting_id": goal.reviewed_at_meeting_id,
        }
    return {
        "id": goal.pk,
        "meeting_id": goal.meeting_id,
        "meeting_title": goal.meeting.title,
        "town": goal.partner.town.slug,
        "town_name": goal.partner.town.name,
        "title": goal.title,
        "description": goal.description,
        "owner": goal.owner,
        "due_on": goal.due_on,
        "action_id": goal.action_id,
        "action_status": goal.action.status if goal.action else None,
        "review": review,
    }


def _page(request, goals, page: int, page_size: int) -> dict:
    paging.refuse_unknown(request)
    current = paging.page_of(request, goals, page, page_size)
    return {**paging.links(request, current), "results": [_goal_out(one) for one in current]}


@router.get(
    "networks/{slug}/meetings/{meeting_id}/goals",
    response=responses({200: GoalPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The goals the partners set at a meeting, by partner town, with their reviews",
)
def meeting_goals(
    request,
    slug: str,
    meeting_id: int,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    network = _network(request, slug)
    meeting = get_object_or_404(Meeting, network=network, pk=meeting_id)
    goals = selectors.goals_with_links(selectors.kept().filter(meeting=meeting)).order_by(
        "partner__role", "partner__town__name", "partner_id", "due_on", "pk"
    )
    return _page(request, goals, page, page_size)


@router.get(
    "networks/{slug}/partners/{town}/goals",
    response=responses({200: GoalPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="A partner's goals at every meeting, the newest meeting first, with their reviews",
)
def partner_goals(
    request,
    slug: str,
    town: str,
    page: int = paging.PageNumber,
    page_size: int = paging.PageSize,
):
    network = _network(request, slug)
    partner = get_object_or_404(network.partners.select_related("town"), town__slug=town)
    return _page(request, selectors.history_of(partner), page, page_size)
