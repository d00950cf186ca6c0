"""`regrow worker`: run the queued tasks (the pop-up allocation's solves) as they come.

The solver's child process is started from a pre-started server that has already loaded the
solver, so a town-scale solve answers in well under a second. Other options go to db_worker.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the queued background tasks (e.g. pop-up allocations) as they arrive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="Run what is queued now, then stop."
        )

    def handle(self, *args, batch=False, **options):
        from regrow.popups.allocation import warm_up

        warm_up()
        arguments = ["--batch"] if batch else []
        call_command(
            "db_worker", *arguments, "--no-reload", "--no-startup-delay", "--interval", "0.5"
        )
