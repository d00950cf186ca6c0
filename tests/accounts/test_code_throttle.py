"""Second-factor codes: wrong ones are throttled per account and per address, then refused for a
while even when right; wrong passwords do not use up the allowance (django-axes counts those)."""

import time
from datetime import timedelta

import redis
import time_machine
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.test import Client
from django.utils import timezone

from regrow.towns.models import Role
from tests.fixtures import PASSWORD, TOTP_SECRET, make_user

REFUSED = "Too many wrong codes were tried"
INCORRECT = "Incorrect code."
HOME = "192.0.2.10"
ELSEWHERE = "198.51.100.20"


def code_now() -> str:
    return format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))


def wrong_code() -> str:
    # allauth accepts the codes of the steps either side of now, so avoid those too.
    step = int(time.time()) // 30
    near = {format_hotp_value(hotp_value(TOTP_SECRET, step + d)) for d in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222") if code not in near)


def client_at(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def start_sign_in(client: Client, user) -> None:
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response["Location"] == "/en/accounts/2fa/authenticate/"


def enter_code(client: Client, code: str) -> str:
    response = client.post("/en/accounts/2fa/authenticate/", {"code": code})
    return "" if response.status_code == 302 else response.content.decode()


def signed_in(client: Client, user) -> bool:
    return client.session.get("_auth_user_id") == str(user.pk)


def make_two_factor_user(email: str):
    user = make_user(email)
    TOTP.activate(user, TOTP_SECRET)
    return user


def test_sixth_code_in_a_minute_is_refused_even_when_right(coordinator):
    client = client_at(HOME)
    start_sign_in(client, coordinator)
    for _attempt in range(5):
        assert INCORRECT in enter_code(client, wrong_code())
    html = enter_code(client, code_now())
    assert REFUSED in html
    assert "15 minutes" in html
    assert not signed_in(client, coordinator)


def test_recovery_codes_are_throttled_the_same(coordinator):
    recovery = RecoveryCodes.activate(coordinator)
    unused = recovery.get_unused_codes()
    client = client_at(HOME)
    start_sign_in(client, coordinator)
    for _attempt in range(5):
        assert INCORRECT in enter_code(client, "00000000")
    assert REFUSED in enter_code(client, unused[0])
    assert not signed_in(client, coordinator)
    codes = Authenticator.objects.get(user=coordinator, type=Authenticator.Type.RECOVERY_CODES)
    assert RecoveryCodes(codes).get_unused_codes() == unused  # the refused code was not used up


def test_the_pause_holds_for_the_account_from_any_address_but_not_for_others(aluksne, altena):
    coordinator = aluksne.people[Role.COORDINATOR]
    client = client_at(HOME)
    start_sign_in(client, coordinator)
    for _attempt in range(5):
        enter_code(client, wrong_code())

    elsewhere = client_at(ELSEWHERE)
    start_sign_in(elsewhere, coordinator)
    assert REFUSED in enter_code(elsewhere, code_now())
    assert not signed_in(elsewhere, coordinator)

    # Someone else at the same address is not held back by it.
    colleague = altena.people[Role.COORDINATOR]
    neighbour = client_at(HOME)
    start_sign_in(neighbour, colleague)
    assert enter_code(neighbour, code_now()) == ""
    assert signed_in(neighbour, colleague)


def test_one_address_guessing_codes_for_many_accounts_is_paused(db, settings):
    per_address = settings.REGROW_ADDRESS_FAILURE_LIMIT
    per_account = settings.REGROW_TWO_FACTOR_FAILURE_LIMIT
    wrong = 0
    number = 0
    while wrong < per_address:
        number += 1
        user = make_two_factor_user(f"person{number}@example.org")
        client = client_at(HOME)
        start_sign_in(client, user)
        for _attempt in range(min(per_account - 1, per_address - wrong)):
            assert INCORRECT in enter_code(client, wrong_code())
            wrong += 1
    fresh = make_two_factor_user("fresh@example.org")
    client = client_at(HOME)
    start_sign_in(client, fresh)
    assert REFUSED in enter_code(client, code_now())
    assert not signed_in(client, fresh)
    # The same person elsewhere is let in.
    elsewhere = client_at(ELSEWHERE)
    start_sign_in(elsewhere, fresh)
    assert enter_code(elsewhere, code_now()) == ""
    assert signed_in(elsewhere, fresh)


def test_wrong_passwords_do_not_use_up_the_addresss_codes(coordinator, settings):
    client = client_at(HOME)
    for number in range(settings.REGROW_ADDRESS_FAILURE_LIMIT - 1):
        response = client.post(
            "/en/accounts/login/", {"login": f"nobody{number}@example.org", "password": "no"}
        )
        assert response.status_code == 200
    start_sign_in(client, coordinator)
    assert INCORRECT in enter_code(client, wrong_code())
    assert enter_code(client, code_now()) == ""
    assert signed_in(client, coordinator)


def test_codes_are_checked_again_after_the_pause(coordinator, settings):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        client = client_at(HOME)
        start_sign_in(client, coordinator)
        for _attempt in range(5):
            enter_code(client, wrong_code())
        assert REFUSED in enter_code(client, code_now())
        traveller.move_to(start + settings.AXES_COOLOFF_TIME + timedelta(seconds=1))
        client = client_at(HOME)
        start_sign_in(client, coordinator)
        assert enter_code(client, code_now()) == ""
        assert signed_in(client, coordinator)


def test_the_count_lives_in_the_shared_cache(coordinator, redis_cache, settings):
    client = client_at(HOME)
    start_sign_in(client, coordinator)
    for _attempt in range(5):
        enter_code(client, wrong_code())
    assert REFUSED in enter_code(client, code_now())
    # Every server process sees the count, because it is kept in Redis, not in one process.
    server = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    assert any(b"login_failed" in key for key in server.keys("*"))


def test_confirming_oneself_with_a_code_is_throttled_too(coordinator):
    # Before a sensitive change (a new authenticator, recovery codes) allauth asks for a code again.
    client = client_at(HOME)
    client.force_login(coordinator)
    for _attempt in range(5):
        response = client.post("/en/accounts/2fa/reauthenticate/", {"code": wrong_code()})
        assert INCORRECT in response.content.decode()
    response = client.post("/en/accounts/2fa/reauthenticate/", {"code": code_now()})
    assert REFUSED in response.content.decode()
