"""The meetings' JSON API: members read a network's meetings a page at a time and one meeting
with its agenda by day (times in ISO with the meeting's offset and as local clock times, parts
nested); signed out 401, outsiders 403, another network's meeting or an unknown one 404."""

from datetime import date, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.network.models import Meeting, Network
from tests.network.meetings_data import add_item, make_meeting
from tests.network.setup_data import make_network

API = "/api/networks/regrow-city/meetings"


@pytest.fixture
def world(aluksne, altena):
    return make_network(aluksne, altena)


@pytest.fixture
def meeting(world):
    meeting = make_meeting(world)
    workshop = add_item(meeting, "Workshop", starts_at=time(11), duration_minutes=90)
    add_item(meeting, "Group A", starts_at=time(11), parent=workshop, room="Zāle 2")
    add_item(meeting, "Welcome", starts_at=time(9, 30))
    add_item(meeting, "Site visit", day=date(2019, 2, 1), starts_at=time(10))
    return meeting


@pytest.mark.parametrize(
    ("who", "status"),
    [("lead", 200), ("coordinator_b", 200), ("town_coordinator", 200), ("outsider", 403)],
)
def test_members_read_and_others_are_refused(client, world, meeting, who, status):
    client.force_login(world.people[who])
    assert client.get(API).status_code == status
    assert client.get(f"{API}/{meeting.pk}").status_code == status


def test_signed_out_401_and_not_there_404(client, world, meeting):
    assert client.get(API).status_code == 401
    assert client.get(f"{API}/{meeting.pk}").status_code == 401
    other = Network.objects.create(slug="other-net", names={"en": "Other"})
    elsewhere = Meeting.objects.create(
        network=other, kind="online", titles={"en": "X"}, starts_on=date(2019, 1, 1),
        ends_on=date(2019, 1, 1),
    )  # fmt: skip
    client.force_login(world.people["lead"])
    assert client.get(f"{API}/{elsewhere.pk}").status_code == 404
    assert client.get("/api/networks/nowhere/meetings").status_code == 404
    assert client.get(f"{API}?colour=red").status_code == 422


def test_a_meeting_with_its_agenda_by_day(client, world, meeting):
    client.force_login(world.people["coordinator_a"])
    found = client.get(f"{API}/{meeting.pk}").json()
    assert (found["host"], found["time_zone"], found["latitude"]) == (
        "aluksne",
        "Europe/Riga",
        57.4216,
    )
    first, second = found["days"]
    assert (first["day"], first["number"], second["number"]) == ("2019-01-31", 1, 2)
    assert [item["title"] for item in first["items"]] == ["Workshop", "Welcome"]
    workshop = first["items"][0]
    assert workshop["starts_at"] == "2019-01-31T11:00:00+02:00"
    assert (workshop["local_start"], workshop["local_end"]) == ("11:00", "12:30")
    assert [(p["title"], p["room"], p["ends_at"]) for p in workshop["parts"]] == [
        ("Group A", "Zāle 2", "2019-01-31T11:45:00+02:00")
    ]
    assert second["items"][0]["title"] == "Site visit"


def test_the_list_pages_and_takes_bounded_queries(client, world, meeting):
    for number in range(24):
        make_meeting(world, None, titles={"en": f"M{number}"}, starts_on=date(2099, 1, 1 + number),
                     ends_on=date(2099, 1, 1 + number))  # fmt: skip
    client.force_login(world.people["expert"])
    with CaptureQueriesContext(connection) as queries:
        first = client.get(API).json()
    assert first["count"] == 25 and len(first["results"]) == 20 and first["next"]
    assert first["results"][0]["titles"] == {"en": "M23"}
    assert len(queries) <= 12
    last = client.get(first["next"]).json()
    assert last["results"][-1]["title"] == "Kick-off meeting" and last["previous"]
    coming = client.get(f"{API}?coming=true&page_size=5").json()
    assert coming["count"] == 24 and coming["results"][0]["title"] == "M0"
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"{API}/{meeting.pk}").status_code == 200
    assert len(queries) <= 12
