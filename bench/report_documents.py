"""Server time, size and queries of the vacancy report's PDF and DOCX downloads.

    python bench/report_documents.py [--units 1000,5000] [--changes-per-unit 10] [--runs 3]

Each size gets a town of its own (bench-documents-1000, …) with that many units and their status
histories, as in register_pages.py. The report covers the last full year, so most units were
empty at some time in it; a document lists at most MAX_UNIT_ROWS (500) units (the rest are
counted and left to the XLSX). Requests go through Django's test client as a signed-in
coordinator, in Latvian; each figure is the median of `--runs` requests after a warm-up that
counts the queries and the bytes. The time is then split: reading and building the document (the
queries and the chart), and the renderer alone (WeasyPrint or python-docx) on the built
document.

Target: a town of 1,000 units in under 5 s for either file (one request of a coordinator's; a
town of 100,000 units across the country has some 1,000 per town).
"""

import argparse
from datetime import date

import benchsupport
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from generate import add_units, create_town, delete_bench_towns, seeded, town_centre
from register_pages import coordinator_client, vacuum

from regrow.lib import documents
from regrow.premises import selectors
from regrow.premises.views.report_document import MAX_UNIT_ROWS, vacancy_report_document
from regrow.towns.models import Town

SLUG_PREFIX = f"{benchsupport.BENCH_SLUG_PREFIX}documents"
TARGET_MS = 5000
TARGET_UNITS = 1000
RENDERERS = {"pdf": documents.render_pdf, "docx": documents.render_docx}


def measure(slug: str, units: int, runs: int) -> None:
    client = coordinator_client()
    town = Town.objects.get(slug=slug)
    year = town.today().year - 1
    start, end = date(year, 1, 1), date(year, 12, 31)
    period = {"start": start.isoformat(), "end": end.isoformat()}

    def build():
        result = selectors.vacancy_report(selectors.Scope(town), start, end)
        return result, vacancy_report_document(town, result)

    for fmt, render in RENDERERS.items():
        url = f"/lv/{slug}/register/report/{fmt}/"
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, period)  # the warm-up
        queries = len(captured)
        if response.status_code != 200:
            raise SystemExit(f"GET {url} answered {response.status_code}")
        median = benchsupport.median_ms(lambda: client.get(url, period), runs)  # noqa: B023
        with translation.override("lv"):
            build_ms = benchsupport.median_ms(build, runs)
            result, document = build()
            render_ms = benchsupport.median_ms(lambda: render(document), runs)  # noqa: B023
        rows = min(len(result.units), MAX_UNIT_ROWS)
        verdict = ""
        if units == TARGET_UNITS:
            verdict = f" (target < {TARGET_MS} ms: {'met' if median < TARGET_MS else 'NOT MET'})"
        print(
            f"{units:>6,} units  {fmt:<4} {median:8.1f} ms  {queries:3d} queries  "
            f"{len(response.content) / 1000:7.1f} kB  {rows:,} rows  building {build_ms:6.1f} ms"
            f"  rendering {render_ms:8.1f} ms{verdict}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", default="1000,5000", help="sizes, comma-separated")
    parser.add_argument("--changes-per-unit", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    benchsupport.refuse_unless_bench_database()
    for units in [int(size) for size in args.units.split(",")]:
        slug = f"{SLUG_PREFIX}-{units}"
        delete_bench_towns(slug)
        rng = seeded(slug)
        town = create_town(slug, f"Bench documents town of {units}", town_centre(rng))
        _units, changes = add_units(town, rng, units, args.changes_per_unit, town.today())
        vacuum()
        print(f"town {slug}: {units:,} units, {changes:,} status changes ({connection.vendor})")
        measure(slug, units, args.runs)


if __name__ == "__main__":
    main()
