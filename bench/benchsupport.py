"""What every benchmark script shares: Django set up, a safety check, and small helpers.

Importing this module sets Django up, so the scripts import it before anything from regrow.
"""

import os
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import django
from django.db import connection

# Never the default database under ./var/: it is the developer's own, and merely connecting to
# it switches it to WAL mode. Benchmarks name their database explicitly.
if not (os.environ.get("DATABASE_URL") or os.environ.get("REGROW_VAR_DIR")):
    sys.exit("Set DATABASE_URL or REGROW_VAR_DIR to a database made for benchmarks.")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regrow.settings")
# Django's test client, which register_pages.py uses, sends requests to "testserver".
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
# Static files are not collected for benchmarks (WhiteNoise warns), and no figure needs them.
warnings.filterwarnings("ignore", message="No directory at")
try:
    import regrow  # noqa: F401 - installed into the virtualenv (pip install -e .)
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

django.setup()

# Every town a benchmark makes has a slug starting with this; nothing else is ever touched.
BENCH_SLUG_PREFIX = "bench-"
BENCH_USER_EMAIL = "bench@example.org"


def database_name() -> str:
    """The database vendor for the printed figures: sqlite or postgresql."""
    return connection.vendor


def refuse_unless_bench_database() -> None:
    """Stop if the database holds towns a benchmark did not make: it is somebody's real data."""
    from regrow.towns.models import Town

    others = Town.objects.exclude(slug__startswith=BENCH_SLUG_PREFIX)
    if others.exists():
        slugs = ", ".join(others.order_by("slug").values_list("slug", flat=True)[:5])
        sys.exit(
            f"Refusing to run: the database {connection.settings_dict['NAME']} holds towns that "
            f"are not benchmark towns ({slugs}, ...). Point DATABASE_URL or REGROW_VAR_DIR at "
            "an empty database made for benchmarks."
        )


def bench_user():
    """A superuser to act as the coordinator of the benchmark towns."""
    from regrow.accounts.models import User

    user = User.objects.filter(email=BENCH_USER_EMAIL).first()
    if user is None:
        # No usable password: nobody signs in as this user.
        user = User.objects.create_superuser(email=BENCH_USER_EMAIL, password=None)
    return user


def seconds(function: Callable[[], object]) -> tuple[float, object]:
    """How long one call of `function` took, and what it returned."""
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def median_ms(function: Callable[[], object], runs: int = 5) -> float:
    """The median wall-clock time of `runs` calls, in milliseconds."""
    times = [seconds(function)[0] for _ in range(runs)]
    return statistics.median(times) * 1000
