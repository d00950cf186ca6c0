"""Publishing: safe HTML, scheduling without a worker, translations, feeds and calendars."""

from datetime import timedelta

import feedparser
import pytest
import time_machine
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from regrow.publishing import services
from regrow.publishing.models import Entry, Revision
from regrow.towns.models import Role
from tests.standards import SITEMAP_NS, sitemap_urls

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">click</a>',
    '<svg onload="alert(4)"></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(5))">styled</p>',
    '"><script>alert(6)</script>',
    "<a href='jAvAsCrIpT:alert(7)'>x</a>",
]


@pytest.fixture
def editor(aluksne):
    return aluksne.people[Role.EDITOR]


def write(town, by, *, language="en", publish=True, **fields):
    """Write (and publish) an entry as the editor pages do, commit hooks included: they tell
    the page cache that the town's pages changed."""
    fields.setdefault("title", "Partners met in Alūksne")
    entry = Entry(town=town, language=language, kind=fields.pop("kind", Entry.Kind.NEWS))
    with TestCase.captureOnCommitCallbacks(execute=True):
        entry, notices = services.entry_save(entry=entry, by=by, **fields)
        if publish:
            services.entry_publish(entry=entry, by=by)
    return entry, notices


def test_script_handlers_and_javascript_links_never_reach_the_page_or_the_feeds(
    client, aluksne, editor
):
    payload = "".join(XSS)
    entry, _ = write(aluksne.town, editor, title="Title " + payload, lead=payload, body=payload)
    for url in [
        entry.get_absolute_url(),
        "/en/aluksne/news/",
        "/en/aluksne/news/feed.rss",
        "/en/aluksne/news/feed.atom",
    ]:
        html = client.get(url).content.decode().lower()
        assert "alert(" not in html.replace("&lt;script&gt;alert(", ""), url
        assert "<script>alert" not in html and "onerror=" not in html and "onload=" not in html
        assert "javascript:" not in html and "<iframe" not in html
    assert "<p>styled</p>" in Entry.objects.get().body


def test_draft_and_scheduled_entries_appear_only_when_their_time_has_come(client, aluksne, editor):
    draft, _ = write(aluksne.town, editor, title="Draft", publish=False)
    later, _ = write(aluksne.town, editor, title="Later", publish=False)
    services.entry_publish(entry=later, by=editor, at=timezone.now() + timedelta(hours=2))
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Later" not in client.get("/en/aluksne/news/").content.decode()
    # Time passes; nothing runs in the background, and yet the entry is there, although the
    # list was cached before (the cache keeps it no longer than until the entry's time).
    with time_machine.travel(timezone.now() + timedelta(hours=2, seconds=1)):
        assert "Later" in client.get("/en/aluksne/news/").content.decode()
    # Editors see drafts, marked as such.
    client.force_login(editor)
    assert "Draft: only editors see this." in client.get(draft.get_absolute_url()).content.decode()


def test_a_publication_time_already_past_publishes_now_and_says_so(aluksne, editor):
    entry, _ = write(aluksne.town, editor, publish=False)
    entry, notices = services.entry_publish(
        entry=entry, by=editor, at=timezone.now() - timedelta(days=3)
    )
    assert notices == ["The time you chose has passed, so the entry is published now."]
    assert timezone.now() - entry.publish_at < timedelta(seconds=5)


def test_event_ending_before_it_starts_is_refused(aluksne, editor):
    start = timezone.now() + timedelta(days=5)
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        write(
            aluksne.town,
            editor,
            kind=Entry.Kind.EVENT,
            starts_at=start,
            ends_at=start - timedelta(hours=1),
        )
    assert not Entry.objects.exists()


def test_slug_clash_in_one_language_is_resolved_and_reported(aluksne, editor):
    first, _ = write(aluksne.town, editor)
    second, notices = write(aluksne.town, editor)
    other_language, no_notice = write(aluksne.town, editor, language="lv")
    assert (first.slug, second.slug) == ("partners-met-in-aluksne", "partners-met-in-aluksne-2")
    assert "was taken in this language" in notices[0]
    assert other_language.slug == "partners-met-in-aluksne" and no_notice == []


