"""A meeting's agenda, through its services: items on the meeting's days only, none past
midnight, none in a room another item holds at that time (blank is the plenary room; a part
lies within its item and does not clash with it; parts clash among themselves by room), older
versions refused, order kept consistent when items move or go, and an item holding minutes,
decisions or documents kept. Meetings: the days cannot leave agenda items outside, cancelling
is taken back, and only organisers write."""

from datetime import date, time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from regrow.lib.concurrency import ConcurrentEditError
from regrow.network.models import AgendaItem, Decision, Meeting
from regrow.network.services import agenda, meetings
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


def item_values(**values):
    defaults = {
        "day": DAY_1,
        "starts_at": time(9, 30),
        "duration_minutes": 45,
        "titles": {"lv": "Atklāšana", "en": ""},
        "presenter": "",
        "room": "",
        "parent": None,
    }
    return {**defaults, **values}


def save(world, meeting, who="lead", **values):
    return agenda.item_save(meeting=meeting, by=world.people[who], **item_values(**values))


def problem(error: ValidationError) -> dict:
    return {name: " ".join(messages) for name, messages in error.message_dict.items()}


def test_an_item_outside_the_days_or_past_midnight_is_refused(world, meeting):
    with pytest.raises(ValidationError) as refused:
        save(world, meeting, day=date(2019, 2, 2))
    assert "day" in problem(refused.value)
    with pytest.raises(ValidationError) as refused:
        save(world, meeting, starts_at=time(23, 30), duration_minutes=45)
    assert "midnight" in problem(refused.value)["duration_minutes"]
    assert save(world, meeting, starts_at=time(23, 15), duration_minutes=45).pk  # ends at 24:00
    with pytest.raises(ValidationError) as refused:
        save(world, meeting, titles={"en": " ", "lv": ""})
    assert "titles" in problem(refused.value)


def test_the_same_room_at_the_same_time_is_refused_naming_the_other_item(world, meeting):
    save(world, meeting, titles={"en": "Welcome"})  # 09:30-10:15, plenary
    with pytest.raises(ValidationError) as refused:
        save(world, meeting, starts_at=time(10), titles={"en": "Progress"})
    message = problem(refused.value)["starts_at"]
    assert "Welcome" in message and f"09:30{DASH}10:15" in message and "plenary" in message
    # Another room, another day, or right after: all fine.
    save(world, meeting, starts_at=time(10), room="Zāle 2", titles={"en": "Workshop"})
    save(world, meeting, starts_at=time(10), day=DAY_2, titles={"en": "Site visit"})
    save(world, meeting, starts_at=time(10, 15), titles={"en": "Progress"})
    with pytest.raises(ValidationError) as refused:
        save(world, meeting, starts_at=time(10, 30), room=" zāle 2 ", titles={"en": "Clash"})
    assert "Workshop" in problem(refused.value)["starts_at"]


def test_parts_lie_within_their_item_and_clash_among_themselves_by_room(world, meeting):
    workshop = save(world, meeting, starts_at=time(11), duration_minutes=120)
    first = save(world, meeting, starts_at=time(11), duration_minutes=60, parent=workshop)
    with pytest.raises(ValidationError) as refused:
        save(world, meeting, starts_at=time(11, 30), duration_minutes=30, parent=workshop)
    assert "starts_at" in problem(refused.value)  # with its sibling, in the plenary room
    save(world, meeting, starts_at=time(11, 30), duration_minutes=30, parent=workshop, room="B")
    with pytest.raises(ValidationError) as refused:
        save(world, meeting, starts_at=time(12, 30), duration_minutes=60, parent=workshop)
    assert "within" in problem(refused.value)["starts_at"]
    with pytest.raises(ValidationError) as refused:
        save(world, meeting, day=DAY_2, starts_at=time(11), parent=workshop)
    assert "day" in problem(refused.value)
    with pytest.raises(ValidationError) as refused:
        save(world, meeting, starts_at=time(11), parent=first)  # one level only
    assert "parent" in problem(refused.value)
    # The item cannot shrink away from its parts; moved to day 2, its parts go with it.
    with pytest.raises(ValidationError) as refused:
        agenda.item_save(
            meeting=meeting,
            by=world.people["lead"],
            item=workshop,
            version=workshop.version,
            **item_values(starts_at=time(11, 30), duration_minutes=90),
        )
    assert "outside" in problem(refused.value)["starts_at"]
    workshop.refresh_from_db()
    agenda.item_save(
        meeting=meeting,
        by=world.people["lead"],
        item=workshop,
        version=workshop.version,
        **item_values(day=DAY_2, starts_at=time(11), duration_minutes=120),
    )
    assert set(workshop.children.values_list("day", flat=True)) == {DAY_2}


def test_an_older_version_is_refused_and_nothing_is_overwritten(world, meeting):
    item = save(world, meeting)
    agenda.item_save(
        meeting=meeting,
        by=world.people["expert"],
        item=item,
        version=1,
        **item_values(titles={"en": "Welcome by the mayor"}),
    )
    with pytest.raises(ConcurrentEditError):
        agenda.item_save(
            meeting=meeting,
            by=world.people["lead"],
            item=item,
            version=1,
            **item_values(titles={"en": "Mine"}),
        )
    item.refresh_from_db()
    assert item.titles == {"en": "Welcome by the mayor"} and item.version == 2


