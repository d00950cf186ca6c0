"""Readers of news and events, in a real browser: language switch, calendar, accessibility."""

from datetime import timedelta
from pathlib import Path

from django.core.cache import cache
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from regrow.lib.demo import load_all
from regrow.publishing.models import Entry
from tests.browser.axe import assert_no_axe_violations


def test_reader_switches_an_article_to_its_translation(page, transactional_db, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "German")]  # offered, with no version
    load_all()
    latvian = Entry.objects.get(language="lv", title__startswith="Alūksnē tikās")
    for path in ["/lv/aluksne/news/", "/lv/aluksne/events/", "/en/regrow-city/projects/"]:
        assert page.goto(path).status == 200
        assert_no_axe_violations(page)
    page.goto("/lv/aluksne/news/")
    page.get_by_role("link", name=latvian.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(latvian.title)
    assert_no_axe_violations(page)
    page.locator(".language-switch summary").click()
    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Re-grow City partners met in Alūksne"
    )
    assert page.locator("html").get_attribute("lang") == "en"
    # No German version: the switch does not offer one, and its address says so and offers
    # the versions there are.
    page.locator(".language-switch summary").click()
    expect(page.locator(".language-switch").get_by_role("link", name="Latviešu")).to_be_visible()
    expect(page.get_by_role("link", name="Deutsch")).to_have_count(0)
    assert page.goto(f"/de/aluksne/news/{latvian.slug}/").status == 404
    expect(page.get_by_role("link", name=latvian.title)).to_be_visible()
    assert_no_axe_violations(page)


def test_event_add_to_calendar(page, transactional_db):
    load_all()
    event = Entry.objects.get(language="en", kind=Entry.Kind.EVENT)
    # A past event offers no calendar: move the demo's meeting (2019) into the future.
    starts = timezone.now() + timedelta(days=30)
    Entry.objects.filter(pk=event.pk).update(starts_at=starts, ends_at=starts + timedelta(hours=6))
    cache.clear()
    page.goto(event.get_absolute_url())
    assert_no_axe_violations(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar").click()
    calendar = Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    (component,) = calendar.walk("VEVENT")
    assert str(component["SUMMARY"]) == event.title
    assert "Dārza iela 11" in str(component["LOCATION"])


def test_reader_searches_and_finds_the_article(page, transactional_db):
    load_all()
    article = Entry.objects.get(language="lv", title__startswith="Alūksnē tikās")
    page.goto("/lv/aluksne/news/")
    page.get_by_label("Meklēt aktualitātēs, pasākumos un projektos").fill("pop-up veikalu")
    page.get_by_role("button", name="Meklēt").click()
    expect(page.get_by_role("link", name=article.title)).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=article.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(article.title)
    # Nothing found is said plainly.
    page.goto("/lv/aluksne/news/search/?q=zxqv")
    expect(page.get_by_role("status")).to_have_text("Nekas netika atrasts.")


def test_reader_filters_news_by_kind_and_language(page, transactional_db):
    load_all()
    page.goto("/en/aluksne/news/")
    page.get_by_label("Kind").select_option("event")
    page.get_by_label("Language").select_option("all")
    page.get_by_role("button", name="Show").click()
    cards = page.locator(".entry-card")
    expect(cards).to_have_count(Entry.objects.filter(town__slug="aluksne", kind="event").count())
    expect(cards.first).to_contain_text("Event")
    assert_no_axe_violations(page)
