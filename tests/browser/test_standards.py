"""What validators read in the head of public pages, in Chromium, with axe on each page."""

import pytest
from playwright.sync_api import expect

from regrow.lib.demo import load_all
from regrow.publishing.models import Entry
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE


@pytest.fixture
def demo_data(transactional_db):
    load_all()


def head_links(page) -> dict:
    return page.evaluate(
        """() => ({
            canonical: document.querySelector('link[rel=canonical]')?.href,
            alternates: Object.fromEntries([...document.querySelectorAll(
                'head link[rel=alternate][hreflang]')].map(l => [l.hreflang, l.href])),
            robots: document.querySelector('meta[name=robots]')?.content ?? null,
            description: document.querySelector('meta[name=description]')?.content,
        })"""
    )


def test_town_home_article_and_map_name_their_versions(new_page, live_server, demo_data):
    page = new_page(viewport=PHONE, language="lv")
    article = (
        Entry.objects.filter(town__slug="aluksne", language="lv", publish_at__isnull=False)
        .exclude(kind=Entry.Kind.EVENT)
        .first()
    )
    paths = ["/lv/aluksne/", article.get_absolute_url(), "/lv/aluksne/map/"]
    for path in paths:
        assert page.goto(path).status == 200, path
        assert_no_axe_violations(page)
        head = head_links(page)
        assert head["canonical"] == live_server.url + path
        assert head["alternates"]["lv"] == live_server.url + path
        assert "x-default" in head["alternates"]
        assert head["robots"] is None and head["description"]
    # The article's versions are its translations, each an address that answers.
    for language, url in head_links(page.goto(paths[1]) and page)["alternates"].items():
        assert page.request.get(url).status == 200, (language, url)
    # The map still draws the offered units from its GeoJSON (the fields it reads are named
    # as before): a marker's popup names a unit and its area.
    page.goto("/lv/aluksne/map/")
    markers = page.locator("#units-map path.leaflet-interactive")
    expect(markers.first).to_be_attached()
    markers.first.scroll_into_view_if_needed()
    markers.first.dispatch_event("click")
    expect(page.locator(".leaflet-popup-content")).to_contain_text("m²")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"] + 40
