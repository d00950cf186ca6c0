"""Server time and throughput of the publishing pages, with 10,000 entries in 8 languages.

    python bench/publishing.py [--entries 10000] [--runs 5] [--seconds 20] [--rounds 5]

1. Makes the town `bench-news` with `--entries` published entries: translation groups of 8
   languages (the first 8 of settings.LANGUAGES), news, events and projects, each with a few
   paragraphs of HTML. A town that already has exactly that many entries is kept as it is.
2. Server time: each page through Django's test client (middleware and templates included),
   the median of `--runs` runs; the shared cache is emptied before each uncached run, and one
   uncached and one cached request count the SQL queries. Every answer must be 200.
3. Throughput: gunicorn (sync workers, one per core) on a free port of 127.0.0.1, the cache in
   Redis so that the workers share it; wrk loads a bare "hello" view and an anonymous article
   page for `--seconds` each, in `--rounds` turns of hello then article, so that both meet the
   same conditions. Then it checks that publishing an entry refreshes the cached news list the
   server gives.

This script and the server it starts use bench/publishing_settings.py: regrow's settings with
DEBUG off, CACHE_URL from BENCH_CACHE_URL (default redis://127.0.0.1:6379/15, a database the
benchmark empties) and a /hello/ page in front of the site's URLs. wrk: `apt-get install wrk`;
without it a small Python load generator stands in, and says so.

Target: the anonymous article page serves at least half the requests per second of the bare
"hello" view.
"""

import os

# Before benchsupport sets Django up: the script and its server share these settings.
os.environ["DJANGO_SETTINGS_MODULE"] = "publishing_settings"

import argparse
import math
import shutil
import signal
import statistics
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import benchsupport
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import slugify
from generate import analyze, create_town, delete_bench_towns, seeded, town_centre
from http_load import Load, Server, http_get, python_load, wrk

from regrow.publishing.caching import publisher_changed
from regrow.publishing.html import plain_text
from regrow.publishing.models import Entry, Person
from regrow.publishing.services import entry_publish, entry_save
from regrow.towns.models import Town

TOWN_SLUG = f"{benchsupport.BENCH_SLUG_PREFIX}news"
LANGUAGE_COUNT = 8
# The article of the throughput test is an English one: /en/bench-news/news/<slug>/.
ARTICLE_LANGUAGE = "en"
# The entry the invalidation check publishes, and deletes again.
CHECK_SLUG = "bench-invalidation-check"
BATCH_SIZE = 500
RATIO_TARGET = 0.5

KIND_WEIGHTS = {Entry.Kind.NEWS: 70, Entry.Kind.EVENT: 20, Entry.Kind.PROJECT: 10}
KIND_PLURALS = {Entry.Kind.NEWS: "news", Entry.Kind.EVENT: "events", Entry.Kind.PROJECT: "projects"}
CATEGORIES = ["economy", "culture", "heritage", "mobility", "youth", "environment", "tourism"]
# Each translation group is about one topic, named in its title and text: one entry in 20 has
# a given topic, so a search for one finds a page of results and more.
TOPICS = [
    "bakery", "library", "festival", "cinema", "railway", "orchard", "museum", "workshop",
    "harbour", "school", "bridge", "brewery", "pottery", "theatre", "garden", "bicycle",
    "concert", "exhibition", "playground", "riverside",
]  # fmt: skip
SEARCH_WORD = "orchard"
WORD_TEXT = """
    the town council market square street shop window owner tenant rent vacancy pop-up
    programme residents visitors business local plan budget year month week summer winter
    autumn spring new old empty open opening closed building house corner centre project
    partners network meeting transfer practice heritage culture youth families children
    young people craft food coffee bread fish vegetables farmers weekend evening morning
    together community volunteers support grant application invited welcome information
    details programme stage music art photos map walk tour guided route station bus train
    parking bicycle path lighting facade repair renovation works contractor architect design
    survey results figures growth decline revival idea proposal decision vote agenda public
    online registration free tickets entrance and with for from about after before during
    more than also will has have are was were this that their our its new first second last
"""
WORDS = WORD_TEXT.split()
PLACES = ["Culture house", "Town hall", "Market square", "Library", "Old station", "Park stage"]
STREETS = ["Pils iela", "Rīgas iela", "Tirgus iela", "Dārza iela", "Brīvības iela"]
AUTHORS = [
    ("Ilze Kalniņa", "Communications officer"),
    ("Jānis Bērziņš", "Town centre manager"),
    ("Anna Müller", "Project coordinator"),
    ("Luka Novak", "Youth worker"),
    ("Sofia Costa", "Culture manager"),
    ("Máté Szabó", "Planner"),
]


