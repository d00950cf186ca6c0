"""Three-month goals, after review: a partner's goals are written by its own coordinators and by
the network lead and the lead expert, never by another partner's coordinators (not even when
their town hosts the meeting); every earlier goal not reviewed yet waits for review at a later
meeting, whichever meetings came between, by partner and by the meeting that set it, a page at
a time; a review is changed only at the meeting where it was made; the reviewer is never shown
by e-mail; a version clash keeps the text and saves it when sent again; a meeting far in the
future still has a goal form."""

import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.network import selectors_goals as selectors
from regrow.network.meeting_panels import goals as goals_panel
from regrow.network.models import Goal, Meeting, NetworkMembership, NetworkRole, PlanAction
from regrow.network.services import goals as services
from regrow.network.views_meetings import goals as goal_views
from tests.fixtures import make_user
from tests.network.goals_data import make_goals_world, make_meeting, set_goal


@pytest.fixture
def world(db):
    world = make_goals_world()
    world.net.start_plan("melgaco")
    return world


def goal_values(**changes) -> dict:
    return {
        "title": "Map of vacant units",
        "description": "",
        "owner": "GIS team",
        "due_on": date(2019, 7, 31),
        **changes,
    }


def post_data(**changes) -> dict:
    return {
        "title": "Owners' call for vacant units",
        "owner": "Development department",
        "due_on": "30.04.2019",
        "description": "Ask every owner",
        **changes,
    }


# 1. Who writes a partner's goals


def test_the_host_coordinator_writes_only_its_own_partners_goals(world):
    aluksne, melgaco = world.partners["aluksne"], world.partners["melgaco"]
    host = world.people["melgaco_author"]  # Melgaço hosts the second meeting
    with pytest.raises(PermissionDenied):
        services.goal_add(meeting=world.second, partner=aluksne, by=host, **goal_values())
    own = services.goal_add(meeting=world.second, partner=melgaco, by=host, **goal_values())
    assert own.action.plan.partner == melgaco
    theirs = set_goal(world, meeting=world.second, due_on=date(2019, 7, 31))
    with pytest.raises(PermissionDenied):
        services.goal_change(goal=theirs, by=host, version=theirs.version, **goal_values())
    with pytest.raises(PermissionDenied):
        services.goal_remove(goal=theirs, by=host, version=theirs.version)
    services.goal_remove(goal=theirs, by=world.people["aluksne_author"], version=theirs.version)
    theirs.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.goal_restore(goal=theirs, by=host, version=theirs.version)
    assert Goal.objects.get(pk=theirs.pk).removed_at is not None
    assert not PlanAction.objects.filter(plan__partner=aluksne, title="Map of vacant units")


@pytest.mark.parametrize("who", ["lead", "expert"])
def test_the_lead_and_the_lead_expert_write_every_partners_goals(world, who):
    by = world.people[who]
    goal = services.goal_add(
        meeting=world.second, partner=world.partners["aluksne"], by=by, **goal_values()
    )
    goal = services.goal_change(goal=goal, by=by, version=goal.version, **goal_values(title="X"))
    services.goal_remove(goal=goal, by=by, version=goal.version)
    goal.refresh_from_db()
    services.goal_restore(goal=goal, by=by, version=goal.version)
    assert Goal.objects.get().title == "X" and Goal.objects.get().removed_at is None


def test_the_host_coordinator_sees_and_puts_back_only_its_own_removed_goals(client, world):
    theirs = set_goal(world, meeting=world.second, due_on=date(2019, 7, 31), title="Theirs")
    services.goal_remove(goal=theirs, by=world.people["aluksne_author"], version=theirs.version)
    theirs.refresh_from_db()
    client.force_login(world.people["melgaco_author"])
    page = client.get(world.url(world.second, "goals/removed/")).content.decode()
    assert "Theirs" not in page
    restore = world.url(world.second, f"goals/{theirs.pk}/restore/")
    assert client.post(restore, {"version": theirs.version}).status_code == 403
    kept = set_goal(world, meeting=world.second, due_on=date(2019, 7, 31), title="Kept")
    for rest in (f"goals/{kept.pk}/", f"goals/{kept.pk}/remove/"):
        assert client.get(world.url(world.second, rest)).status_code == 403
    page = client.get(world.url(world.second, "goals/")).content.decode()
    assert world.url(world.second, f"goals/{kept.pk}/") not in page


