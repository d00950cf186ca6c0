"""Demo register: about 40 shop units in Alūksne's centre with three years of history, a
town-centre zone, a few invented owners (example.org), and a handful of units in Altena.

Deterministic (a seeded random generator and fixed dates), so loading twice changes nothing.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from regrow.accounts.models import User
from regrow.lib.demo import Demo
from regrow.premises.choices import Condition, Floor, ShopCategory, Source, Status
from regrow.premises.models import Owner, OwnerContact, StatusChange, Unit, Zone
from regrow.towns.models import Town

HISTORY_START = date(2023, 11, 1)
HISTORY_END = date(2026, 11, 1)

# Streets of Alūksne's centre, with a point near their middle and how many units to place.
ALUKSNE_STREETS = [
    ("Pils iela", (57.42270, 27.04610), 9),
    ("Dārza iela", (57.42390, 27.04420), 6),
    ("Tirgotāju iela", (57.42330, 27.04900), 6),
    ("Merķeļa iela", (57.42460, 27.04760), 5),
    ("Helēnas iela", (57.42190, 27.04350), 5),
    ("Brūža iela", (57.42110, 27.04820), 4),
    ("Jāņkalna iela", (57.42560, 27.05050), 5),
]
ALTENA_STREETS = [
    ("Lennestraße", (51.29820, 7.67150), 4),
    ("Kirchstraße", (51.29940, 7.67290), 2),
]
# The town-centre zone of Alūksne: a ring around the streets above (lon, lat).
ALUKSNE_CENTRE = [
    [27.0410, 57.4200],
    [27.0535, 57.4200],
    [27.0535, 57.4270],
    [27.0410, 57.4270],
    [27.0410, 57.4200],
]
OWNERS = [
    ("Ilze Bērziņa", Owner.Kind.PERSON, True, Owner.Outreach.AGREED, "owner@aluksne.example.org"),
    ("SIA Tirgus nami", Owner.Kind.ORGANISATION, True, Owner.Outreach.INTERESTED, ""),
    ("Jānis Ozols", Owner.Kind.PERSON, False, Owner.Outreach.CONTACTED, ""),
    ("Mantinieku kopība Liepa", Owner.Kind.PERSON, False, Owner.Outreach.IDENTIFIED, ""),
    ("AS Ziemeļu īpašumi", Owner.Kind.ORGANISATION, False, Owner.Outreach.DECLINED, ""),
]
USES = [c for c in ShopCategory.values if c != ShopCategory.OFFICE]
# The coordinator's notes on contacting an owner, in the town's language.
CONTACT_SUMMARY = "Izskaidrojām pop-up programmu un telpu nomu ar pašvaldības starpniecību."
CONTACT_NEXT_STEP = "Nosūtīt informatīvo bukletu"
OLD_CONTACT_SUMMARY = "Explained the pop-up programme and the head lease through the municipality."


def _owners(town: Town) -> list[Owner]:
    owners = []
    for index, (name, kind, local, outreach, account) in enumerate(OWNERS, start=1):
        owner, created = Owner.objects.get_or_create(
            town=town,
            name=name,
            defaults={
                "kind": kind,
                "email": f"owner{index}@example.org",
                "phone": f"+371 20 000 1{index:02d}",
                "lives_locally": local,
                "consents_to_contact": outreach != Owner.Outreach.DECLINED,
                "outreach_status": outreach,
                "outreach_status_on": date(2026, 3, index),
                "preferred_language": "lv",
                "reasons_not_letting": [Owner.Reason.REDEVELOPMENT]
                if outreach == Owner.Outreach.DECLINED
                else [],
                "user": User.objects.filter(email=account).first() if account else None,
            },
        )
        if created:
            OwnerContact.objects.create(
                owner=owner,
                contacted_on=date(2026, 2, index),
                channel=OwnerContact.Channel.PHONE if local else OwnerContact.Channel.LETTER,
                summary=CONTACT_SUMMARY,
                outreach_status=outreach,
                next_step=CONTACT_NEXT_STEP if outreach != "declined" else "",
                next_step_on=date(2026, 12, index) if outreach != "declined" else None,
            )
        # Demo data loaded when these notes were still in English: Alūksne's are in Latvian.
        old_notes = OwnerContact.objects.filter(owner=owner, summary=OLD_CONTACT_SUMMARY)
        old_notes.exclude(next_step="").update(next_step=CONTACT_NEXT_STEP)
        old_notes.update(summary=CONTACT_SUMMARY)
        owners.append(owner)
    return owners


def _history(rng: random.Random) -> list[tuple[date, str, str]]:
    """Plausible status changes over three years: (day, status, source)."""
    day = HISTORY_START
    status = rng.choices([Status.OCCUPIED, Status.VACANT, Status.PARTLY_VACANT], [6, 3, 1])[0]
    entries = [(day, status, Source.IMPORT)]
    while True:
        day += timedelta(days=rng.randint(120, 540))
        if day > HISTORY_END:
            return entries
        if status in {Status.VACANT, Status.PARTLY_VACANT}:
            status = rng.choices([Status.POPUP, Status.LET, Status.OCCUPIED], [3, 2, 2])[0]
        elif status == Status.POPUP:
            status = rng.choices([Status.LET, Status.VACANT], [1, 1])[0]
        else:
            status = rng.choices([Status.VACANT, Status.OCCUPIED], [2, 3])[0]
        source = Source.POPUP_PROGRAMME if status == Status.POPUP else Source.SURVEY
        entries.append((day, status, source))


def _units(town: Town, prefix: str, streets, owners: list[Owner], seed: int) -> None:
    rng = random.Random(seed)  # noqa: S311 - demo data, not secrets
    number = 0
    for street, (latitude, longitude), count in streets:
        for house in range(1, count + 1):
            number += 1
            external_id = f"{prefix}-{number:03d}"
            area = Decimal(rng.choice([16, 24, 32, 45, 58, 72, 90, 110, 140, 300]))
            rent = int(area * rng.choice([2, 3, 4]) * 100) + 5000
            values = {
                "street": street,
                "house_number": str(house * 2 + rng.randint(0, 1)),
                "postcode": "LV-4301" if prefix == "ALU" else "58762",
                "latitude": Decimal(f"{latitude + rng.uniform(-0.0009, 0.0009):.6f}"),
                "longitude": Decimal(f"{longitude + rng.uniform(-0.0015, 0.0015):.6f}"),
                "floor_area_m2": area,
                "frontage_m": Decimal(rng.choice([3, 4, 5, 6, 8])),
                "floor": rng.choices([Floor.GROUND, Floor.BASEMENT, Floor.UPPER], [8, 1, 1])[0],
                "previous_use": rng.choice(USES),
                "permitted_uses": sorted(rng.sample(USES, 3)),
                "condition": rng.choices(list(Condition.values), [6, 3, 1])[0],
                "step_free_access": rng.random() < 0.5,
                "has_power": True,
                "has_water": rng.random() < 0.8,
                "has_heating": rng.random() < 0.7,
                "asking_rent_cents_per_month": rent,
                "owner": owners[number % len(owners)] if owners else None,
                "listed_on": HISTORY_START,
            }
            values["display_address"] = f"{street} {values['house_number']}"
            history = _history(rng)
            values["offered_publicly"] = history[-1][1] in {Status.VACANT, Status.PARTLY_VACANT}
            unit, created = Unit.objects.get_or_create(
                town=town, external_id=external_id, defaults=values
            )
            if created:
                StatusChange.objects.bulk_create(
                    StatusChange(unit=unit, effective_on=day, status=status, source=source)
                    for day, status, source in history
                )


def load(demo: Demo) -> None:
    aluksne = Town.objects.get(slug="aluksne")
    altena = Town.objects.get(slug="altena")
    _units(aluksne, "ALU", ALUKSNE_STREETS, _owners(aluksne), seed=4301)
    _units(altena, "ALT", ALTENA_STREETS, [], seed=58762)
    Zone.objects.get_or_create(
        town=aluksne,
        name="Pilsētas centrs",
        defaults={"geometry": {"type": "Polygon", "coordinates": [ALUKSNE_CENTRE]}},
    )
