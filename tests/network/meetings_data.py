"""Meetings for the meetings' tests, made with the ORM on top of setup_data.make_network:
`make_meeting(world, ...)` a meeting of the network (by default the two-day kick-off in Alūksne,
31 January to 1 February 2019), `add_item(meeting, ...)` an item of its agenda."""

from datetime import date, time

from regrow.network.models import AgendaItem, Meeting
from tests.network.setup_data import SetupNetwork, make_network  # noqa: F401 - for importers


def make_meeting(world: SetupNetwork, host: str | None = "aluksne", **values) -> Meeting:
    """A meeting of `world`'s network hosted by the partner `host` (a key of world.partners;
    None: no host town)."""
    defaults = {
        "kind": Meeting.Kind.TRANSNATIONAL,
        "titles": {"en": "Kick-off meeting", "lv": "Ievadsanāksme"},
        "descriptions": {"en": "Progress, Transfer Plans and three-month goals."},
        "starts_on": date(2019, 1, 31),
        "ends_on": date(2019, 2, 1),
        "time_zone": "Europe/Riga",
        "place_name": "Alūksnes novada pašvaldība",
        "address": "Dārza iela 11, Alūksne",
        "latitude": "57.421600",
        "longitude": "27.046600",
    }
    return Meeting.objects.create(
        network=world.network,
        host=world.partners[host] if host else None,
        created_by=world.people.get("lead"),
        **{**defaults, **values},
    )


def add_item(meeting: Meeting, title: str = "Welcome", **values) -> AgendaItem:
    """An item on the meeting's first day at 09:30 for 45 minutes, after the day's others."""
    day = values.pop("day", meeting.starts_on)
    parent = values.pop("parent", None)
    order = meeting.agenda_items.filter(day=day, parent=parent).count() + 1
    defaults = {"starts_at": time(9, 30), "duration_minutes": 45, "order": order}
    return AgendaItem.objects.create(
        meeting=meeting, day=day, parent=parent, titles={"en": title}, **{**defaults, **values}
    )
