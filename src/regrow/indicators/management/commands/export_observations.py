import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from regrow.indicators import formats, selectors
from regrow.towns.models import Town


class Command(BaseCommand):
    help = (
        "Export observations as a CSV in long format (town, indicator, period, value, flags, "
        "source; UTF-8, English column names), which import_observations reads back to the same "
        "observations. Usage: regrow export_observations [--town SLUG ...] [--indicator CODE "
        "...] [-o FILE]"
    )

    def add_arguments(self, parser):
        parser.add_argument("--town", action="append", default=[], help="default: every town")
        parser.add_argument("--indicator", action="append", default=[], help="default: all")
        parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")

    def handle(self, *args, town, indicator, output, **options):
        towns = Town.objects.all()
        if town:
            towns = towns.filter(slug__in=town)
            missing = set(town) - set(towns.values_list("slug", flat=True))
            if missing:
                raise CommandError(f"No town with the address {', '.join(sorted(missing))}.")
        rows = list(selectors.export_rows(towns, indicator or None))
        data = formats.write_long(rows)
        if output:
            output.write_bytes(data)
            self.stderr.write(f"{len(rows)} observations written to {output}")
        else:
            sys.stdout.buffer.write(data)
