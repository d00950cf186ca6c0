"""Requests per second and p95 of every anonymous public page, against a bare "hello" view.

    python bench/public_pages.py [--entries 10000] [--seconds 6] [--rounds 3]
                                 [--connections 50] [--workers 2]

1. Uses the publishing benchmark's town `bench-news` (`--entries` published entries in eight
   languages, made by bench/publishing.py's code if missing) and, for the map, the first town
   bench/generate.py made (its units and their ten years of history), if there is one.
2. Starts gunicorn with `--workers` sync workers on a free port of 127.0.0.1, with
   bench/publishing_settings.py (DEBUG off, the cache in Redis: BENCH_CACHE_URL, default
   redis://127.0.0.1:6379/15, which the benchmark empties), and asks every page once so that
   it is in the cache, as it is for a town's readers.
3. For every page, wrk loads it with `--connections` connections, in `--rounds` turns
   alternating with the bare "hello" view (a view inside regrow, through all of its middleware:
   the ceiling), `--seconds` per page in all, accepting gzip as browsers do. Prints requests
   per second, the ratio to hello, p95 and failures.
   Target: every page ≥ 0.8 of hello, p95 < 100 ms.

wrk: `apt-get install wrk` (it is required here: p95 needs its latency histogram).
"""

import os

os.environ["DJANGO_SETTINGS_MODULE"] = "publishing_settings"

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import benchsupport
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from http_load import Server, http_get

from publishing import ARTICLE_LANGUAGE, bench_town, stop_on_sigterm
from regrow.publishing.models import Entry
from regrow.towns.models import Town

