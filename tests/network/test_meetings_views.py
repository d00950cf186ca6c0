"""The meetings' pages: members read the list and a meeting's page with its agenda by day;
the network lead and lead expert create any meeting, a partner's coordinators only the ones
their town hosts; organisers change, cancel and build the agenda (forms keep what was typed,
a refusal names the field); others get 403, another network's meeting 404. Page queries do
not grow with the number of meetings or items."""

from datetime import date, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.network.models import AgendaItem, Meeting, Network, Partner
from tests.network.meetings_data import add_item, make_meeting
from tests.network.setup_data import make_network

DAY_1, DAY_2 = date(2019, 1, 31), date(2019, 2, 1)
DASH = "\u2013"  # between two times


@pytest.fixture
def world(aluksne, altena):
    return make_network(aluksne, altena)


@pytest.fixture
def meeting(world):
    return make_meeting(world)


def meeting_url(world, meeting, rest="", language="en"):
    return world.url(f"meetings/{meeting.pk}/{rest}", language)


def meeting_data(world, **values) -> dict:
    data = {
        "kind": "local_group",
        "host": world.partners["aluksne"].pk,
        "titles_en": "",
        "titles_lv": "Vietējās grupas sanāksme",
        "descriptions_en": "",
        "descriptions_lv": "",
        "starts_on": "2019-03-14",
        "ends_on": "2019-03-14",
        "time_zone": "",
        "place_name": "Kultūras centrs",
        "address": "Pils iela 25",
        "latitude": "57.42",
        "longitude": "27.05",
        "online_url": "",
        "registration_closes_at": "2019-03-10 18:00",
    }
    return {**data, **values}


def item_data(**values) -> dict:
    data = {
        "day": "2019-01-31",
        "starts_at": "09:30",
        "duration_minutes": "45",
        "titles_en": "Welcome",
        "titles_lv": "",
        "presenter": "Arturs",
        "room": "",
        "parent": "",
    }
    return {**data, **values}


@pytest.mark.parametrize(
    ("who", "reads", "organises", "creates"),
    [
        ("lead", 200, 200, True),
        ("expert", 200, 200, True),
        ("coordinator_a", 200, 200, True),  # Alūksne hosts the meeting
        ("coordinator_b", 200, 403, True),  # Idrija's: may create for Idrija only
        ("town_coordinator", 200, 403, False),  # reads, no network role
        ("outsider", 403, 403, False),
    ],
)
def test_who_reads_organises_and_creates(client, world, meeting, who, reads, organises, creates):
    client.force_login(world.people[who])
    assert client.get(world.url("meetings/")).status_code == reads
    page = client.get(meeting_url(world, meeting))
    assert page.status_code == reads
    assert client.get(meeting_url(world, meeting, "agenda/")).status_code == organises
    assert client.get(meeting_url(world, meeting, "edit/")).status_code == organises
    response = client.post(meeting_url(world, meeting, "cancel/"), {"version": 1})
    assert response.status_code == (302 if organises == 200 else organises)
    assert client.get(world.url("meetings/new/")).status_code == (200 if creates else 403)
    if reads == 200:
        listing = client.get(world.url("meetings/")).content.decode()
        assert ("New meeting" in listing) is creates
        assert ("Build the agenda" in page.content.decode()) is (organises == 200)


def test_another_networks_meeting_is_404_and_signed_out_goes_to_sign_in(
    client, world, meeting, aluksne
):
    other = Network.objects.create(slug="other-net", names={"en": "Other"})
    Partner.objects.create(network=other, town=aluksne.town)
    elsewhere = Meeting.objects.create(
        network=other, kind="online", titles={"en": "Elsewhere"}, starts_on=DAY_1, ends_on=DAY_1
    )
    client.force_login(world.people["lead"])
    assert client.get(world.url(f"meetings/{elsewhere.pk}/")).status_code == 404
    assert client.get(world.url(f"meetings/{elsewhere.pk}/agenda/")).status_code == 404
    client.logout()
    assert client.get(meeting_url(world, meeting)).status_code == 302


