"""Publishing, continued: pictures, filters, related objects and the hook that
turns another app's object into an event, edits that cross, and hostile text in every field."""

import json
import re
from datetime import timedelta
from html.parser import HTMLParser
from io import BytesIO

import feedparser
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone
from icalendar import Calendar
from PIL import Image as PILImage

from regrow.network.models import Network, Partner
from regrow.publishing import selectors, services, sources
from regrow.publishing.models import Entry, Image, Person, Related
from regrow.towns.models import Role
from tests.publishing.test_publishing import XSS, write


@pytest.fixture
def editor(aluksne):
    return aluksne.people[Role.EDITOR]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def network(aluksne, altena):
    network = Network.objects.create(slug="regrow-city", names={"en": "Re-grow City"}, country="DE")
    Partner.objects.create(network=network, town=aluksne.town, role=Partner.Role.PARTNER)
    Partner.objects.create(network=network, town=altena.town, role=Partner.Role.LEAD)
    return network


def png(size=(2400, 1200), colour=(40, 120, 60)) -> bytes:
    output = BytesIO()
    PILImage.new("RGB", size, colour).save(output, format="PNG")
    return output.getvalue()


def picture(town, by, **fields) -> Image:
    fields.setdefault("alt_text", "Partners in front of the town hall")
    return services.image_upload(
        publisher=town, by=by, upload=SimpleUploadedFile("p.png", png()), **fields
    )


# --- Pictures -------------------------------------------------------------------------------


def test_a_picture_is_kept_smaller_with_its_description_and_credit(media, aluksne, editor):
    image = picture(aluksne.town, editor, credit="Photo: Alūksne municipality")
    assert (image.width, image.height) == (1600, 800)
    assert image.file.name.startswith(f"news/town-{aluksne.town.pk}/")
    assert image.credit == "Photo: Alūksne municipality"


@pytest.mark.parametrize(
    "content, message",
    [
        (b"%PDF-1.4 not a picture", "not a photo that can be read"),
        (b"GIF89a" + b"\0" * 64, "not a photo that can be read"),
    ],
)
def test_a_file_that_is_not_a_picture_is_refused(media, aluksne, editor, content, message):
    with pytest.raises(ValidationError, match=message):
        services.image_upload(
            publisher=aluksne.town,
            by=editor,
            upload=SimpleUploadedFile("evil.png", content),
            alt_text="x",
        )
    assert not Image.objects.exists()


def test_a_picture_over_10_mb_is_refused(media, aluksne, editor):
    with pytest.raises(ValidationError, match="larger than 10 MB"):
        services.image_upload(
            publisher=aluksne.town,
            by=editor,
            upload=SimpleUploadedFile("big.png", b"\x89PNG" + b"\0" * (10 * 1024 * 1024)),
            alt_text="x",
        )


def test_a_picture_of_too_many_pixels_is_refused_naming_the_limit(client, media, aluksne, editor):
    """13,000 x 13,000 pixels in a few kilobytes: refused before it is decoded, by the service
    and on the pictures page."""
    output = BytesIO()
    PILImage.new("1", (13_000, 13_000)).save(output, format="PNG")
    with pytest.raises(ValidationError, match="more than 40 million pixels"):
        services.image_upload(
            publisher=aluksne.town,
            by=editor,
            upload=SimpleUploadedFile("small.png", output.getvalue()),
            alt_text="x",
        )
    client.force_login(editor)
    refused = client.post(
        "/en/aluksne/news/pictures/",
        {"file": SimpleUploadedFile("small.png", output.getvalue()), "alt_text": "A"},
    )
    assert refused.status_code == 400
    html = refused.content.decode()
    assert "more than 40 million pixels" in html
    assert "at most 10 MB and 40 million pixels" in html  # said before uploading, too
    assert not Image.objects.exists()


def test_a_picture_needs_a_description(media, aluksne, editor):
    with pytest.raises(ValidationError, match="Describe the picture"):
        picture(aluksne.town, editor, alt_text="  ")


