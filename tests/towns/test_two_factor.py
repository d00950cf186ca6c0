"""Two-factor sign-in: available to everyone, required for coordinators and administrators."""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from regrow.towns.models import Role
from tests.fixtures import PASSWORD, TOTP_SECRET, make_user


def code_now() -> str:
    import time

    return format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))


def test_coordinator_without_authenticator_must_set_one_up(client, aluksne):
    coordinator = aluksne.people[Role.COORDINATOR]
    Authenticator.objects.filter(user=coordinator).delete()
    client.force_login(coordinator)
    response = client.get("/en/aluksne/workspace/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/totp/activate/"
    # allauth asks for the password again before showing the authenticator's secret.
    response = client.get(response["Location"], follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/en/accounts/reauthenticate/")
    assert "Coordinators must sign in with two factors" in response.content.decode()


def test_other_roles_are_not_forced_to_use_two_factors(client, aluksne):
    client.force_login(aluksne.people[Role.EDITOR])
    assert client.get("/en/aluksne/workspace/").status_code == 200
    assert client.get("/en/accounts/2fa/").status_code == 200  # but they may set it up


def test_coordinator_signs_in_with_password_then_code(client, aluksne):
    coordinator = aluksne.people[Role.COORDINATOR]
    response = client.post(
        "/en/accounts/login/", {"login": coordinator.email, "password": PASSWORD}
    )
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    response = client.post("/en/accounts/2fa/authenticate/", {"code": code_now()})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(coordinator.pk)


def test_wrong_code_gets_a_clear_message_and_no_session(client, aluksne):
    coordinator = aluksne.people[Role.COORDINATOR]
    client.post("/en/accounts/login/", {"login": coordinator.email, "password": PASSWORD})
    wrong = "000000" if code_now() != "000000" else "111111"
    response = client.post("/en/accounts/2fa/authenticate/", {"code": wrong})
    assert response.status_code == 200
    assert "Incorrect code." in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert Authenticator.objects.filter(user=coordinator).count() == 1


def test_superuser_without_authenticator_must_set_one_up(client, admin_user):
    client.force_login(admin_user)
    for page in ("/en/dashboard/", "/admin/"):
        response = client.get(page)
        assert response.status_code == 302
        assert response["Location"] == "/en/accounts/2fa/totp/activate/"
    response = client.get("/en/accounts/2fa/totp/activate/", follow=True)
    assert "Administrators must sign in with two factors" in response.content.decode()


def test_staff_without_authenticator_must_set_one_up(client, db):
    staff = make_user("staff@example.org", is_staff=True)
    client.force_login(staff)
    response = client.get("/en/dashboard/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/totp/activate/"


def test_admin_site_sign_in_asks_for_the_second_factor(client, admin_user):
    TOTP.activate(admin_user, TOTP_SECRET)
    # The admin site's own password form would skip the second factor: it sends to ours.
    response = client.post(
        "/admin/login/?next=/admin/", {"username": admin_user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
    assert "_auth_user_id" not in client.session

    response = client.post(response["Location"], {"login": admin_user.email, "password": PASSWORD})
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    response = client.post("/en/accounts/2fa/authenticate/", {"code": code_now()})
    assert response["Location"] == "/admin/"
    assert client.session["_auth_user_id"] == str(admin_user.pk)
    assert client.get("/admin/").status_code == 200
