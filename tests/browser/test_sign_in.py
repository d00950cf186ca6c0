"""A coordinator signs in with a password and an authenticator code."""

from playwright.sync_api import expect

from regrow.lib.demo import load_all
from regrow.towns.demo import DEMO_TOTP_SECRET
from tests.browser.axe import assert_no_axe_violations
from tests.browser.helpers import current_totp, sign_in

EMAIL = "coordinator@aluksne.example.org"
PASSWORD = "regrow-coordinator"


def test_coordinator_signs_in_with_totp_and_sees_only_their_town(page, transactional_db):
    load_all()
    sign_in(page, EMAIL, PASSWORD)
    # Second step: the authenticator code.
    assert "/accounts/2fa/authenticate/" in page.url
    assert_no_axe_violations(page)
    page.fill("#id_code", current_totp(DEMO_TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/en/dashboard/")
    expect(page.get_by_role("heading", name="My towns")).to_be_visible()
    expect(page.get_by_role("link", name="Alūksne")).to_be_visible()
    assert page.get_by_role("link", name="Altena").count() == 0
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Alūksne").click()
    expect(page.get_by_role("cell", name="editor@aluksne.example.org")).to_be_visible()
    assert_no_axe_violations(page)
    # Another town's workspace is refused, in the reader's language.
    response = page.goto("/en/altena/workspace/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="You may not open this page")).to_be_visible()
    assert "coordinator@altena.example.org" not in page.content()


def test_wrong_totp_code_is_refused_with_a_clear_message(page, transactional_db):
    load_all()
    sign_in(page, EMAIL, PASSWORD, language="lv")
    page.fill("#id_code", "000000" if current_totp(DEMO_TOTP_SECRET) != "000000" else "111111")
    page.locator("main form button[type=submit]").first.click()
    assert "/accounts/2fa/authenticate/" in page.url
    expect(page.get_by_text("Nepareizs kods.")).to_be_visible()
    assert_no_axe_violations(page)
    # Without the second factor there is no session: the dashboard sends back to sign-in.
    page.goto("/lv/dashboard/")
    assert "/accounts/" in page.url
    assert "/dashboard/" not in page.url
