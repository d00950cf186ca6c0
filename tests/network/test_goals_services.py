"""Three-month goals' writes: a goal becomes an action of the partner's Transfer Plan and stays
in step with it; goals without an owner or due date, out of the meeting's range, or of a
partner without a plan are refused naming the field; only the partner's coordinators review
its goals, and the review moves the action's status on; stale edits are refused."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regrow.lib.concurrency import ConcurrentEditError
from regrow.network import selectors_goals as selectors
from regrow.network.models import Goal, PlanAction
from regrow.network.services import goals as services
from tests.network.goals_data import make_goals_world, make_meeting, set_goal

Status = PlanAction.Status


@pytest.fixture
def world(db):
    return make_goals_world()


def test_a_goal_becomes_an_action_of_the_plan(world):
    goal = set_goal(world, description="Ask every owner.")
    action = goal.action
    assert action.plan.partner == world.partners["aluksne"]
    assert (action.title, action.description, action.owner) == (
        "Owners' call for vacant units",
        "Ask every owner.",
        "Development department",
    )
    assert (action.starts_on, action.due_on, action.status) == (
        date(2019, 2, 1),
        date(2019, 4, 30),
        Status.PLANNED,
    )
    assert goal.created_by == world.people["aluksne_author"]


def test_the_default_due_date_is_three_months_after_the_last_day(world):
    assert services.default_due_on(world.first) == date(2019, 5, 1)
    assert services.add_months(date(2019, 11, 30), 3) == date(2020, 2, 29)
    assert services.due_range(world.first) == (date(2019, 1, 31), date(2019, 8, 1))


def test_organisers_set_goals_for_any_partner_and_others_may_not(world):
    goal = services.goal_add(
        meeting=world.first,
        partner=world.partners["aluksne"],
        by=world.people["lead"],
        title="Map of vacant units",
        description="",
        owner="GIS team",
        due_on=date(2019, 3, 31),
    )
    assert goal.action.owner == "GIS team"
    for who in ("melgaco_author", "altena_town", "outsider"):
        with pytest.raises(PermissionDenied):
            services.goal_add(
                meeting=world.first,
                partner=world.partners["aluksne"],
                by=world.people[who],
                title="x",
                description="",
                owner="y",
                due_on=date(2019, 3, 31),
            )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"owner": "  "}, "owner"),
        ({"due_on": None}, "due_on"),
        ({"due_on": date(2019, 1, 30)}, "due_on"),
        ({"due_on": date(2019, 8, 2)}, "due_on"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_goals_are_refused_naming_the_field(world, changes, field):
    with pytest.raises(ValidationError) as refused:
        set_goal(world, **changes)
    assert field in refused.value.error_dict
    assert not Goal.objects.exists() and not PlanAction.objects.exists()


def test_the_edges_of_the_range_are_allowed(world):
    assert set_goal(world, due_on=date(2019, 1, 31)).action.starts_on == date(2019, 1, 31)
    assert set_goal(world, due_on=date(2019, 8, 1)).action.due_on == date(2019, 8, 1)


def test_a_partner_without_a_plan_is_told_to_start_it(world):
    with pytest.raises(services.NoPlan) as refused:
        set_goal(world, town="melgaco")
    assert "Start the plan first" in refused.value.messages[0]
    assert not Goal.objects.exists()


def test_changing_a_goal_changes_its_action_and_stale_edits_are_refused(world):
    goal = set_goal(world)
    action_version = goal.action.version
    services.goal_change(
        goal=goal,
        by=world.people["aluksne_second"],
        version=goal.version,
        action_version=action_version,
        title="Call owners",
        description="By letter",
        owner="Mayor's office",
        due_on=date(2019, 5, 1),
    )
    action = PlanAction.objects.get()
    assert (action.title, action.owner, action.due_on, action.description) == (
        "Call owners",
        "Mayor's office",
        date(2019, 5, 1),
        "By letter",
    )
    stale = Goal.objects.get()
    values = {"title": "Old", "description": "", "owner": "x", "due_on": date(2019, 5, 1)}
    with pytest.raises(ConcurrentEditError):
        services.goal_change(
            goal=stale, by=world.people["aluksne_author"], version=1, action_version=2, **values
        )
    # The action changed in the plan meanwhile: the goal's edit is refused, nothing written.
    PlanAction.objects.update(version=9)
    with pytest.raises(ConcurrentEditError):
        services.goal_change(
            goal=stale,
            by=world.people["aluksne_author"],
            version=stale.version,
            action_version=action.version,
            **values,
        )
    assert Goal.objects.get().title == "Call owners"


def test_removing_a_goal_keeps_its_action(world):
    goal = set_goal(world)
    with pytest.raises(ConcurrentEditError):
        services.goal_remove(goal=goal, by=world.people["aluksne_author"], version=5)
    services.goal_remove(goal=goal, by=world.people["aluksne_author"], version=goal.version)
    assert Goal.objects.get().removed_at is not None  # hidden, not deleted: it can be put back
    assert PlanAction.objects.get().title == "Owners' call for vacant units"


def review(world, goal, who="aluksne_author", outcome="achieved", **values):
    values = {"version": goal.version, "comment": "Done in March", **values}
    return services.goal_review(
        goal=goal, meeting=world.second, by=world.people[who], outcome=outcome, **values
    )


@pytest.mark.parametrize(
    ("outcome", "status"),
    [("achieved", Status.DONE), ("partly", Status.IN_PROGRESS), ("not_achieved", Status.DELAYED)],
)
def test_a_review_moves_the_action_on(world, outcome, status):
    goal = set_goal(world)
    review(world, goal, outcome=outcome)
    goal.refresh_from_db()
    assert (goal.outcome, goal.review_comment) == (outcome, "Done in March")
    assert goal.reviewed_by == world.people["aluksne_author"]
    assert goal.reviewed_at_meeting == world.second and goal.reviewed_at is not None
    assert PlanAction.objects.get().status == status


@pytest.mark.parametrize("who", ["melgaco_author", "lead", "expert", "altena_town", "outsider"])
def test_only_the_partners_coordinators_review_its_goals(world, who):
    goal = set_goal(world)
    with pytest.raises(PermissionDenied) as refused:
        review(world, goal, who=who)
    assert "Alūksne" in str(refused.value)
    goal.refresh_from_db()
    assert goal.reviewed_at is None and goal.action.status == Status.PLANNED


def test_a_review_is_changed_with_its_version_and_only_at_a_later_meeting(world):
    goal = set_goal(world)
    review(world, goal)
    with pytest.raises(ConcurrentEditError):
        review(world, goal, version=1, outcome="partly")
    goal.refresh_from_db()
    review(world, goal, outcome="partly", comment="Half the owners answered")
    assert PlanAction.objects.get().status == Status.IN_PROGRESS
    with pytest.raises(ValidationError):
        services.goal_review(
            goal=goal,
            meeting=world.first,
            by=world.people["aluksne_author"],
            outcome="achieved",
            version=goal.version,
        )
    with pytest.raises(ValidationError):
        services.goal_remove(goal=goal, by=world.people["aluksne_author"], version=goal.version)


def test_the_goals_waiting_are_every_earlier_unreviewed_goal(world):
    network = world.net.network
    assert selectors.counts(world.second).waiting == 0
    set_goal(world)
    set_goal(world, title="Second")
    # A meeting between without goals, and a cancelled one with goals, add nothing.
    make_meeting(network, None, date(2019, 3, 1), date(2019, 3, 1), kind="online")
    cancelled = make_meeting(network, None, date(2019, 4, 1), date(2019, 4, 1), kind="online")
    set_goal(world, meeting=cancelled, title="Of a cancelled meeting", due_on=date(2019, 6, 1))
    cancelled.cancelled_at = cancelled.created_at
    cancelled.save()
    counts = selectors.counts(world.second)
    assert (counts.waiting, counts.partners_waiting, counts.reviewed) == (2, 1, 0)
    review(world, Goal.objects.get(title="Second"))
    counts = selectors.counts(world.second)
    assert (counts.waiting, counts.reviewed) == (1, 1)
    waiting = selectors.waiting_at(world.second, 10)
    assert [[goal.title for goal in row.goals] for row in waiting] == [
        ["Owners' call for vacant units"]
    ]
    assert [batch.meeting for batch in waiting[0].meetings] == [world.first]
    # The first meeting has no earlier one: nothing waits there.
    assert selectors.counts(world.first).waiting == 0


def test_a_cancelled_meeting_neither_sets_nor_reviews_goals(world):
    goal = set_goal(world)
    for meeting in (world.first, world.second):
        meeting.cancelled_at = meeting.created_at
        meeting.save()
    with pytest.raises(ValidationError):
        set_goal(world, title="Another")
    with pytest.raises(ValidationError):
        review(world, goal)
    assert Goal.objects.count() == 1 and Goal.objects.get().reviewed_at is None
