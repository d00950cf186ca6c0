"""Server time, size and queries of a Transfer Plan version's DOCX and PDF downloads.

    python bench/transfer_plan_documents.py [--actions 40] [--runs 5]

One town of its own (bench-plan-documents) as the partner of a network of its own
(bench-plan-documents-network), whose Transfer Plan (in Latvian) has version 1 in peer review: every
section written (a heading, three paragraphs with bold and a link, a list of four items, about
2,000 characters each), `--actions` actions over two years with the actions' snapshot taken when
it went to review, eight risks. Requests go through Django's test client as a signed-in
superuser, in Latvian; each figure is the median of `--runs` requests after a warm-up that counts
the SQL queries and the bytes. The time is then split: reading and building the document (the
queries and the timeline chart), and the renderer alone (WeasyPrint or python-docx, with the
chart drawn as PNG by cairosvg) on the built document.

Target: either file of a 40-action plan in under 2 s.
"""

import argparse
from datetime import date, timedelta

import benchsupport
from django.db import connection
from django.test.utils import CaptureQueriesContext
from generate import create_town, delete_bench_towns, seeded, town_centre
from register_pages import coordinator_client

from regrow.lib import documents
from regrow.network.models import (
    FundingSource,
    Network,
    Partner,
    PlanAction,
    PlanRisk,
    PlanSection,
    PlanVersion,
    SectionKey,
    TransferPlan,
)
from regrow.network.plan_document import plan_document
from regrow.network.selectors_plans import plan_snapshot

SLUG = f"{benchsupport.BENCH_SLUG_PREFIX}plan-documents"
NETWORK_SLUG = f"{SLUG}-network"
TARGET_MS = 2000
RENDERERS = {"docx": documents.render_docx, "pdf": documents.render_pdf}


def section_text(number: int) -> str:
    paragraph = (
        "<p>Alūksnes centrā ir <strong>tukšas telpas</strong>, ko īpašnieki gatavi izīrēt uz "
        "laiku. Pop-up veikali ļauj uzņēmējiem pārbaudīt ideju ar mazu risku, un pilsētas "
        'centrs atdzīvojas. Sīkāk: <a href="https://example.org/plans">plāna pielikums</a>.</p>'
    )
    items = "".join(
        f"<li>Solis {item}: sarunas ar īpašniekiem un nomniekiem</li>" for item in "1234"
    )
    return f"<h2>Apakšsadaļa {number}</h2>{paragraph * 3}<ul>{items}</ul>"


def build(actions: int) -> TransferPlan:
    Network.objects.filter(slug=NETWORK_SLUG).delete()
    delete_bench_towns(SLUG)
    rng = seeded(SLUG)
    town = create_town(SLUG, "Bench plan documents town", town_centre(rng))
    network = Network.objects.create(slug=NETWORK_SLUG, names={"en": "Bench network"}, country="LV")
    partner = Partner.objects.create(network=network, town=town)
    plan = TransferPlan.objects.create(partner=partner, language="lv", title="Pārneses plāns")
    first = date(2019, 3, 1)
    sources = [*FundingSource.values, ""]
    PlanAction.objects.bulk_create(
        [
            PlanAction(
                plan=plan,
                title=f"Darbība {number + 1}: pop-up telpas Pils ielā {number + 1}",
                owner="Attīstības nodaļa",
                starts_on=first + timedelta(days=17 * number),
                due_on=first + timedelta(days=17 * number + rng.randint(20, 120)),
                budget_cents=rng.randint(0, 500) * 10_000,
                funding_source=sources[number % len(sources)],
                status=PlanAction.Status.values[number % len(PlanAction.Status.values)],
                order=number,
            )
            for number in range(actions)
        ]
    )
    PlanRisk.objects.bulk_create(
        [
            PlanRisk(plan=plan, description=f"Risks {n}", likelihood=1 + n % 3, impact=1 + n % 2)
            for n in range(8)
        ]
    )
    version = PlanVersion.objects.create(
        plan=plan, number=1, status=PlanVersion.Status.IN_REVIEW, snapshot=plan_snapshot(plan)
    )
    PlanSection.objects.bulk_create(
        [
            PlanSection(plan_version=version, key=key, body=section_text(number))
            for number, key in enumerate(SectionKey.values)
        ]
    )
    return plan


def measure(client, plan: TransferPlan, fmt: str, runs: int) -> None:
    url = f"/lv/{NETWORK_SLUG}/plans/{plan.pk}/versions/1/plan.{fmt}"
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)  # the warm-up
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")
    queries = len(captured)
    median = benchsupport.median_ms(lambda: client.get(url), runs)
    version = PlanVersion.objects.select_related("plan__partner__town", "plan__partner__network")
    version = version.get(plan=plan, number=1)
    build_ms = benchsupport.median_ms(lambda: plan_document(version), runs)
    document = plan_document(version)
    render_ms = benchsupport.median_ms(lambda: RENDERERS[fmt](document), runs)
    verdict = "met" if median < TARGET_MS else "NOT MET"
    print(
        f"{fmt.upper():<5} {median:8.1f} ms  {queries:3d} queries  "
        f"{len(response.content) / 1000:7.1f} kB  (build {build_ms:6.1f} ms, "
        f"render {render_ms:7.1f} ms; target < {TARGET_MS} ms: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=40)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    benchsupport.refuse_unless_bench_database()
    seconds, plan = benchsupport.seconds(lambda: build(args.actions))
    print(f"plan of {args.actions} actions ({connection.vendor}), made in {seconds:.1f} s")
    client = coordinator_client()
    for fmt in RENDERERS:
        measure(client, plan, fmt, args.runs)


if __name__ == "__main__":
    main()
