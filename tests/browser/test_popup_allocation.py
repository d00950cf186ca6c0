"""A coordinator on a Latvian phone allocates a round: asks for a proposal (the task worker
solves it), reads why an application was left out, pins it, proposes again, confirms, downloads
a sublease and finds the pop-up in the register's history."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from regrow.popups import services
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import Application, Criterion, Round, Score, Sublease
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import current_totp, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET, make_town_with_people, make_user
from tests.popups.conftest import round_values
from tests.popups.test_applications import application_values
from tests.premises.conftest import make_unit


@pytest.fixture
def closed_round(transactional_db):
    """Two units of one place for the whole programme; three applications scored 9, 7 and 5
    that each want all of it: the lowest is left out. Applications closed yesterday."""
    town = make_town_with_people("aluksne", "Alūksne", "LV")
    coordinator = town.people[Role.COORDINATOR]
    round_ = services.round_save(
        town=town.town,
        by=coordinator,
        **round_values(town.town, grant_budget_cents=0, max_grant_cents=0),
    )
    offers = [
        services.round_unit_add(
            round_=round_,
            unit=make_unit(town.town, f"ALU-{n}", display_address=address, street=street),
            by=coordinator,
        )
        for n, (street, address) in enumerate(
            [("Pils iela", "Pils iela 3"), ("Dārza iela", "Dārza iela 8")], start=1
        )
    ]
    for offer in offers:
        offer.min_stay_weeks, offer.max_stay_weeks = 8, 9
        offer.save()
    Round.objects.filter(pk=round_.pk).update(status=RoundStatus.OPEN)
    criterion = Criterion.objects.create(round=round_, names={"lv": "Ideja"})
    juror = services.juror_assign(round_=round_, user=town.people[Role.JURY_MEMBER], by=coordinator)
    for n, (name, category, score) in enumerate(
        [("Medus māja", "food", 9), ("Koka lietas", "crafts", 7), ("Lina stāsts", "fashion", 5)]
    ):
        application = Application.objects.create(
            round=round_,
            applicant=make_user(f"applicant{n}@example.org", full_name=f"Pieteicējs {n}"),
            status=ApplicationStatus.SUBMITTED,
            **application_values(
                round_,
                business_name=name,
                category=category,
                min_stay_weeks=8,
                max_stay_weeks=9,
                requested_grant_cents=0,
            ),
        )
        Score.objects.create(application=application, juror=juror, criterion=criterion, value=score)
    Round.objects.filter(pk=round_.pk).update(
        applications_close_on=town.town.today() - timedelta(days=1)
    )
    round_.refresh_from_db()
    return round_, coordinator, offers


def solve_and_wait(page):
    """The worker takes the queued solve; the page notices and reloads itself."""
    call_command("worker", "--batch")
    expect(page.locator("[data-allocation-status]")).to_have_count(0, timeout=15_000)


def test_a_coordinator_allocates_pins_confirms_and_downloads_a_sublease(new_page, closed_round):
    round_, coordinator, offers = closed_round
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, coordinator.email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")

    page.goto(f"/lv/aluksne/popup-rounds/{round_.pk}/")
    page.locator(f"a[href='/lv/aluksne/popup-rounds/{round_.pk}/allocation/']").first.click()
    page.wait_for_url(f"**/popup-rounds/{round_.pk}/allocation/")
    assert_no_axe_violations(page)

    page.locator("form[action$='/allocation/propose/'] button").click()
    page.wait_for_load_state()
    expect(page.locator("[data-allocation-status]")).to_have_count(1)
    assert_no_axe_violations(page)
    solve_and_wait(page)
    assert_no_axe_violations(page)

    # The plan holds the two best; the third is left out, and the page says who holds its room.
    left_out = page.locator("section[aria-labelledby=out-heading]")
    expect(left_out).to_contain_text("Lina stāsts")
    expect(left_out).to_contain_text("Medus māja")
    expect(left_out).to_contain_text("Koka lietas")

    # Pin it to Dārza iela 8, propose again: now it is in and the weaker one is out.
    left_out.locator("select[name=offer]").select_option(str(offers[1].pk))
    left_out.locator("button").first.click()
    page.wait_for_load_state()
    expect(page.locator("section[aria-labelledby=rules-heading]")).to_contain_text("Lina stāsts")
    page.locator("form[action$='/allocation/propose/'] button").click()
    page.wait_for_load_state()
    solve_and_wait(page)
    expect(page.locator("section[aria-labelledby=placed-heading]")).to_contain_text("Lina stāsts")
    expect(page.locator("section[aria-labelledby=out-heading]")).to_contain_text("Koka lietas")

    page.locator("form[action$='/allocation/confirm/'] button").click()
    page.wait_for_load_state()
    expect(page.locator("section[aria-labelledby=subleases-heading]")).to_contain_text(
        "Lina stāsts"
    )
    assert_no_axe_violations(page)
    assert Sublease.objects.filter(application__business_name="Lina stāsts").exists()
    assert Application.objects.get(business_name="Koka lietas").status == ApplicationStatus.REJECTED

    with page.expect_download() as download:
        page.locator("a[href$='.pdf']").first.click()
    with open(download.value.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"

    # The register's history of the pinned unit shows the pop-up from its first day.
    unit = offers[1].unit
    page.goto(f"/lv/aluksne/register/units/{unit.pk}/")
    expect(page.locator("main")).to_contain_text("Lina stāsts")
    assert_no_axe_violations(page)
