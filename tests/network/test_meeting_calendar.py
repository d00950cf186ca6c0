"""The members' calendar feed of the network's meetings: a private address per person, made on
the first visit and renewed on request (the old one then answers 404); the feed is iCalendar,
timed from the agenda or all day, with cancelled meetings marked; unknown tokens, and tokens of
people no longer members, answer 404, and an address that keeps guessing is refused."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from regrow.network.models import MeetingFeed, NetworkMembership
from tests.network.setup_data import make_network
from tests.network.test_meeting_publishing import make_meeting

RIGA = ZoneInfo("Europe/Riga")
PAGE = "/en/regrow-city/members/meetings/calendar/"
FEED_QUERIES = 6
# The session and user, the network and the person's roles, the feed, the navigation.
PAGE_QUERIES = 10


@pytest.fixture
def world(aluksne, altena):
    return make_network(aluksne, altena)


def feed_path(feed: MeetingFeed) -> str:
    return f"{PAGE}{feed.token}.ics"


def events_of(response) -> dict[str, object]:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_page_makes_the_persons_address_once_and_links_it(client, world):
    member = world.people["coordinator_b"]
    client.force_login(member)
    response = client.get(PAGE)
    assert response.status_code == 200
    feed = MeetingFeed.objects.get(user=member, network=world.network)
    page = response.content.decode()
    assert f"webcal://testserver{feed_path(feed)}" in page
    assert f"http://testserver{feed_path(feed)}" in page
    client.get(PAGE)
    assert MeetingFeed.objects.get(user=member).token == feed.token


def test_only_members_open_the_feed_page(client, world):
    client.force_login(world.people["outsider"])
    assert client.get(PAGE).status_code == 403
    client.logout()
    assert client.get(PAGE).status_code == 302
    assert not MeetingFeed.objects.exists()


def test_the_feed_lists_timed_all_day_and_cancelled_meetings(client, world):
    timed = make_meeting(world, titles={"en": "Timed meeting"})
    all_day = make_meeting(
        world,
        agenda=False,
        titles={"en": "All-day meeting"},
        starts_on=date(2019, 1, 31),
        ends_on=date(2019, 2, 1),
    )
    cancelled = make_meeting(
        world, titles={"en": "Cancelled meeting"}, cancelled_at=timezone.now(), place_name=""
    )
    online = make_meeting(
        world,
        agenda=False,
        host=None,
        place_name="",
        address="",
        titles={"en": "Online conference"},
        online_url="https://meet.example.org/final",
    )
    member = world.people["coordinator_b"]
    client.force_login(member)
    client.get(PAGE)
    feed = MeetingFeed.objects.get(user=member)
    client.logout()  # a calendar app has no session
    response = client.get(feed_path(feed))
    assert response.status_code == 200
    events = events_of(response)
    assert set(events) == {
        "Timed meeting",
        "All-day meeting",
        "Cancelled meeting",
        "Online conference",
    }
    first = events["Timed meeting"]
    assert first.decoded("dtstart") == datetime.combine(timed.starts_on, time(9, 30), tzinfo=RIGA)
    assert first.decoded("dtend") == datetime.combine(timed.ends_on, time(13, 0), tzinfo=RIGA)
    assert str(first["location"]) == "Alūksne Town Hall, Dārza iela 11, Alūksne"
    assert str(first["uid"]) == f"network-meeting-{timed.pk}@regrow"
    assert str(first["url"]) == f"http://testserver/en/regrow-city/members/meetings/{timed.pk}/"
    assert str(first["status"]) == "CONFIRMED"
    whole = events["All-day meeting"]
    assert whole.decoded("dtstart") == date(2019, 1, 31)
    assert whole.decoded("dtend") == date(2019, 2, 2)
    assert str(events["Cancelled meeting"]["status"]) == "CANCELLED"
    assert str(events["Cancelled meeting"]["location"]) == "Alūksne, Dārza iela 11, Alūksne"
    assert "https://meet.example.org/final" in str(events["Online conference"]["description"])
    assert str(events["Online conference"]["location"]) == "Online"
    # The same meeting keeps its UID.
    again = events_of(client.get(feed_path(feed)))
    assert again["Timed meeting"]["uid"] == first["uid"]
    assert cancelled.pk and all_day.pk and online.pk


def test_a_new_address_ends_the_old_one(client, world):
    member = world.people["coordinator_b"]
    client.force_login(member)
    client.get(PAGE)
    old = MeetingFeed.objects.get(user=member)
    response = client.post(f"{PAGE}new-address/", follow=True)
    new = MeetingFeed.objects.get(user=member)
    assert new.token != old.token
    assert new.token in response.content.decode()
    assert client.get(feed_path(old)).status_code == 404
    assert client.get(feed_path(new)).status_code == 200
    assert client.get(f"{PAGE}new-address/").status_code == 405


def test_unknown_tokens_and_former_members_get_404(client, world):
    member = world.people["coordinator_b"]
    feed = MeetingFeed.objects.create(network=world.network, user=member)
    assert client.get(f"{PAGE}not-a-token.ics").status_code == 404
    # The token of another network's address does not open this one.
    assert client.get(f"/en/other/members/meetings/calendar/{feed.token}.ics").status_code == 404
    assert client.get(feed_path(feed)).status_code == 200
    NetworkMembership.objects.filter(user=member).delete()
    member.__dict__.pop("_regrow_network_roles", None)
    assert client.get(feed_path(feed)).status_code == 404
    # The town coordinator of a partner town reads the network, so their feed works.
    coordinator = world.people["town_coordinator"]
    town_feed = MeetingFeed.objects.create(network=world.network, user=coordinator)
    assert client.get(feed_path(town_feed)).status_code == 200
    coordinator.is_active = False
    coordinator.save()
    assert client.get(feed_path(town_feed)).status_code == 404


def test_an_address_that_keeps_guessing_is_refused(client, world):
    feed = MeetingFeed.objects.create(network=world.network, user=world.people["lead"])
    for number in range(20):
        assert client.get(f"{PAGE}guess-{number}.ics").status_code == 404
    assert client.get(f"{PAGE}guess-more.ics").status_code == 429
    assert client.get(feed_path(feed)).status_code == 429


def test_the_feed_takes_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    feed = MeetingFeed.objects.create(network=world.network, user=world.people["coordinator_b"])
    make_meeting(world)
    client.get(feed_path(feed))
    for number in range(15):
        make_meeting(world, days_from_now=number, titles={"en": f"M{number}"}, agenda=number % 2)
    with django_assert_max_num_queries(FEED_QUERIES):
        response = client.get(feed_path(feed))
    assert len(events_of(response)) == 16


def test_the_feed_page_takes_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.people["coordinator_b"])
    client.get(PAGE)
    with django_assert_max_num_queries(PAGE_QUERIES):
        assert client.get(PAGE).status_code == 200