# 2. The goals waiting for review


def many_meetings(world):
    """Kick-off goals of Alūksne and Melgaço; an Alūksne stakeholder group meeting between
    that sets one more; and a third meeting after the second."""
    set_goal(world, title="Alūksne kick-off goal")
    set_goal(world, town="melgaco", title="Melgaço kick-off goal")
    local = make_meeting(
        world.net.network,
        world.partners["aluksne"],
        date(2019, 3, 10),
        date(2019, 3, 10),
        kind=Meeting.Kind.LOCAL_GROUP,
        titles={"en": "Stakeholders in Alūksne"},
    )
    set_goal(world, meeting=local, title="Alūksne local goal", due_on=date(2019, 5, 31))
    third = make_meeting(
        world.net.network, None, date(2019, 9, 1), date(2019, 9, 1), kind=Meeting.Kind.ONLINE
    )
    return local, third


def test_a_meeting_between_hides_nobodys_goals(world):
    local, third = many_meetings(world)
    waiting = selectors.waiting_at(world.second, 10)
    assert [row.partner.town.slug for row in waiting] == ["aluksne", "melgaco"]
    assert [[batch.meeting for batch in row.meetings] for row in waiting] == [
        [world.first, local],
        [world.first],
    ]
    counts = selectors.counts(world.second)
    assert (counts.waiting, counts.partners_waiting, counts.reviewed) == (3, 2, 0)
    # The second meeting sets goals and reviews one: the others still wait at the third.
    set_goal(world, meeting=world.second, title="Second goal", due_on=date(2019, 8, 1))
    kickoff = Goal.objects.get(title="Alūksne kick-off goal")
    services.goal_review(
        goal=kickoff,
        meeting=world.second,
        by=world.people["aluksne_author"],
        outcome="achieved",
        version=kickoff.version,
    )
    assert selectors.counts(world.second).reviewed == 1
    titles = {goal.title for goal in selectors.waiting_for(third)}
    assert titles == {"Melgaço kick-off goal", "Alūksne local goal", "Second goal"}
    counts = selectors.counts(third)
    assert (counts.waiting, counts.partners_waiting, counts.reviewed) == (3, 2, 0)


def test_the_review_page_lists_every_partners_waiting_goals_by_meeting(client, world):
    _local, third = many_meetings(world)
    client.force_login(world.people["melgaco_author"])
    page = client.get(world.url(world.second, "goal-reviews/")).content.decode()
    for text in ("Alūksne kick-off goal", "Alūksne local goal", "Melgaço kick-off goal"):
        assert text in page
    assert "Set at “Stakeholders in Alūksne”" in page and "Set at “Kick-off in Alūksne”" in page
    assert page.index("Alūksne kick-off goal") < page.index("Alūksne local goal")
    melgaco_goal = Goal.objects.get(title="Melgaço kick-off goal")
    assert world.url(world.second, f"goal-reviews/{melgaco_goal.pk}/") in page
    aluksne_goal = Goal.objects.get(title="Alūksne kick-off goal")
    assert world.url(world.second, f"goal-reviews/{aluksne_goal.pk}/") not in page
    # At the third meeting they still wait.
    page = client.get(world.url(third, "goal-reviews/")).content.decode()
    assert "Melgaço kick-off goal" in page and "Alūksne local goal" in page


