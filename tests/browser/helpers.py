import re
import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value


def current_totp(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(page, email: str, password: str, *, language: str = "en") -> None:
    page.goto(f"/{language}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def link_in(text: str) -> str:
    match = re.search(r"https?://\S+", text)
    assert match, f"no link in: {text!r}"
    return match.group(0)
