"""Three-month goals' pages: setting a goal (refused without an owner or with a due date out of
range, keeping what was typed; a partner without a plan told to start it), changing one (409
when stale), removing one after asking, the review page and form (403 explaining for anyone
outside the partner), a partner's history, the meeting page's panel, permissions, and query
counts that do not grow with the partners or goals."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.network.meeting_panels import goals as goals_panel
from regrow.network.models import Goal, Partner, PlanAction
from regrow.network.services import goals as services
from tests.fixtures import make_town
from tests.network.goals_data import make_goals_world, set_goal


@pytest.fixture
def world(db):
    return make_goals_world()


def goal_data(**changes) -> dict:
    return {
        "title": "Owners' call for vacant units",
        "owner": "Development department",
        "due_on": "30.04.2019",
        "description": "Ask every owner",
        **changes,
    }


def add_url(world, town="aluksne", language="lv"):
    partner = world.partners[town]
    return world.url(world.first, f"goals/partners/{partner.pk}/add/", language)


def test_a_coordinator_sets_a_goal_and_it_is_in_the_plan(client, world):
    client.force_login(world.people["aluksne_author"])
    page = client.get(add_url(world)).content.decode()
    assert 'value="01.05.2019"' in page  # three months after the meeting's last day
    response = client.post(add_url(world), goal_data())
    assert response.status_code == 302
    assert response["Location"].endswith(f"#partner-{world.partners['aluksne'].pk}")
    goal = Goal.objects.get()
    assert goal.action.title == "Owners' call for vacant units"
    assert goal.action.due_on == date(2019, 4, 30)
    plan = goal.action.plan
    actions = client.get(f"/lv/regrow-city/plans/{plan.pk}/actions/").content.decode()
    assert "Owners&#x27; call for vacant units" in actions


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"owner": ""}, "owner"),
        ({"due_on": ""}, "due_on"),
        ({"due_on": "30.01.2019"}, "due_on"),
        ({"due_on": "02.08.2019"}, "due_on"),
    ],
)
def test_bad_goals_are_refused_and_what_was_typed_is_kept(client, world, changes, field):
    client.force_login(world.people["aluksne_author"])
    response = client.post(add_url(world, language="en"), goal_data(**changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert f'id="id_{field}_error"' in page
    assert "Owners&#x27; call for vacant units" in page and "Ask every owner" in page
    assert not Goal.objects.exists() and not PlanAction.objects.exists()


def test_the_refusals_say_what_to_do(client, world):
    client.force_login(world.people["aluksne_author"])
    page = client.post(add_url(world, language="en"), goal_data(owner="")).content.decode()
    assert "Name the goal&#x27;s owner" in page
    page = client.post(add_url(world), goal_data(due_on="02.08.2019")).content.decode()
    assert "31.01.2019" in page and "1.08.2019" in page  # the range, in Latvian dates


def test_a_partner_without_a_plan_is_sent_to_start_it(client, world):
    client.force_login(world.people["melgaco_author"])
    page = client.get(add_url(world, "melgaco", "en")).content.decode()
    assert "Start the plan first" in page
    assert f"/en/regrow-city/plans/start/{world.partners['melgaco'].pk}/" in page
    response = client.post(add_url(world, "melgaco", "en"), goal_data())
    assert response.status_code == 400 and "Start the plan first" in response.content.decode()
    assert not Goal.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("aluksne_author", 200),
        ("lead", 200),
        ("expert", 200),
        ("melgaco_author", 403),
        ("altena_town", 403),
        ("outsider", 403),
    ],
)
def test_who_sets_alukses_goals(client, world, who, status):
    client.force_login(world.people[who])
    assert client.get(add_url(world, language="en")).status_code == status


def test_the_meeting_host_organises_and_sets_goals_for_its_own_partner_only(client, world):
    # Melgaço hosts the second meeting: its coordinator organises it, and sets Melgaço's goals,
    # but does not write Alūksne's Transfer Plan.
    world.net.start_plan("melgaco")
    client.force_login(world.people["melgaco_author"])
    partners = world.partners
    alukse = world.url(world.second, f"goals/partners/{partners['aluksne'].pk}/add/", "en")
    assert client.get(alukse).status_code == 403
    assert client.post(alukse, goal_data(due_on="31.07.2019")).status_code == 403
    assert not Goal.objects.exists()
    own = world.url(world.second, f"goals/partners/{partners['melgaco'].pk}/add/", "en")
    response = client.post(own, goal_data(due_on="31.07.2019"))
    assert response.status_code == 302
    goal = Goal.objects.get()
    assert (goal.meeting, goal.partner) == (world.second, partners["melgaco"])
    page = client.get(world.url(world.second, "goals/")).content.decode()
    assert own in page and alukse not in page


def test_pages_of_another_network_or_signed_out(client, world):
    assert client.get(world.url(world.first, "goals/")).status_code == 302  # to sign in
    client.force_login(world.people["outsider"])
    assert client.get(world.url(world.first, "goals/")).status_code == 403
    client.force_login(world.people["lead"])
    assert (
        client.get(f"/en/regrow-city/members/meetings/{world.first.pk + 99}/goals/").status_code
        == 404
    )
    other = Partner.objects.create(
        network=make_other_network(), town=make_town("isernia", "Isernia", "IT")
    )
    assert client.get(world.url(world.first, f"goals/partners/{other.pk}/add/")).status_code == 404


def make_other_network():
    from regrow.network.models import Network

    return Network.objects.create(slug="another", names={"en": "Another"})


def test_a_goal_is_changed_with_its_action_and_a_stale_change_is_409(client, world):
    goal = set_goal(world)
    client.force_login(world.people["aluksne_author"])
    url = world.url(world.first, f"goals/{goal.pk}/", "en")
    page = client.get(url).content.decode()
    assert 'name="version" value="1"' in page and 'name="action_version" value="1"' in page
    data = goal_data(title="Call owners", version=1, action_version=1)
    assert client.post(url, data).status_code == 302
    assert PlanAction.objects.get().title == "Call owners"
    response = client.post(url, goal_data(title="Stale", version=1, action_version=1))
    assert response.status_code == 409
    assert "Stale" in response.content.decode()  # what was typed is kept
    assert Goal.objects.get().title == "Call owners"


def test_removing_a_goal_asks_first_and_keeps_the_action(client, world):
    goal = set_goal(world)
    client.force_login(world.people["aluksne_author"])
    url = world.url(world.first, f"goals/{goal.pk}/remove/", "en")
    page = client.get(url).content.decode()
    assert "Its action stays in the Transfer Plan" in page
    assert Goal.objects.exists()
    assert client.post(url, {"version": "7"}).status_code == 409
    response = client.post(url, {"version": str(goal.version)}, follow=True)
    assert "Its action stays in the Transfer Plan" in response.content.decode()
    assert Goal.objects.get().removed_at is not None and PlanAction.objects.count() == 1


def review_url(world, goal, language="en"):
    return world.url(world.second, f"goal-reviews/{goal.pk}/", language)


def test_the_partner_reviews_its_goal_at_the_next_meeting(client, world):
    goal = set_goal(world)
    client.force_login(world.people["aluksne_second"])
    listing = client.get(world.url(world.second, "goal-reviews/")).content.decode()
    assert "1 goal waiting for review" in listing and review_url(world, goal) in listing
    response = client.post(
        review_url(world, goal), {"outcome": "partly", "comment": "Half", "version": "1"}
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.outcome, goal.reviewed_at_meeting) == ("partly", world.second)
    assert goal.action.status == PlanAction.Status.IN_PROGRESS
    listing = client.get(world.url(world.second, "goal-reviews/")).content.decode()
    assert "Partly achieved" in listing and "Change the review" in listing
    stale = client.post(review_url(world, goal), {"outcome": "achieved", "version": "1"})
    assert stale.status_code == 409


def test_an_empty_review_names_the_outcome(client, world):
    goal = set_goal(world)
    client.force_login(world.people["aluksne_author"])
    response = client.post(review_url(world, goal), {"comment": "Kept", "version": "1"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose how far the goal was achieved" in page and "Kept" in page


@pytest.mark.parametrize("who", ["melgaco_author", "lead", "expert"])
def test_anyone_outside_the_partner_is_refused_the_review_with_why(client, world, who):
    goal = set_goal(world)
    client.force_login(world.people[who])
    listing = client.get(world.url(world.second, "goal-reviews/")).content.decode()
    assert review_url(world, goal) not in listing
    for response in (
        client.get(review_url(world, goal)),
        client.post(review_url(world, goal), {"outcome": "achieved", "version": "1"}),
    ):
        assert response.status_code == 403
        assert "Only the coordinators of Alūksne review its goals" in response.content.decode()
    goal.refresh_from_db()
    assert goal.reviewed_at is None


def test_a_goal_of_this_or_a_later_meeting_is_not_reviewed_here(client, world):
    goal = set_goal(world)
    client.force_login(world.people["aluksne_author"])
    assert client.get(world.url(world.first, f"goal-reviews/{goal.pk}/")).status_code == 404


def test_the_panel_counts_and_lists_the_goals_waiting(rf, world):
    set_goal(world)
    set_goal(world, title="Map of units", owner="GIS team")
    request = rf.get("/")
    request.user = world.people["lead"]
    template, context = goals_panel.panel(request, world.second)
    assert template == "network/meetings/panels/goals.html"
    assert context["counts"].waiting == 2
    assert [goal.title for goal in context["waiting"][0].goals] == [
        "Owners' call for vacant units",
        "Map of units",
    ]
    from django.template.loader import render_to_string

    html = render_to_string(template, {"panel": context})
    assert "Goals waiting for review" in html
    assert "2 goals set at earlier meetings wait for review." in html
    assert "Set at “Kick-off in Alūksne”" in html
    html = render_to_string(template, {"panel": goals_panel.panel(request, world.first)[1]})
    assert "2 goals set at this meeting. Partners that set goals: 1." in html
    assert "waiting for review" not in html


def test_a_partners_history_shows_every_meeting_with_reviews(client, world):
    goal = set_goal(world)
    services.goal_review(
        goal=goal,
        meeting=world.second,
        by=world.people["aluksne_author"],
        outcome="achieved",
        comment="All owners answered",
        version=goal.version,
    )
    set_goal(world, meeting=world.second, title="Pop-up round", due_on=date(2019, 8, 16))
    client.force_login(world.people["melgaco_author"])
    url = f"/en/regrow-city/members/partners/{world.partners['aluksne'].pk}/goals/"
    page = client.get(url).content.decode()
    assert page.index("Pop-up round") < page.index("Owners&#x27; call")
    assert "All owners answered" in page and "Achieved" in page


def add_partners(world, count: int) -> None:
    for number in range(count):
        town = make_town(f"town-{number}", f"Town {number:02}", "LV")
        Partner.objects.create(network=world.net.network, town=town)


def add_goals(world, count: int) -> None:
    for number in range(count):
        goal = set_goal(world, title=f"Goal {number}")
        if number % 2:
            services.goal_review(
                goal=goal,
                meeting=world.second,
                by=world.people["aluksne_author"],
                outcome="partly",
                version=goal.version,
            )


PAGES = ("goals/", "goal-reviews/")


def counted(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("who", ["aluksne_author", "lead"])
def test_the_pages_take_the_same_queries_for_few_and_many(client, world, who):
    client.force_login(world.people[who])
    history = f"/en/regrow-city/members/partners/{world.partners['aluksne'].pk}/goals/"
    add_goals(world, 2)
    urls = [world.url(world.first, PAGES[0]), world.url(world.second, PAGES[1]), history]
    for url in urls:
        client.get(url)
    few = [counted(client, url) for url in urls]
    add_partners(world, 12)
    add_goals(world, 25)
    many = [counted(client, url) for url in urls]
    assert few == many
    assert max(many) <= 25


def test_the_panel_takes_the_same_queries_for_few_and_many(rf, world):
    request = rf.get("/")
    request.user = world.people["lead"]
    add_goals(world, 2)
    with CaptureQueriesContext(connection) as few:
        goals_panel.panel(request, world.second)
    add_partners(world, 5)
    add_goals(world, 30)
    with CaptureQueriesContext(connection) as many:
        goals_panel.panel(request, world.second)
    assert len(few) == len(many) <= 4
