"""Who sees what of a meeting's participants: organisers everything; a partner's coordinators
their own people in full (but not their dietary needs) and the others' names, organisations and
towns; other members names, organisations and towns only; dietary needs only the organisers and
the person. The meeting page's registration panel, and pages whose queries do not grow with the
number of registrations."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from regrow.network.meeting_panels import registration as registration_panel
from tests.network.registrations_data import make_meeting, meeting_url, register
from tests.network.setup_data import make_network


@pytest.fixture
def world(aluksne, altena):
    return make_network(aluksne, altena)


@pytest.fixture
def meeting(world):
    meeting = make_meeting(world)
    register(meeting, world, "aluksne", "Anna Alūksne", dietary_needs="halal")
    register(meeting, world, "idrija", "Ivo Idrija", dietary_needs="no gluten")
    register(
        meeting,
        world,
        "idrija",
        "Self Registered",
        user=world.people["coordinator_b"],
        dietary_needs="vegan",
    )
    register(meeting, world, None, "Expert Eve", dietary_needs="")
    return meeting


@pytest.mark.parametrize(
    ("who", "emails", "dietary"),
    [
        (
            "lead",
            {"anna.alūksne", "ivo.idrija", "self.registered"},
            {"halal", "no gluten", "vegan"},
        ),
        (
            "coordinator_a",  # the host's: an organiser
            {"anna.alūksne", "ivo.idrija", "self.registered"},
            {"halal", "no gluten", "vegan"},
        ),
        ("coordinator_b", {"ivo.idrija", "self.registered"}, {"vegan"}),  # their own partner
        ("town_coordinator", set(), set()),  # a member only
    ],
)
def test_each_viewer_sees_what_they_may(client, world, meeting, who, emails, dietary):
    client.force_login(world.people[who])
    response = client.get(meeting_url(world, meeting, "participants/"))
    assert response.status_code == 200
    page = response.content.decode()
    for name in ("Anna Alūksne", "Ivo Idrija", "Self Registered", "Expert Eve"):
        assert name in page
    assert "Anna Alūksne&#x27;s office" in page  # organisations for everyone
    for person in ("anna.alūksne", "ivo.idrija", "self.registered"):
        assert (f"{person}@example.org" in page) is (person in emails), person
    for need in ("halal", "no gluten", "vegan"):
        assert (need in page) is (need in dietary), need
    # Grouped by partner, the lead first, people without a partner last.
    headings = [page.index(f">{town}</h2>") for town in ("Alūksne", "Idrija", "Other participants")]
    assert headings == sorted(headings)


def test_the_participants_list_is_paginated_with_constant_queries(client, world, meeting):
    client.force_login(world.people["lead"])
    url = meeting_url(world, meeting, "participants/")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for number in range(60):
        register(meeting, world, ("aluksne", "idrija", "altena")[number % 3], f"P{number:02}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["rows"]) == 50
    assert len(many) == len(few) <= 16
    second = client.get(url + "?page=2")
    assert len(second.context["rows"]) == 14


def test_the_panel_tells_the_viewer_and_counts_per_partner(world, meeting):
    def shown(who):
        request = RequestFactory().get("/")
        request.user = world.people[who]
        return registration_panel.panel(request, meeting)

    template, panel = shown("coordinator_b")
    assert template == "network/meetings/panels/registration.html"
    assert panel["own"]["text"].startswith("You are registered for 2 days: ")
    assert panel["total"] == "4 people registered."
    assert [(count["town"], count["text"]) for count in panel["counts"]] == [
        ("Alūksne", "1 person"),
        ("Idrija", "2 people"),
        ("Other participants", "1 person"),
    ]
    assert not panel["organiser"] and panel["may_register_others"]
    _template, lead = shown("lead")
    assert lead["own"] is None and lead["organiser"] and lead["open"]
    _template, member = shown("town_coordinator")
    assert not member["organiser"] and not member["may_register_others"]
    request = RequestFactory().get("/")
    request.user = world.people["outsider"]
    assert registration_panel.panel(request, meeting) is None


def test_the_panel_renders_its_links(world, meeting):
    from django.template.loader import render_to_string

    request = RequestFactory().get("/")
    request.user = world.people["coordinator_a"]
    template, panel = registration_panel.panel(request, meeting)
    html = render_to_string(template, {"panel": panel})
    for rest in ("register/", "participants/", "attendance/", "sign-in-sheet.pdf"):
        assert meeting_url(world, meeting, rest) in html
    assert "4 people registered." in html


def test_the_panels_queries_do_not_grow(world, meeting):
    request = RequestFactory().get("/")
    request.user = world.people["coordinator_b"]
    registration_panel.panel(request, meeting)
    with CaptureQueriesContext(connection) as few:
        registration_panel.panel(request, meeting)
    for number in range(30):
        register(meeting, world, ("aluksne", "idrija", "altena")[number % 3], f"P{number:02}")
    with CaptureQueriesContext(connection) as many:
        registration_panel.panel(request, meeting)
    assert len(many) == len(few) <= 5
