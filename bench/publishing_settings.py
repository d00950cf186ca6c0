"""Settings for bench/publishing.py and the server it starts: regrow's own, for production.

The differences: a cache all server processes share (a Redis database of its own, which the
benchmark empties), static files collected into a directory of the benchmark's, and a URLconf
with a bare "hello" page in front of the site's, as a yardstick for requests per second.
"""

import os
import tempfile
from pathlib import Path

# Figures are for production settings (DEBUG off); a throwaway key is enough for them.
os.environ["DEBUG"] = "0"
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
# Never CACHE_URL: that may be a real site's cache, and the benchmark empties this one.
os.environ["CACHE_URL"] = os.environ.get("BENCH_CACHE_URL") or "redis://127.0.0.1:6379/15"
# An installation that offers eight languages: every article links to seven translations, the
# heaviest case (the default offers two).
os.environ.setdefault("REGROW_LANGUAGES", "lv,en,de,sl,pt,es,hu,el")

from regrow.settings import *  # noqa: F403
from regrow.settings import ALLOWED_HOSTS

BENCH_CACHE_URL = os.environ["CACHE_URL"]
ROOT_URLCONF = "publishing_urls"
# The load generator asks 127.0.0.1; Django's test client asks "testserver".
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "127.0.0.1", "testserver"]
# The pages link their CSS through the manifest of collected static files, as in production;
# the benchmark collects them here rather than under the installation's var/.
STATIC_ROOT = Path(
    os.environ.get("BENCH_STATIC_ROOT") or Path(tempfile.gettempdir()) / "regrow-bench-static"
)
