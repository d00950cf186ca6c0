"""Reads of the three-month goals for their pages, panel and API, each in a fixed number of
queries: the goals set at a meeting by partner, the previous meeting whose goals this one
reviews (the latest meeting of the network, not cancelled, that started before it and has
goals), its goals grouped by partner, and a partner's goals over all meetings. A removed goal
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


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The meeting whose goals this one reviews: the network's latest meeting, not cancelled,
    that started before this one and set goals."""
    return (
        Meeting.objects.filter(
            network_id=meeting.network_id,
            cancelled_at__isnull=True,
            starts_on__lt=meeting.starts_on,
            goals__isnull=False,
            goals__removed_at__isnull=True,
        )
        .exclude(pk=meeting.pk)
        .order_by("-starts_on", "-pk")
        .distinct()
        .first()
    )


def to_review(previous: Meeting, partners) -> list[PartnerGoals]:
    """The previous meeting's goals of the given partners (reviewed or not), in one query."""
    return goals_set_at(previous, partners)


def partners_with_goals_at(meeting: Meeting) -> QuerySet[Partner]:
    return (
        partners_of(meeting)
        .filter(goals__meeting=meeting, goals__removed_at__isnull=True)
        .distinct()
    )


@dataclass(frozen=True)
class Counts:
    set_here: int
    partners_here: int
    previous: Meeting | None
    waiting: int
    reviewed: int


def counts(meeting: Meeting) -> Counts:
    """What the meeting page's panel sums up, in three queries."""
    here = (
        kept()
        .filter(meeting=meeting)
        .aggregate(goals=Count("pk"), partners=Count("partner", distinct=True))
    )
    previous = previous_meeting(meeting)
    waiting = reviewed = 0
    if previous is not None:
        figures = (
            kept()
            .filter(meeting=previous)
            .aggregate(
                waiting=Count("pk", filter=Q(reviewed_at__isnull=True)),
                reviewed=Count("pk", filter=Q(reviewed_at__isnull=False)),
            )
        )
        waiting, reviewed = figures["waiting"], figures["reviewed"]
    return Counts(here["goals"], here["partners"], previous, waiting, reviewed)


def history_of(partner: Partner) -> QuerySet[Goal]:
    """The partner's goals at every meeting, the newest meeting first."""
    return goals_with_links(kept().filter(partner=partner)).order_by(
        "-meeting__starts_on", "-meeting_id", "due_on", "pk"
    )


def waiting_at(previous: Meeting, limit: int) -> list[PartnerGoals]:
    """The first `limit` goals of the previous meeting not reviewed yet, under their partner
    (the lead first, then by town), in one query."""
    goals = (
        kept()
        .filter(meeting=previous, reviewed_at__isnull=True)
        .select_related("partner__town")
        .order_by("partner__role", "partner__town__name", "partner_id", "due_on", "pk")[:limit]
    )
    rows: dict[int, PartnerGoals] = {}
    for goal in goals:
        rows.setdefault(goal.partner_id, PartnerGoals(goal.partner)).goals.append(goal)
    return list(rows.values())


def removed_at_meeting(meeting: Meeting, partner_ids: set[int] | None) -> QuerySet[Goal]:
    """The goals removed from the meeting's goals (of `partner_ids` only, unless None), the
    last removed first."""
    goals = Goal.objects.filter(meeting=meeting, removed_at__isnull=False)
    if partner_ids is not None:
        goals = goals.filter(partner_id__in=partner_ids)
    return goals.select_related("partner__town", "action").order_by("-removed_at", "-pk")
