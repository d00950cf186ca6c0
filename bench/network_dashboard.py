"""Server time of the network dashboard, one partner's view and the public Progress section.

    python bench/network_dashboard.py [--partners 30] [--meetings 20] [--actions 40]
                                      [--units 200] [--runs 7]

One network of its own (bench-dashboard-network) with `--partners` partner towns
(bench-dashboard-01, …), `--meetings` transnational meetings a quarter apart (half of them
past, one cancelled) and a milestone each half year. Each partner has a Transfer Plan in two
versions with `--actions` actions (due dates spread over the network's life, statuses mixed),
5 monitoring indicators (4 recorded, with ten years of observations of the town; the vacancy
rate computed live from a register of `--units` units with 10 status changes each) and three
three-month goals set at every past meeting and reviewed at the next. Rows go in with
bulk_create.

Requests go through Django's test client as the network lead (a network role, not a
superuser: the permission queries count), static files collected into a temporary directory
first; the public section as an anonymous reader with the page cache emptied before each
request. Each figure is the median of `--runs` requests after a warm-up that counts the SQL
queries and the bytes.

`--reuse` measures the network an earlier run left (build it on an empty database: making it
again over an earlier one deletes that one's towns, registers and all, which takes long).

Target (issue 16): the dashboard under 150 ms with a number of queries that does not grow with
the partners.
"""

import argparse
import statistics
import tempfile
from datetime import date, timedelta
from decimal import Decimal

import benchsupport
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from generate import BATCH_SIZE, add_units, create_town, delete_bench_towns, seeded, town_centre

from regrow.accounts.models import User
from regrow.indicators.models import Indicator, Observation
from regrow.network.models import (
    Goal,
    Meeting,
    Milestone,
    Network,
    NetworkMembership,
    NetworkRole,
    Partner,
    PlanAction,
    PlanIndicator,
    PlanVersion,
    TransferPlan,
)

PREFIX = f"{benchsupport.BENCH_SLUG_PREFIX}dashboard"
NETWORK_SLUG = f"{PREFIX}-network"
LEAD_EMAIL = "bench-dashboard-lead@example.org"
TARGET_MS = 150
OUTCOMES = ("achieved", "partly", "not_achieved")


def make_indicators() -> list[Indicator]:
    indicators = []
    for number in range(1, 5):
        indicator, _created = Indicator.objects.get_or_create(
            code=f"{PREFIX}-indicator-{number}",
            defaults={"names": {"en": f"Bench indicator {number}"}, "unit": "count"},
        )
        indicators.append(indicator)
    vacancy, _created = Indicator.objects.get_or_create(
        code="vacancy_rate",
        defaults={"names": {"en": "Vacancy rate"}, "unit": "percent", "derived": True},
    )
    return [*indicators, vacancy]


