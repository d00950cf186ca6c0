"""The eight towns of the Re-grow City network and one demo person per role in Alūksne.

Addresses are those of the town halls where we know them (../shared/facts/regrow-city.md
gives Alūksne's); people are invented and live at example.org.
"""

from decimal import Decimal

from django.core.files.base import ContentFile

# DEMO_TOTP_SECRET is named here too: the browser tests take the coordinators' secret from here.
from regrow.accounts.demo import DEMO_TOTP_SECRET as DEMO_TOTP_SECRET
from regrow.accounts.demo import two_factor_ensure
from regrow.accounts.services import user_ensure
from regrow.lib.demo import Demo
from regrow.lib.demo_art import coat_of_arms_png
from regrow.towns.models import Role, Town
from regrow.towns.services import membership_grant

TOWNS = [
    {
        "slug": "aluksne",
        "name": "Alūksne",
        "country": "LV",
        "languages": ["lv", "en"],
        "time_zone": "Europe/Riga",
        "centre": ("57.424400", "27.046700"),
        "street_address": "Dārza iela 11",
        "postal_code": "LV-4301",
        "locality": "Alūksne",
        "contact_email": "info@aluksne.example.org",
        "phones": ["+371 60 000 001", "+371 20 000 002"],
    },
    {
        "slug": "altena",
        "name": "Altena",
        "country": "DE",
        "languages": ["de", "en"],
        "time_zone": "Europe/Berlin",
        "centre": ("51.298900", "7.673300"),
        "street_address": "Lüdenscheider Straße 22",
        "postal_code": "58762",
        "locality": "Altena",
        "contact_email": "info@altena.example.org",
        "phones": [],
    },
    {
        "slug": "idrija",
        "name": "Idrija",
        "country": "SI",
        "languages": ["sl", "en"],
        "time_zone": "Europe/Ljubljana",
        "centre": ("46.002500", "14.030300"),
        "street_address": "Mestni trg 1",
        "postal_code": "5280",
        "locality": "Idrija",
        "contact_email": "info@idrija.example.org",
        "phones": [],
    },
    {
        "slug": "melgaco",
        "name": "Melgaço",
        "country": "PT",
        "languages": ["pt", "en"],
        "time_zone": "Europe/Lisbon",
        "centre": ("42.113600", "-8.259700"),
        "street_address": "Largo Hermenegildo Solheiro",
        "postal_code": "4960-365",
        "locality": "Melgaço",
        "contact_email": "info@melgaco.example.org",
        "phones": [],
    },
    {
        "slug": "manresa",
        "name": "Manresa",
        "country": "ES",
        "languages": ["es", "en"],
        "time_zone": "Europe/Madrid",
        "centre": ("41.725000", "1.826600"),
        "street_address": "Plaça Major 1",
        "postal_code": "08241",
        "locality": "Manresa",
        "contact_email": "info@manresa.example.org",
        "phones": [],
    },
    {
        "slug": "nyirbator",
        "name": "Nyírbátor",
        "country": "HU",
        "languages": ["hu", "en"],
        "time_zone": "Europe/Budapest",
        "centre": ("47.835600", "22.130000"),
        "street_address": "Szabadság tér 9",
        "postal_code": "4300",
        "locality": "Nyírbátor",
        "contact_email": "info@nyirbator.example.org",
        "phones": [],
    },
    {
        "slug": "igoumenitsa",
        "name": "Igoumenitsa",
        "country": "GR",
        "languages": ["el", "en"],
        "time_zone": "Europe/Athens",
        "centre": ("39.503600", "20.265600"),
        # The town hall's street is not in our sources; the postcode is the town's.
        "street_address": "",
        "postal_code": "46100",
        "locality": "Igoumenitsa",
        "contact_email": "info@igoumenitsa.example.org",
        "phones": [],
    },
    {
        "slug": "isernia",
        "name": "Isernia",
        "country": "IT",
        "languages": ["it", "en"],
        "time_zone": "Europe/Rome",
        "centre": ("41.596000", "14.233000"),
        "street_address": "Piazza Guglielmo Marconi 3",
        "postal_code": "86170",
        "locality": "Isernia",
        "contact_email": "info@isernia.example.org",
        "phones": [],
    },
]

# (role, e-mail, password, name shown, job title) — one person per role in Alūksne.
# Names are role titles in the person's language (they greet them and sign their changes).
PEOPLE = [
    (
        Role.COORDINATOR,
        "coordinator@aluksne.example.org",
        "regrow-coordinator",
        "Projekta vadītāja",
    ),
    (
        Role.EDITOR,
        "editor@aluksne.example.org",
        "regrow-editor",
        "Sabiedrisko attiecību speciāliste",
    ),
    (Role.JURY_MEMBER, "jury@aluksne.example.org", "regrow-jury", "Žūrijas locekle"),
    (Role.PROPERTY_OWNER, "owner@aluksne.example.org", "regrow-owner", "Telpu īpašniece"),
    (Role.ENTREPRENEUR, "entrepreneur@aluksne.example.org", "regrow-entrepreneur", "Uzņēmēja"),
]
ALTENA_COORDINATOR = ("coordinator@altena.example.org", "regrow-coordinator", "Projektleiterin")


def town_ensure(data: dict) -> Town:
    fields = dict(data)
    latitude, longitude = fields.pop("centre")
    fields["centre_latitude"], fields["centre_longitude"] = Decimal(latitude), Decimal(longitude)
    town = Town.objects.filter(slug=fields["slug"]).first() or Town(slug=fields["slug"])
    for name, value in fields.items():
        setattr(town, name, value)
    town.full_clean()
    town.save()
    return town


def branding_ensure(town: Town) -> None:
    """Alūksne's look in the demo: a made-up coat of arms and a lake blue."""
    if town.logo and town.accent_colour:
        return
    arms = ContentFile(coat_of_arms_png(), name="logo.png")
    town.logo.save(arms.name, arms, save=False)
    town.accent_colour = "#1d4e89"
    town.full_clean()
    town.save()


def load(demo: Demo) -> None:
    towns = {data["slug"]: town_ensure(data) for data in TOWNS}
    aluksne, altena = towns["aluksne"], towns["altena"]
    branding_ensure(aluksne)
    for role, email, password, title in PEOPLE:
        user = user_ensure(email=email, password=password, full_name=title, language="lv")
        membership_grant(user=user, town=aluksne, role=role)
        demo.add_login(f"{Role(role).label} of Alūksne", email, password)
        if role == Role.COORDINATOR:
            two_factor_ensure(user, demo)
    email, password, title = ALTENA_COORDINATOR
    user = user_ensure(email=email, password=password, full_name=title, language="de")
    membership_grant(user=user, town=altena, role=Role.COORDINATOR)
    demo.add_login("Coordinator of Altena", email, password)
    two_factor_ensure(user, demo)
