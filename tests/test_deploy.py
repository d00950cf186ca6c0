"""Production settings pass Django's deployment checklist, and refuse to start without a key."""

import os
import subprocess
import sys

import pytest


def run_regrow(*args: str, **env: str) -> subprocess.CompletedProcess:
    # A clean production-like environment: nothing the test run itself set.
    unset = {"SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env)
    environment["DJANGO_SETTINGS_MODULE"] = "regrow.settings"
    return subprocess.run(
        [sys.executable, "-m", "regrow.cli", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = run_regrow(
        "check",
        "--deploy",
        "--fail-level",
        "DEBUG",
        DEBUG="0",
        HTTPS="1",
        SECRET_KEY="k3y-" + "pR0duct10n-gr4de-s3cr3t-" * 3,
        ALLOWED_HOSTS="regrow.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_cookies_are_secure():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_SETTINGS_MODULE": "regrow.settings",
            "DEBUG": "0",
            "HTTPS": "1",
            "SECRET_KEY": "x" * 60,
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.stdout.strip() == "True True True", result.stderr


def test_without_a_secret_key_production_refuses_to_start():
    result = run_regrow("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY (or SECRET_KEY_FILE) must be set when DEBUG is off" in result.stderr


def test_postgresql_waits_for_a_lock_no_longer_than_sqlite(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the lock timeout is PostgreSQL's; SQLite's busy timeout is its 'timeout'")
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone()[0] == "20s"
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
