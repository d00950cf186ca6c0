"""A juror on a Latvian phone declares a conflict on one application and scores another."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from regrow.popups import services
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import Application, ConflictOfInterest, Criterion, Score
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.browser.helpers import sign_in
from tests.fixtures import PASSWORD, make_town_with_people, make_user
from tests.popups.conftest import round_values
from tests.popups.test_applications import application_values
from tests.premises.conftest import make_unit


@pytest.fixture
def jury_round(transactional_db):
    town = make_town_with_people("aluksne", "Alūksne", "LV")
    coordinator = town.people[Role.COORDINATOR]
    round_ = services.round_save(town=town.town, by=coordinator, **round_values(town.town))
    services.round_unit_add(
        round_=round_,
        unit=make_unit(town.town, "ALU-3", display_address="Pils iela 3"),
        by=coordinator,
    )
    round_.refresh_from_db()
    round_ = services.round_save(
        town=town.town,
        by=coordinator,
        round_=round_,
        version=round_.version,
        status=RoundStatus.OPEN,
    )
    Criterion.objects.create(round=round_, names={"lv": "Ideja"}, weight=Decimal(2))
    Criterion.objects.create(round=round_, names={"lv": "Pieredze"}, weight=Decimal(1))
    for n, name in enumerate(["Medus māja", "Koka lietas"]):
        Application.objects.create(
            round=round_,
            applicant=make_user(f"applicant{n}@example.org"),
            status=ApplicationStatus.SUBMITTED,
            **application_values(round_, business_name=name),
        )
    juror = town.people[Role.JURY_MEMBER]
    services.juror_assign(round_=round_, user=juror, by=coordinator)
    return round_, juror


def test_a_juror_declares_a_conflict_and_scores_in_latvian_on_a_phone(new_page, jury_round):
    round_, juror = jury_round
    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, juror.email, PASSWORD, language="lv")
    page.goto("/lv/aluksne/workspace/")
    page.locator("a[href='/lv/aluksne/popup-jury/']").first.click()
    page.get_by_role("link", name=round_.titles["lv"]).click()
    page.wait_for_url(f"**/lv/aluksne/popup-jury/{round_.pk}/")
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Medus māja").click()
    page.wait_for_load_state()
    assert_no_axe_violations(page)
    page.fill("#id_note", "Pieteicēja ir mana kaimiņiene.")
    page.locator("button[value=conflict]").click()
    page.wait_for_url(f"**/lv/aluksne/popup-jury/{round_.pk}/")
    assert ConflictOfInterest.objects.filter(application__business_name="Medus māja").exists()
    assert_no_axe_violations(page)

    page.get_by_role("link", name="Koka lietas").click()
    page.wait_for_load_state()
    fields = page.locator("input[name^=score_]")
    fields.nth(0).fill("11")
    fields.nth(1).fill("6")
    page.locator("button[value=score]").click()
    page.wait_for_load_state()
    # Out of range: told next to the field, what was typed kept, nothing saved.
    expect(page.locator("input[name^=score_]").nth(0)).to_have_value("11")
    expect(page.locator(".errorlist").first).to_be_visible()
    assert not Score.objects.exists()
    assert_no_axe_violations(page)
    page.locator("input[name^=score_]").nth(0).fill("8")
    page.locator("textarea[name^=comment_]").nth(0).fill("Laba ideja.")
    page.locator("button[value=score]").click()
    page.wait_for_url(f"**/lv/aluksne/popup-jury/{round_.pk}/")
    assert sorted(Score.objects.values_list("value", flat=True)) == [6, 8]
    assert_no_axe_violations(page)
