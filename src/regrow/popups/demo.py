"""Demo rounds: an open one in Alūksne (Latvian texts, units from the demo register, a phased
rent as in Melgaço, criteria, a pop-up weekend, one signed owner agreement) and Altena's
finished round of 7 units of 16 to 110 m² at €150 to €470 a month.

Deterministic (fixed dates), and idempotent: rounds are found by their English title.
"""

from datetime import date
from decimal import Decimal

from regrow.lib.demo import Demo
from regrow.popups.choices import AgreementStatus, PhaseUnit, RentBasis, RoundStatus
from regrow.popups.models import Criterion, OwnerAgreement, RentPhase, Round, RoundEvent, RoundUnit
from regrow.premises.models import Owner, Unit
from regrow.towns.models import Town

ALUKSNE_ROUND = {
    "titles": {"lv": "Pop-up veikali Alūksnes centrā", "en": "Pop-up shops in Alūksne's centre"},
    "descriptions": {
        "lv": "Pašvaldība uz dažām nedēļām piedāvā tukšas veikala telpas pilsētas centrā par "
        "zemu nomas maksu, lai jūs varētu izmēģināt savu biznesa ideju ar nelielu risku. "
        "Pašvaldība nomā telpas no īpašnieka un nodod tās jums apakšnomā.",
        "en": "The municipality offers empty shop units in the town centre for a few weeks at "
        "low rent, so that you can test your business idea at little risk.",
    },
    "rules": {
        "lv": "Veikalam jābūt atvērtam vismaz piecas dienas nedēļā. Telpas jāatstāj tādā "
        "stāvoklī, kādā tās saņemtas. Vienā ielā ne vairāk kā divi vienas kategorijas veikali.",
        "en": "The shop opens at least five days a week and leaves the unit as it found it.",
    },
    "applications_open_on": date(2026, 11, 1),
    "applications_close_on": date(2026, 12, 15),
    "programme_starts_on": date(2027, 1, 11),
    "programme_ends_on": date(2027, 6, 27),
    "grant_budget_cents": 1_000_000,
    "max_grant_cents": 150_000,
    "max_same_category_per_street": 2,
    "status": RoundStatus.OPEN,
}
ALUKSNE_CRITERIA = [
    ({"lv": "Idejas oriģinalitāte", "en": "Originality of the idea"}, Decimal(3)),
    ({"lv": "Ieguldījums centra dzīvīgumā", "en": "Adds life to the centre"}, Decimal(2)),
    ({"lv": "Pieredze un sagatavotība", "en": "Experience and preparation"}, Decimal(1)),
]
ALTENA_ROUND = {
    "titles": {"de": "Pop-up-Läden 2025", "en": "Pop-up shops 2025"},
    "descriptions": {"en": "Seven empty shop units in the town centre, marketed online."},
    "rules": {},
    "applications_open_on": date(2025, 3, 1),
    "applications_close_on": date(2025, 4, 15),
    "programme_starts_on": date(2025, 5, 5),
    "programme_ends_on": date(2025, 6, 29),
    "grant_budget_cents": 2_000_000,
    "max_grant_cents": 300_000,
    "max_same_category_per_street": 2,
    "status": RoundStatus.ALLOCATED,
}
# Altena's later round (public reports): 7 units of 16 to 110 m² at €150 to €470 a month.
ALTENA_UNITS = [
    ("Lennestraße", "12", Decimal(16), 150, (51.29810, 7.67120)),
    ("Lennestraße", "18", Decimal(28), 190, (51.29825, 7.67170)),
    ("Lennestraße", "25", Decimal(42), 240, (51.29840, 7.67210)),
    ("Kirchstraße", "3", Decimal(55), 290, (51.29930, 7.67270)),
    ("Kirchstraße", "9", Decimal(68), 330, (51.29950, 7.67310)),
    ("Lüdenscheider Straße", "4", Decimal(85), 390, (51.29760, 7.67040)),
    ("Lüdenscheider Straße", "10", Decimal(110), 470, (51.29740, 7.66990)),
]


def _round(town: Town, values: dict) -> Round:
    found = Round.objects.filter(town=town, titles__en=values["titles"]["en"]).first()
    round_ = found or Round(town=town)
    for name, value in values.items():
        setattr(round_, name, value)
    round_.full_clean()
    round_.save()
    return round_


def _offer(round_: Round, unit: Unit, phases, **terms) -> RoundUnit:
    offer, _created = RoundUnit.objects.update_or_create(round=round_, unit=unit, defaults=terms)
    offer.phases.all().delete()
    RentPhase.objects.bulk_create(
        RentPhase(round_unit=offer, starts_at=start, amount_cents=amount)
        for start, amount in phases
    )
    return offer


