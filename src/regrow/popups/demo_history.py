"""Finished rounds from the towns' public reports, allocated as a coordinator would:

- Altena's first pop-up round: units at about €2/m² rent plus €2/m² service charges to the
  traders, among them a 300 m² former drugstore; seven of its pop-ups stayed (a gift shop, an
  organic fruit seller, a café, an artists' gallery in the drugstore, …).
- Alūksne's first pop-up space (November 2019): one unit shared by two small businesses
  (tailoring, beauty), with a pop-up fashion event.

What the head leases pay the owners is illustrative (the reports give the traders' side only).
Idempotent: a round that already has subleases is left as it is."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from regrow.accounts.services import user_ensure
from regrow.popups.choices import AgreementStatus, ApplicationStatus, PhaseUnit, RentBasis
from regrow.popups.models import (
    AllocationRun,
    Application,
    OwnerAgreement,
    RentPhase,
    Round,
    RoundEvent,
    RoundUnit,
    Sublease,
    WantedUnit,
)
from regrow.premises.choices import Source, Status
from regrow.premises.models import Owner, StatusChange, Unit


@dataclass(frozen=True)
class Shop:
    """A unit and the pop-up that had it: (street, house, m², lat, lon), then the trader."""

    street: str
    house: str
    area: int
    where: tuple[float, float]
    business: str
    category: str
    person: str
    language: str
    sells: dict


ALTENA_FIRST = {
    "titles": {"de": "Pop-up-Läden 2024", "en": "Pop-up shops 2024"},
    "descriptions": {"en": "Empty shop units in the town centre for six to eight weeks."},
    "rules": {},
    "applications_open_on": date(2024, 2, 1),
    "applications_close_on": date(2024, 3, 15),
    "programme_starts_on": date(2024, 4, 8),
    "programme_ends_on": date(2024, 6, 2),
    "grant_budget_cents": 2_000_000,
    "max_grant_cents": 250_000,
    "max_same_category_per_street": 2,
    "enquiries": 31,
}
ALTENA_SHOPS = [
    Shop(
        "Lennestraße",
        "30",
        60,
        (51.29860, 7.67250),
        "Geschenke & mehr",
        "crafts",
        "Petra Lange",
        "de",
        {"de": "Geschenke aus der Region", "en": "Gifts from the region"},
    ),
    Shop(
        "Lennestraße",
        "34",
        45,
        (51.29870, 7.67280),
        "Bio-Obst Altena",
        "food",
        "Murat Yilmaz",
        "de",
        {"de": "Bio-Obst und Gemüse", "en": "Organic fruit and vegetables"},
    ),
    Shop(
        "Kirchstraße",
        "7",
        70,
        (51.29940, 7.67295),
        "Café Burgblick",
        "food",
        "Anna Reuter",
        "de",
        {"de": "Kaffee und Kuchen", "en": "Coffee and cake"},
    ),
    Shop(
        "Kirchstraße",
        "12",
        300,
        (51.29960, 7.67330),
        "Galerie Drogerie",
        "culture",
        "Kunstverein Altena",
        "de",
        {
            "de": "Künstlergalerie in der früheren Drogerie",
            "en": "Artists' gallery in the former drugstore",
        },
    ),
    Shop(
        "Freiheit",
        "2",
        40,
        (51.29890, 7.67400),
        "Buchladen Freiheit",
        "culture",
        "Tobias Engel",
        "de",
        {"de": "Bücher und Lesungen", "en": "Books and readings"},
    ),
    Shop(
        "Freiheit",
        "6",
        35,
        (51.29900, 7.67430),
        "Maßschneiderei Koch",
        "fashion",
        "Elena Koch",
        "de",
        {"de": "Maßschneiderei", "en": "Tailoring"},
    ),
    Shop(
        "Bachstraße",
        "3",
        55,
        (51.29800, 7.67150),
        "Radwerk",
        "services",
        "Jan Peters",
        "de",
        {"de": "Fahrradreparatur", "en": "Bicycle repairs"},
    ),
    Shop(
        "Bachstraße",
        "9",
        30,
        (51.29790, 7.67120),
        "Seifenmanufaktur",
        "beauty",
        "Mia Schulz",
        "en",
        {"de": "Handgemachte Seifen", "en": "Handmade soap"},
    ),
    Shop(
        "Lennestraße",
        "40",
        50,
        (51.29880, 7.67310),
        "Spielzeugkiste",
        "crafts",
        "Kai Wagner",
        "de",
        {"de": "Holzspielzeug", "en": "Wooden toys"},
    ),
]
ALUKSNE_FIRST = {
    "titles": {"lv": "Pirmā pop-up telpa 2019", "en": "The first pop-up space 2019"},
    "descriptions": {
        "lv": "Pirmā pop-up telpa Alūksnes centrā diviem maziem uzņēmumiem.",
        "en": "The first pop-up space in Alūksne's centre, for two small businesses.",
    },
    "rules": {},
    "applications_open_on": date(2019, 7, 1),
    "applications_close_on": date(2019, 9, 30),
    "programme_starts_on": date(2019, 11, 4),
    "programme_ends_on": date(2019, 12, 29),
    "grant_budget_cents": 0,
    "max_grant_cents": 0,
    "max_same_category_per_street": 2,
    "enquiries": 9,
}
ALUKSNE_SHOPS = [
    Shop(
        "Pils iela",
        "14",
        48,
        (57.42290, 27.04700),
        "Šūšanas darbnīca „Adata”",
        "fashion",
        "Inese Kalniņa",
        "lv",
        {"lv": "Šūšana un apģērbu labošana", "en": "Tailoring and repairs"},
    ),
    Shop(
        "Pils iela",
        "14",
        48,
        (57.42290, 27.04700),
        "Skaistumkopšanas studija „Lini”",
        "beauty",
        "Laura Ozola",
        "lv",
        {"lv": "Skaistumkopšana", "en": "Beauty care"},
    ),
]


def _unit(town, shop: Shop, listed_on: date, prefix: str) -> Unit:
    unit, _created = Unit.objects.update_or_create(
        town=town,
        external_id=f"{prefix}-{shop.street[:4].upper()}-{shop.house}",
        defaults={
            "street": shop.street,
            "house_number": shop.house,
            "display_address": f"{shop.street} {shop.house}",
            "latitude": Decimal(str(shop.where[0])),
            "longitude": Decimal(str(shop.where[1])),
            "floor_area_m2": Decimal(shop.area),
            "listed_on": listed_on,
        },
    )
    if not StatusChange.objects.filter(unit=unit).exists():
        StatusChange.objects.create(
            unit=unit, effective_on=listed_on, status=Status.VACANT, source=Source.REGISTER
        )
    return unit


def _offer(round_, unit, *, owner_rent_per_m2, rent_per_m2, charges_per_m2, capacity, weeks):
    area = int(unit.floor_area_m2)
    offer, _created = RoundUnit.objects.update_or_create(
        round=round_,
        unit=unit,
        defaults={
            "rent_basis": RentBasis.PER_M2,
            "phase_unit": PhaseUnit.MONTH,
            "service_charges_cents_per_month": area * charges_per_m2,
            "min_stay_weeks": weeks[0],
            "max_stay_weeks": weeks[1],
            "allowed_categories": [],
            "capacity": capacity,
        },
    )
    offer.phases.all().delete()
    RentPhase.objects.create(round_unit=offer, starts_at=1, amount_cents=rent_per_m2)
    label = {"lv": "Īpašnieks", "de": "Eigentümer"}.get(round_.town.languages[0], "Owner")
    owner, _created = Owner.objects.get_or_create(
        town=round_.town, name=f"{label} ({unit.display_address})"
    )
    if unit.owner_id is None:
        Unit.objects.filter(pk=unit.pk).update(owner=owner)
    OwnerAgreement.objects.update_or_create(
        round_unit=offer,
        defaults={
            "owner": unit.owner or owner,
            "intermediary_name": round_.town.name,
            "intermediary_address": round_.town.name,
            "starts_on": round_.programme_starts_on,
            "ends_on": round_.programme_ends_on,
            "rent_cents_per_month": area * owner_rent_per_m2,
            "service_charges_cents_per_month": area * charges_per_m2,
            "status": AgreementStatus.ENDED,
        },
    )
    return offer


def _applications(round_, shops, offers, domain: str) -> None:
    for index, (shop, offer) in enumerate(zip(shops, offers, strict=True)):
        person = user_ensure(
            email=f"trader{index + 1}@{domain}",
            password=f"regrow-demo-{domain}-{index}",
            full_name=shop.person,
            language=shop.language,
        )
        application, _created = Application.objects.update_or_create(
            round=round_,
            applicant=person,
            defaults={
                "language": shop.language,
                "business_name": shop.business,
                "idea": shop.sells.get("en", shop.business),
                "category": shop.category,
                "min_area_m2": Decimal(0),
                "earliest_start_on": round_.programme_starts_on,
                "latest_end_on": round_.programme_ends_on,
                "min_stay_weeks": offer.min_stay_weeks,
                "max_stay_weeks": offer.max_stay_weeks,
                "requested_grant_cents": min(200_000, round_.max_grant_cents),
                "status": ApplicationStatus.SUBMITTED,
                "submitted_at": datetime.combine(
                    round_.applications_open_on, datetime.min.time(), UTC
                ),
            },
        )
        application.wanted.all().delete()
        WantedUnit.objects.create(application=application, round_unit=offer, rank=1)


def _allocate(round_, coordinator, shops) -> list[Sublease]:
    from regrow.popups.services.allocation import run_confirm, run_solve

    run = AllocationRun.objects.create(
        round=round_, requested_by=coordinator, round_version=round_.version, rules=[]
    )
    run_solve(run.pk)
    run.refresh_from_db()
    if run.state != AllocationRun.State.DONE:
        return []
    subleases = run_confirm(run=run, by=coordinator, round_version=round_.version, notify=False)
    sells = {shop.business: shop.sells for shop in shops}
    for sublease in subleases:
        sublease.public_descriptions = sells.get(sublease.application.business_name, {})
        sublease.opening_hours = "10–18"  # noqa: RUF001
        sublease.save(update_fields=["public_descriptions", "opening_hours"])
    return subleases


def historic_round(town, coordinator, values, shops, *, prefix, domain, listed_on, **terms):
    """A finished round with its units, head leases, applications and confirmed subleases."""
    from regrow.popups.demo import _round

    found = Round.objects.filter(town=town, titles__en=values["titles"]["en"]).first()
    if found and Sublease.objects.filter(round_unit__round=found).exists():
        return found, list(Sublease.objects.filter(round_unit__round=found))
    round_ = _round(town, {**values, "status": "closed"})
    units, offers = {}, []
    for shop in shops:
        key = (shop.street, shop.house)
        if key not in units:
            units[key] = _unit(town, shop, listed_on, prefix)
            units[key].refresh_from_db()
        offers.append(
            _offer(
                round_,
                units[key],
                capacity=sum(1 for s in shops if (s.street, s.house) == key),
                **terms,
            )
        )
    _applications(round_, shops, offers, domain)
    return round_, _allocate(round_, coordinator, shops)


def load_history(aluksne, altena, aluksne_coordinator, altena_coordinator, demo) -> None:
    round_, subleases = historic_round(
        altena,
        altena_coordinator,
        ALTENA_FIRST,
        ALTENA_SHOPS,
        prefix="ALT-2024",
        domain="altena-traders.example.org",
        listed_on=date(2023, 10, 1),
        owner_rent_per_m2=300,
        rent_per_m2=200,
        charges_per_m2=200,
        weeks=(8, 8),
    )
    from regrow.popups import demo_outcomes

    demo_outcomes.load_money(round_, altena_coordinator, grant_cents=150_000)
    recorded = demo_outcomes.load_outcomes(
        round_, altena_coordinator, demo_outcomes.ALTENA_2024, "de"
    )
    demo.notes.append(f"Altena's first pop-up round (2024): {len(subleases)} pop-ups.")
    round_, subleases = historic_round(
        aluksne,
        aluksne_coordinator,
        ALUKSNE_FIRST,
        ALUKSNE_SHOPS,
        prefix="ALU-2019",
        domain="aluksne-traders.example.org",
        listed_on=date(2019, 7, 1),
        # Two pop-ups share the unit and each pays its terms: half the rent each.
        owner_rent_per_m2=150,
        rent_per_m2=25,
        charges_per_m2=50,
        weeks=(8, 8),
    )
    RoundEvent.objects.update_or_create(
        round=round_,
        starts_on=date(2019, 12, 7),
        defaults={"titles": {"lv": "Pop-up modes skate", "en": "Pop-up fashion show"}},
    )
    demo_outcomes.load_money(round_, aluksne_coordinator, grant_cents=0)
    recorded += demo_outcomes.load_outcomes(
        round_, aluksne_coordinator, demo_outcomes.ALUKSNE_2019, "lv"
    )
    demo.notes.append(f"Alūksne's first pop-up space (2019): {len(subleases)} pop-ups.")
    later = Round.objects.filter(town=altena, titles__en="Pop-up shops 2025").first()
    if later is not None:
        demo_outcomes.load_money(later, altena_coordinator, grant_cents=200_000)
        recorded += demo_outcomes.load_outcomes(
            later, altena_coordinator, demo_outcomes.ALTENA_2025, "de"
        )
    if recorded:
        demo.notes.append(f"Pop-up outcomes recorded: {recorded}.")
