"""The `regrow` command: everyday tasks, and every Django management command besides.

regrow demo                 load (or refresh) the demo data and print the logins
regrow serve [--dev]        serve the site on http://127.0.0.1:8000, with a task worker beside it
regrow worker               run the background tasks (pop-up allocations) alone
regrow import observations FILE   import indicator values (CSV, Eurostat TSV, JSON-stat)
regrow migrate | check | createsuperuser | …   as manage.py
"""

import argparse
import os
import subprocess
import sys
from contextlib import contextmanager


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regrow.settings")
    import django

    django.setup()


def demo(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="regrow demo", description="Load the demo data.")
    parser.parse_args(argv)
    _setup()
    from regrow.lib.demo import load_all, report

    print(report(load_all()))
    return 0


@contextmanager
def _worker(start: bool):
    """A task worker beside the web server (stopped with it), unless the site runs its own."""
    worker = None
    if start:
        worker = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys; from regrow.cli import main; sys.exit(main(['worker']))",
            ]
        )
    try:
        yield
    finally:
        if worker is not None:
            worker.terminate()
            try:
                worker.wait(timeout=15)
            except subprocess.TimeoutExpired:
                worker.kill()


def serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="regrow serve", description="Serve the site.")
    parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port to listen on")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--dev", action="store_true", help="Django's development server, reloading on change"
    )
    parser.add_argument(
        "--no-task-worker",
        action="store_true",
        help="do not start a task worker (run `regrow worker` elsewhere)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regrow.settings")
    if args.dev:
        command = [sys.executable, "-m", "django", "runserver", args.bind]
    else:
        print(f"Serving regrow on http://{args.bind}/ (Ctrl+C stops it)", flush=True)
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "regrow.wsgi:application",
            "--bind",
            args.bind,
            "--workers",
            str(args.workers),
            "--access-logfile",
            "-",
        ]
    with _worker(not args.no_task_worker):
        try:
            return subprocess.call(command)  # noqa: S603 - our own interpreter
        except KeyboardInterrupt:
            return 0


COMMANDS = {"demo": demo, "serve": serve}


# `regrow import observations FILE` and `regrow export observations`: the indicators app's
# commands, beside the register's `regrow import units` / `regrow export units`.
SPELLED_APART = {("import", "observations"), ("export", "observations")}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if tuple(argv[:2]) in SPELLED_APART:
        argv = [f"{argv[0]}_{argv[1]}", *argv[2:]]
    if argv and argv[0] in COMMANDS:
        return COMMANDS[argv[0]](argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regrow.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["regrow", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