# --- The data --------------------------------------------------------------------------------


def sentence(rng, topic: str | None = None, words: tuple[int, int] = (8, 18)) -> str:
    chosen = rng.choices(WORDS, k=rng.randint(*words))
    if topic:
        chosen[rng.randrange(len(chosen))] = topic
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + "."


def body_html(rng, topic: str) -> str:
    """A few paragraphs, a subheading, sometimes a list and a link: what the editor makes."""
    blocks = []
    for number in range(rng.randint(3, 6)):
        sentences = [sentence(rng, topic if number == 0 else None)]
        sentences += [sentence(rng) for _ in range(rng.randint(2, 5))]
        if rng.random() < 0.3:
            sentences[1] = f"<strong>{sentences[1]}</strong>"
        if rng.random() < 0.2:
            link = f"https://example.org/{topic}/{rng.randint(1, 999)}"
            sentences.append(f'<a href="{link}">{sentence(rng, words=(3, 6))}</a>')
        blocks.append(f"<p>{' '.join(sentences)}</p>")
        if number == 1:
            blocks.append(f"<h2>{sentence(rng, words=(3, 6))[:-1]}</h2>")
    if rng.random() < 0.3:
        items = "".join(f"<li>{sentence(rng, words=(4, 9))}</li>" for _ in range(rng.randint(3, 5)))
        blocks.insert(-1, f"<ul>{items}</ul>")
    return "\n".join(blocks)


def add_authors(town: Town) -> list[Person]:
    people = [
        Person(
            town=town,
            name=name,
            job_title=job,
            email=f"{slugify(name)}@example.org",
            phones=["+371 6400 0000"],
            postal_address=f"{STREETS[0]} 1\n{town.name}",
        )
        for name, job in AUTHORS
    ]
    return Person.objects.bulk_create(people)


def new_entries(town: Town, count: int, languages: list[str], authors: list[Person], now):
    """`count` published entries: translation groups of len(languages), the last maybe short."""
    rng = seeded(TOWN_SLUG)
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    entries = []
    for group in range(math.ceil(count / len(languages))):
        kind = rng.choices(kinds, weights=weights)[0]
        topic = rng.choice(TOPICS)
        shared = {
            "town": town,
            "kind": kind,
            "translation_group": uuid.UUID(int=rng.getrandbits(128), version=4),
            "author": rng.choice([None, *authors]),
            "categories": rng.sample(CATEGORIES, rng.randint(0, 2)),
        }
        if kind == Entry.Kind.EVENT:
            # Two years back to half a year ahead; announced a week to six weeks before.
            starts_at = (now + timedelta(days=rng.uniform(-730, 180))).replace(
                hour=rng.randint(10, 19), minute=0, second=0, microsecond=0
            )
            publish_at = min(
                starts_at - timedelta(days=rng.uniform(7, 45)), now - timedelta(hours=1)
            )
            shared |= {
                "starts_at": starts_at,
                "ends_at": starts_at + timedelta(hours=rng.randint(1, 6)),
                "place_name": rng.choice(PLACES),
                "place_address": f"{rng.choice(STREETS)} {rng.randint(1, 60)}, {town.name}",
            }
        else:
            publish_at = now - timedelta(seconds=rng.uniform(3600, 5 * 365 * 86400))
        shared |= {"publish_at": publish_at, "created_at": publish_at, "updated_at": publish_at}
        for language in languages[: count - group * len(languages)]:
            title = f"{topic.capitalize()}: {sentence(rng, words=(4, 9))[:-1]}"
            lead = sentence(rng)
            body = body_html(rng, topic)
            entries.append(
                Entry(
                    language=language,
                    title=title,
                    # The group number keeps slugs apart within a language.
                    slug=f"{slugify(title)[:100]}-{group + 1}",
                    lead=lead,
                    body=body,
                    search_text=" ".join([title, lead, plain_text(body)]),
                    **shared,
                )
            )
    return entries