def test_the_pictures_page_uploads_and_refuses_with_a_clear_message(client, media, aluksne, editor):
    client.force_login(editor)
    url = "/en/aluksne/news/pictures/"
    refused = client.post(
        url, {"file": SimpleUploadedFile("x.png", b"<svg onload=alert(1)>"), "alt_text": "A"}
    )
    assert refused.status_code == 400
    assert "Upload a valid image" in refused.content.decode()
    kept = client.post(
        url,
        {"file": SimpleUploadedFile("x.png", png()), "alt_text": "Pils iela", "credit": "Me"},
        follow=True,
    )
    assert "The picture is kept" in kept.content.decode()
    picker = client.get(url, {"CKEditorFuncNum": "-1"}).content.decode()
    assert 'class="use-picture"' in picker and 'data-alt="Pils iela"' in picker
    assert "regrow/image-picker.js" in picker


def test_other_towns_pictures_can_be_neither_seen_nor_used(client, media, aluksne, altena, editor):
    theirs = picture(altena.town, altena.people[Role.EDITOR])
    client.force_login(editor)
    assert client.get("/en/altena/news/pictures/").status_code == 403
    entry, _ = write(aluksne.town, editor, publish=False)
    with pytest.raises(PermissionDenied):
        services.entry_save(entry=entry, by=editor, image=theirs)


def test_the_main_picture_is_shown_with_its_credit_and_offered_to_sharing_previews(
    client, media, aluksne, editor
):
    image = picture(aluksne.town, editor, credit="Photo: A. Bērziņa")
    entry, _ = write(aluksne.town, editor, image=image, lead="Partners met")
    html = client.get(entry.get_absolute_url()).content.decode()
    assert f'<meta property="og:image" content="http://testserver{image.file.url}">' in html
    assert f'alt="{image.alt_text}"' in html
    assert "<figcaption>Credit: Photo: A. Bērziņa</figcaption>" in html
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["image"] == f"http://testserver{image.file.url}"


# --- Filters --------------------------------------------------------------------------------


def test_news_is_browsed_by_kind_category_and_language(client, aluksne, editor):
    write(aluksne.town, editor, title="Shop news", categories=["Pop-up veikali", "Pilsēta"])
    write(aluksne.town, editor, title="Other news", categories=["Sports"])
    write(aluksne.town, editor, title="Project page", kind=Entry.Kind.PROJECT)
    write(aluksne.town, editor, title="Latvian news", language="lv", categories=["Pilsēta"])

    def titles(**query):
        html = client.get("/en/aluksne/news/", query).content.decode()
        return set(re.findall(r'entry-card__title"><a href="[^"]*">([^<]*)</a>', html))

    assert titles() == {"Shop news", "Other news", "Project page"}
    assert titles(kind="project") == {"Project page"}
    assert titles(category="Pilsēta") == {"Shop news"}
    assert titles(category="Pilsēta", language="all") == {"Shop news", "Latvian news"}
    assert titles(language="lv") == {"Latvian news"}
    # A category is matched whole, on both databases.
    matched = selectors.browse(aluksne.town, language="en", category="Pop")
    assert not matched.exists()
    # Unknown values are ignored rather than breaking the page.
    assert client.get("/en/aluksne/news/", {"kind": "<x>", "language": "xx"}).status_code == 200
    form = client.get("/en/aluksne/news/").content.decode()
    assert '<option value="Pilsēta">Pilsēta</option>' in form
    assert '<option value="lv">Latviešu</option>' in form or 'value="lv">latviešu' in form


def test_a_networks_news_shows_its_towns_news_when_asked(client, network, aluksne, altena, editor):
    write(aluksne.town, editor, title="From Alūksne")
    write(altena.town, altena.people[Role.EDITOR], title="From Altena")
    with TestCase.captureOnCommitCallbacks(execute=True):
        own = Entry(network=network, language="en")
        services.entry_save(entry=own, by=_superuser(), title="Network news")
        services.entry_publish(entry=own, by=_superuser())
    only_network = client.get("/en/regrow-city/news/").content.decode()
    assert "Network news" in only_network and "From Altena" not in only_network
    everyone = client.get("/en/regrow-city/news/", {"town": "all"}).content.decode()
    assert all(title in everyone for title in ["Network news", "From Altena", "From Alūksne"])
    one = client.get("/en/regrow-city/news/", {"town": "altena"}).content.decode()
    assert "From Altena" in one and "From Alūksne" not in one and "Network news" not in one


def _superuser():
    from regrow.accounts.models import User
    from tests.fixtures import make_user

    email = "root-publisher@example.org"
    return User.objects.filter(email=email).first() or make_user(
        email, is_staff=True, is_superuser=True
    )


