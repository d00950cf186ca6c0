"""The public pages and sign-in page, in Latvian and English, on a desktop and a phone."""

import pytest
from playwright.sync_api import expect

from regrow.lib.demo import load_all
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import DESKTOP, PHONE


@pytest.fixture
def demo_data(transactional_db):
    load_all()


@pytest.mark.parametrize("language", ["lv", "en"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_public_pages_have_no_axe_violations(new_page, demo_data, language, viewport):
    page = new_page(viewport=viewport, language=language)
    for path in ["/", "/aluksne/", "/regrow-city/", "/aluksne/network/", "/accounts/login/"]:
        response = page.goto(f"/{language}{path}")
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        assert_no_axe_violations(page)


def test_home_lists_the_network_and_its_eight_towns(page, demo_data):
    page.goto("/en/")
    network = page.get_by_role("link", name="Re-grow City — Tackling Long-Term Decline")
    expect(network).to_be_visible()
    towns = page.locator(".town-list li")
    assert towns.count() == 8
    for name in ["Alūksne", "Altena", "Idrija", "Melgaço", "Nyírbátor", "Isernia"]:
        expect(page.locator(".town-list").get_by_text(name)).to_be_visible()


def test_town_page_header_shows_contacts_and_latvian_sections(page, demo_data):
    page.goto("/lv/aluksne/")
    header = page.locator("header")
    expect(header.get_by_role("link", name="info@aluksne.example.org")).to_be_visible()
    assert header.get_by_role("link", name="+371 60 000 001").get_attribute("href") == (
        "tel:+37160000001"
    )
    navigation = page.get_by_role("navigation", name="Galvenā navigācija")
    expect(navigation.get_by_role("link", name="Aktualitātes")).to_be_visible()
    assert page.locator("footer address").inner_text().startswith("Alūksne\nDārza iela 11")


def test_language_switch_goes_to_the_same_page_in_the_other_language(page, demo_data):
    page.goto("/en/aluksne/network/")
    assert page.get_by_role("heading", level=1).inner_text() == "Network"
    page.locator(".language-switch summary").click()
    page.get_by_role("link", name="Latviešu").click()
    page.wait_for_url("**/lv/aluksne/network/")
    assert page.locator("html").get_attribute("lang") == "lv"
    assert page.get_by_role("heading", level=1).inner_text() == "Tīkls"
    assert_no_axe_violations(page)


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page, demo_data):
    page.goto("/en/aluksne/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_unknown_page_is_a_friendly_404_in_the_readers_language(page, demo_data):
    response = page.goto("/lv/no-such-town/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Lapa nav atrasta"
    assert_no_axe_violations(page)


def test_stylesheet_is_served_and_applied(page, demo_data):
    page.goto("/en/aluksne/")
    # The skip link is off-screen until focused, which only the stylesheet does.
    box = page.get_by_role("link", name="Skip to main content").bounding_box()
    assert box is None or box["x"] < 0
    # The sections' bar in the town's accent colour (Alūksne's #1d4e89, from its theme.css).
    bar = page.locator(".main-nav").evaluate("e => getComputedStyle(e).backgroundColor")
    assert bar == "rgb(29, 78, 137)"
