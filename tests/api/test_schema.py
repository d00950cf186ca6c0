"""The OpenAPI document tells the truth: schemathesis, with every check and signed in as a
coordinator, finds no schema violation and no server error on a live server."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.utils.crypto import get_random_string

from regrow.premises.choices import Status
from tests.premises.conftest import add_status, make_unit

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CONFIG = Path(__file__).with_name("schemathesis.toml")
ROOT = Path(__file__).resolve().parents[2]
# Bounds for `make test`: about a minute and a half. More examples find more, slowly.
MAX_EXAMPLES = os.environ.get("REGROW_SCHEMATHESIS_EXAMPLES", "20")
MAX_SECONDS = os.environ.get("REGROW_SCHEMATHESIS_SECONDS", "90")
SEED = os.environ.get("REGROW_SCHEMATHESIS_SEED", "1")


def test_schemathesis_finds_no_schema_violation_or_server_error(
    live_server, aluksne, coordinator, tmp_path
):
    assert SCHEMATHESIS.exists(), "schemathesis is a dev dependency: pip install -e '.[dev]'"
    unit = make_unit(aluksne.town, "A1")
    make_unit(aluksne.town, "A2")
    add_status(unit, Status.VACANT, date(2024, 1, 1))
    client = Client()
    client.force_login(coordinator)
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "REGROW_SESSION": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "REGROW_CSRF_TOKEN": get_random_string(32),
    }
    # One worker: the live server shares the test's database connection on SQLite.
    command = [
        str(SCHEMATHESIS), "--config-file", str(CONFIG), "--no-color",
        "run", f"{live_server.url}/api/openapi.json",
        "--checks", "all",
        "--max-examples", MAX_EXAMPLES, "--max-time", MAX_SECONDS,
        "--seed", SEED, "--workers", "1",
        "--report-dir", str(tmp_path),
    ]  # fmt: skip
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=300, check=False,
        env=environment, cwd=tmp_path,  # what schemathesis writes stays out of the work tree
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-30000:] + result.stderr[-5000:]
