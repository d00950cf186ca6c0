"""Reads of the three-month goals for their pages, panel and API, each in a fixed number of
queries: the goals set at a meeting by partner; the goals waiting for review at a meeting (of
each partner, its goals set at any earlier meeting of the network, not cancelled, and not
reviewed yet), by partner and by the meeting that set them; and a partner's goals over all
meetings. A removed goal
(`removed_at`) is in none of them: only in the meeting's removed goals, to be put back."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from regrow.network.models import Goal, Meeting, Partner


def kept() -> QuerySet[Goal]:
    """The goals not removed: every list, count and review starts here."""
    return Goal.objects.filter(removed_at__isnull=True)


def goals_with_links(goals: QuerySet[Goal]) -> QuerySet[Goal]:
    return goals.select_related(
        "meeting", "partner__town", "action", "reviewed_by", "reviewed_at_meeting"
    )


def goal_of(meeting: Meeting, pk: int, *, removed: bool = False) -> Goal:
    """A goal set at the meeting (with `removed`, a removed one); 404 for any other."""
    goal = get_object_or_404(
        Goal.objects.select_related("partner__town", "partner__network", "action__plan"),
        meeting=meeting,
        pk=pk,
        removed_at__isnull=not removed,
    )
    goal.meeting = meeting
    return goal


def partners_of(meeting: Meeting) -> QuerySet[Partner]:
    """The network's partners, the lead first, then by town."""
    return meeting.network.partners.select_related("town").order_by("role", "town__name", "pk")


def partner_of(meeting: Meeting, pk: int) -> Partner:
    return get_object_or_404(partners_of(meeting), pk=pk)


@dataclass
class PartnerGoals:
    partner: Partner
    goals: list[Goal] = field(default_factory=list)
    meetings: list["MeetingGoals"] = field(default_factory=list)


def group(partners, goals) -> list[PartnerGoals]:
    """The goals under their partner, in the partners' order."""
    rows = {partner.pk: PartnerGoals(partner) for partner in partners}
    for goal in goals:
        if goal.partner_id in rows:
            goal.partner = rows[goal.partner_id].partner
            rows[goal.partner_id].goals.append(goal)
    return list(rows.values())


def goals_set_at(meeting: Meeting, partners) -> list[PartnerGoals]:
    """The goals set at the meeting by the given partners (a page of them), in one query."""
    goals = goals_with_links(
        kept().filter(meeting=meeting, partner__in=[one.pk for one in partners])
    )
    return group(partners, goals)


def earlier_goals(meeting: Meeting) -> QuerySet[Goal]:
    """The kept goals set at the network's meetings, not cancelled, that started before this
    one: the goals a partner may review at it."""
    return kept().filter(
        meeting__network_id=meeting.network_id,
        meeting__cancelled_at__isnull=True,
        meeting__starts_on__lt=meeting.starts_on,
    )


def waiting_for(meeting: Meeting) -> QuerySet[Goal]:
    """The goals waiting for review at the meeting: of every partner, every kept goal set at an
    earlier meeting (not cancelled) and not reviewed yet, whichever meetings came between."""
    return earlier_goals(meeting).filter(reviewed_at__isnull=True)


def to_review(meeting: Meeting) -> QuerySet[Goal]:
    """The goals on the meeting's review page: those waiting and those reviewed at it, by
    partner (the lead first, then by town), then by the meeting that set them."""
    goals = earlier_goals(meeting).filter(
        Q(reviewed_at__isnull=True) | Q(reviewed_at_meeting=meeting)
    )
    return goals_with_links(goals).order_by(*BY_PARTNER_AND_MEETING)


BY_PARTNER_AND_MEETING = (
    "partner__role",
    "partner__town__name",
    "partner_id",
    "meeting__starts_on",
    "meeting_id",
    "due_on",
    "pk",
)


@dataclass
class MeetingGoals:
    meeting: Meeting
    goals: list[Goal] = field(default_factory=list)


def by_partner_and_meeting(goals) -> list[PartnerGoals]:
    """Goals in BY_PARTNER_AND_MEETING order under their partner, and there under the meeting
    that set them (`meetings`)."""
    rows: dict[int, PartnerGoals] = {}
    for goal in goals:
        row = rows.get(goal.partner_id)
        if row is None:
            row = rows[goal.partner_id] = PartnerGoals(goal.partner)
        row.goals.append(goal)
        if not row.meetings or row.meetings[-1].meeting.pk != goal.meeting_id:
            row.meetings.append(MeetingGoals(goal.meeting))
        row.meetings[-1].goals.append(goal)
    return list(rows.values())


def waiting_by_partner(meeting: Meeting, partner_ids) -> dict[int, int]:
    """How many goals of each of the partners wait for review at the meeting, in one query."""
    figures = (
        waiting_for(meeting)
        .filter(partner_id__in=list(partner_ids))
        .values("partner_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["partner_id"]: row["count"] for row in figures}


@dataclass(frozen=True)
class Counts:
    set_here: int
    partners_here: int
    waiting: int
    partners_waiting: int
    reviewed: int


def counts(meeting: Meeting) -> Counts:
    """What the meeting page's panel sums up, in two queries: the goals set here, the goals
    waiting for review here and the goals reviewed here."""
    here = (
        kept()
        .filter(meeting=meeting)
        .aggregate(goals=Count("pk"), partners=Count("partner", distinct=True))
    )
    waiting = Q(reviewed_at__isnull=True)
    figures = earlier_goals(meeting).aggregate(
        waiting=Count("pk", filter=waiting),
        partners=Count("partner", distinct=True, filter=waiting),
        reviewed=Count("pk", filter=Q(reviewed_at_meeting=meeting)),
    )
    return Counts(
        here["goals"],
        here["partners"],
        figures["waiting"],
        figures["partners"],
        figures["reviewed"],
    )


def history_of(partner: Partner) -> QuerySet[Goal]:
    """The partner's goals at every meeting, the newest meeting first."""
    return goals_with_links(kept().filter(partner=partner)).order_by(
        "-meeting__starts_on", "-meeting_id", "due_on", "pk"
    )


def waiting_at(meeting: Meeting, limit: int) -> list[PartnerGoals]:
    """The first `limit` goals waiting for review at the meeting, under their partner and the
    meeting that set them, in one query."""
    goals = (
        waiting_for(meeting)
        .select_related("partner__town", "meeting")
        .order_by(*BY_PARTNER_AND_MEETING)[:limit]
    )
    return by_partner_and_meeting(goals)


def removed_at_meeting(meeting: Meeting, partner_ids: set[int] | None) -> QuerySet[Goal]:
    """The goals removed from the meeting's goals (of `partner_ids` only, unless None), the
    last removed first."""
    goals = Goal.objects.filter(meeting=meeting, removed_at__isnull=False)
    if partner_ids is not None:
        goals = goals.filter(partner_id__in=partner_ids)
    return goals.select_related("partner__town", "action").order_by("-removed_at", "-pk")
