"""What independent validators check on the public pages: hreflang alternates and canonical
links, robots and noindex, descriptions, the favicon, structured data, Open Graph, feeds, the
sitemap and the HTML errors the Nu checker found."""

import json
from datetime import UTC, date, datetime, timedelta
from itertools import combinations
from xml.etree import ElementTree

import feedparser
import pytest
import time_machine
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from regrow.network.models import Network, Partner
from regrow.premises.choices import Status
from regrow.publishing import services
from regrow.publishing.models import Entry
from regrow.towns.models import Role
from tests.premises.conftest import add_status, make_unit
from tests.publishing.test_reading_and_pictures import picture as make_picture
from tests.standards import read_page, sitemap_urls

ORIGIN = "http://testserver"
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def publish(town, by, *, language="lv", **fields):
    fields.setdefault("title", "Partneri tikās Alūksnē")
    entry = Entry(town=town, language=language, kind=fields.pop("kind", Entry.Kind.NEWS))
    with TestCase.captureOnCommitCallbacks(execute=True):
        entry, _notices = services.entry_save(entry=entry, by=by, **fields)
        services.entry_publish(entry=entry, by=by)
    return entry


def translate(entry, by, language, title):
    with TestCase.captureOnCommitCallbacks(execute=True):
        other, _notices = services.entry_translate(
            entry=entry, language=language, by=by, title=title
        )
        services.entry_publish(entry=other, by=by)
    return other


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def editor(aluksne):
    return aluksne.people[Role.EDITOR]


@pytest.fixture
def site(aluksne, editor):
    """Alūksne with news, a coming event, a project, a unit on its map, in a network."""
    network = Network.objects.create(slug="regrow-city", names={"en": "Re-grow City"}, country="DE")
    Partner.objects.create(network=network, town=aluksne.town, role=Partner.Role.PARTNER)
    start = timezone.now() + timedelta(days=5)
    publish(aluksne.town, editor, title="Tirgus", kind=Entry.Kind.EVENT, starts_at=start)
    publish(aluksne.town, editor, title="Projekts", kind=Entry.Kind.PROJECT)
    article = publish(aluksne.town, editor)
    unit = make_unit(aluksne.town, "A1", offered_publicly=True)
    add_status(unit, Status.VACANT, timezone.localdate() - timedelta(days=30))
    cache.clear()
    return article


PUBLIC_PATHS = [
    "/lv/",
    "/lv/aluksne/",
    "/lv/aluksne/news/",
    "/lv/aluksne/events/",
    "/lv/aluksne/projects/",
    "/lv/aluksne/map/",
    "/lv/aluksne/network/",
    "/lv/regrow-city/",
    "/lv/regrow-city/news/",
    "/en/regrow-city/network/",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_public_page_has_alternates_canonical_description_and_no_html_errors(
    client, site, path
):
    response = client.get(path)
    assert response.status_code == 200
    page = read_page(response.content.decode())
    assert page.errors == []
    assert page.canonical == ORIGIN + path
    rest = path.split("/", 2)[2]
    assert page.hreflang == {
        "lv": f"{ORIGIN}/lv/{rest}",
        "en": f"{ORIGIN}/en/{rest}",
        "x-default": f"{ORIGIN}/en/{rest}",
    }
    (description,) = page.meta("description")
    assert len(description) > 20
    assert page.meta("robots") == []
    assert page.link("icon")
    assert page.meta("og:locale") == ["lv_LV" if path.startswith("/lv/") else "en_GB"]


def test_an_article_lists_only_the_languages_it_exists_in(client, site, editor, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "German")]  # offered, no version
    latvian = site
    page = read_page(client.get(latvian.get_absolute_url()).content.decode())
    own = ORIGIN + latvian.get_absolute_url()
    assert page.hreflang == {"lv": own, "x-default": own}
    assert page.canonical == own
    switch = [a for a in page.anchors if "hreflang" in a and "lang" in a]
    assert {a["hreflang"] for a in switch} == {"lv"}
    assert page.meta("og:locale") == ["lv_LV"] and page.meta("og:locale:alternate") == []

    english = translate(latvian, editor, "en", "Partners met in Alūksne")
    cache.clear()
    for version in (latvian, english):
        page = read_page(client.get(version.get_absolute_url()).content.decode())
        assert page.hreflang == {
            "lv": ORIGIN + latvian.get_absolute_url(),
            "en": ORIGIN + english.get_absolute_url(),
            "x-default": ORIGIN + english.get_absolute_url(),
        }
        switch = [a for a in page.anchors if "hreflang" in a and "lang" in a]
        assert {a["hreflang"]: a["href"] for a in switch} == {
            "lv": latvian.get_absolute_url(),
            "en": english.get_absolute_url(),
        }
    assert page.meta("og:locale") == ["en_GB"]
    assert page.meta("og:locale:alternate") == ["lv_LV"]


