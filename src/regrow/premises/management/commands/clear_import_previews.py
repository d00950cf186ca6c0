from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from regrow.premises import services


class Command(BaseCommand):
    help = (
        "Remove the files kept for import previews that were never confirmed or cancelled, once "
        "older than the given hours (default 24; a preview can be confirmed for one hour). Run it "
        "daily, e.g. from cron. Usage: regrow clear_import_previews [--older-than-hours 24]"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-hours",
            type=float,
            default=24,
            help="remove previews stored more than this many hours ago (default 24)",
        )

    def handle(self, *args, older_than_hours, **options):
        if older_than_hours < 0:
            raise CommandError("--older-than-hours cannot be negative.")
        removed = services.previews_clear(older_than=timedelta(hours=older_than_hours))
        self.stdout.write(
            f"Removed {removed} file(s) of import previews older than {older_than_hours:g} hours."
        )