def bench_town(count: int, languages: list[str]) -> Town:
    """The town with `count` published entries: kept if it has them already, else made anew."""
    town = Town.objects.filter(slug=TOWN_SLUG).first()
    if town is not None:
        # Left behind if a run stopped during its invalidation check.
        Entry.objects.filter(town=town, slug=CHECK_SLUG).delete()
        entries = Entry.objects.filter(town=town, publish_at__lte=timezone.now())
        if entries.count() == count and town.languages == languages:
            print(f"town {town.slug}: kept, with its {count} entries")
            return town
        delete_bench_towns(TOWN_SLUG)
    start = time.perf_counter()
    with transaction.atomic():
        town = create_town(TOWN_SLUG, "Bench news town", town_centre(seeded(TOWN_SLUG)))
        town.languages = languages
        town.full_clean()
        town.save()
        entries = new_entries(town, count, languages, add_authors(town), timezone.now())
        Entry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
    analyze()
    kinds = {
        plural: sum(entry.kind == kind for entry in entries)
        for kind, plural in KIND_PLURALS.items()
    }
    body_kb = statistics.mean(len(entry.body) for entry in entries) / 1000
    print(
        f"town {town.slug}: {len(entries)} entries in {len(languages)} languages "
        f"({', '.join(languages)}), {math.ceil(count / len(languages))} translation groups; "
        + ", ".join(f"{number} {plural}" for plural, number in kinds.items())
        + f"; text {body_kb:.1f} kB on average; made in {time.perf_counter() - start:.1f} s"
    )
    return town


# --- Server time -----------------------------------------------------------------------------


@dataclass
class Page:
    label: str
    url: str
    cached: bool  # behind cached_for_anonymous
    marker: str = ""  # counted in the answer, e.g. one per item of a list
    noun: str = "items"


def ms(seconds: float) -> str:
    value = seconds * 1000
    return f"{value:.1f} ms" if value >= 10 else f"{value:.2f} ms"


def measure(client: Client, page: Page, runs: int) -> dict:
    """Print the page's median server time, uncached and (if cached) cached, and its queries."""

    def get():
        response = client.get(page.url)
        if response.status_code != 200:
            raise SystemExit(f"GET {page.url} answered {response.status_code}, not 200")
        return response

    def timed(empty_cache: bool) -> float:
        if empty_cache:
            cache.clear()
        return benchsupport.seconds(get)[0]

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = get()
    # Read the count now: the timed requests below empty the query log the capture points into.
    figures = {"queries": len(queries), "ms": statistics.median(timed(True) for _ in range(runs))}
    line = f"  {page.label}: {ms(figures['ms'])}, {figures['queries']} queries"
    if page.cached:
        get()  # fills the cache, if the last timed run did not
        with CaptureQueriesContext(connection) as queries:
            get()
        figures |= {
            "cached_queries": len(queries),
            "cached_ms": statistics.median(timed(False) for _ in range(runs)),
        }
        line += f"; cached {ms(figures['cached_ms'])}, {figures['cached_queries']} queries"
        if figures["cached_queries"] >= figures["queries"]:
            line += " (NOT served from the cache)"
    content = response.content
    if page.marker:
        line += f"; {content.decode().count(page.marker)} {page.noun}"
    print(f"{line}; {len(content) / 1000:.1f} kB")
    return figures


