"""Demo applications to Alūksne's open round: twelve entrepreneurs, in Latvian and English,
submitted (and one draft), each fitting at least one offered unit. Idempotent: one application
per demo applicant and round."""

from datetime import UTC, datetime, timedelta

from regrow.accounts.services import user_ensure
from regrow.lib.demo import Demo
from regrow.popups.choices import ApplicationStatus
from regrow.popups.models import Application, Round, WantedUnit

# (name, language, business, idea, category, smallest m², highest € a month, weeks, grant €)
APPLICANTS = [
    (
        "Anna Bērziņa",
        "lv",
        "Medus māja",
        "Vietējais medus un bišu vaska sveces.",
        "food",
        15,
        200,
        (4, 8),
        800,
    ),
    (
        "Jānis Ozols",
        "lv",
        "Koka lietas",
        "Rokdarbi no Alūksnes meža koka.",
        "crafts",
        10,
        150,
        (2, 6),
        600,
    ),
    (
        "Līga Kalniņa",
        "lv",
        "Lina stāsts",
        "Lina apģērbi un audumi no Latgales.",
        "fashion",
        20,
        250,
        (4, 12),
        1200,
    ),
    (
        "Pēteris Liepa",
        "lv",
        "Kafija pie ezera",
        "Kafejnīca ar vietējiem cepumiem.",
        "food",
        30,
        300,
        (6, 12),
        1500,
    ),
    (
        "Ilze Zariņa",
        "lv",
        "Keramikas darbnīca",
        "Keramika un nodarbības bērniem.",
        "culture",
        25,
        200,
        (4, 8),
        900,
    ),
    (
        "Mārtiņš Krūmiņš",
        "lv",
        "Velo serviss",
        "Velosipēdu remonts un noma vasarā.",
        "services",
        20,
        180,
        (2, 8),
        500,
    ),
    (
        "Elīna Vītola",
        "lv",
        "Zāļu tējas",
        "Savvaļas augu tējas un ziepes.",
        "beauty",
        10,
        150,
        (2, 4),
        400,
    ),
    (
        "Kristaps Egle",
        "lv",
        "Grāmatu stūris",
        "Lietotas grāmatas un lasījumi.",
        "culture",
        15,
        120,
        (4, 8),
        700,
    ),
    (
        "Sarah Miller",
        "en",
        "Second Chance Vintage",
        "Vintage clothes and upcycled bags.",
        "fashion",
        15,
        220,
        (2, 6),
        600,
    ),
    (
        "Tom Becker",
        "en",
        "Board Game Café",
        "Board games to play and buy, with tea.",
        "food",
        25,
        260,
        (4, 10),
        1000,
    ),
    (
        "Emma Novak",
        "en",
        "Print & Paper",
        "Risograph prints and notebooks by local artists.",
        "crafts",
        10,
        160,
        (2, 8),
        500,
    ),
    (
        "Lukas Weber",
        "en",
        "Repair Corner",
        "Repairs of small electronics and phones.",
        "services",
        10,
        140,
        (2, 6),
        0,
    ),
]


def _submitted_at(index: int) -> datetime:
    return datetime(2026, 11, 3, 9, tzinfo=UTC) + timedelta(days=index, hours=index)


def load_applications(round_: Round, demo: Demo) -> None:
    offers = list(round_.offered_units.order_by("id"))
    for index, (name, language, business, idea, category, area, rent, stay, grant) in enumerate(
        APPLICANTS
    ):
        person = user_ensure(
            email=f"applicant{index + 1}@applicants.example.org",
            password=f"regrow-demo-{index}",
            full_name=name,
            language=language,
        )
        draft = index == len(APPLICANTS) - 1
        application, _created = Application.objects.update_or_create(
            round=round_,
            applicant=person,
            defaults={
                "language": language,
                "business_name": business,
                "idea": idea,
                "category": category,
                "min_area_m2": area,
                "max_rent_cents_per_month": rent * 100,
                "earliest_start_on": round_.programme_starts_on,
                "latest_end_on": round_.programme_ends_on,
                "min_stay_weeks": stay[0],
                "max_stay_weeks": stay[1],
                "experience": "",
                "requested_grant_cents": min(grant * 100, round_.max_grant_cents),
                "status": ApplicationStatus.DRAFT if draft else ApplicationStatus.SUBMITTED,
                "submitted_at": None if draft else _submitted_at(index),
            },
        )
        application.wanted.all().delete()
        if offers:
            WantedUnit.objects.create(
                application=application, round_unit=offers[index % len(offers)], rank=1
            )
