"""Server time of a Transfer Plan's page and of comparing two of its versions.

    python bench/transfer_plans.py [--partners 30] [--actions 40] [--versions 3] [--runs 5]

One network of its own (bench-transfer-network) with `--partners` partner towns
(bench-transfer-01, …), each with a Transfer Plan in `--versions` versions (all final but the
newest, a draft; each version's nine sections about 1,500 characters of rich text, every version
changing about one word in ten of some paragraphs and adding one), `--actions` actions (the
versions keep them in their snapshots), 8 risks and 5 monitoring indicators with ten years of
observations of the town. Rows go in with bulk_create.

Requests go through Django's test client as the first partner's coordinator (a network role, no
superuser: the permission queries are counted), static files collected into a temporary
directory first, as register_pages.py does; each figure is the median of `--runs` requests after
a warm-up that counts the SQL queries and the bytes. Measured: the plan page (English and
Latvian), its actions page, and the comparison of the oldest and of the two newest versions.

Target: the plan page and a comparison each under 100 ms.
"""

import argparse
import random
import tempfile
from datetime import date, timedelta
from decimal import Decimal

import benchsupport
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from generate import BATCH_SIZE, create_town, delete_bench_towns, seeded, town_centre

from regrow.accounts.models import User
from regrow.indicators.models import Indicator, Observation
from regrow.network.models import (
    FundingSource,
    Network,
    NetworkMembership,
    NetworkRole,
    Partner,
    PlanAction,
    PlanIndicator,
    PlanRisk,
    PlanSection,
    PlanVersion,
    SectionKey,
    TransferPlan,
)
from regrow.network.selectors_plans import plan_snapshot

PREFIX = f"{benchsupport.BENCH_SLUG_PREFIX}transfer"
NETWORK_SLUG = f"{PREFIX}-network"
AUTHOR_EMAIL = "bench-plan-author@example.org"
TARGET_MS = 100
WORDS = [
    "pilsēta",
    "telpas",
    "veikals",
    "tukšas",
    "centrā",
    "īpašnieki",
    "uzņēmēji",
    "iedzīvotāji",
    "tirgus",
    "pasākums",
    "pašvaldība",
    "atbalsts",
    "nomas",
    "maksa",
    "iela",
    "ēka",
    "skatlogs",
    "apmeklētāji",
    "darbība",
    "plāns",
    "rezultāts",
    "sadarbība",
    "grupa",
    "jaunieši",
    "amatnieki",
    "kafejnīca",
    "galerija",
    "vasara",
    "rudens",
    "īstermiņa",
    "pieredze",
]


def paragraph(rng: random.Random, words: int = 40) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def section_text(rng: random.Random) -> list[str]:
    """About 1,500 characters: four paragraphs."""
    return [paragraph(rng) for _ in range(4)]


def revised(rng: random.Random, paragraphs: list[str]) -> list[str]:
    """Every other paragraph with about one word in ten changed, and one paragraph added."""
    changed = []
    for index, text in enumerate(paragraphs):
        if index % 2 == 0:
            words = text.split()
            for position in rng.sample(range(len(words)), max(1, len(words) // 10)):
                words[position] = rng.choice(WORDS)
            text = " ".join(words)
        changed.append(text)
    return [*changed, paragraph(rng, 20)]


def html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def make_indicators() -> list[Indicator]:
    indicators = []
    for number in range(1, 6):
        indicator, _created = Indicator.objects.get_or_create(
            code=f"{PREFIX}-indicator-{number}",
            defaults={"names": {"en": f"Bench indicator {number}"}, "unit": "count"},
        )
        indicators.append(indicator)
    return indicators


def make_plan(partner: Partner, indicators, actions: int, versions: int, rng) -> TransferPlan:
    town = partner.town
    plan = TransferPlan.objects.create(partner=partner, title=f"Plan of {town.name}", language="lv")
    first = date(2019, 3, 1)
    sources = [*FundingSource.values, ""]
    statuses = PlanAction.Status.values
    PlanAction.objects.bulk_create(
        [
            PlanAction(
                plan=plan,
                title=paragraph(rng, 6),
                description=paragraph(rng, 30),
                owner="Attīstības nodaļa",
                starts_on=first + timedelta(days=15 * n),
                due_on=first + timedelta(days=15 * n + 60),
                budget_cents=rng.randint(0, 2_000_000),
                funding_source=sources[n % len(sources)],
                status=statuses[n % len(statuses)],
                order=n,
            )
            for n in range(actions)
        ],
        batch_size=BATCH_SIZE,
    )
    PlanRisk.objects.bulk_create(
        [
            PlanRisk(plan=plan, description=paragraph(rng, 12), likelihood=1 + n % 3,
                     impact=1 + (n + 1) % 3, mitigation=paragraph(rng, 20), order=n)
            for n in range(8)
        ]
    )  # fmt: skip
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
            for indicator in indicators
            for year in range(2012, 2022)
        ],
        batch_size=BATCH_SIZE,
    )  # fmt: skip
    texts = {key: section_text(rng) for key in SectionKey.values}
    snapshot = plan_snapshot(plan)
    previous = None
    for number in range(1, versions + 1):
        newest = number == versions
        version = PlanVersion.objects.create(
            plan=plan,
            number=number,
            based_on=previous,
            status=PlanVersion.Status.DRAFT if newest else PlanVersion.Status.FINAL,
            snapshot={} if newest else snapshot,
        )
        if number > 1:
            texts = {key: revised(rng, paragraphs) for key, paragraphs in texts.items()}
        PlanSection.objects.bulk_create(
            [PlanSection(plan_version=version, key=key, body=html(texts[key])) for key in texts]
        )
        previous = version
    return plan