def test_language_switch_goes_to_the_translation_or_says_there_is_none(
    client, aluksne, editor, settings
):
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "German")]  # offered, with no version
    latvian, _ = write(aluksne.town, editor, language="lv", title="Partneri tikās Alūksnē")
    english, _ = services.entry_translate(
        entry=latvian, language="en", by=editor, title="Partners met in Alūksne"
    )
    services.entry_publish(entry=english, by=editor)
    html = client.get(latvian.get_absolute_url()).content.decode()
    assert f'href="{english.get_absolute_url()}" hreflang="en" lang="en"' in html
    assert 'hreflang="en" href="http://testserver/en/aluksne/news/partners-met-in-aluksne/"' in html
    german = client.get(f"/de/aluksne/news/{latvian.slug}/")
    assert german.status_code == 404
    page = german.content.decode()
    assert latvian.get_absolute_url() in page and english.get_absolute_url() in page
    with pytest.raises(ValidationError, match="already has a version in that language"):
        services.entry_translate(entry=latvian, language="en", by=editor, title="Again")


def test_feeds_parse_and_calendars_load(client, aluksne, editor):
    start = timezone.now() + timedelta(days=10)
    event, _ = write(
        aluksne.town,
        editor,
        kind=Entry.Kind.EVENT,
        title="Pop-up weekend",
        starts_at=start,
        ends_at=start + timedelta(hours=8),
        place_address="Pils iela 1, Alūksne",
    )
    write(aluksne.town, editor, title="News item")
    for feed_url in ["/en/aluksne/news/feed.rss", "/en/aluksne/news/feed.atom"]:
        parsed = feedparser.parse(client.get(feed_url).content)
        assert not parsed.bozo, parsed.bozo_exception
        assert {item.title for item in parsed.entries} == {"Pop-up weekend", "News item"}
    calendar = Calendar.from_ical(client.get(f"{event.get_absolute_url()}event.ics").content)
    (component,) = calendar.walk("VEVENT")
    assert str(component["SUMMARY"]) == "Pop-up weekend"
    assert component.decoded("DTSTART").replace(microsecond=0) == start.replace(microsecond=0)
    whole = Calendar.from_ical(client.get("/en/aluksne/events/calendar.ics").content)
    assert len(whole.walk("VEVENT")) == 1
    events_page = client.get("/en/aluksne/events/").content.decode()
    assert events_page.index("Pop-up weekend") < events_page.index("Past events")


@pytest.mark.parametrize("role", [Role.JURY_MEMBER, Role.PROPERTY_OWNER, Role.ENTREPRENEUR])
def test_only_editors_and_coordinators_of_the_town_publish(aluksne, altena, role):
    with pytest.raises(PermissionDenied):
        write(aluksne.town, aluksne.people[role])
    with pytest.raises(PermissionDenied):
        write(aluksne.town, altena.people[Role.EDITOR])
    write(aluksne.town, aluksne.people[Role.COORDINATOR])


def test_going_back_to_an_earlier_revision(aluksne, editor):
    entry, _ = write(aluksne.town, editor, body="<p>First</p>")
    entry, _ = services.entry_save(entry=entry, by=editor, body="<p>Second</p>")
    first = Revision.objects.filter(entry=entry).order_by("saved_at", "id").first()
    services.entry_restore(revision=first, by=editor)
    entry.refresh_from_db()
    assert entry.body == "<p>First</p>"
    assert entry.revisions.count() == 3


@pytest.mark.parametrize(
    "url",
    [
        "/en/aluksne/news/",
        "/en/aluksne/news/?language=all&kind=news",
        "/en/aluksne/news/feed.rss",
        "/en/aluksne/news/feed.atom",
        "/en/aluksne/projects/",
        "/en/aluksne/news/search/?q=More",
    ],
)
def test_lists_and_feeds_run_a_fixed_number_of_queries(client, aluksne, editor, url):
    """Rendered afresh (the cache cleared), the page's queries do not grow with the entries."""
    kind = Entry.Kind.PROJECT if "projects" in url else Entry.Kind.NEWS
    write(aluksne.town, editor, title="One", categories=["Pop-ups"], kind=kind)
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for number in range(15):
        write(aluksne.town, editor, title=f"More {number}", categories=[f"T{number}"], kind=kind)
    cache.clear()
    with CaptureQueriesContext(connection) as large:
        assert "More 14" in client.get(url).content.decode()
    assert len(large) == len(small)


