"""A town's look: its coat of arms or logo and accent colour, and what the public pages show."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PillowImage

from regrow.lib import branding, places
from regrow.lib.demo_art import coat_of_arms_png, street_picture
from regrow.publishing.caching import publisher_changed
from regrow.publishing.models import Entry, Image
from regrow.publishing.renditions import rendition_name
from regrow.towns.models import Role, Town


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png(size=(900, 900), mode="RGBA") -> bytes:
    output = BytesIO()
    PillowImage.new(mode, size, (20, 60, 120, 255) if mode == "RGBA" else (20, 60, 120)).save(
        output, format="PNG"
    )
    return output.getvalue()


# --- Colour and contrast -------------------------------------------------------------------


def test_contrast_ratio_matches_wcag_examples():
    assert branding.contrast_ratio("#000000", "#ffffff") == pytest.approx(21, abs=0.01)
    assert branding.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(
    ("accent", "ink"), [("#1d4e89", "#ffffff"), ("#ffcc00", "#1b1f23"), ("#1f5f3f", "#ffffff")]
)
def test_text_on_the_accent_is_white_or_dark_whichever_reads(accent, ink):
    assert branding.ink_for(accent) == ink
    assert branding.contrast_ratio(accent, ink) >= 4.5


@pytest.mark.parametrize("colour", ["#808080", "#ff0000", "blue", "#12345", "#gggggg", "1d4e89"])
def test_a_colour_that_is_not_hex_or_fails_contrast_is_refused(colour):
    with pytest.raises(ValidationError):
        branding.validate_accent_colour(colour)


def test_theme_css_sets_the_accent_its_text_and_links_only_where_they_read():
    dark = branding.theme_css("#1d4e89")
    assert "--accent: #1d4e89;" in dark and "--accent-ink: #ffffff;" in dark
    assert "--link: #1d4e89;" in dark
    light = branding.theme_css("#ffcc00")
    assert "--accent-ink: #1b1f23;" in light
    assert "--link" not in light  # yellow links on white would be unreadable


# --- The coordinator's form ----------------------------------------------------------------


def test_coordinator_sets_logo_and_colour_and_the_header_shows_them(client, aluksne, media):
    client.force_login(aluksne.people[Role.COORDINATOR])
    upload = SimpleUploadedFile("arms.png", png(), content_type="image/png")
    response = client.post(
        "/en/aluksne/workspace/look/", {"logo": upload, "accent_colour": "#1D4E89"}
    )
    assert response.status_code == 302
    town = Town.objects.get(slug="aluksne")
    assert town.accent_colour == "#1d4e89"
    assert town.logo.name.startswith("brand/town-") and "arms" not in town.logo.name
    assert max(town.logo_width, town.logo_height) == branding.LOGO_MAX_SIDE_PX  # made smaller
    client.logout()
    html = client.get("/en/aluksne/").content.decode()
    assert f'class="brand__logo" src="{town.logo.url}"' in html
    assert f'href="/theme/aluksne.css?v={town.theme_version}"' in html


def test_keeping_the_logo_when_only_the_colour_changes(client, aluksne, media):
    client.force_login(aluksne.people[Role.COORDINATOR])
    upload = SimpleUploadedFile("arms.png", png(), content_type="image/png")
    client.post("/en/aluksne/workspace/look/", {"logo": upload, "accent_colour": "#1d4e89"})
    logo = Town.objects.get(slug="aluksne").logo.name
    client.post("/en/aluksne/workspace/look/", {"accent_colour": "#1f5f3f"})
    town = Town.objects.get(slug="aluksne")
    assert (town.logo.name, town.accent_colour) == (logo, "#1f5f3f")
    client.post("/en/aluksne/workspace/look/", {"logo-clear": "on", "accent_colour": ""})
    assert not Town.objects.get(slug="aluksne").logo


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"accent_colour": "#808080"}, "accent_colour"),
        ({"accent_colour": "green"}, "accent_colour"),
        (
            {"logo": SimpleUploadedFile("arms.svg", b"<svg onload='alert(1)'/>", "image/svg+xml")},
            "logo",
        ),
    ],
)
def test_a_bad_colour_or_an_svg_is_a_form_error(client, aluksne, media, data, field):
    client.force_login(aluksne.people[Role.COORDINATOR])
    response = client.post("/en/aluksne/workspace/look/", data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Town.objects.get(slug="aluksne").accent_colour


@pytest.mark.parametrize("role", [Role.EDITOR, Role.PROPERTY_OWNER])
def test_only_coordinators_change_the_look(client, aluksne, role):
    client.force_login(aluksne.people[role])
    assert client.get("/en/aluksne/workspace/look/").status_code == 403
    response = client.post("/en/aluksne/workspace/look/", {"accent_colour": "#1d4e89"})
    assert response.status_code == 403
    assert not Town.objects.get(slug="aluksne").accent_colour


def test_theme_css_is_cacheable_for_a_year_at_its_versioned_address(client, aluksne):
    Town.objects.filter(pk=aluksne.town.pk).update(accent_colour="#1d4e89")
    town = Town.objects.get(pk=aluksne.town.pk)
    response = client.get(f"/theme/aluksne.css?v={town.theme_version}")
    assert response["Content-Type"].startswith("text/css")
    assert "max-age=31536000" in response["Cache-Control"]
    assert "--accent: #1d4e89;" in response.content.decode()
    stale = client.get("/theme/aluksne.css?v=old")
    assert "max-age=300" in stale["Cache-Control"]
    assert client.get("/theme/nowhere.css").status_code == 404


def test_changing_the_look_renders_cached_pages_afresh(client, aluksne, media):
    assert "theme/aluksne.css" not in client.get("/en/aluksne/news/").content.decode()
    coordinator = aluksne.people[Role.COORDINATOR]
    from regrow.towns.services import town_set_branding

    town_set_branding(town=aluksne.town, by=coordinator, logo=None, accent_colour="#1d4e89")
    assert "theme/aluksne.css" in client.get("/en/aluksne/news/").content.decode()


# --- Pictures, the lead story, navigation and events ----------------------------------------


def _publish(town, *, title, kind=Entry.Kind.NEWS, days_ago=1, image=None, **fields):
    entry = Entry(
        town=town,
        language="en",
        kind=kind,
        title=title,
        slug=title.lower().replace(" ", "-"),
        lead=f"About {title}.",
        publish_at=timezone.now() - timedelta(days=days_ago),
        image=image,
        **fields,
    )
    entry.full_clean()
    entry.save()
    publisher_changed(town)  # as the publishing services do
    return entry


def _picture(town, media) -> Image:
    from regrow.publishing.services import image_upload

    drawing = street_picture(1, sky="#4f86c6", facades=["#e9d8a6"])
    return image_upload(
        publisher=town,
        by=town.memberships.get(role=Role.EDITOR).user,
        upload=SimpleUploadedFile("street.jpg", drawing, content_type="image/jpeg"),
        alt_text="Shop fronts on the main street",
    )


def test_news_cards_show_the_picture_in_several_widths_and_the_newest_as_lead(
    client, aluksne, media
):
    picture = _picture(aluksne.town, media)
    _publish(aluksne.town, title="Older news", days_ago=5, image=picture)
    _publish(aluksne.town, title="Newest news", days_ago=1, image=picture)
    html = client.get("/en/aluksne/news/").content.decode()
    lead = html[html.index("entry-card--lead") : html.index('<div class="entry-grid">')]
    assert "Newest news" in lead and "Older news" not in lead
    assert 'fetchpriority="high"' in lead and 'loading="lazy"' not in lead
    rest = html[html.index('<div class="entry-grid">') :]
    assert 'loading="lazy"' in rest and 'alt="Shop fronts on the main street"' in rest
    for width in (320, 640, 1280):
        name = rendition_name(picture.file.name, width)
        assert f"/media/{name} {width}w" in rest
        assert (media / name).exists()
        with PillowImage.open(media / name) as copy:
            assert copy.width == width
    assert 'sizes="(min-width: 60rem) 21rem' in rest
    assert f'width="{picture.width}" height="{picture.height}"' in rest


def test_town_home_shows_the_lead_story_and_no_navigation_tiles(client, aluksne, media):
    _publish(aluksne.town, title="Town news", image=_picture(aluksne.town, media))
    html = client.get("/en/aluksne/").content.decode()
    assert "section-grid" not in html
    assert "entry-card--lead" in html and "Town news" in html
    main = html[html.index("<main") : html.index("</main>")]
    assert "/en/aluksne/network/" not in main  # the navigation is not repeated as tiles


def _nav(html: str) -> str:
    start = html.index('class="main-nav')
    return html[start : html.index("</nav>", start)]


def test_navigation_offers_only_sections_with_something_published(client, aluksne):
    html = client.get("/en/aluksne/").content.decode()
    assert 'class="main-nav' not in html  # nothing published, no units, no network
    _publish(aluksne.town, title="First news")
    nav = _nav(client.get("/en/aluksne/").content.decode())
    assert "/en/aluksne/news/" in nav
    assert "/en/aluksne/events/" not in nav and "/en/aluksne/projects/" not in nav
    assert "/en/aluksne/map/" not in nav
    assert client.get("/en/aluksne/projects/").status_code == 200  # still reachable


def test_navigation_sections_cost_at_most_one_query_each(
    client, aluksne, django_assert_max_num_queries
):
    _publish(aluksne.town, title="First news")
    town = Town.objects.get(pk=aluksne.town.pk)
    # Publishing's kinds once, the map, the network, the pop-up rounds, the indicators.
    with django_assert_max_num_queries(5):
        keys = [section.key for section in places.sections_offered(town)]
    assert keys == ["news"]


def test_a_past_event_says_so_highlights_events_and_offers_no_calendar(client, aluksne):
    start = timezone.now() - timedelta(days=10)
    _publish(
        aluksne.town,
        title="Old fair",
        kind=Entry.Kind.EVENT,
        days_ago=20,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
    )
    html = client.get("/en/aluksne/news/old-fair/").content.decode()
    assert "This event has already taken place." in html
    assert "Add to calendar" not in html and "/ics" not in html.split("<main")[1]
    assert 'href="/en/aluksne/events/" aria-current="page"' in html
    assert 'href="/en/aluksne/news/" aria-current="page"' not in html


def test_a_coming_event_offers_the_calendar(client, aluksne):
    start = timezone.now() + timedelta(days=10)
    _publish(aluksne.town, title="New fair", kind=Entry.Kind.EVENT, starts_at=start)
    html = client.get("/en/aluksne/news/new-fair/").content.decode()
    assert "Add to calendar" in html and "already taken place" not in html


def test_demo_art_is_a_transparent_shield_and_a_photo_sized_drawing():
    with PillowImage.open(BytesIO(coat_of_arms_png())) as arms:
        assert arms.format == "PNG" and arms.mode == "RGBA"
        assert arms.getpixel((0, 0))[3] == 0 and arms.getpixel((100, 120))[3] == 255
    with PillowImage.open(BytesIO(street_picture(3, sky="#4f86c6", facades=["#e9d8a6"]))) as art:
        assert (art.format, art.size) == ("JPEG", (1600, 900))