def test_a_coordinator_creates_a_local_group_meeting_of_their_town_only(client, world):
    client.force_login(world.people["coordinator_b"])
    response = client.post(world.url("meetings/new/"), meeting_data(world))
    assert response.status_code == 400  # Alūksne is not among Idrija's choices
    assert "Vietējās grupas sanāksme" in response.content.decode()  # kept
    data = meeting_data(world, host=world.partners["idrija"].pk)
    response = client.post(world.url("meetings/new/"), data)
    assert response.status_code == 302
    created = Meeting.objects.get()
    assert response["Location"].endswith(f"/meetings/{created.pk}/agenda/")
    assert (created.host.town.slug, created.time_zone) == ("idrija", "Europe/Riga")
    assert created.titles == {"lv": "Vietējās grupas sanāksme"}
    # The deadline was typed in the meeting's local time.
    assert created.registration_closes_at.isoformat() == "2019-03-10T16:00:00+00:00"
    edit = client.get(meeting_url(world, created, "edit/")).content.decode()
    assert 'value="2019-03-10 18:00"' in edit and "Vietējās grupas sanāksme" in edit


def test_the_meeting_form_names_the_field_and_keeps_what_was_typed(client, world, meeting):
    client.force_login(world.people["lead"])
    response = client.post(
        world.url("meetings/new/"),
        meeting_data(world, titles_lv="", ends_on="2019-03-13", place_name="Pilsētas zāle"),
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert "titles_en" in form.errors and "ends_on" in form.errors
    assert "Pilsētas zāle" in response.content.decode()
    add_item(meeting, "Site visit", day=DAY_2)
    edit = client.post(
        meeting_url(world, meeting, "edit/"),
        meeting_data(world, starts_on="2019-01-31", ends_on="2019-01-31", version=1),
    )
    assert edit.status_code == 400
    assert "Site visit" in str(edit.context["form"].errors["starts_on"])
    stale = client.post(
        meeting_url(world, meeting, "edit/"),
        meeting_data(world, starts_on="2019-01-31", ends_on="2019-02-01", version=0),
    )
    assert stale.status_code == 409 and "Someone changed this meeting" in stale.content.decode()
    saved = client.post(
        meeting_url(world, meeting, "edit/"),
        meeting_data(world, starts_on="2019-01-31", ends_on="2019-02-01", version=1),
    )
    assert saved.status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).place_name == "Kultūras centrs"


def test_cancelling_keeps_the_meeting_and_is_taken_back(client, world, meeting):
    client.force_login(world.people["expert"])
    assert client.post(meeting_url(world, meeting, "cancel/"), {"version": 1}).status_code == 302
    page = client.get(meeting_url(world, meeting)).content.decode()
    assert "This meeting is cancelled." in page and "Take the cancellation back" in page
    assert "Cancelled" in client.get(world.url("meetings/")).content.decode()
    stale = client.post(meeting_url(world, meeting, "restore/"), {"version": 1}, follow=True)
    assert "Someone changed this meeting" in stale.content.decode()
    assert client.post(meeting_url(world, meeting, "restore/"), {"version": 2}).status_code == 302
    assert Meeting.objects.get().cancelled_at is None
    assert client.get(meeting_url(world, meeting, "cancel/")).status_code == 405


def test_the_meeting_page_shows_the_agenda_by_day_nested_and_the_map(client, world, meeting):
    workshop = add_item(meeting, "Transfer Plans workshop", starts_at=time(11), duration_minutes=90)
    add_item(meeting, "Group on funding", starts_at=time(11), parent=workshop, room="Zāle 2")
    add_item(meeting, "Walk to the vacant units", day=DAY_2, presenter="Inga")
    client.force_login(world.people["town_coordinator"])
    page = client.get(meeting_url(world, meeting, language="lv")).content.decode()
    assert "No 2019. gada 31. janvāra līdz 1. februārim" in page
    assert f"11:00{DASH}12:30" in page and f"11:00{DASH}11:45" in page and "Zāle 2" in page
    assert page.index("Transfer Plans workshop") < page.index("Group on funding")
    assert 'class="agenda agenda-parts"' in page
    assert 'data-map="point"' in page and 'data-lat="57.421600"' in page
    assert "Build the agenda" not in page


