"""A coordinator invites a new editor, who opens the e-mailed link and creates an account."""

from django.core import mail
from playwright.sync_api import expect

from regrow.towns.models import Membership, Role
from tests.browser.axe import assert_no_axe_violations
from tests.browser.helpers import current_totp, link_in, sign_in
from tests.fixtures import PASSWORD, TOTP_SECRET, make_town, make_user


def test_invitation_is_sent_and_accepted(new_page, transactional_db):
    from allauth.mfa.totp.internal.auth import TOTP

    town = make_town("aluksne", "Alūksne")
    coordinator = make_user("coordinator@aluksne.example.org")
    Membership.objects.create(user=coordinator, town=town, role=Role.COORDINATOR)
    TOTP.activate(coordinator, TOTP_SECRET)

    page = new_page(language="lv")
    sign_in(page, coordinator.email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")
    page.goto("/lv/aluksne/workspace/")
    assert_no_axe_violations(page)
    page.get_by_label("E-pasta adrese").fill("new.editor@example.org")
    page.locator("#id_role").select_option(Role.EDITOR)
    page.get_by_role("button", name="Sūtīt ielūgumu").click()
    expect(page.get_by_text("Ielūgums nosūtīts uz new.editor@example.org")).to_be_visible()
    expect(page.get_by_role("cell", name="new.editor@example.org", exact=True)).to_be_visible()
    assert len(mail.outbox) == 1
    link = link_in(mail.outbox[0].body)

    invitee = new_page(language="lv")
    invitee.goto(link)
    expect(invitee.get_by_role("heading", name="Ielūgums: Alūksne")).to_be_visible()
    assert_no_axe_violations(invitee)
    invitee.get_by_label("Jūsu vārds").fill("Jauna redaktore")
    invitee.locator("#id_password1").fill("green-shop-window-2019")
    invitee.locator("#id_password2").fill("green-shop-window-2019")
    invitee.get_by_role("button", name="Izveidot kontu un pieņemt").click()
    invitee.wait_for_url("**/lv/aluksne/workspace/")
    expect(invitee.get_by_text("Laipni lūgti!")).to_be_visible()
    assert Membership.objects.filter(
        user__email="new.editor@example.org", town=town, role=Role.EDITOR
    ).exists()

    # The same link a second time says plainly that it has been used.
    other = new_page(language="lv")
    response = other.goto(link)
    assert response.status == 410
    expect(other.get_by_text("Šis ielūgums jau ir izmantots")).to_be_visible()
    assert_no_axe_violations(other)


def test_coordinator_withdraws_a_pending_invitation_on_a_phone(new_page, transactional_db):
    from allauth.mfa.totp.internal.auth import TOTP

    from regrow.towns import services
    from tests.browser.conftest import PHONE

    town = make_town("aluksne", "Alūksne")
    coordinator = make_user("coordinator@aluksne.example.org")
    Membership.objects.create(user=coordinator, town=town, role=Role.COORDINATOR)
    TOTP.activate(coordinator, TOTP_SECRET)
    invitation = services.invitation_create(
        town=town,
        email="juror@example.org",
        role=Role.JURY_MEMBER,
        invited_by=coordinator,
        language="lv",
        site_url="http://testserver/",
    )

    page = new_page(viewport=PHONE, language="lv")
    sign_in(page, coordinator.email, PASSWORD, language="lv")
    page.fill("#id_code", current_totp(TOTP_SECRET))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/lv/dashboard/")
    page.goto("/lv/aluksne/workspace/")
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Atsaukt ielūgumu uz juror@example.org").click()
    expect(page.get_by_text("Ielūgums uz juror@example.org ir atsaukts")).to_be_visible()
    expect(page.get_by_role("cell", name="juror@example.org", exact=True)).to_have_count(0)
    assert_no_axe_violations(page)
    invitation.refresh_from_db()
    assert invitation.is_withdrawn

    # The link in the e-mail now explains itself.
    invitee = new_page(viewport=PHONE, language="lv")
    response = invitee.goto(services.invitation_path(invitation))
    assert response.status == 410
    expect(invitee.get_by_text("Šis ielūgums ir atsaukts.")).to_be_visible()