def measure_pages(town: Town, runs: int) -> tuple[Entry, dict]:
    """Time every reader page of the publishing app; return the article and its figures."""
    language = ARTICLE_LANGUAGE
    article = (
        Entry.objects.filter(town=town, language=language, kind=Entry.Kind.NEWS)
        .exclude(author=None)
        .order_by("-publish_at")
        .first()
    )
    base = f"/{language}/{town.slug}"
    pages = [
        Page("hello, a bare view (for scale)", "/hello/", cached=False),
        Page("news list", f"{base}/news/", cached=True, marker='class="card entry-card"'),
        Page(
            f"article ({len(article.body) / 1000:.1f} kB of text)",
            article.get_absolute_url(),
            cached=True,
            marker='rel="alternate" hreflang="',
            noun="translations linked",
        ),
        Page("RSS feed", f"{base}/news/feed.rss", cached=True, marker="<item>"),
        Page("Atom feed", f"{base}/news/feed.atom", cached=True, marker="<entry>"),
        Page("events list", f"{base}/events/", cached=True, marker='class="card entry-card"'),
        Page(
            "events calendar (.ics)", f"{base}/events/calendar.ics", False, "BEGIN:VEVENT", "events"
        ),
        Page(
            f"search for “{SEARCH_WORD}”",
            f"{base}/news/search/?q={SEARCH_WORD}",
            cached=False,
            marker='class="card entry-card"',
            noun="results shown",
        ),
    ]
    matches = Entry.objects.filter(
        town=town, language=language, search_text__icontains=SEARCH_WORD
    ).count()
    print(
        f"server time ({benchsupport.database_name()}), median of {runs} runs through Django's "
        f"test client; the cache ({settings.CACHES['default']['LOCATION']}) emptied before "
        "each uncached run:"
    )
    client = Client()
    figures = {}
    for page in pages:
        figures[page.url] = measure(client, page, runs)
    print(f"  ({matches} {language} entries contain “{SEARCH_WORD}”)")
    return article, figures[article.get_absolute_url()]


# --- Throughput ------------------------------------------------------------------------------


def throughput(town: Town, article: Entry, args, cached_queries: int) -> None:
    workers = len(os.sched_getaffinity(0))
    connections = args.connections or 2 * workers
    use_wrk = shutil.which("wrk") is not None
    generator = (
        f"wrk, 1 thread, {connections} connections"
        if use_wrk
        else f"Python load generator (wrk NOT FOUND: apt-get install wrk), {connections} processes"
    )
    print(
        f"requests per second ({benchsupport.database_name()}): gunicorn, {workers} sync workers, "
        f"cache {settings.CACHES['default']['LOCATION']}; {generator}; "
        f"{args.seconds:g} s per page, in {args.rounds} turns each"
    )
    hello_path, article_path = "/hello/", article.get_absolute_url()
    log = Path(settings.STATIC_ROOT).parent / f"regrow-bench-gunicorn-{os.getpid()}.log"
    with Server(workers, log) as server:

        def load(path: str, seconds: float) -> Load:
            if use_wrk:
                return wrk(server.url(path), seconds, connections)
            return python_load(server.port, path, seconds, connections)

        for path in (hello_path, article_path):
            load(path, 2)  # warm-up: every worker has started and answered
        cache.clear()
        status, body, first = http_get(server.port, article_path)
        if status != 200:
            raise SystemExit(f"GET {article_path} answered {status}, not 200")
        second = http_get(server.port, article_path)[2]
        # The server's workers and this process share the cache: if the server stored the
        # page, this process finds it there and makes only the cache's queries.
        with CaptureQueriesContext(connection) as queries:
            Client().get(article_path)
        if len(queries) > cached_queries:
            raise SystemExit(
                f"The server did not put {article_path} into the shared cache: asked again, it "
                f"took {len(queries)} queries here (a cached answer takes {cached_queries})."
            )
        print(
            f"  article {article_path}: {len(body) / 1000:.1f} kB; the server's first answer "
            f"{ms(first)}, the second {ms(second)}, from the shared cache"
        )
        # The machine's speed drifts (other work, a shared host): short turns of each page,
        # one after the other, give both the same conditions.
        turn = args.seconds / args.rounds
        rounds = []
        for number in range(1, args.rounds + 1):
            hello, page = load(hello_path, turn), load(article_path, turn)
            rounds.append((hello, page))
            for label, result in (("hello", hello), ("article", page)):
                if result.failed:
                    raise SystemExit(f"{label}: {result.failed} requests failed; see {log}")
            print(
                f"  round {number}: hello {hello.per_second:.0f}/s ({hello.latency}), "
                f"article {page.per_second:.0f}/s ({page.latency}), "
                f"ratio {page.per_second / hello.per_second:.2f}"
            )
        hello_total = sum(hello.requests for hello, _ in rounds)
        article_total = sum(page.requests for _, page in rounds)
        ratio = article_total / hello_total
        verdict = "met" if ratio >= RATIO_TARGET else "NOT MET"
        print(
            f"  hello {hello_total / args.seconds:.0f} requests/s, anonymous article page "
            f"{article_total / args.seconds:.0f} requests/s ({hello_total} and {article_total} "
            f"requests in {args.seconds:g} s each): ratio {ratio:.2f} "
            f"(target ≥ {RATIO_TARGET:g}: {verdict})"
        )
        check_invalidation(server, town)
    log.unlink(missing_ok=True)


