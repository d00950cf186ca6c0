"""Ten wrong passwords in a row: each gets a clear message, and nothing else changes."""

from django.contrib.auth import get_user_model
from django.test import Client

from regrow.towns.models import Role
from tests.fixtures import PASSWORD

WRONG = "Wrong password"
PAUSED = "signing in is paused for 15 minutes"
NOT_CORRECT = "The email address and/or password you specified are not correct."


def test_ten_wrong_passwords_then_sign_in_pauses_without_changing_the_account(
    client, aluksne, settings
):
    editor = aluksne.people[Role.EDITOR]
    before = get_user_model().objects.values().get(pk=editor.pk)
    messages = []
    for _attempt in range(10):
        response = client.post("/en/accounts/login/", {"login": editor.email, "password": WRONG})
        html = response.content.decode()
        assert NOT_CORRECT in html or PAUSED in html
        messages.append((response.status_code, PAUSED in html))
    limit = settings.AXES_FAILURE_LIMIT
    assert messages[: limit - 1] == [(200, False)] * (limit - 1)
    assert messages[limit:] == [(429, True)] * (10 - limit)

    # Even the right password waits out the pause, and says so.
    response = client.post("/en/accounts/login/", {"login": editor.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session

    # The account itself is untouched: same password, still active, same details.
    after = get_user_model().objects.values().get(pk=editor.pk)
    assert after == before
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)

    # Other people can still sign in from the same place.
    jury = aluksne.people[Role.JURY_MEMBER]
    response = client.post("/en/accounts/login/", {"login": jury.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(jury.pk)


def test_lockout_page_is_in_the_readers_language(client, aluksne, settings):
    editor = aluksne.people[Role.EDITOR]
    for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post("/lv/accounts/login/", {"login": editor.email, "password": WRONG})
    assert response.status_code == 429
    assert "pierakstīšanās ir apturēta uz 15 minūtēm" in response.content.decode()


ADDRESS_PAUSED = "Too many wrong passwords were tried from your connection"
HOME = "192.0.2.10"
ELSEWHERE = "198.51.100.20"


def try_accounts(client, count: int, *, start: int = 0, **headers) -> list[int]:
    """Wrong passwords for `count` different (unknown) accounts; the answers' status codes."""
    return [
        client.post(
            "/en/accounts/login/",
            {"login": f"person{number}@example.org", "password": WRONG},
            **headers,
        ).status_code
        for number in range(start, start + count)
    ]


def test_one_address_trying_many_accounts_is_paused(aluksne, settings):
    limit = settings.REGROW_ADDRESS_FAILURE_LIMIT
    client = Client(REMOTE_ADDR=HOME)
    assert try_accounts(client, limit - 1) == [200] * (limit - 1)
    response = client.post(
        "/en/accounts/login/", {"login": "person-last@example.org", "password": WRONG}
    )
    assert response.status_code == 429
    assert ADDRESS_PAUSED in response.content.decode()
    assert "paused for 15 minutes" in response.content.decode()

    # From that address even a right password waits; from another it does not.
    jury = aluksne.people[Role.JURY_MEMBER]
    response = client.post("/en/accounts/login/", {"login": jury.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    elsewhere = Client(REMOTE_ADDR=ELSEWHERE)
    response = elsewhere.post("/en/accounts/login/", {"login": jury.email, "password": PASSWORD})
    assert response.status_code == 302
    assert elsewhere.session["_auth_user_id"] == str(jury.pk)


def test_signing_in_to_ones_own_account_does_not_clear_the_addresss_count(aluksne, settings):
    limit = settings.REGROW_ADDRESS_FAILURE_LIMIT
    client = Client(REMOTE_ADDR=HOME)
    assert try_accounts(client, limit - 1) == [200] * (limit - 1)
    jury = aluksne.people[Role.JURY_MEMBER]
    response = client.post("/en/accounts/login/", {"login": jury.email, "password": PASSWORD})
    assert response.status_code == 302
    client.post("/en/accounts/logout/")
    assert try_accounts(client, 1, start=limit) == [429]


def test_behind_a_proxy_the_forwarded_address_counts(aluksne, settings):
    settings.REGROW_TRUSTED_PROXY_COUNT = 1
    limit = settings.REGROW_ADDRESS_FAILURE_LIMIT
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    statuses = try_accounts(proxy, limit, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert statuses[-1] == 429
    jury = aluksne.people[Role.JURY_MEMBER]
    credentials = {"login": jury.email, "password": PASSWORD}
    # A name the client put in front of the proxy's entry changes nothing...
    spoofed = proxy.post(
        "/en/accounts/login/", credentials, HTTP_X_FORWARDED_FOR="203.0.113.6, 203.0.113.5"
    )
    assert spoofed.status_code == 429
    # ...while another client behind the same proxy signs in.
    response = proxy.post("/en/accounts/login/", credentials, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert response.status_code == 302
