"""The network's meetings in the demo (../shared/facts/regrow-city.md): the kick-off of the
transfer phase in Alūksne (31 January to 1 February 2019) with its two-day agenda, minutes,
decisions, participants and the site visit to vacant units of Alūksne's demo register; the
pop-up thematic meeting in Isernia (November 2019); the mid-term review in Nyírbátor (January
2020); the final online conference (May 2021). The three-month goals set at a meeting become
actions of the partners' Transfer Plans and are reviewed at the next (network/
demo_meetings_goals.py). And what of the dashboard the lead shows the public.

Written as rows, as the meetings' organisers would have left them; a meeting is found by its
English title, and one that exists is left as it is, so loading twice changes nothing."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from regrow.accounts.models import User
from regrow.lib.demo import Demo
from regrow.network.demo_meetings_goals import goals_review, goals_set
from regrow.network.demo_meetings_goals_texts import ISERNIA_GOALS, KICK_OFF_GOALS
from regrow.network.demo_meetings_texts import (
    FINAL,
    GUESTS,
    ISERNIA,
    KICK_OFF,
    NYIRBATOR,
    ORGANISATIONS,
    STOP_NOTE,
    STOPS,
    TOWN_ACCOUNTS,
)
from regrow.network.models import (
    AgendaItem,
    Decision,
    Meeting,
    Network,
    NetworkRole,
    Partner,
    Registration,
    SiteVisitStop,
)
from regrow.premises.choices import Status
from regrow.premises.models import Unit
from regrow.premises.selectors import units_with_status

PUBLIC_SUMMARY = ["plans", "actions", "meetings"]
POP_UP_GROUP = ["aluksne", "melgaco", "isernia"]


def local(meeting: Meeting, day: date, hour: int, minute: int = 0) -> datetime:
    """A moment of the meeting's day in its time zone."""
    zone = ZoneInfo(meeting.time_zone)
    return datetime.combine(day, time(hour, minute), tzinfo=zone)


def meeting_create(network: Network, spec: dict, partners: dict[str, Partner], by) -> Meeting:
    host = partners[spec["host"]] if spec["host"] else None
    meeting = Meeting(
        network=network,
        kind=spec["kind"],
        host=host,
        titles=spec["titles"],
        descriptions=spec["descriptions"],
        starts_on=spec["starts_on"],
        ends_on=spec["ends_on"],
        time_zone=spec["time_zone"],
        place_name=spec["place_name"],
        address=spec["address"],
        online_url=spec.get("online_url", ""),
        reports=spec["reports"],
        created_by=by,
    )
    if host is not None:
        meeting.latitude = host.town.centre_latitude
        meeting.longitude = host.town.centre_longitude
    closes_on, hour = spec["registration_closes"]
    meeting.registration_closes_at = local(meeting, closes_on, hour)
    meeting.full_clean()
    meeting.save()
    # Announced two months before.
    created = local(meeting, meeting.starts_on - timedelta(days=60), 10)
    Meeting.objects.filter(pk=meeting.pk).update(created_at=created)
    return meeting


def agenda_create(meeting: Meeting, spec: dict, writer) -> dict[str, AgendaItem]:
    """The agenda's items (and their parts), by English title; minutes written the evening of
    the meeting's last day."""
    items: dict[str, AgendaItem] = {}
    written = local(meeting, meeting.ends_on, 18)

    def add(rows, parent: AgendaItem | None) -> None:
        for order, (day, at, length, titles, presenter, room, minutes, parts) in enumerate(
            rows, start=1
        ):
            hour, minute = (int(part) for part in at.split(":"))
            item = AgendaItem(
                meeting=meeting,
                parent=parent,
                day=meeting.starts_on + timedelta(days=day),
                starts_at=time(hour, minute),
                duration_minutes=length,
                titles=titles,
                presenter=presenter,
                room=room,
                order=order,
                minutes=minutes,
                minutes_updated_at=written if minutes else None,
                minutes_updated_by=writer if minutes else None,
            )
            item.full_clean()
            item.save()
            items[titles["en"]] = item
            add(parts, item)

    # Orders count within a day (and within an item's parts).
    for day in range(len(meeting.days())):
        add([row for row in spec["agenda"] if row[0] == day], None)
    return items


def decisions_create(meeting: Meeting, spec: dict, items: dict[str, AgendaItem], by) -> None:
    for order, (item_title, text, responsible, due_on) in enumerate(spec["decisions"], start=1):
        decision = Decision(
            meeting=meeting,
            agenda_item=items[item_title],
            text=text,
            responsible=responsible,
            due_on=due_on,
            order=order,
            created_by=by,
        )
        decision.full_clean()
        decision.save()
    Decision.objects.filter(meeting=meeting).update(created_at=local(meeting, meeting.ends_on, 13))


def register(
    meeting: Meeting,
    *,
    partner: Partner | None,
    name: str,
    organisation: str = "",
    email: str = "",
    user: User | None = None,
    by: User | None = None,
    dietary_needs: str = "",
    days: list[str] | None = None,
    attended: list[str] | None = None,
    walk_in: bool = False,
) -> Registration:
    """A participant, registered a week before the meeting (a walk-in: when they came)."""
    every_day = [day.isoformat() for day in meeting.days()]
    attended_days = every_day if attended is None else attended
    registration = Registration(
        meeting=meeting,
        user=user,
        partner=partner,
        name=name,
        organisation=organisation,
        email=email or (user.email if user else ""),
        dietary_needs=dietary_needs,
        days=every_day if days is None else days,
        attended_days=attended_days,
        walk_in=walk_in,
        registered_by=by or user,
    )
    if walk_in:
        registration.registered_at = local(meeting, date.fromisoformat(attended_days[0]), 9)
    else:
        registration.registered_at = local(meeting, meeting.starts_on - timedelta(days=8), 11)
    registration.full_clean()
    registration.save()
    return registration


