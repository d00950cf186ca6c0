"""Nothing is deleted without a way back: a three-month goal removed before its review is
hidden (from the meeting's goals, the panel's counts and the goals waiting for review, the
review page, a partner's history, the API and the dashboard) while its action stays in the
plan; it is listed among the meeting's removed goals, to those who may set it, and put back
from there; stale versions are refused; a removed goal is neither changed nor reviewed; the
removed goals' page takes the same queries for few and many."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.lib.concurrency import ConcurrentEditError
from regrow.network import selectors_dashboard
from regrow.network import selectors_goals as selectors
from regrow.network.meeting_panels import goals as goals_panel
from regrow.network.models import Goal, PlanAction
from regrow.network.services import goals as services
from tests.network.goals_data import make_goals_world, set_goal


@pytest.fixture
def world(db):
    return make_goals_world()


def remove(world, goal, who="aluksne_author") -> Goal:
    goal.refresh_from_db()
    return services.goal_remove(goal=goal, by=world.people[who], version=goal.version)


def test_a_removed_goal_is_left_out_everywhere(client, world, rf):
    kept = set_goal(world, title="Map of units")
    gone = set_goal(world, title="Owners' call")
    remove(world, gone)
    assert Goal.objects.get(pk=gone.pk).removed_at is not None
    assert PlanAction.objects.filter(plan__partner=world.partners["aluksne"]).count() == 2

    counts = selectors.counts(world.second)
    assert counts.waiting == 1
    assert selectors.counts(world.first).set_here == 1
    request = rf.get("/")
    request.user = world.people["lead"]
    _template, panel = goals_panel.panel(request, world.second)
    assert [goal.title for row in panel["waiting"] for goal in row.goals] == ["Map of units"]
    partner = world.partners["aluksne"]
    assert list(selectors.history_of(partner)) == [kept]
    assert list(selectors_dashboard.goals_of_partner(partner)) == [kept]

    client.force_login(world.people["melgaco_author"])
    for url in (world.url(world.first, "goals/"), world.url(world.second, "goal-reviews/")):
        page = client.get(url).content.decode()
        assert "Map of units" in page and "Owners" not in page
    history = f"/en/regrow-city/members/partners/{partner.pk}/goals/"
    assert "Owners" not in client.get(history).content.decode()
    dashboard = f"/en/regrow-city/members/dashboard/partners/{partner.pk}/"
    goals = client.get(dashboard).context["goals"]  # its action stays among the actions
    assert [goal.title for goal in goals] == ["Map of units"]
    api = f"/api/networks/regrow-city/meetings/{world.first.pk}/goals"
    assert [goal["title"] for goal in client.get(api).json()["results"]] == ["Map of units"]
    api = "/api/networks/regrow-city/partners/aluksne/goals"
    assert [goal["title"] for goal in client.get(api).json()["results"]] == ["Map of units"]


def test_a_meeting_whose_goals_are_all_removed_is_not_reviewed(world):
    remove(world, set_goal(world))
    assert not selectors.waiting_for(world.second).exists()
    assert selectors.counts(world.second).waiting == 0


def test_a_removed_goal_is_put_back_from_the_removed_goals(client, world):
    goal = set_goal(world)
    action = goal.action
    client.force_login(world.people["aluksne_author"])
    url = world.url(world.first, f"goals/{goal.pk}/remove/")
    assert "you can put it back" in client.get(url).content.decode()
    answer = client.post(url, {"version": goal.version}, follow=True)
    assert "You can put the goal back" in answer.content.decode()
    assert "1 removed goal" in answer.content.decode()
    removed = client.get(world.url(world.first, "goals/removed/")).content.decode()
    assert "Owners&#x27; call for vacant units" in removed and "Put back" in removed
    goal.refresh_from_db()
    answer = client.post(
        world.url(world.first, f"goals/{goal.pk}/restore/"), {"version": goal.version}, follow=True
    )
    assert "is back among the meeting" in answer.content.decode()
    goal.refresh_from_db()
    assert goal.removed_at is None and goal.action == action
    assert selectors.counts(world.first).set_here == 1


def test_stale_versions_are_refused(client, world):
    goal = set_goal(world)
    remove(world, goal)
    goal.refresh_from_db()
    with pytest.raises(ConcurrentEditError):
        services.goal_restore(goal=goal, by=world.people["lead"], version=goal.version - 1)
    client.force_login(world.people["lead"])
    answer = client.post(world.url(world.first, f"goals/{goal.pk}/restore/"), {"version": "1"})
    assert answer.status_code == 302
    assert "Someone changed this goal" in client.get(answer["Location"]).content.decode()
    goal.refresh_from_db()
    assert goal.removed_at is not None


def test_a_removed_goal_is_neither_changed_reviewed_nor_removed_again(client, world):
    goal = set_goal(world)
    remove(world, goal)
    goal.refresh_from_db()
    client.force_login(world.people["aluksne_author"])
    for rest in (f"goals/{goal.pk}/", f"goals/{goal.pk}/remove/"):
        assert client.get(world.url(world.first, rest)).status_code == 404
    assert client.get(world.url(world.second, f"goal-reviews/{goal.pk}/")).status_code == 404
    for call in (
        lambda: services.goal_change(
            goal=goal,
            by=world.people["aluksne_author"],
            version=goal.version,
            title="X",
            owner="Y",
            due_on=date(2019, 4, 30),
        ),
        lambda: services.goal_review(
            goal=goal,
            meeting=world.second,
            by=world.people["aluksne_author"],
            outcome="achieved",
            version=goal.version,
        ),
        lambda: remove(world, goal),
    ):
        with pytest.raises(ValidationError):
            call()
    kept = set_goal(world, title="Kept")
    restore = world.url(world.first, f"goals/{kept.pk}/restore/")
    assert client.post(restore, {"version": kept.version}).status_code == 404


def test_who_sees_and_puts_back_removed_goals(client, world):
    goal = set_goal(world)
    remove(world, goal)
    removed = world.url(world.first, "goals/removed/")
    restore = world.url(world.first, f"goals/{goal.pk}/restore/")
    # Another partner's coordinator sees only its own partner's removed goals.
    client.force_login(world.people["melgaco_author"])
    assert "removed goal" not in client.get(world.url(world.first, "goals/")).content.decode()
    assert "Owners" not in client.get(removed).content.decode()
    assert client.post(restore, {"version": goal.version + 1}).status_code == 403
    # A member who sets no goals sees none.
    client.force_login(world.people["altena_town"])
    assert client.get(removed).status_code in (403, 404)
    # The meeting's organisers see every partner's.
    client.force_login(world.people["lead"])
    assert "Owners" in client.get(removed).content.decode()
    assert client.get(restore).status_code == 405  # put back by POST only


def counted(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["aluksne_author", "lead"])
def test_the_removed_goals_page_takes_the_same_queries_for_few_and_many(client, world, who):
    remove(world, set_goal(world))
    client.force_login(world.people[who])
    url = world.url(world.first, "goals/removed/")
    client.get(url)
    few = counted(client, url)
    for number in range(25):
        remove(world, set_goal(world, title=f"Goal {number}"))
    many = counted(client, url)
    assert few == many <= 20
