"""Reads for the network dashboard, its partner view, its public summary and their API: the
rows dashboard.py counts, each in a fixed number of queries whatever the number of partners,
actions, goals, indicators or meetings (a page of partners at a time)."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from regrow.lib.i18n import localized
from regrow.network import dashboard
from regrow.network.dashboard import MeetingRow, MilestoneRow, PartnerFigures
from regrow.network.models import Goal, Meeting, Network, Partner, PlanAction
from regrow.network.selectors_dashboard_indicators import indicators_by_plan
from regrow.network.selectors_plans import partners_and_plans


def partners_of(network: Network) -> QuerySet[Partner]:
    """The partners, lead first then by town, each with its plan and newest version's number
    and status (one query)."""
    return partners_and_plans(network)


def partner_of(network: Network, pk: int) -> Partner:
    return get_object_or_404(partners_of(network), pk=pk)


def _plan(partner: Partner):
    try:
        return partner.plan
    except Partner.plan.RelatedObjectDoesNotExist:
        return None


def meeting_row(meeting: Meeting) -> MeetingRow:
    host = meeting.host
    return MeetingRow(
        id=meeting.pk,
        title=meeting.title,
        kind=meeting.kind,
        kind_label=str(meeting.get_kind_display()),
        starts_on=meeting.starts_on,
        ends_on=meeting.ends_on,
        host_id=meeting.host_id,
        host_name=host.town.name if host is not None else "",
        place_name=meeting.place_name,
        cancelled=meeting.cancelled_at is not None,
    )


def upcoming_meetings(network: Network, today: date) -> list[MeetingRow]:
    """The meetings not cancelled that start today or later, in order (one query)."""
    meetings = (
        Meeting.objects.filter(network=network, cancelled_at__isnull=True, starts_on__gte=today)
        .select_related("host__town")
        .order_by("starts_on", "id")
    )
    return [meeting_row(meeting) for meeting in meetings]


def milestones_of(network: Network) -> list[MilestoneRow]:
    return [
        MilestoneRow(one.pk, one.title, one.due_on, one.done_on, one.month)
        for one in network.milestones.order_by("due_on", "id")
    ]


def meetings_of(network: Network, *, cancelled: bool = True) -> list[MeetingRow]:
    """The network's meetings in order (cancelled ones too unless `cancelled` is False), for
    the timeline (one query)."""
    meetings = Meeting.objects.filter(network=network).select_related("host__town")
    if not cancelled:
        meetings = meetings.filter(cancelled_at__isnull=True)
    return [meeting_row(meeting) for meeting in meetings.order_by("starts_on", "id")]


def _last_reviews(partner_ids: list[int]) -> dict[int, dashboard.GoalReview]:
    """Each partner's goals at its last review (two queries: the partners' reviewed goals as
    plain rows, then the titles of the meetings they were last reviewed at)."""
    rows = Goal.objects.filter(
        partner_id__in=partner_ids, reviewed_at_meeting__isnull=False, removed_at__isnull=True
    ).values_list(
        "partner_id", "reviewed_at_meeting_id", "reviewed_at_meeting__starts_on", "outcome"
    )
    reviews = dashboard.last_reviews(
        dashboard.GoalRow(partner, meeting, "", day, outcome)
        for partner, meeting, day, outcome in rows
    )
    if not reviews:
        return reviews
    titles = dict(
        Meeting.objects.filter(pk__in={one.meeting_id for one in reviews.values()}).values_list(
            "pk", "titles"
        )
    )
    return {
        partner: replace(
            review,
            meeting_title=localized(titles.get(review.meeting_id), default=f"#{review.meeting_id}"),
        )
        for partner, review in reviews.items()
    }


def figures_of(
    partners: Sequence[Partner], today: date, upcoming: list[MeetingRow] | None = None
) -> list[PartnerFigures]:
    """Each partner's figures (partners from partners_of): plan version, actions done, due soon
    and late, goals at the last review, indicators with their latest value and target, and
    the next meeting it takes part in (`upcoming`: upcoming_meetings(), or none asked)."""
    partners = list(partners)
    plans = {partner.pk: _plan(partner) for partner in partners}
    plan_ids = [plan.pk for plan in plans.values() if plan is not None]
    actions = dashboard.actions_by_plan(
        PlanAction.objects.filter(plan_id__in=plan_ids).values_list("plan_id", "status", "due_on")
        if plan_ids
        else [],
        today,
    )
    reviews = _last_reviews([partner.pk for partner in partners])
    indicators = indicators_by_plan(
        [(plan.pk, partner.town) for partner in partners if (plan := plans[partner.pk])]
    )
    roles = {value: str(label) for value, label in Partner.Role.choices}
    figures = []
    for partner in partners:
        plan = plans[partner.pk]
        figures.append(
            PartnerFigures(
                partner_id=partner.pk,
                town_name=partner.town.name,
                town_slug=partner.town.slug,
                role=partner.role,
                role_label=roles.get(partner.role, partner.role),
                plan_id=plan.pk if plan else None,
                version_number=getattr(partner, "plan_version_number", None),
                version_status=getattr(partner, "plan_version_status", None),
                actions=actions.get(plan.pk, dashboard.ActionCounts())
                if plan
                else dashboard.ActionCounts(),
                goals=reviews.get(partner.pk),
                indicators=indicators.get(plan.pk, []) if plan else [],
                next_meeting=dashboard.next_meeting_for(partner.pk, upcoming or []),
            )
        )
    return figures


def actions_of_partner(partner: Partner) -> QuerySet[PlanAction]:
    plan = _plan(partner)
    if plan is None:
        return PlanAction.objects.none()
    return PlanAction.objects.filter(plan=plan).order_by("due_on", "order", "id")


def with_states(actions, today: date) -> list[PlanAction]:
    """The actions (a page), each with `state`: done, due_soon, late or None."""
    rows = list(actions)
    for action in rows:
        action.state = dashboard.action_state(action.status, action.due_on, today)
    return rows


def goals_of_partner(partner: Partner) -> QuerySet[Goal]:
    """The partner's goals, newest meeting first, each with the meeting it was set at and the
    one it was reviewed at."""
    return (
        Goal.objects.filter(partner=partner, removed_at__isnull=True)
        .select_related("meeting", "reviewed_at_meeting")
        .order_by("-meeting__starts_on", "-meeting_id", "due_on", "id")
    )
