"""Accounts: e-mail sign-up with verification, and password reset by e-mail."""

import re

from django.core import mail

from regrow.accounts.models import User

NEW_PASSWORD = "shop-window-in-spring-77"


def test_signup_requires_a_verified_address_before_signing_in(client, db):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "trader@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response["Location"]
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
    # Opening the link confirms; signing in then works.
    client.post(link)
    user = User.objects.get(email="trader@example.org")
    assert user.emailaddress_set.get().verified
    response = client.post(
        "/en/accounts/login/", {"login": "trader@example.org", "password": NEW_PASSWORD}
    )
    assert client.session["_auth_user_id"] == str(user.pk)


def test_password_reset_by_email(client, aluksne):
    person = aluksne.people["editor"]
    client.post("/en/accounts/password/reset/", {"email": person.email})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    response = client.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


def test_unknown_address_in_password_reset_reveals_nothing(client, db):
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/password/reset/done/"
