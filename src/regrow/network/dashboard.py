"""The network dashboard's figures from plain rows, without the database: each partner's
actions done, due soon and late, its goals at their last review, the next meeting it takes
part in, the milestones' deadlines, and the timeline of meetings and milestones. The
selectors (selectors_dashboard.py) read the rows; this module only counts and orders them.

What the public may see of the dashboard is the lead's choice among PUBLIC_PARTS, kept in
Network.public_summary."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

# The parts of the dashboard the network lead may show on the public site, in their order.
PUBLIC_PARTS = ("plans", "actions", "goals", "indicators", "meetings")
PUBLIC_PART_LABELS = {
    "plans": _("Transfer Plans' status and version"),
    "actions": _("Actions done, due and late"),
    "goals": _("Three-month goals at their last review"),
    "indicators": _("Indicators: latest value and target"),
    "meetings": _("Meetings and milestones"),
}
# An action due within this many days from today is "due soon".
DUE_SOON_DAYS = 30

DONE = "done"
DROPPED = "dropped"
FINISHED = (DONE, DROPPED)
LOCAL_GROUP = "local_group"
ACHIEVED, PARTLY, NOT_ACHIEVED = "achieved", "partly", "not_achieved"


def public_parts(chosen: Iterable[str] | None) -> list[str]:
    """The known parts among `chosen`, in PUBLIC_PARTS' order (anything else left out)."""
    chosen = set(chosen or ())
    return [part for part in PUBLIC_PARTS if part in chosen]


@dataclass(frozen=True)
class ActionCounts:
    total: int = 0
    done: int = 0
    due_soon: int = 0
    late: int = 0


def action_state(status: str, due_on: date, today: date) -> str | None:
    """ "done", "late" (not done or dropped and due before today), "due_soon" (open and due from
    today to DUE_SOON_DAYS days on), or None."""
    if status == DONE:
        return "done"
    if status == DROPPED:
        return None
    if due_on < today:
        return "late"
    if due_on <= today + timedelta(days=DUE_SOON_DAYS):
        return "due_soon"
    return None


def count_actions(rows: Iterable[tuple[str, date]], today: date) -> ActionCounts:
    """Counts of (status, due_on) rows."""
    total = done = due_soon = late = 0
    for status, due_on in rows:
        total += 1
        state = action_state(status, due_on, today)
        done += state == "done"
        due_soon += state == "due_soon"
        late += state == "late"
    return ActionCounts(total, done, due_soon, late)


def actions_by_plan(rows: Iterable[tuple[int, str, date]], today: date) -> dict[int, ActionCounts]:
    """(plan id, status, due_on) rows counted per plan."""
    grouped: dict[int, list[tuple[str, date]]] = {}
    for plan_id, status, due_on in rows:
        grouped.setdefault(plan_id, []).append((status, due_on))
    return {plan_id: count_actions(found, today) for plan_id, found in grouped.items()}


@dataclass(frozen=True)
class GoalReview:
    """A partner's goals as reviewed at one meeting: how many achieved, partly, not."""

    meeting_id: int
    meeting_title: str
    meeting_day: date
    achieved: int = 0
    partly: int = 0
    not_achieved: int = 0

    @property
    def total(self) -> int:
        return self.achieved + self.partly + self.not_achieved


@dataclass(frozen=True)
class GoalRow:
    partner_id: int
    meeting_id: int
    meeting_title: str
    meeting_day: date
    outcome: str


def last_reviews(rows: Iterable[GoalRow]) -> dict[int, GoalReview]:
    """Each partner's goals reviewed at the latest meeting where its goals were reviewed."""
    latest: dict[int, tuple[date, int]] = {}
    rows = list(rows)
    for row in rows:
        key = (row.meeting_day, row.meeting_id)
        if row.partner_id not in latest or key > latest[row.partner_id]:
            latest[row.partner_id] = key
    counts: dict[int, dict[str, int]] = {}
    meetings: dict[int, GoalRow] = {}
    for row in rows:
        if (row.meeting_day, row.meeting_id) != latest[row.partner_id]:
            continue
        meetings[row.partner_id] = row
        tally = counts.setdefault(row.partner_id, {ACHIEVED: 0, PARTLY: 0, NOT_ACHIEVED: 0})
        if row.outcome in tally:
            tally[row.outcome] += 1
    return {
        partner_id: GoalReview(
            meeting_id=meetings[partner_id].meeting_id,
            meeting_title=meetings[partner_id].meeting_title,
            meeting_day=meetings[partner_id].meeting_day,
            achieved=tally[ACHIEVED],
            partly=tally[PARTLY],
            not_achieved=tally[NOT_ACHIEVED],
        )
        for partner_id, tally in counts.items()
    }


