"""Ten wrong passwords in a row: each gets a clear message, and nothing else changes."""

from django.contrib.auth import get_user_model

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