def make_meetings(network: Network, count: int, today: date) -> list[Meeting]:
    """`count` meetings 91 days apart, half of them before today; the one after the first
    coming meeting is cancelled."""
    first = today - timedelta(days=91 * (count // 2) - 10)
    meetings = Meeting.objects.bulk_create(
        [
            Meeting(
                network=network,
                kind=Meeting.Kind.TRANSNATIONAL,
                titles={"en": f"Meeting {n + 1}", "lv": f"Sanāksme {n + 1}"},
                starts_on=first + timedelta(days=91 * n),
                ends_on=first + timedelta(days=91 * n + 1),
                cancelled_at=timezone.now() if n == count // 2 + 1 else None,
            )
            for n in range(count)
        ]
    )
    Milestone.objects.bulk_create(
        [
            Milestone(
                network=network,
                titles={"en": f"Milestone {n + 1}"},
                month=6 * (n + 1),
                due_on=first + timedelta(days=182 * n),
                done_on=first + timedelta(days=182 * n) if n % 3 == 0 else None,
            )
            for n in range(max(1, count // 2))
        ]
    )
    return meetings


def make_partner(partner, meetings, indicators, actions: int, today, rng) -> None:
    town = partner.town
    plan = TransferPlan.objects.create(partner=partner, title=f"Plan of {town.name}", language="lv")
    PlanVersion.objects.create(plan=plan, number=1, status=PlanVersion.Status.FINAL)
    PlanVersion.objects.create(plan=plan, number=2, status=PlanVersion.Status.DRAFT)
    span = (meetings[-1].ends_on - meetings[0].starts_on).days
    statuses = PlanAction.Status.values
    begin = meetings[0].starts_on
    PlanAction.objects.bulk_create(
        [
            PlanAction(
                plan=plan,
                title=f"Action {n + 1}",
                owner="Attīstības nodaļa",
                starts_on=begin + timedelta(days=span * n // actions),
                due_on=begin + timedelta(days=span * n // actions + 60),
                status=statuses[rng.randrange(len(statuses))],
                order=n,
            )
            for n in range(actions)
        ],
        batch_size=BATCH_SIZE,
    )
    PlanIndicator.objects.bulk_create(
        [
            PlanIndicator(plan=plan, indicator=indicator, baseline=Decimal(100 + n),
                          baseline_period="2018", target=Decimal(150 + n), target_period="2021")
            for n, indicator in enumerate(indicators)
        ]
    )  # fmt: skip
    Observation.objects.bulk_create(
        [
            Observation(town=town, indicator=indicator, period=str(year),
                        period_start=date(year, 1, 1), granularity="year",
                        value=Decimal(rng.randint(50, 200)))
            for indicator in indicators if not indicator.derived
            for year in range(today.year - 10, today.year)
        ],
        batch_size=BATCH_SIZE,
    )  # fmt: skip
    past = [meeting for meeting in meetings if meeting.starts_on < today]
    goals = []
    for index, meeting in enumerate(past):
        reviewed_at = past[index + 1] if index + 1 < len(past) else None
        for number in range(3):
            goals.append(
                Goal(
                    meeting=meeting,
                    partner=partner,
                    title=f"Goal {number + 1} of {meeting.title}",
                    owner="Attīstības nodaļa",
                    due_on=meeting.starts_on + timedelta(days=90),
                    outcome=rng.choice(OUTCOMES) if reviewed_at else "",
                    reviewed_at=timezone.now() if reviewed_at else None,
                    reviewed_at_meeting=reviewed_at,
                )
            )
    Goal.objects.bulk_create(goals, batch_size=BATCH_SIZE)


def build(partners: int, meetings: int, actions: int, units: int) -> tuple[Network, User, int]:
    Network.objects.filter(slug=NETWORK_SLUG).delete()
    delete_bench_towns(f"{PREFIX}-")
    indicators = make_indicators()
    today = timezone.localdate()
    with transaction.atomic():
        network = Network.objects.create(
            slug=NETWORK_SLUG,
            names={"en": "Bench dashboard network"},
            country="LV",
            public_summary=["plans", "actions", "goals", "indicators", "meetings"],
        )
        made = make_meetings(network, meetings, today)
        first_partner = None
        for number in range(1, partners + 1):
            slug = f"{PREFIX}-{number:02d}"
            rng = seeded(slug)
            town = create_town(slug, f"Bench partner {number:02d}", town_centre(rng))
            role = Partner.Role.LEAD if number == 1 else Partner.Role.PARTNER
            partner = Partner.objects.create(network=network, town=town, role=role)
            first_partner = first_partner or partner
            make_partner(partner, made, indicators, actions, today, rng)
        lead = User.objects.filter(email=LEAD_EMAIL).first()
        if lead is None:
            lead = User.objects.create_user(email=LEAD_EMAIL, password=None)
        NetworkMembership.objects.create(network=network, user=lead, role=NetworkRole.LEAD)
    if units:
        for partner in network.partners.select_related("town"):
            add_units(partner.town, seeded(partner.town.slug, "units"), units, 10, today)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return network, lead, first_partner.pk


def measure(client: Client, label: str, url: str, runs: int, before=None) -> None:
    if before:
        before()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)  # the warm-up
    queries = len(captured)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")

    times = []
    for _run in range(runs):
        if before:
            before()  # not timed
        times.append(benchsupport.seconds(lambda: client.get(url))[0])
    median = statistics.median(times) * 1000
    verdict = "met" if median < TARGET_MS else "NOT MET"
    print(
        f"{label:<44} {median:7.1f} ms  {queries:3d} queries  "
        f"{len(response.content) / 1000:6.1f} kB  (target < {TARGET_MS} ms: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=30)
    parser.add_argument("--meetings", type=int, default=20)
    parser.add_argument("--actions", type=int, default=40)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--reuse", action="store_true", help="measure the network an earlier run made"
    )
    args = parser.parse_args()
    benchsupport.refuse_unless_bench_database()
    existing = Network.objects.filter(slug=NETWORK_SLUG).first()
    if args.reuse and existing is not None:
        lead = User.objects.get(email=LEAD_EMAIL)
        partner = existing.partners.order_by("role", "town__name").first().pk
    else:
        _network, lead, partner = build(args.partners, args.meetings, args.actions, args.units)
    print(
        f"network {NETWORK_SLUG}: {args.partners} partners, {args.meetings} meetings, "
        f"{args.actions} actions a plan, {args.units} units a town ({connection.vendor})"
    )
    with tempfile.TemporaryDirectory(prefix="regrow-bench-static-") as static_root:
        settings.STATIC_ROOT = static_root
        call_command("collectstatic", interactive=False, verbosity=0)
        client = Client()
        client.force_login(lead)
        base = "/{language}/" + NETWORK_SLUG + "/members/dashboard/"
        pages = [
            ("dashboard", base.format(language="en")),
            ("dashboard, Latvian", base.format(language="lv")),
            ("one partner", base.format(language="en") + f"partners/{partner}/"),
            ("API: partners' figures (30 a page)", f"/api/networks/{NETWORK_SLUG}/dashboard/"
             "partners?page_size=30"),
        ]  # fmt: skip
        for label, url in pages:
            measure(client, label, url, args.runs)
        reader = Client()
        cache = caches[getattr(settings, "REGROW_PAGE_CACHE", "default")]
        measure(
            reader,
            "public Progress section, uncached",
            f"/lv/{NETWORK_SLUG}/progress/",
            args.runs,
            before=cache.clear,
        )


if __name__ == "__main__":
    main()
