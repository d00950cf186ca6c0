"""regrow's one settings module: every deployment choice comes from environment variables.

See docs/configuration.md for the full list.
"""

import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import xstatic.pkg.leaflet
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.templatetags.static import static
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags

from regrow.lib.env import (
    cache_settings,
    email_settings,
    env_bool,
    env_choices,
    env_int,
    env_list,
    env_str,
)

PACKAGE_DIR = Path(__file__).resolve().parent
# Data that belongs to one installation (SQLite file, uploads, collected static files).
VAR_DIR = Path(env_str("REGROW_VAR_DIR") or Path.cwd() / "var").resolve()

DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY (or SECRET_KEY_FILE) must be set when DEBUG is off. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # A development key that survives restarts, so demo sessions stay valid.
    key_file = VAR_DIR / "dev_secret_key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "csp",
    "ninja",
    "django_prose_editor",
    "django_tasks",
    "django_tasks_db",
    # Our apps, in the order their data depends on each other (the demo loader follows it).
    "regrow.accounts",
    "regrow.towns",
    "regrow.network",
    "regrow.premises",
    "regrow.popups",
    "regrow.indicators",
    "regrow.publishing",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' pages come from the cache before sessions, languages, users or any
    # SQL: a hit costs about what a bare view does (lib/pagecache.py).
    "regrow.lib.pagecache.PageCacheMiddleware",
    # Before the session is looked up: a NUL character anywhere in a request is a 400.
    "regrow.lib.middleware.RefuseNulCharacters",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before the locale middleware, whose redirects it turns into the API's 404.
    "regrow.lib.middleware.ApiAnswersJson",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "regrow.towns.middleware.RequireTwoFactorForCoordinators",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "regrow.urls"
WSGI_APPLICATION = "regrow.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regrow.context_processors.site",
            ],
            # Sections, workspace tools and dashboard links that apps register (lib/places.py,
            # lib/workspace.py), so templates need not name other apps' URLs.
            # Dates in running text, in the case their sentence needs (lib/dates.py).
            "libraries": {
                "places": "regrow.lib.templatetags.places",
                "dates": "regrow.lib.templatetags.dates",
                # Euro amounts in the page's language (lib/money.py).
                "money": "regrow.lib.templatetags.money",
                # The head's canonical, hreflang and robots lines (includes/head_meta.html).
                "seo": "regrow.lib.templatetags.seo",
            },
        },
    },
]

# Django's form templates, without aria-describedby on hidden inputs (lib/formrender.py).
FORM_RENDERER = "regrow.lib.formrender.SiteFormRenderer"

# --- Database -------------------------------------------------------------------------
# SQLite under var/ by default; PostgreSQL with DATABASE_URL=postgres://user@host:5432/name
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'regrow.sqlite3'}"
# Each server thread keeps its connection for CONN_MAX_AGE seconds instead of opening one per
# request, and checks it still answers before a request uses it again.
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60), conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers and a writer work side by side; a busy timeout avoids "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A request waits at most this long for a row another transaction holds (an import, an
    # edit), then answers 503 "busy" instead of hanging: the same bound as SQLite's timeout.
    # No JIT: compiling a page's short queries cost 50 to 500 ms more than running them.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c lock_timeout={env_int('DATABASE_LOCK_TIMEOUT', 20) * 1000} -c jit=off"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Pages for anonymous readers, throttles' counts: files under var/cache by default, which every
# server process of this machine shares (docs/configuration.md).
CACHES = cache_settings(env_str("CACHE_URL"), VAR_DIR)
# Work done outside web requests (the pop-up allocation's solves) waits in the database until
# `regrow worker` (started by `regrow serve`) takes it: no broker to run.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# How long one allocation solve may take before the worker stops it and keeps the greedy plan.
POPUP_SOLVE_SECONDS = env_int("POPUP_SOLVE_SECONDS", 20)

# --- Accounts ---------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, as django-axes asks: it refuses locked-out logins before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "towns:dashboard"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[regrow] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if env_bool("HTTPS", False) else "http"
ACCOUNT_ADAPTER = "regrow.accounts.adapter.AccountAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "regrow"
# One 30-second step of clock drift either way, as RFC 6238 advises for phones.
MFA_TOTP_TOLERANCE = 1

