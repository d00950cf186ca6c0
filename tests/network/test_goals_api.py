"""The three-month goals' JSON API: a meeting's goals a page at a time and a partner's goals
with their reviews; 401 signed out, 403 outside the network, 404 for another network's."""

from datetime import date

import pytest

from regrow.network.services import goals as services
from tests.network.goals_data import make_goals_world, set_goal


@pytest.fixture
def world(db):
    world = make_goals_world()
    goal = set_goal(world)
    set_goal(world, title="Map of units", owner="GIS team", due_on=date(2019, 3, 31))
    services.goal_review(
        goal=goal,
        meeting=world.second,
        by=world.people["aluksne_author"],
        outcome="achieved",
        comment="All owners answered",
        version=goal.version,
    )
    return world


def meeting_url(world, meeting=None) -> str:
    return f"/api/networks/regrow-city/meetings/{(meeting or world.first).pk}/goals"


def test_a_meetings_goals_come_a_page_at_a_time(client, world):
    client.force_login(world.people["melgaco_author"])
    body = client.get(meeting_url(world), {"page_size": 1}).json()
    assert body["count"] == 2 and body["next"] and body["previous"] is None
    goal = body["results"][0]
    assert goal["title"] == "Map of units" and goal["town"] == "aluksne"
    assert goal["review"] is None and goal["action_status"] == "planned"
    second = client.get(body["next"]).json()["results"][0]
    assert second["review"]["outcome"] == "achieved"
    assert second["review"]["comment"] == "All owners answered"
    assert second["review"]["meeting_id"] == world.second.pk
    assert second["action_status"] == "done"
    assert client.get(meeting_url(world), {"page": 9}).status_code == 404
    assert client.get(meeting_url(world), {"colour": "red"}).status_code == 422


def test_a_partners_goals_over_all_meetings(client, world):
    set_goal(world, meeting=world.second, title="Pop-up round", due_on=date(2019, 8, 16))
    client.force_login(world.people["lead"])
    body = client.get("/api/networks/regrow-city/partners/aluksne/goals").json()
    assert [goal["title"] for goal in body["results"]] == [
        "Pop-up round",
        "Map of units",
        "Owners' call for vacant units",
    ]
    assert client.get("/api/networks/regrow-city/partners/nowhere/goals").status_code == 404


def test_signed_out_outsiders_and_other_networks(client, world):
    assert client.get(meeting_url(world)).status_code == 401
    client.force_login(world.people["outsider"])
    assert client.get(meeting_url(world)).status_code == 403
    assert client.get("/api/networks/regrow-city/partners/aluksne/goals").status_code == 403
    client.force_login(world.people["lead"])
    assert client.get(f"/api/networks/another/meetings/{world.first.pk}/goals").status_code == 404
    response = client.get(f"/api/networks/regrow-city/meetings/{world.first.pk + 99}/goals")
    assert response.status_code == 404 and "detail" in response.json()
