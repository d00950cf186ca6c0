"""Typed readers for configuration from environment variables (and `NAME_FILE` secrets)."""

import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    """The variable's value; `NAME_FILE` names a file that holds it (for container secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from error


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choices(
    name: str, default: list[str], allowed: Iterable[str], *, required: Iterable[str] = ()
) -> list[str]:
    """A comma-separated list of values from `allowed`, in the given order and without repeats.

    An unknown value or a missing required one stops the start with a message naming the
    variable: a typo must not quietly take a language off the site.
    """
    allowed = list(allowed)
    chosen = list(dict.fromkeys(env_list(name, default)))
    unknown = [item for item in chosen if item not in allowed]
    if unknown:
        raise ImproperlyConfigured(
            f"{name} may only name {', '.join(allowed)}; got {', '.join(map(repr, unknown))}"
        )
    missing = [item for item in required if item not in chosen]
    if missing:
        raise ImproperlyConfigured(f"{name} must include {', '.join(map(repr, missing))}")
    return chosen


def email_settings(url: str | None) -> dict:
    """Django e-mail settings from an `EMAIL_URL` such as `smtp+tls://user:pass@host:587`.

    Without a URL, messages are printed on the console, which is what a laptop demo wants.
    """
    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
    }
    if scheme in backends:
        return {"EMAIL_BACKEND": backends[scheme]}
    if scheme not in {"smtp", "smtp+tls", "smtp+ssl", "submission"}:
        raise ImproperlyConfigured(
            f"EMAIL_URL scheme {scheme!r} is not known; use smtp, smtp+tls, smtp+ssl or console"
        )
    query = parse_qs(parts.query)
    use_ssl = scheme == "smtp+ssl"
    use_tls = scheme in {"smtp+tls", "submission"}
    default_port = 465 if use_ssl else 587 if use_tls else 25
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or default_port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_TIMEOUT": int(query.get("timeout", ["30"])[0]),
    }


def cache_settings(url: str | None, var_dir: Path | None = None) -> dict:
    """Django's CACHES from a `CACHE_URL`: `redis://host:6379/0`, `file:///path`, `db://table`,
    `locmem://`, or (none) files under `var_dir`/cache.

    Files are shared by every server process on the machine, so publishing something refreshes
    every process's cached pages at once; memory is per process (one process only). Use Redis
    when several machines serve the site.
    """
    if not url:
        location = Path(var_dir or Path.cwd() / "var") / "cache"
        return {"default": _file_cache(str(location))}
    if url.startswith("locmem://"):
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    scheme = urlsplit(url).scheme.lower()
    if scheme == "file":
        return {"default": _file_cache(unquote(urlsplit(url).path))}
    if scheme in {"redis", "rediss", "unix"}:
        return {"default": {"BACKEND": "regrow.lib.cache.RedisCache", "LOCATION": url}}
    if scheme == "db":
        table = urlsplit(url).netloc or "regrow_cache"
        return {
            "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
        }
    raise ImproperlyConfigured(
        f"CACHE_URL scheme {scheme!r} is not known; use redis, file, db or locmem"
    )


def _file_cache(location: str) -> dict:
    return {
        "BACKEND": "regrow.lib.cache.FileCache",
        "LOCATION": location,
        # Every page of a national installation: 100 towns' pages and 10,000 entries, in two
        # languages. The oldest third is not what goes when it is full: a random third does.
        "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 50_000)},
    }
