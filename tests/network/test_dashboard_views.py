"""The network dashboard's pages: figures (late, due, done, goals at the last review, the next
meeting, indicators), who may read them, one partner's view, the lead's choice of public
parts (with concurrent choices refused) and the public Progress section; query counts that do
not grow with the number of partners."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.network.models import Network
from tests.network.dashboard_data import make_dashboard_network, today

URL = "/{language}/regrow-city/members/dashboard/"
PUBLIC = "/{language}/regrow-city/progress/"


@pytest.fixture
def world(db):
    return make_dashboard_network()


def page(client, user, url=URL, language="en"):
    client.force_login(user)
    response = client.get(url.format(language=language))
    return response


def test_the_lead_reads_every_partners_figures(client, world):
    world, meetings = world
    response = page(client, world.people["lead"])
    assert response.status_code == 200
    html = response.content.decode()
    figures = {f.town_name: f for f in response.context["figures"]}
    assert list(figures) == ["Altena", "Alūksne", "Melgaço"]
    aluksne = figures["Alūksne"]
    assert (aluksne.actions.total, aluksne.actions.done) == (6, 1)
    assert (aluksne.actions.late, aluksne.actions.due_soon) == (2, 1)
    assert (aluksne.version_number, aluksne.version_status) == (2, "final")
    goals = aluksne.goals
    assert goals.meeting_id == meetings["last"].pk
    assert (goals.achieved, goals.partly, goals.not_achieved) == (1, 1, 1)
    assert aluksne.next_meeting.id == meetings["local"].pk  # its own local group
    assert figures["Melgaço"].next_meeting.id == meetings["next"].pk  # not the cancelled one
    assert response.context["next_meeting"].id == meetings["local"].pk
    footfall, vacancy = aluksne.indicators
    assert (footfall.actual, footfall.actual_period, footfall.target) == (1234, "2023", 150)
    assert (vacancy.actual, vacancy.actual_period) == (50, str(today().year))  # computed live
    deadlines = response.context["deadlines"]
    assert deadlines.next_due.title == "Final plans"
    assert [one.title for one in deadlines.overdue] == ["Transfer Plans due"]
    assert "Mid-term review in Nyírbátor" in html and "Cancelled" in html
    assert 'id="public-summary"' in html  # the lead chooses what the public sees


def test_the_timeline_is_in_order_with_today_marked(client, world):
    world, _meetings = world
    response = page(client, world.people["expert"], language="lv")
    entries = list(response.context["timeline"])
    titles = [entry.title for entry in entries]
    assert titles == [
        "Baseline study",
        "Kick-off in Alūksne",
        "Thematic meeting in Isernia",
        "Transfer Plans due",
        "Cancelled visit",
        "Alūksne local group",
        "Mid-term review in Nyírbátor",
        "Final plans",
    ]
    assert [entry.first_coming for entry in entries].index(True) == 4
    html = response.content.decode()
    assert html.count('class="dash-timeline__today"') == 1
    assert "gada" in html  # Latvian dates
    assert 'id="public-summary"' not in html  # only the lead chooses


@pytest.mark.parametrize(
    "who", ["lead", "expert", "aluksne_author", "melgaco_author", "altena_town"]
)
def test_members_and_town_coordinators_of_partners_read(client, world, who):
    world, _meetings = world
    assert page(client, world.people[who]).status_code == 200
    partner = world.partners["melgaco"]
    url = URL + f"partners/{partner.pk}/"
    assert page(client, world.people[who], url).status_code == 200


def test_an_outsider_gets_403_and_an_anonymous_reader_the_sign_in(client, world):
    world, _meetings = world
    assert page(client, world.people["outsider"]).status_code == 403
    client.logout()
    response = client.get(URL.format(language="en"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_partner_of_another_network_is_404(client, world):
    world, _meetings = world
    other = Network.objects.create(slug="other-network", names={"en": "Other"})
    from regrow.network.models import Partner
    from tests.fixtures import make_town

    stranger = Partner.objects.create(network=other, town=make_town("elsewhere", "Elsewhere"))
    url = URL + f"partners/{stranger.pk}/"
    assert page(client, world.people["lead"], url).status_code == 404


def test_one_partners_view(client, world):
    world, _meetings = world
    partner = world.partners["aluksne"]
    response = page(client, world.people["melgaco_author"], URL + f"partners/{partner.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    states = [action.state for action in response.context["action_rows"]]
    assert states.count("late") == 2 and states.count("due_soon") == 1
    assert "Goal to review" in html and "Goal achieved" in html
    assert "Kick-off in Alūksne" in html and "Footfall" in html
    assert response.context["figure"].goals.achieved == 1


def choose(client, user, parts, shown=""):
    client.force_login(user)
    return client.post(URL.format(language="en") + "public/", {"parts": parts, "shown": shown})


def test_only_the_lead_chooses_the_public_parts(client, world):
    world, _meetings = world
    network = world.network
    assert choose(client, world.people["expert"], ["plans"]).status_code == 403
    assert choose(client, world.people["aluksne_author"], ["plans"]).status_code == 403
    response = choose(client, world.people["lead"], ["actions", "plans", "nonsense"])
    assert response.status_code == 400  # an unknown part names the field
    assert "parts" in response.context["public_form"].errors
    response = choose(client, world.people["lead"], ["actions", "plans"])
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.public_summary == ["plans", "actions"]


def test_a_concurrent_choice_is_refused_and_shown(client, world):
    world, _meetings = world
    network = world.network
    assert choose(client, world.people["lead"], ["meetings"]).status_code == 302
    response = choose(client, world.people["lead"], ["goals"], shown="")  # saw nothing chosen
    assert response.status_code == 409
    assert "Someone changed what the public sees" in response.content.decode()
    network.refresh_from_db()
    assert network.public_summary == ["meetings"]
    # Saving what is already there is not a conflict.
    assert choose(client, world.people["lead"], ["meetings"], shown="").status_code == 302


def test_the_public_section_shows_only_the_chosen_parts(client, world):
    world, _meetings = world
    network = world.network
    assert client.get(PUBLIC.format(language="en")).status_code == 404
    network.public_summary = ["actions", "meetings"]
    network.save()
    response = client.get(PUBLIC.format(language="en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Late" in html and "Mid-term review in Nyírbátor" in html
    assert "Cancelled visit" not in html
    assert "Goals at the last review" not in html and "Footfall" not in html
    assert "Version 2" not in html and "Plan " not in html
    assert "Attīstības nodaļa" not in html and "/members/" not in html
    network.public_summary = ["plans", "goals", "indicators"]
    network.save()
    html = client.get(PUBLIC.format(language="lv")).content.decode()
    assert "Footfall" in html or "Vacancy" in html
    assert "Mid-term review" not in html


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


MAX_DASHBOARD_QUERIES = 25


def test_the_query_count_is_the_same_for_3_and_12_partners(client, db, django_db_blocker):
    world, meetings = make_dashboard_network()
    world.network.public_summary = ["plans", "actions", "goals", "indicators", "meetings"]
    world.network.save()
    client.force_login(world.people["lead"])
    partner = world.partners["aluksne"].pk
    urls = [URL, URL + f"partners/{partner}/", PUBLIC]
    few = [_queries(client, url.format(language="en")) for url in urls]
    from regrow.network.models import Partner
    from tests.fixtures import make_town
    from tests.network.dashboard_data import fill_partner

    for number in range(9):
        town = make_town(f"more-{number}", f"Vairāk {number}")
        fill_partner(Partner.objects.create(network=world.network, town=town), meetings)
    many = [_queries(client, url.format(language="en")) for url in urls]
    assert many == few
    assert max(many) <= MAX_DASHBOARD_QUERIES


def test_computed_indicators_for_many_towns_match_the_one_town_computation(world):
    from regrow.indicators import derived
    from regrow.indicators.periods import year_period
    from regrow.network.selectors_dashboard_indicators import conversion_rates, vacancy_rates

    world, _meetings = world
    towns = [partner.town for partner in world.partners.values()]
    day = today()
    period = year_period(day.year)
    rates = vacancy_rates(towns, day)
    conversions = conversion_rates(towns, period.start, day)
    for town in towns:
        assert rates[town.pk] == derived.value_in(town, "vacancy_rate", period, day)
        assert conversions[town.pk] is None  # no pop-ups: no rate, as for one town
