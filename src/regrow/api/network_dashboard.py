"""The network dashboard's figures over JSON. A network's members (and the coordinators of its
partner towns) read every partner's figures a page at a time, the network's coming dates and
the timeline of meetings and milestones; anyone reads the parts of them the network lead chose
to show the public (`progress`), and nothing else: a part not chosen is null, a list not
chosen a 404. No names of people and no text of the plans are given out in the public parts."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from regrow.api import paging
from regrow.api.errors import BUSY_HEADERS, responses
from regrow.lib import places
from regrow.network import dashboard
from regrow.network import selectors_dashboard as selectors
from regrow.network.dashboard import MeetingRow, PartnerFigures, TimelineEntry
from regrow.network.models import Network
from regrow.towns.permissions import Action, can

router = Router(tags=["networks"])

PARTNER_PARTS = ("plans", "actions", "goals", "indicators")


class PlanStatusOut(Schema):
    number: int | None = Field(description="The newest version's number; null before the first")
    status: str | None = Field(description="draft, in_review or final; null before the first")


class ActionsOut(Schema):
    total: int
    done: int
    due_soon: int = Field(description="Open and due from today to 30 days on")
    late: int = Field(description="Neither done nor dropped, and due before today")


class GoalsOut(Schema):
    meeting_id: int = Field(description="The meeting the partner's goals were last reviewed at")
    meeting_title: str
    meeting_day: date
    achieved: int
    partly: int
    not_achieved: int


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    baseline: float
    baseline_period: str
    target: float
    target_period: str
    actual: float | None = Field(description="The town's latest value; null while it has none")
    actual_period: str | None


class MeetingOut(Schema):
    id: int
    title: str
    kind: str
    starts_on: date
    ends_on: date
    host: str | None = Field(description="The host town's name; null for none")
    cancelled: bool


class PartnerOut(Schema):
    id: int
    town: str = Field(description="The partner town's slug")
    town_name: str
    role: str = Field(description="lead or partner")
    plan: PlanStatusOut | None = Field(description="Null without a plan (or not shown)")
    actions: ActionsOut | None
    goals_at_last_review: GoalsOut | None = Field(description="Null until reviewed")
    indicators: list[IndicatorOut] | None
    next_meeting: MeetingOut | None = Field(
        description="The next meeting the partner takes part in (members only)"
    )


class PartnerPage(paging.PageOf):
    results: list[PartnerOut]


class MilestoneOut(Schema):
    id: int
    title: str
    due_on: date
    done_on: date | None


class DatesOut(Schema):
    today: date = Field(description="Today in the network's time zone")
    next_meeting: MeetingOut | None
    next_milestone: MilestoneOut | None
    overdue_milestones: list[MilestoneOut]


class TimelineOut(Schema):
    kind: str = Field(description="meeting or milestone")
    day: date
    last_day: date
    title: str
    past: bool
    state: str = Field(description="A milestone's done or overdue, a meeting's cancelled, or empty")
    meeting: MeetingOut | None


class TimelinePage(paging.PageOf):
    results: list[TimelineOut]


class ProgressOut(Schema):
    network: str
    parts: list[str] = Field(description="What the network lead shows the public, in order")


def _member_network(request, slug: str) -> Network:
    network = get_object_or_404(Network, slug=slug)
    if not can(request.auth, Action.VIEW_NETWORK, network):
        raise PermissionDenied
    places.activate_time_zone(network)
    return network


def _public_network(slug: str) -> tuple[Network, list[str]]:
    network = get_object_or_404(Network, slug=slug)
    parts = dashboard.public_parts(network.public_summary)
    if not parts:
        raise HttpError(404, "The network shows nothing of its progress to the public.")
    places.activate_time_zone(network)
    return network, parts


def _meeting(row: MeetingRow | None) -> dict | None:
    if row is None:
        return None
    return {
        "id": row.id,
        "title": row.title,
        "kind": row.kind,
        "starts_on": row.starts_on,
        "ends_on": row.ends_on,
        "host": row.host_name or None,
        "cancelled": row.cancelled,
    }


def _milestone(row) -> dict | None:
    if row is None:
        return None
    return {"id": row.id, "title": row.title, "due_on": row.due_on, "done_on": row.done_on}


def _partner(figure: PartnerFigures, parts) -> dict:
    actions, goals = figure.actions, figure.goals
    return {
        "id": figure.partner_id,
        "town": figure.town_slug,
        "town_name": figure.town_name,
        "role": figure.role,
        "plan": {"number": figure.version_number, "status": figure.version_status}
        if "plans" in parts and figure.plan_id
        else None,
        "actions": {
            "total": actions.total,
            "done": actions.done,
            "due_soon": actions.due_soon,
            "late": actions.late,
        }
        if "actions" in parts
        else None,
        "goals_at_last_review": {
            "meeting_id": goals.meeting_id,
            "meeting_title": goals.meeting_title,
            "meeting_day": goals.meeting_day,
            "achieved": goals.achieved,
            "partly": goals.partly,
            "not_achieved": goals.not_achieved,
        }
        if "goals" in parts and goals
        else None,
        "indicators": [
            {
                **{name: getattr(one, name) for name in ("code", "name", "unit")},
                "baseline": float(one.baseline),
                "baseline_period": one.baseline_period,
                "target": float(one.target),
                "target_period": one.target_period,
                "actual": None if one.actual is None else float(one.actual),
                "actual_period": one.actual_period,
            }
            for one in figure.indicators
        ]
        if "indicators" in parts
        else None,
        "next_meeting": _meeting(figure.next_meeting),
    }


def _timeline(entry: TimelineEntry) -> dict:
    return {
        "kind": entry.kind,
        "day": entry.day,
        "last_day": entry.last_day,
        "title": entry.title,
        "past": entry.past,
        "state": entry.state,
        "meeting": _meeting(entry.meeting),
    }


def _partners_page(request, network, parts, page, page_size, *, members: bool) -> dict:
    paging.refuse_unknown(request)
    today = timezone.localdate()
    current = paging.page_of(request, selectors.partners_of(network), page, page_size)
    upcoming = selectors.upcoming_meetings(network, today) if members else []
    figures = selectors.figures_of(current, today, upcoming)
    return {
        **paging.links(request, current),
        "results": [_partner(figure, parts) for figure in figures],
    }


def _timeline_page(request, network, page, page_size, *, cancelled: bool) -> dict:
    paging.refuse_unknown(request)
    today = timezone.localdate()
    entries = dashboard.timeline(
        selectors.meetings_of(network, cancelled=cancelled), selectors.milestones_of(network), today
    )
    current = paging.page_of(request, entries, page, page_size)
    return {**paging.links(request, current), "results": [_timeline(one) for one in current]}


@router.get(
    "networks/{slug}/dashboard",
    response=responses({200: DatesOut}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The network's coming dates: the next meeting and milestone, overdue milestones",
)
def get_dashboard(request, slug: str):
    paging.refuse_unknown(request)
    network = _member_network(request, slug)
    today = timezone.localdate()
    upcoming = selectors.upcoming_meetings(network, today)
    deadlines = dashboard.deadlines(selectors.milestones_of(network), today)
    return {
        "today": today,
        "next_meeting": _meeting(upcoming[0] if upcoming else None),
        "next_milestone": _milestone(deadlines.next_due),
        "overdue_milestones": [_milestone(one) for one in deadlines.overdue],
    }


@router.get(
    "networks/{slug}/dashboard/partners",
    response=responses({200: PartnerPage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="Every partner's figures: plan version, actions, goals, indicators, next meeting",
)
def list_partner_figures(
    request, slug: str, page: int = paging.PageNumber, page_size: int = paging.PageSize
):
    network = _member_network(request, slug)
    return _partners_page(request, network, PARTNER_PARTS, page, page_size, members=True)


@router.get(
    "networks/{slug}/dashboard/timeline",
    response=responses({200: TimelinePage}, 422),
    openapi_extra=BUSY_HEADERS,
    summary="The network's meetings (cancelled ones too) and milestones in date order",
)
def list_timeline(
    request, slug: str, page: int = paging.PageNumber, page_size: int = paging.PageSize
):
    network = _member_network(request, slug)
    return _timeline_page(request, network, page, page_size, cancelled=True)


@router.get(
    "networks/{slug}/progress",
    auth=None,
    response=responses({200: ProgressOut}, 422),
    summary="What the network shows the public of its progress (no sign-in)",
)
def get_progress(request, slug: str):
    paging.refuse_unknown(request)
    network, parts = _public_network(slug)
    return {"network": network.slug, "parts": parts}


@router.get(
    "networks/{slug}/progress/partners",
    auth=None,
    response=responses({200: PartnerPage}, 422),
    summary="The partners' figures the network lead shows the public (others are null)",
)
def list_public_partner_figures(
    request, slug: str, page: int = paging.PageNumber, page_size: int = paging.PageSize
):
    network, parts = _public_network(slug)
    if not any(part in PARTNER_PARTS for part in parts):
        raise HttpError(404, "The network shows no partner's figures to the public.")
    return _partners_page(request, network, parts, page, page_size, members=False)


@router.get(
    "networks/{slug}/progress/timeline",
    auth=None,
    response=responses({200: TimelinePage}, 422),
    summary="The network's meetings and milestones, where the network lead shows them",
)
def list_public_timeline(
    request, slug: str, page: int = paging.PageNumber, page_size: int = paging.PageSize
):
    network, parts = _public_network(slug)
    if "meetings" not in parts:
        raise HttpError(404, "The network shows no meetings to the public.")
    return _timeline_page(request, network, page, page_size, cancelled=False)