RATIO_TARGET = 0.8
P95_TARGET_MS = 100
# wrk reports p50, p75, p90 and p99 only; this asks its histogram for p95 (in microseconds).
P95_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("p95_us %d\\n", latency:percentile(95)))
end
"""


@dataclass
class Result:
    requests: int
    seconds: float
    failed: int
    p95_ms: float


def load(url: str, seconds: float, connections: int, script: Path) -> Result:
    command = [
        "wrk", "--threads", "2", "--connections", str(connections), "--duration",
        f"{seconds:g}s", "--timeout", "10s", "--script", str(script),
        # As browsers and crawlers ask: the cached pages come gzipped.
        "--header", "Accept-Encoding: gzip, deflate, br", url,
    ]  # fmt: skip
    output = subprocess.run(  # noqa: S603 - our own command line
        command, capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout

    def number(pattern: str) -> float:
        found = re.search(pattern, output)
        return float(found.group(1)) if found else 0

    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    # Sync workers close each connection after the answer; wrk may count that as a read error.
    socket_errors = sum(int(errors.group(n)) for n in (1, 3, 4)) if errors else 0
    return Result(
        requests=int(number(r"(\d+) requests in")),
        seconds=seconds,
        failed=int(number(r"Non-2xx or 3xx responses:\s+(\d+)")) + socket_errors,
        p95_ms=number(r"p95_us (\d+)") / 1000,
    )


def pages(town: Town, map_town: Town | None) -> list[tuple[str, str]]:
    language = ARTICLE_LANGUAGE
    base = f"/{language}/{town.slug}"
    published = Entry.objects.filter(town=town, language=language, publish_at__isnull=False)
    article = published.filter(kind=Entry.Kind.NEWS).order_by("-publish_at").first()
    event = published.filter(kind=Entry.Kind.EVENT).order_by("-starts_at").first()
    found = [
        ("site home", f"/{language}/"),
        ("town home", f"{base}/"),
        ("news list", f"{base}/news/"),
        ("events list", f"{base}/events/"),
        ("projects list", f"{base}/projects/"),
        ("article", article.get_absolute_url()),
        ("event page", event.get_absolute_url()),
        ("event .ics", f"{event.get_absolute_url()}event.ics"),
        ("RSS", f"{base}/news/feed.rss"),
        ("Atom", f"{base}/news/feed.atom"),
        ("events calendar .ics", f"{base}/events/calendar.ics"),
        ("sitemap.xml", "/sitemap.xml"),
    ]
    if map_town is not None:
        found += [
            ("map page", f"/{language}/{map_town.slug}/map/"),
            ("map GeoJSON", f"/{language}/{map_town.slug}/map/units.geojson"),
        ]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=6, help="of load per page")
    parser.add_argument("--rounds", type=int, default=3, help="turns of hello, then the page")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed for p95: apt-get install wrk")
    stop_on_sigterm()
    benchsupport.refuse_unless_bench_database()
    cache.clear()
    call_command("collectstatic", interactive=False, verbosity=0)
    languages = [code for code, _name in settings.LANGUAGES[:8]]
    town = bench_town(args.entries, languages)
    map_town = (
        Town.objects.filter(slug__startswith=f"{benchsupport.BENCH_SLUG_PREFIX}town-")
        .order_by("slug")
        .first()
    )
    units = map_town.units.count() if map_town else 0
    print(
        f"every anonymous public page ({benchsupport.database_name()}, cache "
        f"{settings.CACHES['default']['LOCATION']}): "
        f"gunicorn {args.workers} sync workers, wrk {args.connections} connections, "
        f"{args.seconds:g} s per page in {args.rounds} turns with hello; "
        f"{Entry.objects.filter(town=town).count()} entries"
        + (f", map of {map_town.slug} ({units} units)" if map_town else ", no map town")
    )
    log = Path(tempfile.gettempdir()) / f"regrow-bench-public-{os.getpid()}.log"
    script = Path(tempfile.gettempdir()) / f"regrow-bench-p95-{os.getpid()}.lua"
    script.write_text(P95_SCRIPT, encoding="utf-8")
    worst = 1.0
    with Server(args.workers, log) as server:
        listed = pages(town, map_town)
        for label, path in [("hello", "/hello/"), *listed]:
            status, body, first = http_get(server.port, path)
            if status != 200:
                sys.exit(f"{label}: GET {path} answered {status}; see {log}")
            second = http_get(server.port, path)[2]
            if label != "hello":
                print(
                    f"  {label} {path}: {len(body) / 1000:.1f} kB, first answer "
                    f"{first * 1000:.0f} ms, then {second * 1000:.1f} ms"
                )
        load(server.url("/hello/"), 2, args.connections, script)  # warm-up
        turn = args.seconds / args.rounds
        print(
            f"  {'page':<22} {'req/s':>7} {'hello/s':>8} {'ratio':>6} {'p95':>9} {'hello p95':>10}"
        )
        for label, path in listed:
            hello_runs, page_runs = [], []
            for _round in range(args.rounds):
                hello_runs.append(load(server.url("/hello/"), turn, args.connections, script))
                page_runs.append(load(server.url(path), turn, args.connections, script))
            failed = sum(run.failed for run in page_runs + hello_runs)
            page_rate = sum(run.requests for run in page_runs) / args.seconds
            hello_rate = sum(run.requests for run in hello_runs) / args.seconds
            p95 = max(run.p95_ms for run in page_runs)
            hello_p95 = max(run.p95_ms for run in hello_runs)
            ratio = page_rate / hello_rate
            worst = min(worst, ratio)
            flags = [] if ratio >= RATIO_TARGET else ["ratio"]
            flags += [] if p95 < P95_TARGET_MS else ["p95"]
            flags += [f"{failed} failed"] if failed else []
            print(
                f"  {label:<22} {page_rate:>7.0f} {hello_rate:>8.0f} {ratio:>6.2f} "
                f"{p95:>6.1f} ms {hello_p95:>7.1f} ms"
                + (f"  NOT MET: {', '.join(flags)}" if flags else "")
            )
    print(
        f"  lowest ratio {worst:.2f} (target ≥ {RATIO_TARGET:g}), p95 target < {P95_TARGET_MS} ms"
    )
    log.unlink(missing_ok=True)
    script.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
