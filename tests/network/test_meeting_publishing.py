"""A meeting published as the network's event in one step (in the languages it has a title in),
its report drafted as news, and the published meetings on the network's public site."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from regrow.network.meeting_events import meeting_event, meeting_times
from regrow.network.models import AgendaItem, Decision, Meeting, NetworkMembership, Registration
from regrow.publishing.models import Entry
from tests.network.setup_data import SLUG, make_network

RIGA = ZoneInfo("Europe/Riga")
# A public page: the place, the navigation's sections, the cache's lifetime, then the page's
# own few reads, however many meetings there are.
PUBLIC_QUERIES = 13


def make_meeting(world, *, days_from_now=30, length=2, agenda=True, **values) -> Meeting:
    """A meeting of the network in Alūksne; with `agenda`, items 09:30 to 12:00 on the first
    day and 10:00 to 13:00 on the last (one with a part under it)."""
    first = timezone.localdate() + timedelta(days=days_from_now)
    defaults = {
        "network": world.network,
        "kind": Meeting.Kind.TRANSNATIONAL,
        "host": world.partners["aluksne"],
        "titles": {"en": "Kick-off meeting", "lv": "Sākuma sanāksme"},
        "descriptions": {"en": "Partners meet.", "lv": "Partneri tiekas."},
        "starts_on": first,
        "ends_on": first + timedelta(days=length - 1),
        "place_name": "Alūksne Town Hall",
        "address": "Dārza iela 11, Alūksne",
        "latitude": "57.4240",
        "longitude": "27.0470",
    }
    meeting = Meeting.objects.create(**{**defaults, **values})
    if agenda:
        opening = AgendaItem.objects.create(
            meeting=meeting,
            day=meeting.starts_on,
            starts_at=time(9, 30),
            duration_minutes=150,
            titles={"en": "Progress of the partners", "lv": "Partneru progress"},
            presenter="Presenter Person",
            minutes="Secret minutes of the item",
            room="Great hall",
        )
        AgendaItem.objects.create(
            meeting=meeting,
            parent=opening,
            day=meeting.starts_on,
            starts_at=time(10, 0),
            duration_minutes=30,
            titles={"en": "Alūksne progress"},
        )
        AgendaItem.objects.create(
            meeting=meeting,
            day=meeting.ends_on,
            starts_at=time(10, 0),
            duration_minutes=180,
            titles={"en": "Site visit", "lv": "Vietu apskate"},
        )
    return meeting


@pytest.fixture
def world(aluksne, altena):
    return make_network(aluksne, altena)


def members_url(meeting, rest="", language="en") -> str:
    return f"/{language}/regrow-city/members/meetings/{meeting.pk}/{rest}"


def public_url(meeting, language="en") -> str:
    return f"/{language}/regrow-city/meetings/{meeting.pk}/"


def shown_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def publish(client, meeting, language="en"):
    return client.post(members_url(meeting, "publishing/event/", language), follow=True)


# The event's fields


def test_the_event_is_timed_from_the_agenda_in_the_meetings_time_zone(world):
    meeting = make_meeting(world)
    event = meeting_event(meeting, "en")
    assert event["kind"] == "event"
    assert event["title"] == "Kick-off meeting"
    assert event["starts_at"] == datetime.combine(meeting.starts_on, time(9, 30), tzinfo=RIGA)
    assert event["ends_at"] == datetime.combine(meeting.ends_on, time(13, 0), tzinfo=RIGA)
    assert event["place_name"] == "Alūksne Town Hall"
    assert event["place_address"] == "Dārza iela 11, Alūksne"
    assert str(event["latitude"]) == "57.4240"
    assert "Partners meet." in event["body"]
    assert f'href="{public_url(meeting)}"' in event["body"]
    assert event["lead"].startswith("Transnational meeting, Alūksne Town Hall.")


def test_the_event_in_latvian_has_the_latvian_title_and_a_latvian_link(world):
    meeting = make_meeting(world)
    event = meeting_event(meeting, "lv")
    assert event["title"] == "Sākuma sanāksme"
    assert "Partneri tiekas." in event["body"]
    assert f'href="{public_url(meeting, "lv")}"' in event["body"]
    assert "gada" in event["lead"]  # the days in Latvian
    # The active language is left as it was.
    assert translation.get_language() == "en"


def test_a_missing_title_falls_back_to_english_and_a_meeting_without_agenda_is_all_day(world):
    meeting = make_meeting(world, agenda=False, titles={"en": "Online conference"}, host=None)
    event = meeting_event(meeting, "lv")
    assert event["title"] == "Online conference"
    assert event["starts_at"] == datetime.combine(meeting.starts_on, time(0, 0), tzinfo=RIGA)
    assert event["ends_at"] == datetime.combine(meeting.ends_on, time(23, 59), tzinfo=RIGA)
    assert meeting_times(meeting).timed is False


def test_an_agenda_that_does_not_reach_the_last_day_yet_makes_an_all_day_event(world):
    meeting = make_meeting(world)
    meeting.agenda_items.filter(day=meeting.ends_on).delete()
    times = meeting_times(meeting)
    assert times.timed is False
    assert times.ends_at == datetime.combine(meeting.ends_on, time(23, 59), tzinfo=RIGA)


def test_a_cancelled_meeting_makes_no_event(world):
    meeting = make_meeting(world, cancelled_at=timezone.now())
    with pytest.raises(ValidationError):
        meeting_event(meeting, "en")


# Publishing in one step


def test_the_lead_publishes_the_meeting_in_both_languages_at_once(client, world):
    meeting = make_meeting(world)
    client.force_login(world.people["lead"])
    response = publish(client, meeting)
    assert response.status_code == 200
    assert shown_messages(response) == [
        "Published as an event in these languages: English, Latvian."
    ]
    entries = Entry.objects.filter(network=world.network, kind=Entry.Kind.EVENT)
    assert sorted(entries.values_list("language", flat=True)) == ["en", "lv"]
    assert len({entry.translation_group for entry in entries}) == 1
    assert all(entry.is_published() for entry in entries)
    assert {entry.title for entry in entries} == {"Kick-off meeting", "Sākuma sanāksme"}
    assert all(entry.related.get().target == meeting for entry in entries)
    page = response.content.decode()
    for entry in entries:
        assert entry.get_absolute_url() in page
    # The public event page links the meeting's public agenda page.
    english = entries.get(language="en")
    event_page = client.get(english.get_absolute_url()).content.decode()
    assert public_url(meeting) in event_page
    # Its "About" link too: the members' page would ask the public to sign in.
    assert meeting.get_absolute_url() not in event_page


def test_a_second_click_publishes_nothing_and_shows_the_event(client, world):
    meeting = make_meeting(world)
    client.force_login(world.people["lead"])
    publish(client, meeting)
    response = publish(client, meeting)
    assert shown_messages(response) == ["It was already announced; nothing new was published."]
    assert Entry.objects.filter(kind=Entry.Kind.EVENT).count() == 2
    assert Entry.objects.get(language="lv").get_absolute_url() in response.content.decode()


def test_only_the_languages_the_meeting_has_a_title_in_are_published(client, world):
    meeting = make_meeting(world, titles={"en": "Only English"})
    client.force_login(world.people["lead"])
    publish(client, meeting, "lv")
    assert list(Entry.objects.values_list("language", flat=True)) == ["en"]


def test_who_may_publish_the_meeting(client, world):
    meeting = make_meeting(world)
    # The host town's coordinator organises the meeting but may not publish for the network.
    client.force_login(world.people["coordinator_a"])
    response = publish(client, meeting)
    assert shown_messages(response) == [
        "Only the network's lead may publish for the network. Ask them to publish it."
    ]
    # Another partner's coordinator does not organise it.
    client.force_login(world.people["coordinator_b"])
    assert client.post(members_url(meeting, "publishing/event/")).status_code == 403
    assert client.get(members_url(meeting, "publishing/")).status_code == 403
    client.force_login(world.people["outsider"])
    assert client.post(members_url(meeting, "publishing/event/")).status_code == 403
    client.logout()
    assert client.post(members_url(meeting, "publishing/event/")).status_code == 302
    assert not Entry.objects.exists()


def test_an_event_of_a_past_or_cancelled_meeting_is_refused(client, world):
    past = make_meeting(world, days_from_now=-40)
    cancelled = make_meeting(world, cancelled_at=timezone.now())
    client.force_login(world.people["lead"])
    assert shown_messages(publish(client, past)) == [
        "The event is over; it can no longer be announced."
    ]
    assert shown_messages(publish(client, cancelled)) == ["A cancelled meeting is not announced."]
    assert not Entry.objects.exists()
    # A past meeting's pages say so instead of offering the button.
    for path in ("", "publishing/"):
        page = client.get(f"/en/{SLUG}/members/meetings/{past.pk}/{path}").content.decode()
        assert "The meeting is over: it can no longer be announced as an event." in page
        assert f"/meetings/{past.pk}/publishing/event/" not in page


def test_members_see_the_published_events_link_in_the_panel(rf, world):
    from regrow.network.meeting_panels.publishing import panel
    from regrow.publishing.announcements import publish_event

    meeting = make_meeting(world)
    request = rf.get("/")
    request.user = world.people["coordinator_b"]
    template, context = panel(request, meeting)
    assert context["events"] == [] and context["organises"] is False
    entries, already = publish_event(obj=meeting, by=world.people["lead"], languages=["en", "lv"])
    assert already is False
    request.user = world.people["coordinator_b"]
    _template, context = panel(request, meeting)
    assert [entry["url"] for entry in context["events"]] == [entry["url"] for entry in entries]
    assert template == "network/meetings/panels/publishing.html"


# The report as news


def test_the_report_is_refused_before_the_meeting_is_over_and_while_it_is_empty(client, world):
    coming = make_meeting(world)
    past = make_meeting(world, days_from_now=-40)
    client.force_login(world.people["lead"])
    response = client.post(members_url(coming, "publishing/report/"), follow=True)
    assert shown_messages(response) == [
        "The report can be drafted as news once the meeting is over."
    ]
    response = client.post(members_url(past, "publishing/report/"), follow=True)
    assert "The meeting has no report yet" in shown_messages(response)[0]
    assert not Entry.objects.exists()


def test_the_report_is_written_then_drafted_as_news_per_language_with_the_decisions(client, world):
    meeting = make_meeting(world, days_from_now=-40)
    Decision.objects.create(
        meeting=meeting, text="Draft the Transfer Plans", responsible="Each partner",
        due_on=date(2019, 4, 30),
    )  # fmt: skip
    Decision.objects.create(
        meeting=meeting, text="Removed one", responsible="x", removed_at=timezone.now()
    )
    client.force_login(world.people["lead"])
    page = client.get(members_url(meeting, "publishing/"))
    assert page.status_code == 200
    response = client.post(
        members_url(meeting, "publishing/"),
        {"version": meeting.version, "report_en": "We met.", "report_lv": "Mēs tikāmies."},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.reports == {"en": "We met.", "lv": "Mēs tikāmies."}
    # A form from before that save is refused, and keeps what was typed.
    stale = client.post(
        members_url(meeting, "publishing/"),
        {"version": meeting.version - 1, "report_en": "Older text"},
    )
    assert stale.status_code == 409
    assert "Older text" in stale.content.decode()
    response = client.post(members_url(meeting, "publishing/report/"))
    drafts = Entry.objects.filter(kind=Entry.Kind.NEWS).order_by("language")
    assert [entry.language for entry in drafts] == ["en", "lv"]
    assert all(entry.publish_at is None for entry in drafts)
    english = drafts.get(language="en")
    assert response["Location"] == f"/en/regrow-city/news/manage/{english.pk}/"
    assert english.title == "Report: Kick-off meeting"
    assert "We met." in english.body and "Draft the Transfer Plans" in english.body
    assert "Removed one" not in english.body and "30 April 2019" in english.body
    assert "Mēs tikāmies." in drafts.get(language="lv").body
    # The lead may open publishing's editor for the network.
    assert client.get(response["Location"]).status_code == 200
    # A second click makes no second draft.
    again = client.post(members_url(meeting, "publishing/report/"))
    assert again["Location"] == response["Location"]
    assert Entry.objects.filter(kind=Entry.Kind.NEWS).count() == 2


# The public site


def _announce(world, meeting):
    from regrow.publishing.announcements import publish_event

    publish_event(obj=meeting, by=world.people["lead"], languages=["en", "lv"])


def test_the_public_section_lists_only_published_meetings_coming_first(client, world):
    from regrow.network.views_meetings.public import has_public_meetings

    assert not has_public_meetings(world.network)
    coming = make_meeting(world, titles={"en": "Coming meeting"})
    later = make_meeting(world, days_from_now=60, titles={"en": "Later meeting"})
    past = make_meeting(world, days_from_now=-10, agenda=False, titles={"en": "Past meeting"})
    hidden = make_meeting(world, titles={"en": "Unannounced meeting"})
    for meeting in (later, coming):
        _announce(world, meeting)
    # A past one announced when it was still coming.
    Meeting.objects.filter(pk=past.pk).update(starts_on=coming.starts_on, ends_on=coming.ends_on)
    past.refresh_from_db()
    _announce(world, past)
    Meeting.objects.filter(pk=past.pk).update(
        starts_on=timezone.localdate() - timedelta(days=10),
        ends_on=timezone.localdate() - timedelta(days=9),
    )
    Registration.objects.create(meeting=coming, name="Jānis Bērziņš", email="janis@example.org")
    assert has_public_meetings(world.network)
    page = client.get("/en/regrow-city/meetings/").content.decode()
    assert page.index("Coming meeting") < page.index("Later meeting") < page.index("Past meeting")
    assert "Unannounced meeting" not in page
    for private in ("Jānis", "janis@example.org", "Presenter Person", "Secret minutes"):
        assert private not in page
    assert public_url(coming) in page
    assert client.get(public_url(hidden)).status_code == 404


def test_a_published_meetings_public_page_shows_its_agenda_by_day_and_no_personal_data(
    client, world
):
    meeting = make_meeting(world)
    Registration.objects.create(meeting=meeting, name="Jānis Bērziņš", email="janis@example.org")
    _announce(world, meeting)
    response = client.get(public_url(meeting))
    assert response.status_code == 200
    page = response.content.decode()
    shown = ("Kick-off meeting", "Progress of the partners", "Alūksne progress", "Site visit")
    assert all(text in page for text in shown)
    assert "09:30\N{EN DASH}12:00" in page and "10:00\N{EN DASH}10:30" in page
    assert "Dārza iela 11" in page and "openstreetmap.org/?mlat=57.4240" in page
    for private in ("Jānis", "janis@example.org", "Presenter Person", "Secret minutes"):
        assert private not in page
    # In Latvian, the Latvian titles.
    assert "Sākuma sanāksme" in client.get(public_url(meeting, "lv")).content.decode()
    # Another network's address, or a meeting id that is not there.
    assert client.get(f"/en/aluksne/meetings/{meeting.pk}/").status_code == 404
    assert client.get(f"/en/regrow-city/meetings/{meeting.pk + 100}/").status_code == 404


def test_public_pages_take_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    meeting = make_meeting(world)
    _announce(world, meeting)
    client.get("/en/regrow-city/meetings/")
    client.get(public_url(meeting))
    for number in range(25):
        other = make_meeting(world, days_from_now=number + 1, titles={"en": f"Meeting {number}"})
        _announce(world, other)
    cache.clear()  # publishing renews the network's cached pages once its writes commit
    with django_assert_max_num_queries(PUBLIC_QUERIES):
        response = client.get("/en/regrow-city/meetings/")
    assert response.status_code == 200 and "Meeting 19" in response.content.decode()
    assert "?page=2" in response.content.decode() or 'page=2"' in response.content.decode()
    with django_assert_max_num_queries(PUBLIC_QUERIES):
        assert client.get(public_url(meeting)).status_code == 200


def test_the_organisers_publishing_page_takes_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    meeting = make_meeting(world)
    client.force_login(world.people["lead"])
    client.get(members_url(meeting, "publishing/"))
    _announce(world, meeting)
    with django_assert_max_num_queries(14):
        assert client.get(members_url(meeting, "publishing/")).status_code == 200


def test_a_former_member_no_longer_organises(client, world):
    meeting = make_meeting(world)
    NetworkMembership.objects.filter(user=world.people["lead"]).delete()
    client.force_login(world.people["lead"])
    assert client.post(members_url(meeting, "publishing/event/")).status_code == 403