def test_an_article_and_the_sitemap_run_a_fixed_number_of_queries(client, aluksne, editor):
    """However many translations an article has, its page and the sitemap ask the same."""
    latvian, _ = write(aluksne.town, editor, language="lv", title="Partneri tikās")

    def queries(url):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    def translate(language):
        with TestCase.captureOnCommitCallbacks(execute=True):
            entry, _ = services.entry_translate(
                entry=latvian, language=language, by=editor, title=f"Met {language}"
            )
            services.entry_publish(entry=entry, by=editor)

    translate("en")
    addresses = (latvian.get_absolute_url(), "/sitemap.xml", "/sitemap-entries.xml")
    one = {url: queries(url) for url in addresses}
    for language in ("de", "sl", "pt", "es", "hu"):
        translate(language)
    assert {url: queries(url) for url in one} == one


def test_sitemap_lists_published_entries_with_their_translations(client, aluksne, editor):
    latvian, _ = write(aluksne.town, editor, language="lv", title="Partneri tikās")
    english, _ = services.entry_translate(entry=latvian, language="en", by=editor, title="Met")
    services.entry_publish(entry=english, by=editor)
    write(aluksne.town, editor, title="Draft only", publish=False)
    ns = SITEMAP_NS
    # The entries; the site's other pages (homes, lists) are in tests/test_standards.py.
    entries = [
        url
        for url in sitemap_urls(client)
        if "/news/" in (location := url.findtext("s:loc", "", ns))
        and not location.endswith("/news/")
    ]
    locations = [url.findtext("s:loc", "", ns) for url in entries]
    assert sorted(locations) == sorted(
        f"http://testserver{e.get_absolute_url()}" for e in (latvian, english)
    )
    for url in entries:
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        assert alternates == {
            "lv": f"http://testserver{latvian.get_absolute_url()}",
            "en": f"http://testserver{english.get_absolute_url()}",
            "x-default": f"http://testserver{english.get_absolute_url()}",
        }


def test_town_home_shows_latest_news_and_coming_events(client, aluksne, editor):
    write(aluksne.town, editor, title="Fresh news")
    start = timezone.now() + timedelta(days=3)
    write(aluksne.town, editor, kind=Entry.Kind.EVENT, title="Pop-up weekend", starts_at=start)
    html = client.get("/en/aluksne/").content.decode()
    latest, coming = html.index("Latest news"), html.index("Coming events")
    assert latest < html.index("Fresh news") < coming < html.index("Pop-up weekend")


def test_search_finds_words_in_the_text_but_not_in_markup_or_drafts(client, aluksne, editor):
    write(
        aluksne.town,
        editor,
        title="Partners met",
        body="<p>They walked <strong>Pils iela</strong></p>",
    )
    write(aluksne.town, editor, title="Unrelated", body="<p>Nothing here</p>")
    write(aluksne.town, editor, title="Secret draft about Pils iela", publish=False)
    found = client.get("/en/aluksne/news/search/", {"q": "Pils"}).content.decode()
    assert "Partners met" in found
    assert "Unrelated" not in found and "Secret draft" not in found
    assert (
        "Nothing found." in client.get("/en/aluksne/news/search/", {"q": "strong"}).content.decode()
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text index on PostgreSQL only")
def test_full_text_search_matches_stored_word_vectors(aluksne, editor):
    """Entries written in bulk are found too, and the search matches the stored word vectors:
    computing them from the text in the query took 226 ms with 10,000 entries instead of 10."""
    import uuid

    from regrow.publishing import selectors

    past = timezone.now() - timedelta(days=1)
    Entry.objects.bulk_create(
        Entry(
            town=aluksne.town,
            language="en",
            kind=Entry.Kind.NEWS,
            translation_group=uuid.uuid4(),
            title=f"News {number}",
            slug=f"news-{number}",
            search_text=f"News {number} about the market square and the "
            + ("orchard" if number % 500 == 0 else "library"),
            publish_at=past,
        )
        for number in range(3000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE publishing_entry")
    found = selectors.search(aluksne.town, "en", "orchard")
    assert found.count() == 6
    assert "to_tsvector" not in found.explain()
