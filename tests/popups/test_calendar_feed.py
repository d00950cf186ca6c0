"""The pop-up calendar as iCalendar (all-day pop-ups at their units and the rounds' events, public
fields only, stable UIDs, bounded queries), and announcing an open round's call for applications
through publishing's prefilled editor, in the town's languages."""

from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.template.loader import render_to_string
from icalendar import Calendar

from regrow.popups import selectors_calendar as selectors
from regrow.popups import services
from regrow.popups.models import Round, RoundEvent, Sublease
from regrow.publishing.models import Entry
from regrow.towns.models import Role
from tests.popups.conftest import round_values
from tests.popups.test_calendar import make_popup, popups, second_offer, today

FEED = "/{language}/aluksne/popups/calendar.ics"


def read_feed(client, language="en") -> Calendar:
    response = client.get(FEED.format(language=language))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def by_uid(calendar: Calendar) -> dict:
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_has_each_public_pop_up_all_day_at_its_unit(client, popups, open_round):
    calendar = read_feed(client)
    assert str(calendar["x-wr-calname"]) == "Alūksne: pop-up shops"
    events = by_uid(calendar)
    now = popups["now"]
    event = events[f"popup-{now.pk}@regrow"]
    assert event.decoded("dtstart") == now.starts_on
    assert not isinstance(event.decoded("dtstart"), datetime)  # a day, not a time
    assert event.decoded("dtend") == now.ends_on + timedelta(days=1)
    assert str(event["summary"]) == "Pop-up: Šūšanas darbnīca"
    assert str(event["location"]) == now.unit.display_address
    assert (event["geo"].latitude, event["geo"].longitude) == (
        float(now.unit.latitude),
        float(now.unit.longitude),
    )
    assert "Šūšanas darbnīca: local goods" in str(event["description"])
    assert "10–18" in str(event["description"])  # noqa: RUF001
    assert str(event["url"]) == "http://testserver/en/aluksne/popups/now/"
    # The coming one and the one that ended yesterday (the past year stays in subscribers'
    # calendars); never the cancelled or hidden ones.
    assert {f"popup-{popups[name].pk}@regrow" for name in ("coming", "past")} <= set(events)
    for name in ("cancelled", "hidden"):
        assert f"popup-{popups[name].pk}@regrow" not in events


def test_the_feed_speaks_the_readers_language_and_keeps_its_uids(client, popups):
    first = by_uid(read_feed(client, "en"))
    cache.clear()
    again = by_uid(read_feed(client, "en"))
    assert set(first) == set(again)
    latvian = by_uid(read_feed(client, "lv"))
    event = latvian[f"popup-{popups['now'].pk}@regrow"]
    assert "Šūšanas darbnīca: vietējās preces" in str(event["description"])


def test_the_feed_leaves_out_pop_ups_over_a_year_ago_and_holds_the_rounds_events(
    client, popups, open_round, offer, today
):
    old = make_popup(
        open_round, offer, "Pērnā kafejnīca", today - timedelta(days=400),
        today - timedelta(days=380), slot=5,
    )  # fmt: skip
    weekend = RoundEvent.objects.create(
        round=open_round,
        titles={"en": "Pop-up weekend", "lv": "Pop-up nedēļas nogale"},
        starts_on=today + timedelta(days=22),
        ends_on=today + timedelta(days=23),
    )
    events = by_uid(read_feed(client))
    assert f"popup-{old.pk}@regrow" not in events
    event = events[f"popup-event-{weekend.pk}@regrow"]
    assert str(event["summary"]) == "Pop-up weekend"
    assert event.decoded("dtstart") == weekend.starts_on
    assert event.decoded("dtend") == weekend.ends_on + timedelta(days=1)
    assert str(event["url"]) == f"http://testserver/en/aluksne/popups/{open_round.pk}/"


def test_the_feed_tells_nothing_of_the_traders_person(client, popups):
    text = client.get(FEED.format(language="en")).content.decode()
    for popup in Sublease.objects.select_related("application__applicant"):
        person = popup.application.applicant
        assert person.email not in text and person.full_name not in text
        assert popup.application.idea not in text
        assert str(popup.rent_cents_per_month) not in text


def test_the_feed_is_read_in_bounded_queries(
    client, open_round, offer, today, django_assert_max_num_queries
):
    for number in range(30):
        start = today + timedelta(days=number)
        make_popup(open_round, offer, f"Veikals {number}", start, start, slot=number)
        RoundEvent.objects.create(
            round=open_round, titles={"en": f"Event {number}"}, starts_on=start
        )
    with django_assert_max_num_queries(7):  # five, and two of the page cache
        calendar = read_feed(client)
    assert len(calendar.walk("VEVENT")) == 60


# Announcing the call