def register_account(meeting: Meeting, user: User, partner: Partner | None, **values):
    town = partner.town.slug if partner else None
    return register(
        meeting,
        partner=partner,
        name=user.full_name or user.email,
        organisation=ORGANISATIONS.get(town, "Re-grow City"),
        user=user,
        **values,
    )


def network_people(meeting, partners, people, towns) -> None:
    """The partners' coordinators of `towns`, the network lead (for Altena) and the lead
    expert."""
    register_account(meeting, people[NetworkRole.LEAD], partners["altena"])
    register_account(meeting, people[NetworkRole.LEAD_EXPERT], None)
    for town in towns:
        register_account(meeting, people[town], partners[town])


def kick_off_people(meeting: Meeting, partners: dict[str, Partner], people: dict) -> None:
    """About two people per partner: the coordinators' accounts, Alūksne's and Altena's town
    accounts, invented guests; one walk-in on the site visit."""
    network_people(meeting, partners, people, [town for town in partners if town != "altena"])
    accounts = User.objects.in_bulk([email for _town, email in TOWN_ACCOUNTS], field_name="email")
    for town, email in TOWN_ACCOUNTS:
        if email in accounts:
            register_account(meeting, accounts[email], partners[town])
    days = [day.isoformat() for day in meeting.days()]
    host_coordinator = people[meeting.host.town.slug]
    for town, name, organisation, email, diet, on, seen, walk_in in GUESTS:
        register(
            meeting,
            partner=partners[town],
            name=name,
            organisation=organisation,
            email=email,
            by=host_coordinator if walk_in else people[town],
            dietary_needs=diet,
            days=[days[index] for index in on],
            attended=[days[index] for index in seen],
            walk_in=walk_in,
        )


def vacant_units(town) -> list[Unit]:
    """The town's units of the vacancy register that are vacant today."""
    units = units_with_status(Unit.objects.filter(town=town), timezone.localdate())
    return list(units.filter(status_now=Status.VACANT))


def site_visit(meeting: Meeting, demo: Demo) -> None:
    """The route of the kick-off's site visit: vacant units of Alūksne's register (premises/
    demo.py, loaded here first if it has not been: it comes after the network's)."""
    town = meeting.host.town
    if not Unit.objects.filter(town=town).exists():
        from regrow.premises.demo import load as load_register

        load_register(demo)
    vacant = {unit.external_id: unit for unit in vacant_units(town)}
    route = [(vacant[key], notes) for key, notes in STOPS if key in vacant]
    chosen = {unit.pk for unit, _notes in route}
    for unit in vacant.values():  # another register: its vacant units, in address order
        if len(route) >= len(STOPS):
            break
        if unit.pk not in chosen:
            route.append((unit, STOP_NOTE.format(area=f"{unit.floor_area_m2:g}")))
    start = datetime.combine(meeting.ends_on, time(9, 15))
    for order, (unit, notes) in enumerate(route, start=1):
        stop = SiteVisitStop(
            meeting=meeting,
            unit=unit,
            day=meeting.ends_on,
            visited_at=(start + timedelta(minutes=30 * (order - 1))).time(),
            order=order,
            notes=notes,
        )
        stop.full_clean()
        stop.save()


def meeting_ensure(network, spec, partners, people) -> tuple[Meeting, bool]:
    """The meeting with its agenda and decisions (found by its English title if it exists)."""
    found = Meeting.objects.filter(network=network, titles__en=spec["titles"]["en"]).first()
    if found is not None:
        return found, False
    organiser = people[spec["host"]] if spec["host"] else people[NetworkRole.LEAD]
    meeting = meeting_create(network, spec, partners, organiser)
    items = agenda_create(meeting, spec, people[NetworkRole.LEAD_EXPERT])
    decisions_create(meeting, spec, items, people[NetworkRole.LEAD_EXPERT])
    return meeting, True


def load_meetings(network: Network, partners: dict[str, Partner], people: dict, demo: Demo):
    kick_off, created = meeting_ensure(network, KICK_OFF, partners, people)
    if created:
        kick_off_people(kick_off, partners, people)
        site_visit(kick_off, demo)
        goals_set(kick_off, partners, people, KICK_OFF_GOALS, starts_on=date(2019, 2, 1))
    isernia, created = meeting_ensure(network, ISERNIA, partners, people)
    if created:
        network_people(isernia, partners, people, POP_UP_GROUP)
        goals_review(kick_off, isernia, people, KICK_OFF_GOALS)
        goals_set(isernia, partners, people, ISERNIA_GOALS, starts_on=date(2019, 12, 2))
    nyirbator, created = meeting_ensure(network, NYIRBATOR, partners, people)
    if created:
        network_people(nyirbator, partners, people, [t for t in partners if t != "altena"])
        goals_review(isernia, nyirbator, people, ISERNIA_GOALS)
    final, created = meeting_ensure(network, FINAL, partners, people)
    if created:
        network_people(final, partners, people, [t for t in partners if t != "altena"])
    if not network.public_summary:
        network.public_summary = PUBLIC_SUMMARY
        Network.objects.filter(pk=network.pk).update(public_summary=PUBLIC_SUMMARY)
    demo.notes.append(
        "Re-grow City meetings: the kick-off in Alūksne (31 January to 1 February 2019) with its "
        "site visit and three-month goals, reviewed in Isernia (November 2019); the mid-term "
        "review in Nyírbátor (January 2020); the final online conference (May 2021)."
    )
