"""The three-month goals of the demo's meetings (texts in network/demo_meetings_goals_texts.py):
each partner with a Transfer Plan sets its goals at a meeting, each goal becomes an action of
its plan, and at the next meeting the partner's coordinator reviews it; the action's status
follows the result (achieved: done, partly: in progress, not achieved: delayed)."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db.models import Max

from regrow.network.models import (
    FundingSource,
    Goal,
    Meeting,
    Partner,
    PlanAction,
    TransferPlan,
)

# The review's result, and the goal's action's status after it.
ACTION_STATUS = {
    Goal.Outcome.ACHIEVED: PlanAction.Status.DONE,
    Goal.Outcome.PARTLY: PlanAction.Status.IN_PROGRESS,
    Goal.Outcome.NOT_ACHIEVED: PlanAction.Status.DELAYED,
}


def at(meeting: Meeting, day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(meeting.time_zone))


def goals_set(
    meeting: Meeting,
    partners: dict[str, Partner],
    people: dict,
    goals: dict[str, list[tuple]],
    *,
    starts_on: date,
) -> list[Goal]:
    """Each partner's goals set at `meeting` (during its first day), as actions of its plan
    from `starts_on`; the result of each review is kept with the goal for `goals_review`."""
    plans = {
        plan.partner_id: plan
        for plan in TransferPlan.objects.filter(partner__in=[partners[t] for t in goals])
    }
    made = []
    for town, rows in goals.items():
        partner = partners[town]
        plan = plans.get(partner.pk)
        if plan is None:  # no Transfer Plan: its goals have no action to become
            continue
        order = plan.actions.aggregate(last=Max("order"))["last"] or 0
        for title, description, owner, due_on, _outcome, _comment in rows:
            order += 1
            action = PlanAction(
                plan=plan,
                title=title,
                description=description,
                owner=owner,
                starts_on=starts_on,
                due_on=due_on,
                funding_source=FundingSource.TOWN_BUDGET,  # the town's own people's time
                order=order,
            )
            action.full_clean()
            action.save()
            goal = Goal(
                meeting=meeting,
                partner=partner,
                title=title,
                description=description,
                owner=owner,
                due_on=due_on,
                action=action,
                created_by=people[town],
            )
            goal.full_clean()
            goal.save()
            made.append(goal)
    set_at = at(meeting, meeting.starts_on, 16)
    Goal.objects.filter(pk__in=[goal.pk for goal in made]).update(created_at=set_at)
    return made


def goals_review(
    set_at: Meeting, reviewed_at: Meeting, people: dict, goals: dict[str, list[tuple]]
) -> None:
    """The goals set at `set_at`, reviewed at `reviewed_at` by their partners' coordinators,
    with the results in `goals` (by town, by title); their actions follow."""
    results = {
        (town, title): (outcome, comment)
        for town, rows in goals.items()
        for title, _description, _owner, _due_on, outcome, comment in rows
    }
    when = at(reviewed_at, reviewed_at.starts_on, 15)
    for goal in Goal.objects.filter(meeting=set_at).select_related("partner__town", "action"):
        town = goal.partner.town.slug
        found = results.get((town, goal.title))
        if found is None:
            continue
        outcome, comment = found
        goal.outcome, goal.review_comment = outcome, comment
        goal.reviewed_at, goal.reviewed_by = when, people[town]
        goal.reviewed_at_meeting = reviewed_at
        goal.full_clean()
        goal.save()
        if goal.action is not None:
            goal.action.status = ACTION_STATUS[outcome]
            goal.action.progress_notes = comment
            goal.action.save(update_fields=["status", "progress_notes"])