def check_invalidation(server: Server, town: Town) -> None:
    """Publish an entry here: the news list the server gives from its cache must show it."""
    path = f"/{ARTICLE_LANGUAGE}/{town.slug}/news/"
    http_get(server.port, path)
    if http_get(server.port, path)[0] != 200:
        raise SystemExit(f"GET {path} answered other than 200")
    title = f"Invalidation check {timezone.now():%H:%M:%S.%f}"
    user = benchsupport.bench_user()
    entry = Entry(town=town, language=ARTICLE_LANGUAGE, kind=Entry.Kind.NEWS)
    entry, _notices = entry_save(
        entry=entry, by=user, title=title, slug=CHECK_SLUG, body="<p>.</p>"
    )
    entry_publish(entry=entry, by=user)
    status, body, seconds = http_get(server.port, path)
    shown = status == 200 and title in body.decode()
    entry.delete()
    publisher_changed(town)
    print(
        f"  publishing an entry refreshed the cached news list: {'yes' if shown else 'NO'} "
        f"(next answer {ms(seconds)})"
    )
    if not shown:
        raise SystemExit("The news list the server gave did not show the entry just published.")


# --- Main ------------------------------------------------------------------------------------


def stop_on_sigterm() -> None:
    """Let SIGTERM unwind like Ctrl+C, so that the server is stopped on the way out."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per page (median)")
    parser.add_argument("--seconds", type=float, default=20, help="of load, per page")
    parser.add_argument("--rounds", type=int, default=5, help="turns of hello, then article")
    parser.add_argument("--connections", type=int, default=0, help="default: 2 per core")
    args = parser.parse_args()
    stop_on_sigterm()
    benchsupport.refuse_unless_bench_database()
    try:
        cache.clear()
    except Exception as error:  # whatever the cache's client raises
        sys.exit(
            f"The benchmark's cache {settings.CACHES['default']['LOCATION']} does not answer "
            f"({error}). Start Redis (apt-get install redis-server) or set BENCH_CACHE_URL "
            "to a Redis database the benchmark may empty."
        )
    call_command("collectstatic", interactive=False, verbosity=0)
    languages = [code for code, _name in settings.LANGUAGES[:LANGUAGE_COUNT]]
    town = bench_town(args.entries, languages)
    article, figures = measure_pages(town, args.runs)
    throughput(town, article, args, figures["cached_queries"])


if __name__ == "__main__":
    main()
