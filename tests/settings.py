"""The real settings with the few changes tests need: a key, fast hashing, plain static files."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "tests-only-" + "x" * 50)
# No map tiles in tests: nothing may be fetched from outside this machine.
os.environ.setdefault("REGROW_MAP_TILES", "")

from regrow.lib.env import cache_settings
from regrow.settings import *  # noqa: F403

PRIVATE_ROOT = Path(tempfile.mkdtemp(prefix="regrow-test-private-"))
atexit.register(shutil.rmtree, PRIVATE_ROOT, ignore_errors=True)

# Hashing passwords slowly is the point in production and a waste in tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests serve static files from the source tree; production uses the hashed manifest.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        # Of this test process, like the media directory below.
        "OPTIONS": {"location": PRIVATE_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test process keeps its own cache (the default files under var/ would be shared by the
# parallel workers, which empty it before each test).
CACHES = cache_settings("locmem://")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = Path(__file__).resolve().parent / ".static-root"  # empty; files come from finders
STATIC_ROOT.mkdir(exist_ok=True)
# Uploads go to a directory of this test process, so parallel workers never share files.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="regrow-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
