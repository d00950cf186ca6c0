"""A meeting for the registration tests, made with the ORM on top of setup_data.make_network:
hosted by Alūksne (so its partner coordinator organises it, with the lead and the lead expert),
two days a month from now unless told otherwise."""

from datetime import date, timedelta

from django.utils import timezone

from regrow.network.models import Meeting, Registration
from tests.network.setup_data import SetupNetwork


def make_meeting(world: SetupNetwork, starts_on: date | None = None, days: int = 2, **fields):
    starts_on = starts_on or timezone.now().date() + timedelta(days=30)
    values = {
        "network": world.network,
        "kind": Meeting.Kind.TRANSNATIONAL,
        "host": world.partners["aluksne"],
        "titles": {"en": "Kick-off meeting", "lv": "Ievada tikšanās"},
        "starts_on": starts_on,
        "ends_on": starts_on + timedelta(days=days - 1),
        "place_name": "Alūksnes Jaunā pils",
        "address": "Pils iela 74, Alūksne",
        **fields,
    }
    return Meeting.objects.create(**values)


def register(meeting: Meeting, world: SetupNetwork, partner: str | None, name: str, **fields):
    """A registration straight in the database (no checks), for all of the meeting's days."""
    values = {
        "meeting": meeting,
        "partner": world.partners[partner] if partner else None,
        "name": name,
        "organisation": f"{name}'s office",
        "email": f"{name.lower().replace(' ', '.')}@example.org",
        "days": [day.isoformat() for day in meeting.days()],
        **fields,
    }
    return Registration.objects.create(**values)


def meeting_url(world: SetupNetwork, meeting: Meeting, rest: str = "", language="en") -> str:
    return world.url(f"meetings/{meeting.pk}/{rest}", language)