@dataclass(frozen=True)
class MeetingRow:
    id: int
    title: str
    kind: str
    kind_label: str
    starts_on: date
    ends_on: date
    host_id: int | None
    host_name: str
    place_name: str = ""
    cancelled: bool = False


def next_meeting_for(partner_id: int, upcoming: Sequence[MeetingRow]) -> MeetingRow | None:
    """The first of the `upcoming` meetings (in order, none cancelled) the partner takes part
    in: every meeting of the network, and the local group meetings it hosts."""
    for meeting in upcoming:
        if meeting.kind != LOCAL_GROUP or meeting.host_id == partner_id:
            return meeting
    return None


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    title: str
    due_on: date
    done_on: date | None
    month: int | None = None


@dataclass(frozen=True)
class Deadlines:
    next_due: MilestoneRow | None
    overdue: list[MilestoneRow]


def deadlines(milestones: Iterable[MilestoneRow], today: date) -> Deadlines:
    """The next milestone not done that is due from today on, and those not done and due
    before today (oldest first)."""
    open_ones = sorted(
        (one for one in milestones if one.done_on is None), key=lambda one: (one.due_on, one.id)
    )
    coming = [one for one in open_ones if one.due_on >= today]
    return Deadlines(
        next_due=coming[0] if coming else None,
        overdue=[one for one in open_ones if one.due_on < today],
    )


@dataclass(frozen=True)
class TimelineEntry:
    """A meeting or a milestone on the timeline."""

    kind: str  # "meeting" or "milestone"
    day: date
    last_day: date
    title: str
    past: bool
    detail: str = ""
    meeting: MeetingRow | None = None
    milestone: MilestoneRow | None = None
    state: str = ""  # a milestone's "done" or "overdue"; a meeting's "cancelled"
    first_coming: bool = False  # the first entry not past: "today" goes before it


def timeline(
    meetings: Iterable[MeetingRow], milestones: Iterable[MilestoneRow], today: date
) -> list[TimelineEntry]:
    """Meetings and milestones in the order of their dates (a meeting before a milestone on
    the same day); each marked past (it ended before today) or not."""
    entries = []
    for meeting in meetings:
        entries.append(
            TimelineEntry(
                kind="meeting",
                day=meeting.starts_on,
                last_day=meeting.ends_on,
                title=meeting.title,
                past=meeting.ends_on < today,
                detail=meeting.kind_label,
                meeting=meeting,
                state="cancelled" if meeting.cancelled else "",
            )
        )
    for milestone in milestones:
        state = ""
        if milestone.done_on is not None:
            state = "done"
        elif milestone.due_on < today:
            state = "overdue"
        entries.append(
            TimelineEntry(
                kind="milestone",
                day=milestone.due_on,
                last_day=milestone.due_on,
                title=milestone.title,
                past=milestone.due_on < today,
                milestone=milestone,
                state=state,
            )
        )
    order = {"meeting": 0, "milestone": 1}
    entries.sort(key=lambda entry: (entry.day, order[entry.kind], entry.title))
    for index, entry in enumerate(entries):
        if not entry.past:
            entries[index] = replace(entry, first_coming=True)
            break
    return entries


@dataclass(frozen=True)
class IndicatorFigure:
    """One indicator of a plan: its target and the town's latest value (None: none yet)."""

    code: str
    name: str
    unit: str
    baseline: Decimal
    baseline_period: str
    target: Decimal
    target_period: str
    actual: Decimal | None
    actual_period: str | None


@dataclass
class PartnerFigures:
    """One partner's column (or card) of the dashboard."""

    partner_id: int
    town_name: str
    town_slug: str
    role: str
    role_label: str
    plan_id: int | None = None
    version_number: int | None = None
    version_status: str | None = None
    actions: ActionCounts = field(default_factory=ActionCounts)
    goals: GoalReview | None = None
    indicators: list[IndicatorFigure] = field(default_factory=list)
    next_meeting: MeetingRow | None = None
