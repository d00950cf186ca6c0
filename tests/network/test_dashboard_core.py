"""The dashboard's pure core: how actions, goals, meetings and milestones are counted and
ordered, from plain rows."""

from datetime import date, timedelta

from regrow.network import dashboard
from regrow.network.dashboard import GoalRow, MeetingRow, MilestoneRow

TODAY = date(2026, 11, 26)


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


def test_actions_done_due_soon_and_late():
    rows = [
        ("done", days(-10)),  # done, even when past
        ("planned", days(-1)),  # late
        ("delayed", days(-100)),  # late
        ("dropped", days(-3)),  # neither
        ("in_progress", days(0)),  # due today: due soon, not late
        ("planned", days(30)),  # due soon (the 30th day)
        ("planned", days(31)),  # later
    ]
    counts = dashboard.count_actions(rows, TODAY)
    assert counts == dashboard.ActionCounts(total=7, done=1, due_soon=2, late=2)
    by_plan = dashboard.actions_by_plan([(1, "planned", days(-1)), (2, "done", days(1))], TODAY)
    assert by_plan[1].late == 1 and by_plan[2].done == 1


def test_goals_count_only_at_the_latest_review():
    rows = [
        GoalRow(1, 10, "Alūksne", date(2019, 1, 31), "achieved"),
        GoalRow(1, 20, "Isernia", date(2019, 11, 28), "achieved"),
        GoalRow(1, 20, "Isernia", date(2019, 11, 28), "partly"),
        GoalRow(1, 20, "Isernia", date(2019, 11, 28), "not_achieved"),
        GoalRow(1, 20, "Isernia", date(2019, 11, 28), "not_achieved"),
        GoalRow(2, 10, "Alūksne", date(2019, 1, 31), "partly"),
    ]
    reviews = dashboard.last_reviews(rows)
    first = reviews[1]
    assert (first.meeting_title, first.achieved, first.partly, first.not_achieved) == (
        "Isernia", 1, 1, 2,
    )  # fmt: skip
    assert first.total == 4
    assert (reviews[2].meeting_id, reviews[2].partly) == (10, 1)
    assert dashboard.last_reviews([]) == {}


def meeting(pk, starts, kind="transnational", host=None, ends=None, cancelled=False):
    return MeetingRow(pk, f"M{pk}", kind, kind, starts, ends or starts, host, "", "", cancelled)


def test_the_next_meeting_of_a_partner_skips_other_partners_local_groups():
    upcoming = [meeting(1, days(1), "local_group", host=7), meeting(2, days(5))]
    assert dashboard.next_meeting_for(7, upcoming).id == 1
    assert dashboard.next_meeting_for(8, upcoming).id == 2
    assert dashboard.next_meeting_for(8, []) is None


def test_milestone_deadlines():
    milestones = [
        MilestoneRow(1, "Done", days(-50), days(-51)),
        MilestoneRow(2, "Late", days(-5), None),
        MilestoneRow(3, "Later", days(40), None),
        MilestoneRow(4, "Today", days(0), None),
    ]
    found = dashboard.deadlines(milestones, TODAY)
    assert found.next_due.title == "Today"
    assert [one.title for one in found.overdue] == ["Late"]


def test_the_timeline_in_order_with_today_before_the_first_coming_entry():
    meetings = [
        meeting(1, days(-3), ends=days(0)),  # under way: not past
        meeting(2, days(-30)),
        meeting(3, days(10), cancelled=True),
    ]
    milestones = [MilestoneRow(9, "Plans", days(-30), None), MilestoneRow(8, "End", days(60), None)]
    entries = dashboard.timeline(meetings, milestones, TODAY)
    assert [(one.kind, one.title) for one in entries] == [
        ("meeting", "M2"),
        ("milestone", "Plans"),
        ("meeting", "M1"),
        ("meeting", "M3"),
        ("milestone", "End"),
    ]
    assert [one.first_coming for one in entries] == [False, False, True, False, False]
    assert [one.state for one in entries] == ["", "overdue", "", "cancelled", ""]


def test_public_parts_keep_their_order_and_drop_unknown_ones():
    assert dashboard.public_parts(["meetings", "plans", "secret"]) == ["plans", "meetings"]
    assert dashboard.public_parts(None) == []