# --- Related objects and turning something into an event ------------------------------------


@pytest.fixture
def partner_as_event_source():
    """Stands in for a pop-up round or a partner meeting, which later issues register."""

    def event(partner, language):
        start = timezone.now().replace(microsecond=0) + timedelta(days=30)
        return {
            "title": f"{partner.town.name} joins {partner.network.name}",
            "lead": "Partners meet.",
            "starts_at": start,
            "ends_at": start + timedelta(hours=3),
            "place_address": partner.town.name,
        }

    sources.register(Partner, place=lambda partner: partner.town, event=event)
    yield
    sources.unregister(Partner)


def test_a_registered_object_becomes_an_event_in_one_step(
    client, network, aluksne, editor, partner_as_event_source
):
    partner = Partner.objects.get(town=aluksne.town)
    client.force_login(editor)
    url = sources.event_url(partner)
    assert url == f"/en/aluksne/news/write/from/network.partner/{partner.pk}/"
    form = client.get(url).content.decode()
    assert 'value="Alūksne joins Re-grow City"' in form
    assert 'option value="event" selected' in form
    start = timezone.localtime(timezone.now() + timedelta(days=30))
    response = client.post(
        url,
        {
            "kind": "event",
            "title": "Alūksne joins Re-grow City (edited)",
            "lead": "Partners meet.",
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "action": "publish",
        },
    )
    assert response.status_code == 302
    event = Entry.objects.get()
    assert event.kind == Entry.Kind.EVENT and event.is_published()
    assert [link.target for link in event.related.all()] == [partner]
    client.logout()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "About" in page and str(partner) in page


def test_an_object_of_another_town_or_an_unregistered_kind_gives_404(
    client, network, aluksne, altena, editor, partner_as_event_source
):
    client.force_login(editor)
    theirs = Partner.objects.get(town=altena.town)
    base = "/en/aluksne/news/write/from"
    assert client.get(f"{base}/network.partner/{theirs.pk}/").status_code == 404
    assert client.get(f"{base}/towns.town/{aluksne.town.pk}/").status_code == 404


def test_an_entry_is_about_the_networks_its_editor_ticks(client, network, aluksne, editor):
    client.force_login(editor)
    response = client.post(
        "/en/aluksne/news/write/",
        {"kind": "news", "title": "We joined", "networks": [network.pk], "action": "publish"},
    )
    assert response.status_code == 302
    entry = Entry.objects.get()
    assert [link.target for link in Related.objects.filter(entry=entry)] == [network]
    client.logout()
    assert (
        'href="/en/regrow-city/">Re-grow City</a>'
        in client.get(entry.get_absolute_url()).content.decode()
    )


# --- Edits that cross -----------------------------------------------------------------------


def test_a_save_based_on_an_older_version_is_refused_and_keeps_the_typing(client, aluksne, editor):
    entry, _ = write(aluksne.town, editor, publish=False, title="Original")
    url = f"/en/aluksne/news/manage/{entry.pk}/"
    client.force_login(editor)
    started = {"kind": "news", "version": entry.version, "action": "draft"}
    assert client.post(url, {**started, "title": "Mine"}).status_code == 302
    stale = client.post(url, {**started, "title": "Theirs, typed with care"})
    assert stale.status_code == 409
    page = stale.content.decode()
    assert "Someone else saved this entry" in page
    assert 'value="Theirs, typed with care"' in page
    entry.refresh_from_db()
    assert entry.title == "Mine"


# --- Events: time zone and map point --------------------------------------------------------


def test_an_event_is_shown_in_its_towns_time_with_its_map_point(client, aluksne, editor):
    start = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0) + timedelta(days=3)
    entry, _ = write(
        aluksne.town,
        editor,
        kind=Entry.Kind.EVENT,
        title="Open day",
        starts_at=start,
        place_address="Pils iela 1",
        latitude="57.422100",
        longitude="27.046800",
    )
    html = client.get(entry.get_absolute_url()).content.decode()
    riga = timezone.localtime(start, timezone=__import__("zoneinfo").ZoneInfo("Europe/Riga"))
    assert riga.strftime("%H:%M").lstrip("0") in html or riga.strftime("%H:%M") in html
    assert "(EET)" in html or "(EEST)" in html
    assert "mlat=57.422100" in html
    calendar = Calendar.from_ical(client.get(f"{entry.get_absolute_url()}event.ics").content)
    (component,) = calendar.walk("VEVENT")
    assert (component["GEO"].latitude, component["GEO"].longitude) == (57.4221, 27.0468)


