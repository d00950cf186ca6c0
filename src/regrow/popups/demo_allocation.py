"""Altena's finished round, allocated the way a coordinator does it: ten applications scored
by a juror, a proposal from the optimiser, confirmed into subleases and register days.
Idempotent: a round that already has subleases is left as it is."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from regrow.accounts.models import User
from regrow.accounts.services import user_ensure
from regrow.lib.demo import Demo
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import (
    AllocationRun,
    Application,
    Criterion,
    Round,
    RoundJuror,
    Score,
    Sublease,
)
from regrow.popups.services.allocation import run_confirm, run_solve
from regrow.premises.choices import Source, Status
from regrow.premises.models import StatusChange
from regrow.towns.models import Role
from regrow.towns.services import membership_grant

# (name, language, business, category, smallest m², highest rent €, stay weeks, grant €)
APPLICANTS = [
    ("Miriam Kühn", "de", "Kaffeerösterei Lenne", "food", 25, 400, (6, 8), 2500),
    ("Jonas Albers", "de", "Holzwerk Altena", "crafts", 40, 350, (6, 8), 3000),
    ("Selin Aydin", "de", "Nähcafé Selin", "fashion", 20, 250, (6, 8), 1500),
    ("Thomas Berger", "de", "Fahrradwerkstatt Berger", "services", 50, 450, (6, 8), 3000),
    ("Lena Wolff", "en", "Wolff Ceramics", "crafts", 15, 200, (6, 8), 1000),
    ("Ayşe Demir", "de", "Bio-Laden Demir", "food", 60, 480, (6, 8), 3000),
    ("Paul Schröder", "de", "Comicladen Panel", "culture", 25, 300, (6, 8), 2000),
    ("Greta Hoffmann", "de", "Kräuter und Seifen", "beauty", 15, 200, (6, 8), 1000),
    ("Noah Brandt", "en", "Brandt Vinyl", "culture", 30, 300, (6, 8), 2500),
    ("Clara Neumann", "de", "Kinderkleider Neumann", "fashion", 30, 300, (6, 8), 2000),
]
JUROR = ("jury@altena.example.org", "regrow-jury-altena", "Sabine Vogt")
CRITERIA = [
    ({"de": "Idee", "en": "The idea"}, Decimal(2)),
    ({"de": "Belebung der Innenstadt", "en": "Adds life to the centre"}, Decimal(1)),
]


def _applications(round_: Round) -> list[Application]:
    applications = []
    for index, (name, language, business, category, area, rent, stay, grant) in enumerate(
        APPLICANTS
    ):
        person = user_ensure(
            email=f"applicant{index + 1}@altena-applicants.example.org",
            password=f"regrow-demo-altena-{index}",
            full_name=name,
            language=language,
        )
        application, _created = Application.objects.update_or_create(
            round=round_,
            applicant=person,
            defaults={
                "language": language,
                "business_name": business,
                "idea": business,
                "category": category,
                "min_area_m2": Decimal(area),
                "max_rent_cents_per_month": rent * 100,
                "earliest_start_on": round_.programme_starts_on,
                "latest_end_on": round_.programme_ends_on,
                "min_stay_weeks": stay[0],
                "max_stay_weeks": stay[1],
                "requested_grant_cents": grant * 100,
                "status": ApplicationStatus.SUBMITTED,
                "submitted_at": datetime(2025, 3, 10, 9, tzinfo=UTC) + timedelta(days=index),
            },
        )
        applications.append(application)
    return applications


def _scores(round_: Round, applications: list[Application]) -> None:
    email, password, name = JUROR
    person = user_ensure(email=email, password=password, full_name=name, language="de")
    membership_grant(user=person, town=round_.town, role=Role.JURY_MEMBER)
    seat, _created = RoundJuror.objects.get_or_create(round=round_, user=person)
    criteria = [
        Criterion.objects.get_or_create(round=round_, names=names, defaults={"weight": weight})[0]
        for names, weight in CRITERIA
    ]
    for a, application in enumerate(applications):
        for c, criterion in enumerate(criteria):
            Score.objects.update_or_create(
                juror=seat,
                application=application,
                criterion=criterion,
                defaults={"value": 4 + (a * 5 + c * 3) % 7},
            )


def _vacant_since_listing(round_: Round) -> None:
    for offer in round_.offered_units.select_related("unit"):
        unit = offer.unit
        if not StatusChange.objects.filter(unit=unit).exists():
            StatusChange.objects.create(
                unit=unit, effective_on=unit.listed_on, status=Status.VACANT, source=Source.REGISTER
            )


def load_allocation(round_: Round, coordinator: User, demo: Demo) -> None:
    if Sublease.objects.filter(round_unit__round=round_).exists():
        return
    applications = _applications(round_)
    _scores(round_, applications)
    _vacant_since_listing(round_)
    Round.objects.filter(pk=round_.pk).update(status=RoundStatus.CLOSED)
    round_.refresh_from_db()
    run = AllocationRun.objects.create(
        round=round_, requested_by=coordinator, round_version=round_.version, rules=[]
    )
    run_solve(run.pk)
    run.refresh_from_db()
    if run.state != AllocationRun.State.DONE:
        demo.notes.append(f"Altena's demo allocation could not be solved: {run.error}")
        return
    subleases = run_confirm(run=run, by=coordinator, round_version=round_.version, notify=False)
    demo.notes.append(f"Altena's pop-up round: {len(subleases)} subleases confirmed.")