@pytest.mark.parametrize(
    ("path", "canonical"),
    [
        ("/lv/aluksne/news/?kind=news&category=x", "/lv/aluksne/news/"),
        ("/lv/aluksne/news/search/?q=tirgus", "/lv/aluksne/news/search/"),
        ("/lv/aluksne/news/search/", "/lv/aluksne/news/search/"),
    ],
)
def test_search_and_filtered_lists_are_noindex_with_a_plain_canonical(
    client, site, path, canonical
):
    page = read_page(client.get(path).content.decode())
    assert page.meta("robots") == ["noindex"]
    assert page.canonical == ORIGIN + canonical
    assert page.errors == []


def test_a_missing_translation_is_noindex_and_names_no_versions(client, site):
    response = client.get(f"/en/aluksne/news/{site.slug}/")
    assert response.status_code == 404
    page = read_page(response.content.decode())
    assert page.meta("robots") == ["noindex"] and page.hreflang == {}


def test_structured_data_of_an_event_and_an_article(client, site, aluksne, editor):
    start = timezone.now() + timedelta(days=3)
    event = publish(
        aluksne.town,
        editor,
        title="Pop-up tirgus",
        kind=Entry.Kind.EVENT,
        starts_at=start,
        place_address="Pils iela 1, Alūksne",
        online_url="https://example.org/live",
    )
    page = read_page(client.get(event.get_absolute_url()).content.decode())
    (data,) = page.json_ld()
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["organizer"] == {
        "@type": "GovernmentOrganization",
        "name": "Alūksne",
        "url": f"{ORIGIN}/lv/aluksne/",
    }
    assert {place["@type"] for place in data["location"]} == {"Place", "VirtualLocation"}
    assert page.meta("og:type") == ["website"]  # Open Graph has no event type; not "article"

    page = read_page(client.get(site.get_absolute_url()).content.decode())
    (data,) = page.json_ld()
    assert data["@type"] == "NewsArticle"
    assert data["publisher"]["name"] == "Alūksne"
    modified = datetime.fromisoformat(data["dateModified"])
    assert modified >= datetime.fromisoformat(data["datePublished"])
    assert page.meta("og:type") == ["article"]


def test_an_events_image_is_in_its_structured_data(client, media, aluksne, editor):
    picture = make_picture(aluksne.town, editor, alt_text="Tirgus laukums")
    start = timezone.now() + timedelta(days=3)
    event = publish(
        aluksne.town, editor, title="Tirgus", kind=Entry.Kind.EVENT, starts_at=start, image=picture
    )
    (data,) = read_page(client.get(event.get_absolute_url()).content.decode()).json_ld()
    assert data["image"] == ORIGIN + picture.file.url