def test_half_a_map_point_is_refused(aluksne, editor):
    with pytest.raises(ValidationError, match="both latitude and longitude"):
        write(
            aluksne.town,
            editor,
            kind=Entry.Kind.EVENT,
            starts_at=timezone.now(),
            latitude="57.4",
        )


# --- Hostile text in every field ------------------------------------------------------------


class _Elements(HTMLParser):
    """Every element and attribute a browser would build from a page."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def assert_harmless_html(html: str, where: str) -> None:
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert tag not in {"iframe", "svg", "object", "embed"}, (where, tag)
        if tag == "script":  # only our own files and the JSON-LD block
            assert attrs.get("src", "").startswith("/static/") or attrs.get("type") in {
                "application/ld+json",
                "importmap",
            }, (where, attrs)
        for name, value in attrs.items():
            assert not name.startswith("on"), (where, tag, name)
            if name in {"href", "src", "action", "formaction"}:
                assert not (value or "").strip().lower().startswith("javascript:"), (where, value)


def test_hostile_text_in_every_field_is_harmless_in_every_output(client, media, aluksne, editor):
    payload = "".join(XSS)
    author = Person.objects.create(
        town=aluksne.town,
        name=("Name " + payload)[:200],
        job_title=payload[:200],
        email="author@example.org",
        phones=[payload],
        postal_address=payload,
    )
    image = picture(aluksne.town, editor, alt_text="Alt " + payload, credit=payload)
    start = timezone.now() + timedelta(days=2)
    entry, _ = write(
        aluksne.town,
        editor,
        kind=Entry.Kind.EVENT,
        title="Title " + payload,
        lead=payload,
        body=payload,
        categories=[payload, "Pilsēta"],
        place_name=payload[:200],
        place_address=payload[:300],
        starts_at=start,
        author=author,
        image=image,
    )
    outputs = {
        url: client.get(url).content.decode()
        for url in [
            entry.get_absolute_url(),
            "/en/aluksne/news/",
            "/en/aluksne/events/",
            "/en/aluksne/",
            "/en/aluksne/news/search/?q=Title",
            "/en/aluksne/news/feed.rss",
            "/en/aluksne/news/feed.atom",
            "/en/aluksne/events/calendar.ics",
            f"{entry.get_absolute_url()}event.ics",
        ]
    }
    for url in ["/en/aluksne/news/feed.rss", "/en/aluksne/news/feed.atom"]:
        # Feed readers show the description as HTML: it must be harmless HTML too.
        for item in feedparser.parse(outputs[url]).entries:
            assert_harmless_html(item.summary, url)
    for url, text in outputs.items():
        if "ics" not in url and "feed" not in url:
            assert_harmless_html(text, url)
        else:  # text formats: no markup may come through at all
            assert "<script" not in text.lower() and "<img" not in text.lower(), url
    # The JSON-LD block cannot be closed early by text in it.
    page = outputs[entry.get_absolute_url()]
    block = re.search(r'ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block and json.loads(block)["name"].startswith("Title")
    # Feed readers show the text as text: their HTML is the escaped payload.
    for feed_url in ["/en/aluksne/news/feed.rss", "/en/aluksne/news/feed.atom"]:
        parsed = feedparser.parse(outputs[feed_url])
        assert not parsed.bozo
        assert "<script" not in parsed.entries[0].summary.lower()


def test_titles_keep_ampersands_as_written(client, aluksne, editor):
    entry, _ = write(aluksne.town, editor, title="Shops & cafés <b>together</b>")
    assert entry.title == "Shops & cafés together"
    html = client.get(entry.get_absolute_url()).content.decode()
    assert "<h1>Shops &amp; cafés together</h1>" in html


def test_the_editors_dialog_texts_come_in_the_pages_language(client, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "German")]
    latvian = client.get("/lv/jsi18n/").content.decode()
    assert "Ievietot att\\u0113lu" in latvian or "Ievietot attēlu" in latvian
    # German comes with django-prose-editor itself; ours adds to it.
    assert "Einf" in client.get("/de/jsi18n/").content.decode()
