"""Defects a review found in the meetings, each fixed: the online meeting's address stays off
the public event and page; a partner hosting meetings is not removed (refused, naming them);
days far away are refused and never break the calendar feed, which carries its time zones;
meeting and agenda writes renew the cached public pages, and a cancelled meeting's published
event is pointed out to its organisers; after a clash the forms keep what was typed on the
current version, so sending again saves; a town coordinator's pages read their standing once."""

import re
from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from regrow.network.meeting_events import meeting_event
from regrow.network.models import AgendaItem, Meeting, MeetingFeed, Partner
from regrow.network.services import agenda as agenda_services
from regrow.network.services import meetings as meeting_services
from tests.fixtures import make_town
from tests.network.setup_data import make_network
from tests.network.test_meeting_publishing import make_meeting, members_url, public_url

SECRET = "https://meet.example.org/j/123?pwd=Secret42"
CALENDAR = "/en/regrow-city/members/meetings/calendar/"


@pytest.fixture
def world(aluksne, altena):
    return make_network(aluksne, altena)


def _announce(world, meeting):
    from regrow.publishing.announcements import publish_event

    publish_event(obj=meeting, by=world.people["lead"], languages=["en", "lv"])


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# 1. The online meeting's address is for members only


def test_the_public_event_and_page_leave_out_the_online_address(client, world):
    meeting = make_meeting(
        world,
        kind=Meeting.Kind.ONLINE,
        host=None,
        place_name="",
        address="",
        latitude=None,
        longitude=None,
        online_url=SECRET,
        titles={"en": "Online meeting of the partners"},
    )
    event = meeting_event(meeting, "en")
    assert "online_url" not in event
    assert all("Secret42" not in str(value) for value in event.values())
    assert event["place_name"] == "Online"
    _announce(world, meeting)
    page = Client().get(public_url(meeting)).content.decode()
    assert "Secret42" not in page and "meet.example.org" not in page
    assert "Online meeting" in page  # it says the meeting is held online
    client.force_login(world.people["coordinator_b"])
    assert SECRET.replace("&", "&amp;") in client.get(members_url(meeting)).content.decode()


# 2. A partner that hosts meetings stays


def test_a_partner_hosting_meetings_is_not_removed_and_the_page_names_them(client, world):
    idrija = world.partners["idrija"]
    make_meeting(world, host=idrija, titles={"en": "Idrija study visit"})
    client.force_login(world.people["lead"])
    url = world.url(f"setup/partners/{idrija.pk}/remove/")
    response = client.post(url, follow=True)
    assert response.status_code == 200
    assert Partner.objects.filter(pk=idrija.pk).exists()
    shown = " ".join(_messages(response))
    assert "Idrija hosts meetings" in shown and "“Idrija study visit”" in shown
    # Without meetings it goes.
    Meeting.objects.filter(host=idrija).update(host=None)
    client.post(url)
    assert not Partner.objects.filter(pk=idrija.pk).exists()


# 3. Days far away


def test_days_far_away_are_refused_naming_the_field(world):
    values = {
        "kind": Meeting.Kind.TRANSNATIONAL,
        "host": world.partners["aluksne"],
        "titles": {"en": "Far away"},
        "starts_on": date(9999, 12, 30),
        "ends_on": date(9999, 12, 31),
    }
    with pytest.raises(Exception) as refused:
        meeting_services.meeting_save(network=world.network, by=world.people["lead"], **values)
    assert set(refused.value.message_dict) == {"starts_on", "ends_on"}
    assert "Choose a day from" in refused.value.message_dict["starts_on"][0]
    # The network started in June 2018: five years before is allowed, earlier is not.
    first, last = meeting_services.days_allowed(world.network)
    assert first == date(2013, 6, 1)
    assert last >= timezone.localdate() + timedelta(days=365 * 10 - 3)
    early = {**values, "starts_on": date(2013, 5, 31), "ends_on": date(2013, 6, 1)}
    with pytest.raises(Exception) as refused:
        meeting_services.meeting_save(network=world.network, by=world.people["lead"], **early)
    assert set(refused.value.message_dict) == {"starts_on"}
    fine = {**values, "starts_on": date(2013, 6, 1), "ends_on": date(2013, 6, 2)}
    meeting_services.meeting_save(network=world.network, by=world.people["lead"], **fine)


