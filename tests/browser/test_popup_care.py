"""A coordinator on a Latvian phone logs a care issue at a pop-up and resolves it, records that
the pop-up stayed and sees the street's vacancy rate move on the register's vacancy page; a
trader answers the feedback form on a phone in Latvian. Zero axe violations on every page."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from playwright.sync_api import expect

from regrow.popups.models import CareEntry, Feedback, Outcome
from regrow.popups.services import feedback as feedback_service
from regrow.premises.choices import Status
from regrow.premises.models import StatusChange
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET, make_town_with_people
from tests.popups.test_care import make_popup, past_round, vacant_unit


@pytest.fixture
def street(transactional_db):
    """Pils iela: Medus māja's pop-up ended 20 days ago in one of its two vacant units."""
    town = make_town_with_people("aluksne", "Alūksne", "LV")
    coordinator = town.people[Role.COORDINATOR]
    round_ = past_round(town.town, coordinator, started_days_ago=60, weeks=8)
    unit = vacant_unit(town.town, "ALU-3", display_address="Pils iela 3")
    vacant_unit(town.town, "ALU-5", display_address="Pils iela 5", house_number="5")
    today = town.town.today()
    popup = make_popup(
        round_,
        unit,
        "Medus māja",
        today - timedelta(days=60),
        today - timedelta(days=20),
        by=coordinator,
        email="medus@example.org",
    )
    return popup, coordinator


def latvian(day) -> str:
    return day.strftime("%d.%m.%Y")


def street_rate(page) -> str:
    page.goto("/lv/aluksne/register/vacancy/?street=Pils+iela")
    return page.locator("#vacancy-rate").inner_text()


def test_a_coordinator_logs_and_resolves_an_issue_and_records_a_stay(new_page, street):
    popup, coordinator = street
    round_ = popup.round_unit.round
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, coordinator.email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")

    before = street_rate(page)
    assert re.match(r"100([,.]0)? %", before)
    assert_no_axe_violations(page)

    page.goto(f"/lv/aluksne/popup-rounds/{round_.pk}/popups/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Medus māja").click()
    page.wait_for_url(f"**/popups/{popup.pk}/")
    assert_no_axe_violations(page)

    # A broken lock, logged today (the form's day) and then resolved.
    care = page.locator("form:has(input[name=action][value=care])")
    care.locator("select[name=kind]").select_option("issue")
    care.locator("textarea[name=description]").fill(
        "Salūza durvju slēdzene; atslēdznieks izsaukts."
    )
    care.locator("button[type=submit]").click()
    page.wait_for_load_state()
    log = page.locator("section[aria-labelledby=care-heading]")
    expect(log).to_contain_text("Salūza durvju slēdzene")
    entry = CareEntry.objects.get()
    assert entry.resolved_on is None
    assert_no_axe_violations(page)
    log.locator(f"form:has(input[name=entry][value='{entry.pk}']) button").click()
    page.wait_for_load_state()
    entry.refresh_from_db()
    assert entry.resolved_on == round_.town.today()
    expect(page.locator(f"form:has(input[name=entry][value='{entry.pk}'])")).to_have_count(0)
    assert_no_axe_violations(page)

    # A day before the pop-up opened is refused on its field, keeping what was typed.
    outcome = page.locator("form:has(input[name=action][value=outcome])")
    outcome.locator("input[name=days_open]").fill("35")
    outcome.locator("input[name=visitors_estimate]").fill("1200")
    outcome.locator("input[name=stayed]").check()
    outcome.locator("input[name=stayed_from]").fill(latvian(popup.starts_on - timedelta(days=2)))
    outcome.locator("input[name=lease_rent_eur]").fill("240")
    outcome.locator("input[name=lease_months]").fill("24")
    outcome.locator("button[type=submit]").click()
    page.wait_for_load_state()
    outcome = page.locator("form:has(input[name=action][value=outcome])")
    expect(outcome.locator(".errorlist")).to_have_count(1)
    expect(outcome.locator("input[name=visitors_estimate]")).to_have_value("1200")
    assert not Outcome.objects.exists()
    assert_no_axe_violations(page)

    # From the day after its last: the unit is let again.
    stayed_from = popup.ends_on + timedelta(days=1)
    outcome.locator("input[name=stayed_from]").fill(latvian(stayed_from))
    outcome.locator("button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("section[aria-labelledby=outcome-heading] p strong")).to_have_count(1)
    saved = Outcome.objects.get()
    assert (saved.stayed_from, saved.lease_rent_cents_per_month) == (stayed_from, 24_000)
    latest = StatusChange.objects.filter(unit=popup.unit).order_by("-id").first()
    assert (latest.status, latest.effective_on) == (Status.LET, stayed_from)
    assert_no_axe_violations(page)

    after = street_rate(page)
    assert re.match(r"50([,.]0)? %", after), after
    assert_no_axe_violations(page)


def test_a_trader_answers_the_feedback_form_on_a_phone_in_latvian(new_page, street):
    popup, coordinator = street
    feedback_service.feedback_send(sublease=popup, by=coordinator, base_url="http://x/")
    [message] = mail.outbox
    path = re.search(r"http://x(/\S+)", message.body).group(1)
    assert path.startswith("/lv/aluksne/popup-feedback/")

    page = new_page(viewport=PHONE, language="lv")
    page.goto(path)
    expect(page.locator("html")).to_have_attribute("lang", "lv")
    expect(page.locator("main")).to_contain_text("Medus māja")
    assert_no_axe_violations(page)

    page.locator("input[name=satisfaction][value='4']").check()
    page.locator("textarea[name=what_worked]").fill("Sestdienās daudz pircēju.")
    page.locator("input[name=would_recommend][value=yes]").check()
    page.locator("input[name=plans][value=stay]").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("[role=status]")).to_be_visible()
    assert_no_axe_violations(page)
    answer = Feedback.objects.get()
    assert (answer.satisfaction, answer.plans, answer.would_recommend) == (4, "stay", True)

    # The link works once: opened again, it says so (410) and changes nothing.
    response = page.goto(path)
    assert response.status == 410
    expect(page.locator("[role=alert]")).to_be_visible()
    assert_no_axe_violations(page)
    assert Feedback.objects.get().what_worked == "Sestdienās daudz pircēju."
