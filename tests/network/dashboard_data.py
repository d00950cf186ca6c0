"""A network for the dashboard tests, over plans_data.make_plan_network (Altena leads, Alūksne
and Melgaço are partners; the lead, lead expert, partner coordinators, a town coordinator of
Altena and an outsider): meetings before and after today, and for each partner a plan with
actions due at dates fixed relative to today, indicators (one recorded, the vacancy rate
computed) and three-month goals set at one meeting and reviewed at the next."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from regrow.indicators.models import Indicator, Observation
from regrow.network.models import (
    Goal,
    Meeting,
    Milestone,
    Partner,
    PlanAction,
    PlanIndicator,
    PlanVersion,
    TransferPlan,
)
from regrow.premises.choices import Source
from regrow.premises.models import StatusChange, Unit
from tests.fixtures import make_town
from tests.network.plans_data import PlanNetwork, make_plan_network


def today() -> date:
    return timezone.localdate()


def meeting(network, title: str, starts_on: date, days: int = 1, **values) -> Meeting:
    return Meeting.objects.create(
        network=network,
        kind=values.pop("kind", Meeting.Kind.TRANSNATIONAL),
        titles={"en": title, "lv": title},
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=days - 1),
        **values,
    )


def indicators() -> tuple[Indicator, Indicator]:
    footfall, _new = Indicator.objects.get_or_create(
        code="dashboard_footfall", defaults={"names": {"en": "Footfall"}, "unit": "count"}
    )
    vacancy, _new = Indicator.objects.get_or_create(
        code="vacancy_rate",
        defaults={"names": {"en": "Vacancy rate"}, "unit": "percent", "derived": True},
    )
    return footfall, vacancy


def add_register(town) -> None:
    """Two units of the town's register, one vacant and one occupied: a vacancy rate of 50 %."""
    for number, status in ((1, "vacant"), (2, "occupied")):
        unit = Unit.objects.create(
            town=town,
            external_id=f"dash-{number}",
            street="Pils iela",
            house_number=str(number),
            display_address=f"Pils iela {number}",
            latitude=Decimal("57.4227"),
            longitude=Decimal("27.0461"),
            floor_area_m2=Decimal("45.00"),
            listed_on=date(2023, 1, 1),
        )
        StatusChange.objects.create(
            unit=unit, status=status, effective_on=date(2023, 1, 1), source=Source.SURVEY
        )


def fill_partner(partner: Partner, meetings: dict[str, Meeting], *, status="final") -> TransferPlan:
    """A plan in version 2 (`status`) with 6 actions: 1 done, 2 late, 1 due in 10 days, 1 due
    in 60 days, 1 dropped and late; two indicators; three goals set at the past meeting and
    reviewed at the last one (achieved, partly, not), one set at the last one, not reviewed."""
    day = today()
    plan = TransferPlan.objects.create(partner=partner, title=f"Plan {partner.pk}", language="lv")
    PlanVersion.objects.create(plan=plan, number=1, status=PlanVersion.Status.FINAL)
    PlanVersion.objects.create(plan=plan, number=2, status=status)
    rows = [
        ("done", -5),
        ("planned", -1),
        ("delayed", -40),
        ("in_progress", 10),
        ("planned", 60),
        ("dropped", -3),
    ]
    PlanAction.objects.bulk_create(
        [
            PlanAction(
                plan=plan,
                title=f"Action {n}",
                owner="Attīstības nodaļa",
                starts_on=day - timedelta(days=90),
                due_on=day + timedelta(days=offset),
                status=state,
                order=n,
            )
            for n, (state, offset) in enumerate(rows)
        ]
    )
    footfall, vacancy = indicators()
    PlanIndicator.objects.create(
        plan=plan, indicator=footfall, baseline=100, baseline_period="2018", target=150,
        target_period="2021",
    )  # fmt: skip
    PlanIndicator.objects.create(
        plan=plan, indicator=vacancy, baseline=20, baseline_period="2018", target=10,
        target_period="2021",
    )  # fmt: skip
    Observation.objects.create(
        town=partner.town, indicator=footfall, period="2023", period_start=date(2023, 1, 1),
        granularity="year", value=Decimal(1234),
    )  # fmt: skip
    add_register(partner.town)
    for outcome in ("achieved", "partly", "not_achieved"):
        Goal.objects.create(
            meeting=meetings["first"],
            partner=partner,
            title=f"Goal {outcome}",
            owner="Attīstības nodaļa",
            due_on=day - timedelta(days=20),
            outcome=outcome,
            reviewed_at=timezone.now(),
            reviewed_at_meeting=meetings["last"],
        )
    Goal.objects.create(
        meeting=meetings["last"],
        partner=partner,
        title="Goal to review",
        owner="Attīstības nodaļa",
        due_on=day + timedelta(days=60),
    )
    return plan


def make_dashboard_network(extra_partners: int = 0) -> tuple[PlanNetwork, dict[str, Meeting]]:
    """The plan network with `extra_partners` more partner towns, meetings (two past, one
    cancelled tomorrow, the next in 7 days, a local group meeting of Alūksne in 3 days) and
    milestones (one overdue, one coming, one done), and every partner filled."""
    world = make_plan_network()
    network = world.network
    for number in range(extra_partners):
        town = make_town(f"dashboard-{number:02d}", f"Pilsēta {number:02d}")
        world.partners[town.slug] = Partner.objects.create(network=network, town=town)
    day = today()
    meetings = {
        "first": meeting(network, "Kick-off in Alūksne", day - timedelta(days=120), days=2),
        "last": meeting(network, "Thematic meeting in Isernia", day - timedelta(days=30)),
        "cancelled": meeting(
            network, "Cancelled visit", day + timedelta(days=1), cancelled_at=timezone.now()
        ),
        "local": meeting(
            network,
            "Alūksne local group",
            day + timedelta(days=3),
            kind=Meeting.Kind.LOCAL_GROUP,
            host=world.partners["aluksne"],
        ),
        "next": meeting(network, "Mid-term review in Nyírbátor", day + timedelta(days=7)),
    }
    Milestone.objects.create(
        network=network, titles={"en": "Transfer Plans due"}, due_on=day - timedelta(days=10)
    )
    Milestone.objects.create(
        network=network, titles={"en": "Final plans"}, due_on=day + timedelta(days=50)
    )
    Milestone.objects.create(
        network=network,
        titles={"en": "Baseline study"},
        due_on=day - timedelta(days=200),
        done_on=day - timedelta(days=201),
    )
    for partner in world.partners.values():
        fill_partner(partner, meetings)
    return world, meetings