def orders(meeting, day=DAY_1, parent=None):
    rows = meeting.agenda_items.filter(day=day, parent=parent).order_by("order")
    return [(row.title, row.order) for row in rows]


def test_items_take_their_place_by_time_and_move_up_and_down(world, meeting):
    save(world, meeting, starts_at=time(11), titles={"en": "C"})
    save(world, meeting, starts_at=time(9), titles={"en": "A"})
    save(world, meeting, starts_at=time(10), titles={"en": "B"})
    assert orders(meeting) == [("A", 1), ("B", 2), ("C", 3)]
    c = AgendaItem.objects.get(titles__en="C")
    agenda.item_move(item=c, by=world.people["lead"], up=True)
    assert orders(meeting) == [("A", 1), ("C", 2), ("B", 3)]
    agenda.item_move(item=c, by=world.people["lead"], up=True)
    agenda.item_move(item=c, by=world.people["lead"], up=True)  # first already: stays
    assert orders(meeting) == [("C", 1), ("A", 2), ("B", 3)]
    agenda.item_remove(item=AgendaItem.objects.get(titles__en="A"), by=world.people["lead"])
    assert orders(meeting) == [("C", 1), ("B", 2)]


def test_an_item_with_minutes_decisions_documents_or_parts_is_kept(world, meeting):
    item = add_item(meeting, "Progress", minutes="Everyone reported.")
    Decision.objects.create(meeting=meeting, agenda_item=item, text="Goals", responsible="All")
    with pytest.raises(ValidationError) as refused:
        agenda.item_remove(item=item, by=world.people["lead"])
    assert "minutes" in refused.value.messages[0] and "1 decision" in refused.value.messages[0]
    parent = add_item(meeting, "Workshop", starts_at=time(11))
    add_item(meeting, "Group A", starts_at=time(11), parent=parent)
    with pytest.raises(ValidationError) as refused:
        agenda.item_remove(item=parent, by=world.people["lead"])
    assert "“Group A”" in refused.value.messages[0]
    assert AgendaItem.objects.count() == 3


def test_only_organisers_write_the_agenda(world, meeting):
    for who in ("coordinator_b", "town_coordinator", "outsider"):
        with pytest.raises(PermissionDenied):
            save(world, meeting, who=who)
    for who, hour in (("lead", 8), ("expert", 9), ("coordinator_a", 10)):
        save(world, meeting, who=who, starts_at=time(hour))


def meeting_values(world, **values):
    defaults = {
        "kind": Meeting.Kind.LOCAL_GROUP,
        "host": world.partners["aluksne"],
        "titles": {"lv": "Vietējās grupas sanāksme"},
        "descriptions": {},
        "starts_on": DAY_1,
        "ends_on": DAY_2,
        "time_zone": "",
        "place_name": "Kultūras centrs",
        "address": "",
        "latitude": None,
        "longitude": None,
        "online_url": "",
        "registration_closes_at": None,
    }
    return {**defaults, **values}


def test_hosts_a_person_may_organise(world):
    create = meetings.meeting_save
    found = create(network=world.network, by=world.people["coordinator_a"], **meeting_values(world))
    assert found.time_zone == world.partners["aluksne"].town.time_zone
    with pytest.raises(ValidationError) as refused:
        create(
            network=world.network,
            by=world.people["coordinator_b"],
            **meeting_values(world),
        )
    assert "host" in problem(refused.value)
    with pytest.raises(ValidationError):
        create(
            network=world.network,
            by=world.people["coordinator_a"],
            **meeting_values(world, host=None),
        )
    online = create(
        network=world.network,
        by=world.people["expert"],
        **meeting_values(world, host=None, kind=Meeting.Kind.ONLINE, online_url="https://x.org/m"),
    )
    assert online.host is None and online.time_zone == "Europe/Riga"


def test_the_days_cannot_leave_items_outside_and_cancelling_is_taken_back(world, meeting):
    add_item(meeting, "Site visit", day=DAY_2)
    lead = world.people["lead"]
    with pytest.raises(ValidationError) as refused:
        meetings.meeting_save(
            network=world.network,
            by=lead,
            meeting=meeting,
            version=meeting.version,
            **meeting_values(world, ends_on=DAY_1),
        )
    assert "“Site visit”" in problem(refused.value)["starts_on"]
    meetings.meeting_cancel(meeting=meeting, by=lead, version=meeting.version)
    assert Meeting.objects.get().cancelled_at is not None
    with pytest.raises(ConcurrentEditError):
        meetings.meeting_cancel(meeting=meeting, by=lead, version=1, cancel=False)
    meetings.meeting_cancel(meeting=meeting, by=lead, version=meeting.version, cancel=False)
    assert Meeting.objects.get().cancelled_at is None
    with pytest.raises(PermissionDenied):
        meetings.meeting_cancel(meeting=meeting, by=world.people["coordinator_b"], version=3)
