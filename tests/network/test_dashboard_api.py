"""The dashboard's figures over JSON: members read every partner's figures, the coming dates
and the timeline; the public only the parts the lead chose; query counts that do not grow
with the number of partners."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.network.models import Partner
from tests.fixtures import make_town
from tests.network.dashboard_data import fill_partner, make_dashboard_network

API = "/api/networks/regrow-city/"


@pytest.fixture
def world(db):
    return make_dashboard_network()


def test_members_read_every_partners_figures(client, world):
    world, meetings = world
    client.force_login(world.people["altena_town"])  # a coordinator of a partner town
    answer = client.get(API + "dashboard/partners?page_size=2")
    assert answer.status_code == 200
    body = answer.json()
    assert body["count"] == 3 and body["next"] and len(body["results"]) == 2
    aluksne = body["results"][1]
    assert aluksne["town"] == "aluksne"
    assert aluksne["plan"] == {"number": 2, "status": "final"}
    assert aluksne["actions"] == {"total": 6, "done": 1, "due_soon": 1, "late": 2}
    goals = aluksne["goals_at_last_review"]
    assert (goals["meeting_id"], goals["achieved"], goals["partly"], goals["not_achieved"]) == (
        meetings["last"].pk, 1, 1, 1,
    )  # fmt: skip
    assert [one["code"] for one in aluksne["indicators"]] == ["dashboard_footfall", "vacancy_rate"]
    assert aluksne["indicators"][0]["actual"] == 1234.0
    assert aluksne["next_meeting"]["id"] == meetings["local"].pk
    dates = client.get(API + "dashboard").json()
    assert dates["next_meeting"]["id"] == meetings["local"].pk
    assert dates["next_milestone"]["title"] == "Final plans"
    assert [one["title"] for one in dates["overdue_milestones"]] == ["Transfer Plans due"]
    timeline = client.get(API + "dashboard/timeline").json()
    assert timeline["count"] == 8
    assert [one["kind"] for one in timeline["results"][:2]] == ["milestone", "meeting"]


def test_outsiders_and_strangers_are_refused(client, world):
    world, _meetings = world
    assert client.get(API + "dashboard/partners").status_code == 401
    client.force_login(world.people["outsider"])
    assert client.get(API + "dashboard/partners").status_code == 403
    assert client.get(API + "dashboard").status_code == 403
    assert client.get("/api/networks/nowhere/dashboard").status_code == 404
    client.force_login(world.people["lead"])
    assert client.get(API + "dashboard/partners?colour=red").status_code == 422


def test_the_public_reads_only_what_the_lead_chose(client, world):
    world, _meetings = world
    network = world.network
    assert client.get(API + "progress").status_code == 404
    assert client.get(API + "progress/partners").status_code == 404
    network.public_summary = ["plans", "meetings"]
    network.save()
    assert client.get(API + "progress").json() == {
        "network": "regrow-city",
        "parts": ["plans", "meetings"],
    }
    partners = client.get(API + "progress/partners").json()["results"]
    aluksne = partners[1]
    assert aluksne["plan"] == {"number": 2, "status": "final"}
    assert aluksne["actions"] is None and aluksne["goals_at_last_review"] is None
    assert aluksne["indicators"] is None and aluksne["next_meeting"] is None
    timeline = client.get(API + "progress/timeline").json()["results"]
    assert "Cancelled visit" not in [one["title"] for one in timeline]
    network.public_summary = ["actions"]
    network.save()
    assert client.get(API + "progress/timeline").status_code == 404
    assert client.get(API + "progress/partners").json()["results"][1]["actions"]["late"] == 2


def _count(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_api_takes_the_same_queries_for_3_and_12_partners(client, world):
    world, meetings = world
    world.network.public_summary = ["plans", "actions", "goals", "indicators", "meetings"]
    world.network.save()
    client.force_login(world.people["lead"])
    urls = [API + "dashboard/partners?page_size=100", API + "progress/partners?page_size=100"]
    few = [_count(client, url) for url in urls]
    for number in range(9):
        town = make_town(f"api-more-{number}", f"Vairāk {number}")
        fill_partner(Partner.objects.create(network=world.network, town=town), meetings)
    assert [_count(client, url) for url in urls] == few
    assert max(few) <= 20
