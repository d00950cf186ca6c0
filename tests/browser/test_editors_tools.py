"""Editors find their tools: from the dashboard to the editor and the register in one click,
a writing page that fits the kind of entry, a preview that carries its date, and a search
that forgives missing accents. In Latvian, on a desktop and on a 390 px phone."""

import pytest
from playwright.sync_api import expect

from regrow.lib.demo import load_all
from regrow.publishing.models import Entry
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.browser.test_editor import rich_text
from tests.fixtures import PASSWORD, TOTP_SECRET, make_town_with_people


@pytest.fixture
def town(transactional_db):
    return make_town_with_people("aluksne", "Alūksne", "LV")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_editor_reaches_the_editor_from_the_dashboard_and_publishes(new_page, town, viewport):
    page = new_page(viewport=viewport, language="lv")
    sign_in(page, town.people[Role.EDITOR].email, PASSWORD, language="lv")
    page.wait_for_url("**/lv/dashboard/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Rakstīt jaunu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rakstīt jaunu")
    text = rich_text(page, "Teksts")
    # The text starts at about twenty lines, not one.
    assert text.bounding_box()["height"] >= 400
    # The block-type button's arrow is drawn, not the character U+23F7 that many fonts lack.
    arrow = page.locator(".prose-menubar__selected").first.evaluate(
        "element => getComputedStyle(element, '::after').content"
    )
    assert "\u23f7" not in arrow
    # News has no event fields; an event shows them.
    start = page.get_by_label("Sākums")
    expect(start).to_be_hidden()
    page.get_by_label("Veids").select_option("event")
    expect(start).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert_no_axe_violations(page)
    page.get_by_label("Veids").select_option("news")
    expect(start).to_be_hidden()

    page.get_by_label("Virsraksts").fill("Tirgus laukumā atvērts jauns veikals")
    text.click()
    page.keyboard.type("Veikals strādā katru dienu.")
    page.get_by_role("button", name="Publicēt tagad").click()
    expect(page.get_by_text("Publicēts.", exact=True)).to_be_visible()
    assert Entry.objects.get(title="Tirgus laukumā atvērts jauns veikals").is_published()


def test_previews_carry_the_date_readers_will_see(new_page, town):
    page = new_page()
    sign_in(page, town.people[Role.EDITOR].email, PASSWORD)
    page.goto("/en/aluksne/news/write/")
    page.get_by_label("Title").fill("Annual fair")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft: not yet scheduled")).to_be_visible()
    page.get_by_role("link", name="Preview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual fair")
    expect(
        page.get_by_text("Not yet scheduled: it will carry the day it is published.")
    ).to_be_visible()
    assert_no_axe_violations(page)

    page.go_back()
    page.locator("#id_publish_at").fill("2031-02-04 18:00")
    page.get_by_role("button", name="Publish at the set time").click()
    expect(page.get_by_text("It will appear on")).to_be_visible()
    page.get_by_role("link", name="Preview").click()
    expect(page.get_by_text("Appears on 4 February 2031 at 18:00")).to_be_visible()
    expect(page.locator("article time").last).to_have_text("Published 4 February 2031")
    assert_no_axe_violations(page)


def test_coordinator_reaches_the_register_from_the_dashboard_in_one_click(new_page, town):
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, town.people[Role.COORDINATOR].email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")
    page.get_by_role("link", name="Telpu reģistrs").click()
    page.wait_for_url("**/lv/aluksne/register/")
    assert_no_axe_violations(page)


def test_reader_finds_an_article_typed_without_accents(new_page, transactional_db):
    load_all()
    article = Entry.objects.get(language="lv", title__startswith="Pašvaldība aicina")
    page = new_page(viewport=PHONE, language="lv")
    page.goto("/lv/aluksne/news/search/")
    page.get_by_label("Meklējamie vārdi").fill("tuksas telpas")
    page.get_by_role("button", name="Meklēt").click()
    expect(page.get_by_role("link", name=article.title)).to_be_visible()
    assert_no_axe_violations(page)
    # Any form of the town's name finds what mentions it.
    page.goto("/lv/aluksne/news/search/?q=aluksnes")
    expect(page.get_by_role("link", name="Alūksnē tikās", exact=False).first).to_be_visible()