def test_the_meeting_form_refuses_a_day_far_away(client, world):
    from tests.network.test_meetings_views import meeting_data

    client.force_login(world.people["lead"])
    data = meeting_data(world, starts_on="9999-12-30", ends_on="9999-12-31")
    response = client.post(world.url("meetings/new/"), data)
    assert response.status_code == 400
    assert "Choose a day from" in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_feed_leaves_out_a_meeting_at_the_calendars_end_and_carries_its_time_zone(
    client, world
):
    make_meeting(world, titles={"en": "Timed meeting"})
    far = make_meeting(
        world,
        agenda=False,
        titles={"en": "End of time"},
        starts_on=date(9999, 12, 30),
        ends_on=date(9999, 12, 31),
    )
    timed_far = make_meeting(
        world,
        agenda=False,
        titles={"en": "End of time, timed"},
        starts_on=date(9999, 12, 31),
        ends_on=date(9999, 12, 31),
    )
    AgendaItem.objects.create(
        meeting=timed_far,
        day=timed_far.starts_on,
        starts_at=time(23, 0),
        duration_minutes=60,
        titles={"en": "Last hour"},
    )
    mistyped = make_meeting(
        world, titles={"en": "Mistyped year"}, starts_on=date(9000, 6, 1), ends_on=date(9000, 6, 2)
    )
    AgendaItem.objects.filter(meeting=mistyped).update(day=mistyped.starts_on)
    feed = MeetingFeed.objects.create(network=world.network, user=world.people["coordinator_b"])
    response = client.get(f"{CALENDAR}{feed.token}.ics")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Timed meeting" in text and "End of time" not in text
    # A year mistyped long ago is listed, and does not swell every feed with its zone's rules.
    assert "Mistyped year" in text and len(response.content) < 40_000
    # RFC 5545: the TZID the times use has its VTIMEZONE.
    assert "TZID=Europe/Riga" in text
    assert re.search(r"BEGIN:VTIMEZONE\r\nTZID:Europe/Riga", text)
    assert far.pk


# 4. See above (VTIMEZONE); an all-day-only feed needs none.


def test_a_feed_of_all_day_meetings_only_still_answers(client, world):
    make_meeting(world, agenda=False, titles={"en": "All day"})
    feed = MeetingFeed.objects.create(network=world.network, user=world.people["coordinator_b"])
    response = client.get(f"{CALENDAR}{feed.token}.ics")
    assert response.status_code == 200 and "All day" in response.content.decode()


# 5. The public pages follow the meeting; a cancelled meeting's event is pointed out


