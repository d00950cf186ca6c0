"""An entrepreneur applies to an open round on a Latvian phone: sign in, draft, submit, e-mail."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from regrow.popups import services
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import Application
from regrow.towns.models import Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.conftest import PHONE
from tests.fixtures import PASSWORD, make_town_with_people, make_user
from tests.popups.conftest import round_values
from tests.premises.conftest import make_unit


@pytest.fixture
def open_round(transactional_db):
    town = make_town_with_people("aluksne", "Alūksne", "LV")
    coordinator = town.people[Role.COORDINATOR]
    round_ = services.round_save(town=town.town, by=coordinator, **round_values(town.town))
    unit = make_unit(town.town, "ALU-3", display_address="Pils iela 3")
    services.round_unit_add(round_=round_, unit=unit, by=coordinator)
    round_.refresh_from_db()
    return services.round_save(
        town=town.town,
        by=coordinator,
        round_=round_,
        version=round_.version,
        status=RoundStatus.OPEN,
    )


def test_an_entrepreneur_applies_in_latvian_on_a_phone(new_page, open_round):
    applicant = make_user("anna@example.org", full_name="Anna Bērziņa", preferred_language="lv")
    page = new_page(viewport=PHONE, language="lv")
    page.goto(f"/lv/aluksne/popups/{open_round.pk}/")
    page.locator(f"a[href='/lv/aluksne/popups/{open_round.pk}/apply/']").click()
    page.wait_for_url("**/accounts/login/**")
    page.fill("#id_login", applicant.email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"**/lv/aluksne/popups/{open_round.pk}/apply/")
    assert_no_axe_violations(page)

    starts = open_round.programme_starts_on
    page.fill("#id_business_name", "Medus māja")
    page.fill("#id_idea", "Vietējais medus un sveces.")
    page.locator("#id_category").select_option("food")
    page.fill("#id_min_area_m2", "9999")
    page.fill("#id_earliest_start_on", f"{starts:%d.%m.%Y}")
    page.fill("#id_latest_end_on", f"{open_round.programme_ends_on:%d.%m.%Y}")
    page.locator("button[value=save]").click()
    application = Application.objects.get()
    page.wait_for_url(f"**/lv/aluksne/popups/applications/{application.pk}/")
    # Too big an area: the page says so before anything is submitted.
    expect(page.locator(".form-errors[role=alert]").first).to_be_visible()
    assert_no_axe_violations(page)

    page.fill("#id_min_area_m2", "20")
    page.locator("button[value=submit]").click()
    page.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.min_area_m2 == 20
    assert len(mail.outbox) == 1
    assert f"/lv/aluksne/popups/applications/{application.pk}/" in mail.outbox[0].body
    expect(page.locator("button[value=withdraw]")).to_be_visible()
    assert_no_axe_violations(page)

    page.goto("/lv/popup-applications/")
    expect(page.get_by_role("link", name="Medus māja")).to_be_visible()
    assert_no_axe_violations(page)
