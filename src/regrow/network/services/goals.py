"""Writes of the three-month goals a partner sets at a meeting and reviews at the next.

A goal is set by the partner's coordinators (EDIT_PLAN on the partner) or by the network lead
and the lead expert, who organise every meeting and often type during it; the coordinators of
the town hosting the meeting organise it too, but write no other partner's plan. Each goal
becomes an action of the partner's Transfer Plan in the same transaction (`Goal.action`), and
editing the goal changes its action; both carry a version, so that a stale edit of either is
refused. Removing a goal not yet reviewed hides it (`removed_at`) and leaves its action in the
plan; it can be put back. Only the partner's own coordinators review its goals, at a later
meeting of the network: the outcome moves the action's status on. A review is changed only at
the meeting where it was made, so that an earlier review is never lost.
"""

import calendar
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from regrow.lib.concurrency import claim_version
from regrow.network.models import Goal, Meeting, Partner, PlanAction, TransferPlan
from regrow.network.services.actions import _check_action, _next_order
from regrow.towns.permissions import Action, can

GOAL_VALUES = ("title", "description", "owner", "due_on")
MONTHS_AHEAD = 3  # the goals' horizon: the default due date
MONTHS_AT_MOST = 6  # the latest due date a goal may have, after the meeting's last day

# What a review's outcome makes of the goal's action.
ACTION_STATUS = {
    Goal.Outcome.ACHIEVED: PlanAction.Status.DONE,
    Goal.Outcome.PARTLY: PlanAction.Status.IN_PROGRESS,
    Goal.Outcome.NOT_ACHIEVED: PlanAction.Status.DELAYED,
}


class NoPlan(ValidationError):
    """The partner has no Transfer Plan for its goals' actions yet."""


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day where it has fewer days)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    if year > date.max.year:
        return date.max  # no calendar goes further
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def default_due_on(meeting: Meeting) -> date:
    return add_months(meeting.ends_on, MONTHS_AHEAD)


def due_range(meeting: Meeting) -> tuple[date, date]:
    """The first and last due date a goal set at the meeting may have."""
    return meeting.starts_on, add_months(meeting.ends_on, MONTHS_AT_MOST)


def leads_network(user, network_id: int) -> bool:
    """The network lead and the lead expert: they organise every meeting of the network (a
    meeting without a host is organised by them alone)."""
    return can(user, Action.ORGANISE_MEETING, Meeting(network_id=network_id, host=None))


def may_set(user, meeting: Meeting, partner: Partner) -> bool:
    """The partner's coordinators, and the network lead and the lead expert for any partner;
    not another partner's coordinators, even when their town hosts the meeting."""
    return can(user, Action.EDIT_PLAN, partner) or leads_network(user, meeting.network_id)


def may_review(user, goal: Goal) -> bool:
    """Only the coordinators of the goal's partner."""
    return can(user, Action.EDIT_PLAN, goal.partner)


def not_in_partner_message(partner: Partner) -> str:
    return _(
        "Only the coordinators of %(town)s review its goals: they know how far the town got."
    ) % {"town": partner.town.name}


def _check_goal(meeting: Meeting, values: dict) -> dict:
    values = {name: values.get(name) for name in GOAL_VALUES}
    for name in ("title", "description", "owner"):
        values[name] = (values[name] or "").strip()
    problems = {}
    if not values["title"]:
        problems["title"] = _("Say what the goal is.")
    if not values["owner"]:
        problems["owner"] = _("Name the goal's owner: a person or an organisation.")
    due_on = values["due_on"]
    first, last = due_range(meeting)
    if due_on is None:
        problems["due_on"] = _("Give the date the goal is due.")
    elif not first <= due_on <= last:
        problems["due_on"] = _(
            "The due date must be from the meeting's first day (%(first)s) to six months after "
            "its last day (%(last)s)."
        ) % {
            "first": date_format(first, "SHORT_DATE_FORMAT"),
            "last": date_format(last, "SHORT_DATE_FORMAT"),
        }
    if problems:
        raise ValidationError(problems)
    return values


def _plan_of(partner: Partner) -> TransferPlan:
    plan = TransferPlan.objects.filter(partner=partner).select_related("partner__town").first()
    if plan is None:
        raise NoPlan(
            _(
                "%(town)s has no Transfer Plan yet, and each goal becomes an action of the plan. "
                "Start the plan first, then set the goals."
            )
            % {"town": partner.town.name},
            code="no_plan",
        )
    return plan


def _action_values(meeting: Meeting, plan: TransferPlan, values: dict) -> dict:
    due_on = values["due_on"]
    return _check_action(
        plan,
        {
            "title": values["title"],
            "description": values["description"],
            "owner": values["owner"],
            # An action cannot be due before it starts: a goal due during the meeting starts then.
            "starts_on": min(meeting.ends_on, due_on),
            "due_on": due_on,
            "status": PlanAction.Status.PLANNED,
        },
    )


def _require_set(by, meeting: Meeting, partner: Partner) -> None:
    if partner.network_id != meeting.network_id:
        raise ValidationError({"partner": _("This town is not a partner of the network.")})
    if not may_set(by, meeting, partner):
        raise PermissionDenied(
            _(
                "Only the partner's coordinators, the network lead and the lead expert set the "
                "partner's goals."
            )
        )
    if meeting.cancelled_at is not None:
        raise ValidationError(_("The meeting is cancelled: goals are set at meetings that happen."))