def test_meeting_and_agenda_writes_renew_the_cached_public_page(
    client, world, django_capture_on_commit_callbacks
):
    meeting = make_meeting(world)
    _announce(world, meeting)
    anonymous = Client()
    assert "Progress of the partners" in anonymous.get(public_url(meeting)).content.decode()
    with CaptureQueriesContext(connection) as queries:
        anonymous.get(public_url(meeting))
    assert len(queries) == 0  # from the page cache
    item = meeting.agenda_items.get(titles__en="Progress of the partners")
    with django_capture_on_commit_callbacks(execute=True):
        agenda_services.item_save(
            meeting=meeting,
            by=world.people["lead"],
            item=item,
            version=item.version,
            day=item.day,
            starts_at=item.starts_at,
            duration_minutes=item.duration_minutes,
            titles={"en": "Progress, renamed"},
            presenter="",
            room="",
            parent=None,
        )
    assert "Progress, renamed" in anonymous.get(public_url(meeting)).content.decode()
    client.force_login(world.people["lead"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            members_url(meeting, "cancel/"), {"version": meeting.version}, follow=True
        )
    assert Meeting.objects.get(pk=meeting.pk).cancelled_at is not None
    # The public page says so (it had an event), at once.
    public = anonymous.get(public_url(meeting))
    assert public.status_code == 200
    assert "This meeting is cancelled." in public.content.decode()
    # The organiser is told that the published event still announces it, with its edit links.
    page = response.content.decode()
    assert "The meeting is cancelled, but its published event still announces it." in page
    edits = re.findall(r'href="(/[a-z]{2}/regrow-city/news/manage/[^"]+)"', page)
    assert len(edits) >= 2, page
    publishing = client.get(members_url(meeting, "publishing/")).content.decode()
    assert "still announces it" in publishing
    # Other members are not told to edit it.
    client.force_login(world.people["coordinator_b"])
    assert "still announces it" not in client.get(members_url(meeting)).content.decode()


def test_changing_a_published_meetings_days_warns_the_organiser(client, world):
    from tests.network.test_meetings_views import meeting_data

    meeting = make_meeting(world, agenda=False)
    _announce(world, meeting)
    client.force_login(world.people["lead"])
    later = meeting.starts_on + timedelta(days=7)
    data = meeting_data(
        world,
        kind=meeting.kind,
        titles_en="Kick-off meeting",
        starts_on=later.isoformat(),
        ends_on=later.isoformat(),
        registration_closes_at="",
        version=meeting.version,
    )
    response = client.post(members_url(meeting, "edit/"), data, follow=True)
    assert response.status_code == 200, response.context["form"].errors
    assert any("still gives the old ones" in text for text in _messages(response))
    # (The meeting has no creator any more, as when that person's account is gone: it is
    # still changed.)
    assert Meeting.objects.get(pk=meeting.pk).starts_on == later


# 6. After a clash, sending again saves


def _hidden_version(page: str) -> str:
    return re.search(r'name="version" value="(\d+)"', page).group(1)


def test_a_clashing_meeting_edit_keeps_what_was_typed_and_saves_when_sent_again(client, world):
    from tests.network.test_meetings_views import meeting_data

    meeting = make_meeting(world, agenda=False)
    client.force_login(world.people["lead"])
    url = members_url(meeting, "edit/")
    opened = _hidden_version(client.get(url).content.decode())
    Meeting.objects.filter(pk=meeting.pk).update(version=meeting.version + 1, place_name="Theirs")
    data = meeting_data(
        world,
        kind=meeting.kind,
        titles_en="Mine",
        starts_on=meeting.starts_on.isoformat(),
        ends_on=meeting.ends_on.isoformat(),
        registration_closes_at="",
        place_name="My place",
        version=opened,
    )
    response = client.post(url, data)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Sending the form again saves yours over their change." in page
    assert 'value="My place"' in page and 'value="Mine"' in page
    assert _hidden_version(page) == str(meeting.version + 1)
    data["version"] = _hidden_version(page)
    assert client.post(url, data).status_code == 302
    saved = Meeting.objects.get(pk=meeting.pk)
    assert saved.place_name == "My place" and saved.titles["en"] == "Mine"


def test_a_clashing_item_edit_keeps_what_was_typed_and_saves_when_sent_again(client, world):
    from tests.network.test_meetings_views import item_data

    meeting = make_meeting(world)
    item = meeting.agenda_items.get(titles__en="Site visit")
    client.force_login(world.people["lead"])
    url = members_url(meeting, f"agenda/{item.pk}/")
    opened = _hidden_version(client.get(url).content.decode())
    AgendaItem.objects.filter(pk=item.pk).update(version=item.version + 1, room="Their room")
    data = item_data(
        day=item.day.isoformat(),
        starts_at="10:00",
        duration_minutes="90",
        titles_en="My visit",
        room="My room",
        version=opened,
    )
    response = client.post(url, data)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Sending the form again saves yours over their change." in page
    assert 'value="My visit"' in page and 'value="My room"' in page
    data["version"] = _hidden_version(page)
    assert client.post(url, data).status_code == 302
    saved = AgendaItem.objects.get(pk=item.pk)
    assert saved.room == "My room" and saved.titles["en"] == "My visit"


# 7. A town coordinator's standing is read once a request


def test_a_town_coordinators_meetings_list_takes_the_same_queries_for_3_and_8_partners(
    client, world
):
    client.force_login(world.people["town_coordinator"])
    url = world.url("meetings/")
    make_meeting(world)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for number in range(5):
        town = make_town(f"town-{number}", f"Town {number}", languages=["en"])
        Partner.objects.create(network=world.network, town=town)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few) <= 20
