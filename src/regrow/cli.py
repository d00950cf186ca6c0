"""The `regrow` command: everyday tasks, and every Django management command besides.

regrow demo                 load (or refresh) the demo data and print the logins
regrow serve [--dev]        serve the site on http://127.0.0.1:8000
regrow migrate | check | createsuperuser | …   as manage.py
"""

import argparse
import os
import sys


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


def serve(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="regrow serve", description="Serve the site.")
    parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port to listen on")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--dev", action="store_true", help="Django's development server, reloading on change"
    )
    args = parser.parse_args(argv)
    if args.dev:
        from django.core.management import execute_from_command_line

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regrow.settings")
        execute_from_command_line(["regrow", "runserver", args.bind])
        return 0
    print(f"Serving regrow on http://{args.bind}/ (Ctrl+C stops it)", flush=True)
    gunicorn = [
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
    os.execv(sys.executable, gunicorn)  # noqa: S606 - replaces this process with gunicorn


COMMANDS = {"demo": demo, "serve": serve}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        return COMMANDS[argv[0]](argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regrow.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["regrow", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