def build(partners: int, actions: int, versions: int) -> tuple[TransferPlan, User]:
    Network.objects.filter(slug=NETWORK_SLUG).delete()
    delete_bench_towns(f"{PREFIX}-")
    indicators = make_indicators()
    with transaction.atomic():
        network = Network.objects.create(
            slug=NETWORK_SLUG, names={"en": "Bench transfer network"}, country="LV"
        )
        plans = []
        for number in range(1, partners + 1):
            slug = f"{PREFIX}-{number:02d}"
            rng = seeded(slug)
            town = create_town(slug, f"Bench partner {number:02d}", town_centre(rng))
            role = Partner.Role.LEAD if number == 1 else Partner.Role.PARTNER
            partner = Partner.objects.create(network=network, town=town, role=role)
            plans.append(make_plan(partner, indicators, actions, versions, rng))
        author = User.objects.filter(email=AUTHOR_EMAIL).first()
        if author is None:
            author = User.objects.create_user(email=AUTHOR_EMAIL, password=None)
        NetworkMembership.objects.create(
            network=network,
            user=author,
            role=NetworkRole.PARTNER_COORDINATOR,
            partner=plans[0].partner,
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return plans[0], author


def measure(client: Client, label: str, url: str, runs: int) -> None:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)  # the warm-up
    queries = len(captured)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")
    median = benchsupport.median_ms(lambda: client.get(url), runs)
    verdict = "met" if median < TARGET_MS else "NOT MET"
    print(
        f"{label:<44} {median:7.1f} ms  {queries:3d} queries  "
        f"{len(response.content) / 1000:6.1f} kB  (target < {TARGET_MS} ms: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=30)
    parser.add_argument("--actions", type=int, default=40)
    parser.add_argument("--versions", type=int, default=3)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    benchsupport.refuse_unless_bench_database()
    plan, author = build(args.partners, args.actions, args.versions)
    print(
        f"network {NETWORK_SLUG}: {args.partners} partners, a plan each with {args.actions} "
        f"actions and {args.versions} versions ({connection.vendor})"
    )
    with tempfile.TemporaryDirectory(prefix="regrow-bench-static-") as static_root:
        settings.STATIC_ROOT = static_root
        call_command("collectstatic", interactive=False, verbosity=0)
        client = Client()
        client.force_login(author)
        base = f"/{{language}}/{NETWORK_SLUG}/plans/{plan.pk}/"
        newest = args.versions
        pages = [
            ("plan page", base.format(language="en")),
            ("plan page, Latvian", base.format(language="lv")),
            ("actions page", base.format(language="en") + "actions/"),
            (
                f"comparison, version 1 to {newest}",
                base.format(language="en") + f"compare/?old=1&new={newest}",
            ),
            (
                f"comparison, version {newest - 1} to {newest}, Latvian",
                base.format(language="lv") + f"compare/?old={newest - 1}&new={newest}",
            ),
        ]
        for label, url in pages:
            measure(client, label, url, args.runs)


if __name__ == "__main__":
    main()
