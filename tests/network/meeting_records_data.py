"""A meeting for the records' tests, made with the ORM over setup_data.make_network: the kick-off
in Alūksne (hosted by Alūksne, so Alūksne's partner coordinator organises it with the lead and
the lead expert; Idrija's coordinator only reads), two days of agenda, units of Alūksne's
register (and one of Altena's), and registrations."""

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from regrow.network.models import AgendaItem, Meeting, Registration
from regrow.premises.models import Unit
from tests.network.setup_data import SetupNetwork, make_network

DAY_1, DAY_2 = date(2019, 1, 31), date(2019, 2, 1)


@dataclass
class RecordsWorld:
    world: SetupNetwork
    meeting: Meeting
    items: list[AgendaItem]
    units: list[Unit]
    foreign_unit: Unit

    @property
    def people(self):
        return self.world.people

    def url(self, rest: str = "", language: str = "en") -> str:
        return f"/{language}/regrow-city/members/meetings/{self.meeting.pk}/{rest}"


def make_unit(town, number: int, street: str = "Pils iela", **fields) -> Unit:
    values = {
        "house_number": str(number),
        "display_address": f"{street} {number}",
        "latitude": Decimal("57.4227") + Decimal(number) / 10000,
        "longitude": Decimal("27.0461") + Decimal(number) / 10000,
        "floor_area_m2": Decimal("45.00"),
        "listed_on": date(2018, 1, 1),
    }
    values.update(fields)
    unit = Unit(town=town, external_id=f"{street}-{number}", street=street, **values)
    unit.full_clean()
    unit.save()
    return unit


def make_meeting(world: SetupNetwork, **fields) -> Meeting:
    values = {
        "network": world.network,
        "kind": Meeting.Kind.TRANSNATIONAL,
        "host": world.partners["aluksne"],
        "titles": {"en": "Kick-off meeting in Alūksne", "lv": "Sākuma sanāksme Alūksnē"},
        "starts_on": DAY_1,
        "ends_on": DAY_2,
        "place_name": "Alūksnes Jaunā pils",
        "address": "Pils iela 74, Alūksne",
    }
    values.update(fields)
    return Meeting.objects.create(**values)


def add_items(meeting: Meeting, per_day: int, minutes: str = "") -> list[AgendaItem]:
    items = []
    for day in meeting.days():
        for n in range(per_day):
            items.append(
                AgendaItem(
                    meeting=meeting,
                    day=day,
                    starts_at=time(9 + n // 4, (n % 4) * 15),
                    duration_minutes=15,
                    titles={"en": f"Item {day.day}.{n + 1}", "lv": f"Punkts {day.day}.{n + 1}"},
                    presenter="Arnis Lasmanis" if n == 0 else "",
                    order=n,
                    minutes=minutes,
                )
            )
    return AgendaItem.objects.bulk_create(items)


def make_records_world(aluksne, altena) -> RecordsWorld:
    world = make_network(aluksne, altena)
    meeting = make_meeting(world)
    items = add_items(meeting, 2)
    units = [make_unit(aluksne.town, n) for n in (3, 5, 7)]
    units.append(make_unit(aluksne.town, 9, street="Dārza iela", offered_publicly=True))
    foreign = make_unit(altena.town, 11, street="Lennestraße")
    Registration.objects.create(meeting=meeting, partner=world.partners["aluksne"], name="A")
    Registration.objects.create(meeting=meeting, partner=world.partners["aluksne"], name="B")
    Registration.objects.create(meeting=meeting, partner=world.partners["idrija"], name="C")
    return RecordsWorld(world, meeting, items, units, foreign)
