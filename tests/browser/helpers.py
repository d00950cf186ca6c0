import re
import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value


def current_totp(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(
    page, email: str, password: str, *, language: str = "en", two_factor: bool = False
) -> None:
    """Sign in; with `two_factor`, also give the code of the test authenticator app
    (tests.fixtures.TOTP_SECRET), as town coordinators and network people must."""
    page.goto(f"/{language}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    if two_factor:
        from tests.fixtures import TOTP_SECRET

        page.fill("#id_code", current_totp(TOTP_SECRET))
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_load_state()


def link_in(text: str) -> str:
    match = re.search(r"https?://\S+", text)
    assert match, f"no link in: {text!r}"
    return match.group(0)
