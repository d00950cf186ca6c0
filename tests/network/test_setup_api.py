"""The networks' JSON API: members read their networks' partners, components with thematic
groups, phases and milestones a page at a time; others get 403, unknown networks 404."""

import pytest

from regrow.network.models import Milestone
from tests.network.setup_data import add_structure, make_network

ENDPOINTS = ("partners", "components", "phases", "milestones")


@pytest.fixture
def world(aluksne, altena):
    network = make_network(aluksne, altena)
    add_structure(network)
    return network


def test_signed_out_is_401_and_unknown_networks_404(client, world):
    assert client.get("/api/networks").status_code == 401
    assert client.get("/api/networks/regrow-city/phases").status_code == 401
    client.force_login(world.people["lead"])
    response = client.get("/api/networks/nowhere/phases")
    assert response.status_code == 404 and "detail" in response.json()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("lead", 200),
        ("expert", 200),
        ("coordinator_b", 200),
        ("town_coordinator", 200),
        ("outsider", 403),
    ],
)
def test_members_read_and_others_are_refused(client, world, who, status):
    client.force_login(world.people[who])
    for endpoint in ENDPOINTS:
        response = client.get(f"/api/networks/regrow-city/{endpoint}")
        assert response.status_code == status, endpoint
    listed = client.get("/api/networks").json()
    assert [network["slug"] for network in listed["results"]] == (
        ["regrow-city"] if status == 200 else []
    )


def test_the_answers_hold_groups_dates_and_overdue_milestones(client, world):
    client.force_login(world.people["coordinator_a"])
    partners = client.get("/api/networks/regrow-city/partners").json()["results"]
    assert (partners[0]["town"], partners[0]["role"]) == ("altena", "lead")
    components = client.get("/api/networks/regrow-city/components").json()["results"]
    assert [(c["names"]["en"], c["partners"]) for c in components] == [
        ("Pop-up shops", ["aluksne"]),
        ("Volunteer platform", ["idrija"]),
    ]
    aluksne = next(p for p in partners if p["town"] == "aluksne")
    assert aluksne["components"] == [components[0]["id"]]
    phases = client.get("/api/networks/regrow-city/phases").json()["results"]
    assert phases[0]["kind"] == "preparation" and phases[0]["starts_on"] == "2018-06-01"
    milestones = client.get("/api/networks/regrow-city/milestones").json()["results"]
    assert [(m["month"], m["overdue"]) for m in milestones] == [(3, True), (12, False)]
    # The stakeholder groups' contact details are not in the API at all.
    assert "stakeholder" not in client.get("/api/openapi.json").content.decode()


def test_pages_link_to_each_other_and_unknown_parameters_are_422(client, world):
    client.force_login(world.people["lead"])
    first = client.get("/api/networks/regrow-city/milestones?page_size=1").json()
    assert first["count"] == 2 and first["previous"] is None
    assert "page=2" in first["next"]
    assert client.get("/api/networks/regrow-city/milestones?page=3").status_code == 404
    assert client.get("/api/networks/regrow-city/milestones?colour=red").status_code == 422


def test_the_api_takes_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.people["coordinator_a"])
    for number in range(30):
        Milestone.objects.create(
            network=world.network, titles={"en": f"M{number}"}, due_on="2020-01-01"
        )
    for endpoint in ENDPOINTS:
        client.get(f"/api/networks/regrow-city/{endpoint}")
        with django_assert_max_num_queries(9):
            assert client.get(f"/api/networks/regrow-city/{endpoint}").status_code == 200
