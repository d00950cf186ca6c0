"""A town site a municipality would publish: its look on a phone and a desktop, in Latvian."""

import pytest
from playwright.sync_api import expect

from regrow.lib.demo import load_all
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import DESKTOP, PHONE


@pytest.fixture
def demo_data(transactional_db):
    load_all()


def scroll_width(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


def test_latvian_map_fits_a_phone_without_sideways_scrolling(new_page, demo_data):
    page = new_page(viewport=PHONE, language="lv")
    page.goto("/lv/aluksne/map/")
    expect(page.get_by_text("Piekļuve bez pakāpieniem").first).to_be_visible()
    assert scroll_width(page) <= PHONE["width"]
    card = page.locator(".unit-list .card").first.bounding_box()
    assert card["x"] >= 0 and card["x"] + card["width"] <= PHONE["width"]
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", ["/lv/aluksne/", "/lv/aluksne/news/", "/lv/aluksne/events/"])
def test_on_a_phone_content_starts_high_and_the_menu_holds_sections_and_contacts(
    new_page, demo_data, path
):
    page = new_page(viewport=PHONE, language="lv")
    page.goto(path)
    assert page.evaluate("document.querySelector('main').getBoundingClientRect().top") < 200
    assert scroll_width(page) <= PHONE["width"]
    menu = page.locator("details.site-menu")
    expect(menu.locator(".site-menu__panel")).to_be_hidden()
    expect(page.locator(".top-bar")).to_be_hidden()
    assert_no_axe_violations(page)
    menu.locator("summary").click()
    navigation = page.get_by_role("navigation", name="Galvenā navigācija")
    expect(navigation.get_by_role("link", name="Pasākumi")).to_be_visible()
    expect(menu.get_by_role("link", name="info@aluksne.example.org")).to_be_visible()
    expect(menu.get_by_role("link", name="English")).to_be_visible()
    assert_no_axe_violations(page)
    navigation.get_by_role("link", name="Karte").click()
    page.wait_for_url("**/lv/aluksne/map/")


def test_the_menu_works_without_javascript(browser, live_server, demo_data):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, locale="lv", java_script_enabled=False
    )
    try:
        page = context.new_page()
        page.goto("/lv/aluksne/")
        page.locator("details.site-menu summary").click()
        expect(page.locator(".site-menu").get_by_role("link", name="Aktualitātes")).to_be_visible()
    finally:
        context.close()


def test_desktop_header_shows_the_coat_of_arms_and_the_towns_colour(new_page, demo_data):
    page = new_page(viewport=DESKTOP, language="lv")
    page.goto("/lv/aluksne/")
    logo = page.locator("header .brand__logo")
    expect(logo).to_be_visible()
    assert page.evaluate("document.querySelector('header .brand__logo').naturalWidth") > 0
    expect(page.locator("details.site-menu")).to_be_hidden()
    navigation = page.get_by_role("navigation", name="Galvenā navigācija")
    colour = navigation.evaluate("element => getComputedStyle(element).backgroundColor")
    assert colour == "rgb(29, 78, 137)"  # Alūksne's #1d4e89, from /theme/aluksne.css
    # Nothing published as a project in Latvian: the section is not offered.
    expect(navigation.get_by_role("link", name="Projekti")).to_have_count(0)
    # The home page does not repeat the navigation as tiles; the newest story leads.
    expect(page.locator("main .section-grid")).to_have_count(0)
    lead = page.locator("main .entry-card--lead")
    expect(lead).to_have_count(1)
    assert lead.locator("img").get_attribute("loading") is None
    assert "w" in lead.locator("img").get_attribute("srcset")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_news_cards_show_pictures_loaded_lazily_in_a_width_that_fits(new_page, demo_data, viewport):
    page = new_page(viewport=viewport, language="lv")
    page.goto("/lv/aluksne/news/")
    pictures = page.locator("main .entry-grid .entry-card img")
    assert pictures.count() >= 2
    first = pictures.first
    assert first.get_attribute("loading") == "lazy"
    assert first.get_attribute("alt")
    first.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=first.element_handle()
    )
    chosen = first.evaluate("img => img.currentSrc")
    if viewport is PHONE:
        assert "-w" in chosen  # a smaller copy, not the 1600 px original
    assert scroll_width(page) <= viewport["width"]
    assert_no_axe_violations(page)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_past_event_says_it_took_place_and_offers_no_calendar(new_page, demo_data, viewport):
    page = new_page(viewport=viewport, language="lv")
    page.goto("/lv/aluksne/events/")
    page.locator("main .entry-card__title a").first.click()
    page.wait_for_load_state()
    expect(page.locator("main .notice--past")).to_be_visible()
    expect(page.get_by_role("link", name="Pievienot kalendāram")).to_have_count(0)
    current = page.locator('header a[aria-current="page"]')
    expect(current).to_have_count(2)  # the wide bar's and the phone menu's copy of the link
    assert current.first.get_attribute("href") == "/lv/aluksne/events/"
    assert scroll_width(page) <= viewport["width"]
    assert_no_axe_violations(page)