def test_the_builder_adds_refuses_an_overlap_keeping_what_was_typed_and_reorders(
    client, world, meeting
):
    client.force_login(world.people["coordinator_a"])
    url = meeting_url(world, meeting, "agenda/")
    assert client.post(url, item_data()).status_code == 302
    response = client.post(
        url, item_data(starts_at="10:00", titles_en="Progress", presenter="Ilze Kalniņa")
    )
    assert response.status_code == 400
    errors = response.context["form"].errors["starts_at"][0]
    assert "Welcome" in errors and f"09:30{DASH}10:15" in errors
    assert 'value="Ilze Kalniņa"' in response.content.decode()
    response = client.post(url, item_data(day="2019-02-02", titles_en="Later"))
    assert response.status_code == 400 and "day" in response.context["form"].errors
    assert client.post(url, item_data(starts_at="10:15", titles_en="Progress")).status_code == 302
    progress = AgendaItem.objects.get(titles__en="Progress")
    assert (
        client.post(
            meeting_url(world, meeting, f"agenda/{progress.pk}/move/"), {"direction": "up"}
        ).status_code
        == 302
    )
    assert list(meeting.agenda_items.order_by("order").values_list("titles__en", flat=True)) == [
        "Progress",
        "Welcome",
    ]
    edit = client.post(
        meeting_url(world, meeting, f"agenda/{progress.pk}/"),
        item_data(starts_at="10:15", titles_en="Progress report", version=0),
    )
    assert edit.status_code == 409 and 'value="Progress report"' in edit.content.decode()
    # The next item is offered the day last added to, starting when that day's last item ends.
    client.post(url, item_data(day="2019-02-01", starts_at="10:00", titles_en="Site visit"))
    offered = client.get(url + "?day=2019-02-01").context["form"]
    assert (offered.initial["day"], offered.initial["starts_at"]) == ("2019-02-01", "10:45")
    delete_url = meeting_url(world, meeting, f"agenda/{progress.pk}/delete/")
    assert "Remove it" in client.get(delete_url).content.decode()
    assert client.post(delete_url).status_code == 302
    assert not AgendaItem.objects.filter(pk=progress.pk).exists()


def add_meetings(world, count: int, start: int) -> None:
    for number in range(start, start + count):
        day = date(2019, 1, 1 + number % 28)
        host = ("aluksne", "idrija", "altena", None)[number % 4]
        make_meeting(world, host, starts_on=day, ends_on=day, titles={"en": f"M{number}"})
        make_meeting(world, host, starts_on=date(2099, 1, 1), ends_on=date(2099, 1, 2))


def test_the_list_page_takes_the_same_queries_for_2_and_30_meetings(client, world):
    client.force_login(world.people["coordinator_a"])
    add_meetings(world, 1, 0)
    url = world.url("meetings/")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_meetings(world, 14, 1)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few) <= 20


def test_the_meeting_page_takes_the_same_queries_for_2_and_40_items(client, world, meeting):
    client.force_login(world.people["lead"])
    url = meeting_url(world, meeting)

    def add(count, start):
        for number in range(start, start + count):
            day = DAY_1 if number % 2 else DAY_2
            parent = add_item(meeting, f"I{number}", day=day, room=f"R{number}")
            add_item(meeting, f"P{number}", day=day, room=f"R{number}", parent=parent)

    add(1, 0)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as builder_few:
        assert client.get(url + "agenda/").status_code == 200
    add(19, 1)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as builder_many:
        assert client.get(url + "agenda/").status_code == 200
    assert len(many) == len(few) <= 25
    assert len(builder_many) == len(builder_few) <= 25


def test_an_item_with_minutes_is_not_removed_and_the_page_says_why(client, world, meeting):
    item = add_item(meeting, "Progress", minutes="Everyone reported.")
    client.force_login(world.people["lead"])
    url = meeting_url(world, meeting, f"agenda/{item.pk}/delete/")
    page = client.get(url).content.decode()
    assert "It cannot be removed: it has minutes." in page and "Remove it</button>" not in page
    assert client.post(url).status_code == 400
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    edit = client.get(meeting_url(world, meeting, f"agenda/{item.pk}/"))
    assert edit.status_code == 200 and 'value="Progress"' in edit.content.decode()