@pytest.mark.parametrize("path", ["/lv/aluksne/news/feed.atom", "/lv/regrow-city/news/feed.atom"])
def test_the_atom_feed_has_the_author_rfc_4287_requires(client, site, path):
    response = client.get(path)
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.fromstring(response.content)
    name = "Alūksne" if "aluksne" in path else "Re-grow City"
    assert feed.findtext(f"{atom}author/{atom}name") == name
    assert feed.findtext(f"{atom}author/{atom}uri", "").startswith(ORIGIN + "/lv/")
    assert not feedparser.parse(response.content).bozo


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_private_pages(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in lines
    for private in ("/*/accounts/", "/*/dashboard/", "/*/*/register/", "/api/", "/admin/"):
        assert f"Disallow: {private}" in lines
    assert "Disallow: /" not in lines


def test_the_favicon_answers(client, db):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # an ICO file


def test_the_sitemap_lists_every_public_page_with_lastmod_from_its_content(client, aluksne, editor):
    published_at = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with time_machine.travel(published_at, tick=False):
        network = Network.objects.create(
            slug="regrow-city", names={"en": "Re-grow City"}, country="DE"
        )
        Partner.objects.create(network=network, town=aluksne.town, role=Partner.Role.PARTNER)
        article = publish(aluksne.town, editor)
        unit = make_unit(aluksne.town, "A1", offered_publicly=True)
        add_status(unit, Status.VACANT, published_at.date())
    with time_machine.travel(published_at + timedelta(days=40), tick=False):
        cache.clear()
        found = sitemap_urls(client)
    urls = {url.findtext("s:loc", namespaces=SITEMAP): url for url in found}
    expected = {
        "/lv/",
        "/en/",
        "/lv/aluksne/",
        "/en/aluksne/",
        "/lv/aluksne/news/",  # a list only in the languages it has something in
        "/lv/aluksne/map/",
        "/en/aluksne/map/",
        "/lv/aluksne/network/",
        "/lv/regrow-city/",
        "/en/regrow-city/",
        "/lv/regrow-city/network/",
        article.get_absolute_url(),
    }
    assert {ORIGIN + path for path in expected} <= set(urls)
    assert ORIGIN + "/en/aluksne/news/" not in urls
    assert ORIGIN + "/lv/aluksne/events/" not in urls  # nothing there: not a page to offer
    for path in ("/lv/aluksne/", "/lv/aluksne/news/", "/lv/aluksne/map/"):
        assert urls[ORIGIN + path].findtext("s:lastmod", namespaces=SITEMAP) == "2026-03-02"
    assert (
        urls[ORIGIN + article.get_absolute_url()]
        .findtext("s:lastmod", namespaces=SITEMAP)
        .startswith("2026-03-02")
    )
    home = urls[ORIGIN + "/lv/aluksne/"]
    alternates = {
        link.get("hreflang"): link.get("href") for link in home.findall("x:link", SITEMAP)
    }
    assert alternates == {
        "lv": f"{ORIGIN}/lv/aluksne/",
        "en": f"{ORIGIN}/en/aluksne/",
        "x-default": f"{ORIGIN}/en/aluksne/",
    }


def test_an_events_calendar_is_offered_only_with_events(client, aluksne, editor):
    assert "calendar.ics" not in client.get("/lv/aluksne/events/").content.decode()
    # An event of two years ago is listed, but the calendar holds only the past year's.
    publish(
        aluksne.town,
        editor,
        title="Gadatirgus",
        kind=Entry.Kind.EVENT,
        starts_at=timezone.now() - timedelta(days=730),
    )
    cache.clear()
    page = client.get("/lv/aluksne/events/").content.decode()
    assert "Gadatirgus" in page and "calendar.ics" not in page
    publish(
        aluksne.town,
        editor,
        title="Tirgus",
        kind=Entry.Kind.EVENT,
        starts_at=timezone.now() + timedelta(days=2),
    )
    cache.clear()
    assert "calendar.ics" in client.get("/lv/aluksne/events/").content.decode()


def test_map_data_is_geojson_and_every_geojson_names_a_field_the_same_way(
    client, aluksne, coordinator
):
    unit = make_unit(aluksne.town, "A1", offered_publicly=True, has_power=True)
    add_status(unit, Status.VACANT, date(2024, 1, 1))
    public = client.get("/en/aluksne/map/units.geojson")
    assert public["Content-Type"] == "application/geo+json"
    client.force_login(coordinator)
    api = client.get("/api/towns/aluksne/units.geojson").json()
    export = client.get("/en/aluksne/register/export/geojson/")
    assert export["Content-Type"].startswith("application/geo+json")
    outputs = {
        "public map": public.json()["features"][0]["properties"],
        "API": api["features"][0]["properties"],
        "export": json.loads(export.content)["features"][0]["properties"],
    }
    assert {"asking_rent_eur", "status_on", "address", "power"} <= set(outputs["API"])
    for name in ("asking_rent_cents_per_month", "status_since", "display_address", "has_power"):
        assert not any(name in properties for properties in outputs.values())
    # Whatever two outputs both carry, they carry with one meaning.
    for first, second in combinations(outputs, 2):
        for name in set(outputs[first]) & set(outputs[second]) - {"id"}:
            assert outputs[first][name] == outputs[second][name], (name, first, second)


def test_the_sign_up_page_keeps_the_password_rules_out_of_a_paragraph(client, db):
    html = client.get("/lv/accounts/signup/").content.decode()
    assert read_page(html).errors == []
    assert 'class="helptext" id="id_password1_helptext"><ul>' in html


def test_a_units_forms_give_no_hidden_input_a_description(client, aluksne, coordinator):
    unit = make_unit(aluksne.town, "A1")
    client.force_login(coordinator)
    for path in (f"/lv/aluksne/register/units/{unit.pk}/", "/lv/aluksne/register/units/new/"):
        html = client.get(path).content.decode()
        assert 'type="hidden" name="initial-listed_on"' in html or "new" in path
        assert read_page(html).errors == []


def test_robots_and_the_favicon_answer_head_requests_too(client, db):
    assert client.head("/robots.txt").status_code == 200
    assert client.head("/favicon.ico").status_code == 302


def test_the_sitemap_is_an_index_of_bounded_files(client, aluksne, editor, monkeypatch):
    """A national sitemap is tens of thousands of addresses: each file holds at most
    EntrySitemap.limit of them, and the index names every file, so no entry is left out."""
    from regrow.publishing.sitemaps import EntrySitemap

    monkeypatch.setattr(EntrySitemap, "limit", 2)
    entries = [publish(aluksne.town, editor, title=f"Ziņa {number}") for number in range(5)]
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    files = [location.text for location in index.findall("s:sitemap/s:loc", SITEMAP)]
    assert f"{ORIGIN}/sitemap-entries.xml?p=3" in files
    assert f"{ORIGIN}/sitemap-entries.xml?p=4" not in files
    per_file = [
        ElementTree.fromstring(client.get("/sitemap-entries.xml", {"p": page}).content)
        for page in (1, 2, 3)
    ]
    assert [len(root.findall("s:url", SITEMAP)) for root in per_file] == [2, 2, 1]
    listed = {url.findtext("s:loc", namespaces=SITEMAP) for url in sitemap_urls(client)}
    assert {ORIGIN + entry.get_absolute_url() for entry in entries} <= listed