def _aluksne(town: Town) -> Round:
    round_ = _round(town, ALUKSNE_ROUND)
    units = list(town.units.filter(owner__isnull=False).order_by("external_id")[:2])
    units += list(town.units.filter(owner__isnull=True).order_by("external_id")[:2])
    for index, unit in enumerate(units):
        if index == 0:
            # Melgaço's way: three months free, then €1 per m² a month.
            offer = _offer(
                round_,
                unit,
                [(1, 0), (4, 100)],
                rent_basis=RentBasis.PER_M2,
                phase_unit=PhaseUnit.MONTH,
                service_charges_cents_per_month=3_000,
                min_stay_weeks=4,
                max_stay_weeks=12,
                allowed_categories=[],
                capacity=2,
            )
            OwnerAgreement.objects.update_or_create(
                round_unit=offer,
                defaults={
                    "owner": unit.owner,
                    "intermediary_name": "Alūksnes novada pašvaldība",
                    "intermediary_address": "Dārza iela 11, Alūksne, LV-4301",
                    "starts_on": round_.programme_starts_on,
                    "ends_on": round_.programme_ends_on,
                    "rent_cents_per_month": 5_000,
                    "service_charges_cents_per_month": 3_000,
                    "conditions": "Īpašnieks nodrošina apkuri; remontdarbi tikai ar rakstisku "
                    "piekrišanu.",
                    "status": AgreementStatus.SIGNED,
                },
            )
        else:
            rent = unit.asking_rent_cents_per_month or 15_000
            _offer(
                round_,
                unit,
                [(1, rent // 2)],
                rent_basis=RentBasis.PER_MONTH,
                phase_unit=PhaseUnit.WEEK,
                service_charges_cents_per_month=2_000,
                min_stay_weeks=2,
                max_stay_weeks=8,
                allowed_categories=["fashion", "crafts", "culture"] if index == 1 else [],
                capacity=1,
            )
    for names, weight in ALUKSNE_CRITERIA:
        Criterion.objects.update_or_create(
            round=round_, names__en=names["en"], defaults={"names": names, "weight": weight}
        )
    RoundEvent.objects.update_or_create(
        round=round_,
        starts_on=date(2027, 1, 16),
        defaults={
            "titles": {"lv": "Pop-up nedēļas nogale", "en": "Pop-up weekend"},
            "ends_on": date(2027, 1, 17),
        },
    )
    return round_


def _altena(town: Town) -> Round:
    round_ = _round(town, ALTENA_ROUND)
    for number, (street, house, area, rent_eur, (lat, lon)) in enumerate(ALTENA_UNITS, 1):
        unit, _created = Unit.objects.update_or_create(
            town=town,
            external_id=f"ALT-POP-{number}",
            defaults={
                "street": street,
                "house_number": house,
                "display_address": f"{street} {house}",
                "latitude": Decimal(str(lat)),
                "longitude": Decimal(str(lon)),
                "floor_area_m2": area,
                "asking_rent_cents_per_month": rent_eur * 100,
                "listed_on": date(2025, 1, 15),
            },
        )
        offer = _offer(
            round_,
            unit,
            [(1, rent_eur * 100)],
            rent_basis=RentBasis.PER_MONTH,
            phase_unit=PhaseUnit.WEEK,
            service_charges_cents_per_month=int(area * 200),
            min_stay_weeks=6,
            max_stay_weeks=8,
            allowed_categories=[],
            capacity=1,
        )
        # The head lease: the association rents the unit from its owner at the asking rent.
        owner, _created = Owner.objects.get_or_create(
            town=town, name=f"Eigentümer ({unit.display_address})"
        )
        OwnerAgreement.objects.update_or_create(
            round_unit=offer,
            defaults={
                "owner": owner,
                "intermediary_name": "Stellwerk Altena e. V.",
                "intermediary_address": "Lennestraße 2, 58762 Altena",
                "starts_on": round_.programme_starts_on,
                "ends_on": round_.programme_ends_on,
                "rent_cents_per_month": rent_eur * 100,
                "service_charges_cents_per_month": int(area * 200),
                "status": AgreementStatus.ENDED,
            },
        )
    RoundEvent.objects.update_or_create(
        round=round_,
        starts_on=date(2025, 5, 10),
        defaults={
            "titles": {"de": "Pop-up-Wochenende", "en": "Pop-up weekend"},
            "ends_on": date(2025, 5, 11),
        },
    )
    return round_


def load(demo: Demo) -> None:
    from regrow.popups.demo_applications import load_applications
    from regrow.popups.demo_jury import load_jury

    aluksne = _aluksne(Town.objects.get(slug="aluksne"))
    load_applications(aluksne, demo)
    load_jury(aluksne, demo)
    altena = Town.objects.get(slug="altena")
    altena_round = _altena(altena)
    from regrow.popups.demo_allocation import load_allocation
    from regrow.towns.models import Role

    coordinator = altena.memberships.filter(role=Role.COORDINATOR).select_related("user").first()
    if coordinator is not None:
        load_allocation(altena_round, coordinator.user, demo)
        from regrow.popups.demo_history import load_history

        aluksne_town = aluksne.town
        aluksne_coordinator = aluksne_town.memberships.filter(role=Role.COORDINATOR).first()
        if aluksne_coordinator is not None:
            load_history(aluksne_town, altena, aluksne_coordinator.user, coordinator.user, demo)
    demo.notes.append("Pop-up rounds: Alūksne (open), Altena (allocated, 7 units).")