def test_the_review_page_comes_a_page_at_a_time(client, world, monkeypatch):
    monkeypatch.setattr(goal_views, "GOALS_PER_PAGE", 2)
    many_meetings(world)
    client.force_login(world.people["lead"])
    url = world.url(world.second, "goal-reviews/")
    first = client.get(url).content.decode()
    assert "Alūksne kick-off goal" in first and "Melgaço kick-off goal" not in first
    assert "?page=2" in first
    second = client.get(url + "?page=2").content.decode()
    assert "Melgaço kick-off goal" in second and "Alūksne kick-off goal" not in second


def counted(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_goals_everywhere(world, meetings, count: int) -> None:
    for number in range(count):
        for meeting in meetings:
            for town in ("aluksne", "melgaco"):
                set_goal(
                    world,
                    meeting=meeting,
                    town=town,
                    title=f"{town} {number}",
                    due_on=meeting.ends_on,
                )


def test_the_review_page_and_panel_take_the_same_queries_for_few_and_many(client, world, rf):
    local, third = many_meetings(world)
    client.force_login(world.people["melgaco_author"])
    url = world.url(third, "goal-reviews/")
    client.get(url)
    request = rf.get("/")
    request.user = world.people["lead"]
    few = counted(client, url)
    with CaptureQueriesContext(connection) as panel_few:
        goals_panel.panel(request, third)
    add_goals_everywhere(world, [world.first, local, world.second], 8)
    many = counted(client, url)
    with CaptureQueriesContext(connection) as panel_many:
        goals_panel.panel(request, third)
    assert few == many <= 25
    assert len(panel_few) == len(panel_many) <= 3


# 3. A review is changed only where it was made


def test_a_review_is_not_overwritten_at_a_later_meeting(client, world):
    goal = set_goal(world)
    services.goal_review(
        goal=goal,
        meeting=world.second,
        by=world.people["aluksne_author"],
        outcome="partly",
        comment="Half the owners",
        version=goal.version,
    )
    goal.refresh_from_db()
    third = make_meeting(
        world.net.network, None, date(2019, 9, 1), date(2019, 9, 1), kind=Meeting.Kind.ONLINE
    )
    with pytest.raises(ValidationError) as refused:
        services.goal_review(
            goal=goal,
            meeting=third,
            by=world.people["aluksne_author"],
            outcome="achieved",
            version=goal.version,
        )
    assert "Thematic meeting in Melgaço" in str(refused.value)
    client.force_login(world.people["aluksne_author"])
    url = world.url(third, f"goal-reviews/{goal.pk}/")
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "its review is changed only there" in page and "Half the owners" in page
    assert 'name="outcome"' not in page
    assert world.url(world.second, f"goal-reviews/{goal.pk}/") in page
    listing = client.get(world.url(third, "goal-reviews/")).content.decode()
    assert url not in listing  # neither waiting nor reviewed here
    response = client.post(url, {"outcome": "achieved", "version": goal.version})
    assert response.status_code == 409
    goal.refresh_from_db()
    assert (goal.outcome, goal.reviewed_at_meeting) == ("partly", world.second)
    # Where it was made it is still changed.
    here = world.url(world.second, f"goal-reviews/{goal.pk}/")
    assert 'name="outcome"' in client.get(here).content.decode()
    response = client.post(here, {"outcome": "achieved", "version": goal.version})
    assert response.status_code == 302
    assert Goal.objects.get().outcome == "achieved"


# 4. The reviewer is never shown by e-mail


def test_a_reviewer_without_a_name_is_a_coordinator_of_the_town(client, world):
    nameless = make_user("nameless@aluksne.example.org")
    NetworkMembership.objects.create(
        network=world.net.network,
        user=nameless,
        role=NetworkRole.PARTNER_COORDINATOR,
        partner=world.partners["aluksne"],
    )
    goal = set_goal(world)
    services.goal_review(
        goal=goal, meeting=world.second, by=nameless, outcome="achieved", version=goal.version
    )
    client.force_login(world.people["melgaco_author"])
    partner = world.partners["aluksne"]
    for url in (
        world.url(world.first, "goals/"),
        world.url(world.second, "goal-reviews/"),
        f"/en/regrow-city/members/partners/{partner.pk}/goals/",
    ):
        page = client.get(url).content.decode()
        assert "nameless@" not in page and "a coordinator of Alūksne" in page, url
    for url in (
        f"/api/networks/regrow-city/meetings/{world.first.pk}/goals",
        "/api/networks/regrow-city/partners/aluksne/goals",
    ):
        answer = client.get(url)
        assert "nameless@" not in answer.content.decode()
        assert answer.json()["results"][0]["review"]["reviewed_by"] is None
    named = set_goal(world, title="Named")
    services.goal_review(
        goal=named,
        meeting=world.second,
        by=world.people["aluksne_author"],
        outcome="partly",
        version=named.version,
    )
    api = f"/api/networks/regrow-city/meetings/{world.first.pk}/goals"
    names = {one["review"]["reviewed_by"] for one in client.get(api).json()["results"]}
    assert names == {None, "Projekta vadītāja"}


# 5. A version clash keeps the text and saves it when sent again


def version_in(page: str, name: str = "version") -> str:
    return re.search(rf'name="{name}" value="(\d+)"', page).group(1)


def test_a_clashing_goal_change_is_saved_when_sent_again(client, world):
    goal = set_goal(world)
    services.goal_change(
        goal=goal,
        by=world.people["lead"],
        version=goal.version,
        **goal_values(title="Their title", due_on=date(2019, 4, 30)),
    )
    client.force_login(world.people["aluksne_author"])
    url = world.url(world.first, f"goals/{goal.pk}/", "en")
    response = client.post(url, post_data(title="My title", version=1, action_version=1))
    assert response.status_code == 409
    page = response.content.decode()
    assert "My title" in page and "Their title" in page  # mine in the form, theirs beside it
    assert "Sending again saves your text over their change" in page
    assert "Reload the page" not in page
    again = {
        **post_data(title="My title"),
        "version": version_in(page),
        "action_version": version_in(page, "action_version"),
    }
    assert again["version"] == "2"
    assert client.post(url, again).status_code == 302
    assert (
        Goal.objects.get().title == "My title"
        and PlanAction.objects.get(plan__partner=world.partners["aluksne"]).title == "My title"
    )


def test_a_clashing_review_is_saved_when_sent_again(client, world):
    goal = set_goal(world)
    services.goal_review(
        goal=goal,
        meeting=world.second,
        by=world.people["aluksne_second"],
        outcome="partly",
        comment="Their comment",
        version=goal.version,
    )
    client.force_login(world.people["aluksne_author"])
    url = world.url(world.second, f"goal-reviews/{goal.pk}/")
    response = client.post(url, {"outcome": "achieved", "comment": "My comment", "version": "1"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "My comment" in page and "Their comment" in page
    assert "Sending again saves your text over their change" in page
    again = {"outcome": "achieved", "comment": "My comment", "version": version_in(page)}
    again["action_version"] = version_in(page, "action_version")
    assert client.post(url, again).status_code == 302
    goal.refresh_from_db()
    assert (goal.outcome, goal.review_comment) == ("achieved", "My comment")


# 6. A meeting far in the future


def test_a_meeting_far_in_the_future_has_a_goal_form(client, world):
    Meeting.objects.filter(pk=world.first.pk).update(
        starts_on=date(9999, 11, 30), ends_on=date(9999, 12, 1)
    )
    assert services.add_months(date(9999, 11, 30), 3) == date.max
    world.first.refresh_from_db()
    assert services.default_due_on(world.first) == date.max
    assert services.due_range(world.first) == (date(9999, 11, 30), date.max)
    client.force_login(world.people["aluksne_author"])
    url = world.url(world.first, f"goals/partners/{world.partners['aluksne'].pk}/add/", "en")
    assert client.get(url).status_code == 200
    response = client.post(url, post_data(due_on="31.12.9999"))
    assert response.status_code in (302, 400)  # saved, or refused naming a field: never a 500