def test_the_call_is_prefilled_in_the_language_asked_for(open_round):
    Round.objects.filter(pk=open_round.pk).update(applications_close_on=date(2027, 3, 15))
    open_round.refresh_from_db()
    english = selectors.call_announcement(open_round, "en")
    assert english["title"] == "Call for pop-up shops: Pop-up spring"
    assert english["lead"].startswith("Apply until 15 March 2027. From ")
    assert english["lead"].endswith(" the pop-up shops are open.")
    assert f'href="/en/aluksne/popups/{open_round.pk}/"' in english["body"]
    assert english["starts_at"].date() == open_round.applications_open_on
    assert english["ends_at"].date() == date(2027, 3, 15)
    assert str(english["ends_at"].tzinfo) == "Europe/Riga"
    latvian = selectors.call_announcement(open_round, "lv")
    assert latvian["title"].endswith("Pop-up pavasaris")
    # The description is only in Latvian: the English announcement takes it.
    assert "Tukšas telpas uz dažām nedēļām." in english["body"]
    assert f'href="/lv/aluksne/popups/{open_round.pk}/"' in latvian["body"]


def test_the_call_text_is_escaped(open_round):
    open_round.descriptions = {"en": "<script>alert(1)</script>"}
    body = selectors.call_announcement(open_round, "en")["body"]
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_a_coordinator_publishes_the_call_as_an_event_in_one_step(
    client, open_round, coordinator_of
):
    client.force_login(coordinator_of)
    response = client.post(
        f"/en/aluksne/popup-rounds/{open_round.pk}/publish-call/", {"language": "lv"}
    )
    assert response.status_code == 303
    editor = f"/lv/aluksne/news/write/from/popups.round/{open_round.pk}/"
    assert response["Location"] == editor
    form = client.get(editor).content.decode()
    assert "Pop-up pavasaris" in form
    assert 'option value="event" selected' in form
    start = datetime.combine(open_round.applications_open_on, datetime.min.time())
    response = client.post(
        editor,
        {
            "kind": "event",
            "title": f"Aicinājums: {open_round.titles['lv']}",
            "lead": "Piesakieties!",
            "starts_at": start.strftime("%d.%m.%Y %H:%M"),
            "action": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    entry = Entry.objects.get()
    assert entry.kind == Entry.Kind.EVENT and entry.language == "lv" and entry.is_published()
    assert [link.target for link in entry.related.all()] == [open_round]


def test_only_an_open_rounds_call_in_a_town_language_is_published(
    client, open_round, coordinator_of, aluksne
):
    client.force_login(coordinator_of)
    url = f"/en/aluksne/popup-rounds/{open_round.pk}/publish-call/"
    response = client.post(url, {"language": "de"}, follow=True)
    assert "Choose one of the town&#x27;s languages." in response.content.decode()
    Round.objects.filter(pk=open_round.pk).update(
        applications_close_on=aluksne.town.today() - timedelta(days=1)
    )
    response = client.post(url, {"language": "en"}, follow=True)
    assert "Only the call of an open round, before its deadline" in response.content.decode()
    assert response.redirect_chain[-1][0] == f"/en/aluksne/popup-rounds/{open_round.pk}/"
    assert Entry.objects.count() == 0


def test_publishing_the_call_is_the_coordinators_alone(client, open_round, aluksne):
    url = f"/en/aluksne/popup-rounds/{open_round.pk}/publish-call/"
    assert client.post(url, {"language": "en"}).status_code == 302  # to sign in
    client.force_login(aluksne.people[Role.EDITOR])
    assert client.post(url, {"language": "en"}).status_code == 403
    client.force_login(aluksne.people[Role.COORDINATOR])
    assert client.get(url).status_code == 405


def test_the_include_offers_publishing_now_and_the_editor_per_town_language_for_an_open_round(
    open_round, coordinator_of, rf
):
    html = render_to_string(
        "popups/includes/publish_call.html",
        {"round": open_round, "town": open_round.town},
        request=rf.get("/en/"),
    )
    # Both post to popups' own page, which hands on to publishing by URL name.
    assert html.count(f'action="/en/aluksne/popup-rounds/{open_round.pk}/publish-call/"') == 2
    assert "/news/" not in html
    assert 'name="publish" value="now">Publish in all languages now</button>' in html
    assert 'name="language" value="lv"' in html and 'name="language" value="en"' in html
    assert "Open in the editor: Latvian" in html
    draft_round = services.round_save(
        town=open_round.town, by=coordinator_of, **round_values(open_round.town)
    )
    draft = render_to_string(
        "popups/includes/publish_call.html", {"round": draft_round, "town": draft_round.town}
    )
    assert "publish-call" not in draft


__all__ = ["popups", "second_offer", "today"]