@transaction.atomic
def goal_add(*, meeting: Meeting, partner: Partner, by, **values) -> Goal:
    """A goal of the partner set at the meeting, and its action in the partner's plan."""
    _require_set(by, meeting, partner)
    values = _check_goal(meeting, values)
    plan = _plan_of(partner)
    action = PlanAction(
        plan=plan, order=_next_order(plan.actions), **_action_values(meeting, plan, values)
    )
    action.full_clean()
    action.save()
    goal = Goal(meeting=meeting, partner=partner, action=action, created_by=by, **values)
    goal.full_clean()
    goal.save()
    return goal


def _stale_goal() -> str:
    return _("Someone changed this goal after you opened it. Reload the page to see their change.")


def _stale_action() -> str:
    return _(
        "Someone changed the goal's action in the Transfer Plan after you opened the goal. "
        "Reload the page to see their change."
    )


@transaction.atomic
def goal_change(
    *, goal: Goal, by, version: int | None, action_version: int | None = None, **values
) -> Goal:
    """Change the goal and its action (each refused if changed since `version` and
    `action_version`, the versions the form started from)."""
    meeting = goal.meeting
    _require_set(by, meeting, goal.partner)
    _require_kept(goal)
    values = _check_goal(meeting, values)
    for name, value in values.items():
        setattr(goal, name, value)
    goal.full_clean()
    goal.version = claim_version(
        Goal, goal.pk, -1 if version is None else version, _stale_goal(), **values
    )
    action = goal.action
    if action is not None:
        changes = _action_values(meeting, action.plan, values)
        changes = {name: changes[name] for name in ("title", "description", "owner", "due_on")}
        if action.starts_on > values["due_on"]:
            changes["starts_on"] = values["due_on"]
        for name, value in changes.items():
            setattr(action, name, value)
        action.full_clean()
        expected = action.version if action_version is None else action_version
        action.version = claim_version(PlanAction, action.pk, expected, _stale_action(), **changes)
    return goal


def _require_kept(goal: Goal) -> None:
    if goal.removed_at is not None:
        raise ValidationError(_("This goal was removed. Put it back first."))


@transaction.atomic
def goal_remove(*, goal: Goal, by, version: int | None) -> Goal:
    """Remove a goal not yet reviewed: it is hidden and can be put back; its action stays in
    the plan."""
    _require_set(by, goal.meeting, goal.partner)
    _require_kept(goal)
    if goal.reviewed_at is not None:
        raise ValidationError(
            _("A reviewed goal stays: its review belongs to the network's record.")
        )
    removed_at = timezone.now()
    goal.version = claim_version(
        Goal, goal.pk, -1 if version is None else version, _stale_goal(), removed_at=removed_at
    )
    goal.removed_at = removed_at
    return goal


@transaction.atomic
def goal_restore(*, goal: Goal, by, version: int | None) -> Goal:
    """Put a removed goal back among the meeting's goals (its action never left the plan)."""
    _require_set(by, goal.meeting, goal.partner)
    if goal.removed_at is None:
        return goal
    goal.version = claim_version(
        Goal, goal.pk, -1 if version is None else version, _stale_goal(), removed_at=None
    )
    goal.removed_at = None
    return goal


def reviewed_elsewhere(goal: Goal, meeting: Meeting) -> str | None:
    """Why the goal's review is not changed at `meeting`: it was made at another meeting (None
    if not reviewed yet, or reviewed at this one)."""
    if goal.reviewed_at is None or goal.reviewed_at_meeting_id == meeting.pk:
        return None
    where = goal.reviewed_at_meeting
    if where is None:
        return _(
            "This goal is already reviewed, and its review is changed only at the meeting "
            "where it was made."
        )
    return _(
        "This goal was reviewed at “%(title)s”: its review is changed only there, so that it "
        "is not lost."
    ) % {"title": where.title}


def _require_review(by, goal: Goal, meeting: Meeting) -> None:
    if not may_review(by, goal):
        raise PermissionDenied(not_in_partner_message(goal.partner))
    _require_kept(goal)
    if meeting.network_id != goal.meeting.network_id:
        raise ValidationError(_("This meeting is of another network."))
    if meeting.cancelled_at is not None:
        raise ValidationError(
            _("The meeting is cancelled: goals are reviewed at meetings that happen.")
        )
    if meeting.pk == goal.meeting_id or meeting.starts_on <= goal.meeting.starts_on:
        raise ValidationError(_("A goal is reviewed at a later meeting than the one that set it."))
    elsewhere = reviewed_elsewhere(goal, meeting)
    if elsewhere is not None:
        raise ValidationError(elsewhere, code="reviewed_elsewhere")


@transaction.atomic
def goal_review(
    *,
    goal: Goal,
    meeting: Meeting,
    by,
    outcome: str,
    comment: str = "",
    version: int | None,
    action_version: int | None = None,
) -> Goal:
    """Review the goal at `meeting`: how it went, and the action's status moved on with it."""
    _require_review(by, goal, meeting)
    if outcome not in Goal.Outcome.values:
        raise ValidationError({"outcome": _("Choose how far the goal was achieved.")})
    changes = {
        "outcome": outcome,
        "review_comment": (comment or "").strip(),
        "reviewed_at": timezone.now(),
        "reviewed_by": by,
        "reviewed_at_meeting": meeting,
    }
    for name, value in changes.items():
        setattr(goal, name, value)
    goal.full_clean()
    goal.version = claim_version(
        Goal, goal.pk, -1 if version is None else version, _stale_goal(), **changes
    )
    action = goal.action
    if action is not None:
        status = ACTION_STATUS[Goal.Outcome(outcome)]
        expected = action.version if action_version is None else action_version
        action.version = claim_version(
            PlanAction, action.pk, expected, _stale_action(), status=status
        )
        action.status = status
    return goal