# Sign-in throttling (docs/configuration.md, "Signing in"). django-axes counts wrong passwords
# in the database: per account and address, and per address over all accounts. allauth counts
# wrong second-factor codes in the shared cache (CACHE_URL): per account from anywhere, and per
# address; its adapter keeps it from counting passwords a second time.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
REGROW_ADDRESS_FAILURE_LIMIT = env_int("AXES_ADDRESS_FAILURE_LIMIT", 20)
REGROW_TWO_FACTOR_FAILURE_LIMIT = env_int("TWO_FACTOR_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "regrow.accounts.throttle.AccountAndAddressHandler"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "regrow.accounts.throttle.login_name"
AXES_LOCKOUT_CALLABLE = "regrow.accounts.throttle.lockout_response"
AXES_VERBOSE = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": (
        f"{REGROW_ADDRESS_FAILURE_LIMIT}/{AXES_COOLOFF_TIME.total_seconds():.0f}s/ip,"
        f"{REGROW_TWO_FACTOR_FAILURE_LIMIT}/{AXES_COOLOFF_TIME.total_seconds():.0f}s/key"
    )
}
# Behind reverse proxies the client's address is the one our proxies add to X-Forwarded-For;
# this many proxies append to it (accounts/addresses.py). Both throttles use that address.
REGROW_TRUSTED_PROXY_COUNT = env_int(
    "TRUSTED_PROXY_COUNT", 1 if env_bool("BEHIND_PROXY", False) else 0
)
AXES_CLIENT_IP_CALLABLE = "regrow.accounts.addresses.request_address"

# --- Languages and time -----------------------------------------------------------------
# The source texts are English; every page falls back to them.
LANGUAGE_CODE = "en"
# The languages of the Re-grow City partner countries, each with catalogues in locale/. Content
# (entries, names, a town's languages) and stored preferences may be in any of them; models take
# their choices from this fixed list, so that migrations do not depend on a deployment's settings.
REGROW_PARTNER_LANGUAGES = [
    ("lv", _("Latvian")),
    ("en", _("English")),
    ("de", _("German")),
    ("sl", _("Slovenian")),
    ("pt", _("Portuguese")),
    ("es", _("Spanish")),
    ("hu", _("Hungarian")),
    ("el", _("Greek")),
    ("it", _("Italian")),
]
# The interface languages offered (language switch, page addresses, links between translations,
# the sitemap), in the switch's order. Offer only a language whose catalogues are complete:
# tests/test_translations.py fails otherwise.
LANGUAGES = [
    (code, dict(REGROW_PARTNER_LANGUAGES)[code])
    for code in env_choices(
        "REGROW_LANGUAGES",
        ["lv", "en"],
        allowed=dict(REGROW_PARTNER_LANGUAGES),
        required=[LANGUAGE_CODE],
    )
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE") or "Europe/Riga"
# How dates are typed in each language (forms show the first format): regrow/formats/.
FORMAT_MODULE_PATH = ["regrow.formats"]

# --- Static files -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static", ("leaflet", xstatic.pkg.leaflet.BASE_DIR)]
STATIC_ROOT = VAR_DIR / "static"
if DEBUG:
    # Development serves from the source tree; an empty root keeps WhiteNoise from warning.
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Files no web server may hand out (import previews): outside MEDIA_ROOT.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "private"},
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- E-mail -----------------------------------------------------------------------------
globals().update(email_settings(env_str("EMAIL_URL")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL") or "regrow <noreply@localhost>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ---------------------------------------------------------------------------
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
# Map background tiles: any XYZ tile URL; empty for no tiles (maps still show the units).
REGROW_MAP_TILES = env_str("REGROW_MAP_TILES", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
REGROW_MAP_ATTRIBUTION = env_str("REGROW_MAP_ATTRIBUTION", "© OpenStreetMap contributors")
tile_origin = (
    "{0.scheme}://{0.netloc}".format(urlsplit(REGROW_MAP_TILES)) if REGROW_MAP_TILES else ""
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # No inline script: every script is a file under static/. The rich-text editor's import
        # map is the one inline block, and it carries this response's nonce.
        "script-src": [SELF, NONCE],
        # No inline style either: the rich-text editor's own <style> element (its base rules,
        # such as keeping typed spaces) carries the nonce, given by our StyleNonce extension.
        "style-src": [SELF, NONCE],
        # allauth shows the two-factor QR code as a data: image; maps load tiles.
        "img-src": [SELF, "data:", *([tile_origin] if tile_origin else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
# Our own extensions of the rich-text editor, loaded by it when a form's configuration names
# them; none of them adds HTML that the sanitiser must keep.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [lazy(static, str)("regrow/editor-style-nonce.js")],
        "extensions": {"StyleNonce": html_tags([])},
    }
]

# --- Logging ----------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL") or "WARNING"},
}

# --- regrow -----------------------------------------------------------------------------
REGROW_SITE_NAME = env_str("REGROW_SITE_NAME") or "regrow"
REGROW_INVITATION_DAYS = 7
