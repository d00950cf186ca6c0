"""A gunicorn server on a free local port, and load on it from wrk or a Python stand-in.

Used by bench/publishing.py; Django is set up (benchsupport) before this is imported.
"""

import http.client
import multiprocessing
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

BENCH_DIR = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http_get(port: int, path: str) -> tuple[int, bytes, float]:
    """One request, redirects not followed: the status, the body and the seconds it took."""
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read(), time.perf_counter() - start
    finally:
        conn.close()


class Server:
    """gunicorn serving the benchmark settings on 127.0.0.1; stopped on leaving the `with`."""

    def __init__(self, workers: int, log: Path):
        self.workers, self.log, self.port = workers, log, free_port()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "publishing_settings",
            "BENCH_STATIC_ROOT": str(settings.STATIC_ROOT),
        }
        command = [
            sys.executable, "-m", "gunicorn", "regrow.wsgi:application",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(self.workers),
            "--worker-class", "sync",
            "--pythonpath", str(BENCH_DIR),
            "--error-logfile", str(self.log),
            "--log-level", "warning",
        ]  # fmt: skip
        # A session of its own, so that stopping it can reach the workers too.
        self.process = subprocess.Popen(  # noqa: S603 - our own command line
            command, env=env, start_new_session=True, stdin=subprocess.DEVNULL
        )
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _wait_until_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped at start:\n{self.log_tail()}")
            try:
                if http_get(self.port, "/hello/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"gunicorn did not answer within {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-20:])

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()  # gunicorn's arbiter stops its workers, then itself
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@dataclass
class Load:
    requests: int
    per_second: float
    failed: int  # answers other than 2xx and 3xx, and socket errors
    latency: str  # e.g. "p50 1.2 ms, p99 5.0 ms"


def wrk(url: str, seconds: float, connections: int) -> Load:
    command = [
        "wrk", "--threads", "1", "--connections", str(connections),
        "--duration", f"{seconds:g}s", "--latency", url,
    ]  # fmt: skip
    output = subprocess.run(  # noqa: S603 - our own command line
        command, capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout

    def number(pattern: str) -> float:
        found = re.search(pattern, output)
        return float(found.group(1)) if found else 0

    non_2xx = number(r"Non-2xx or 3xx responses:\s+(\d+)")
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    # The server closes each connection after its answer (gunicorn's sync workers do not keep
    # connections alive), which wrk may count as read errors; the others are failures.
    socket_errors = sum(int(errors.group(n)) for n in (1, 3, 4)) if errors else 0
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.MULTILINE))
    return Load(
        requests=int(number(r"(\d+) requests in")),
        per_second=number(r"Requests/sec:\s+([\d.]+)"),
        failed=int(non_2xx) + socket_errors,
        latency=f"p50 {percentiles.get('50', '?')}, p99 {percentiles.get('99', '?')}",
    )


def _python_client(arguments: tuple[int, str, float]) -> tuple[int, int]:
    port, path, deadline = arguments
    done = failed = 0
    while time.monotonic() < deadline:
        try:
            status = http_get(port, path)[0]
        except OSError:
            status = 0
        done += 1
        failed += not 200 <= status < 400
    return done, failed


def python_load(port: int, path: str, seconds: float, connections: int) -> Load:
    """A stand-in for wrk: one process per connection, each a loop of plain requests."""
    deadline = time.monotonic() + seconds
    with multiprocessing.get_context("fork").Pool(connections) as pool:
        results = pool.map(_python_client, [(port, path, deadline)] * connections)
    done = sum(result[0] for result in results)
    return Load(done, done / seconds, sum(result[1] for result in results), "latency not measured")
