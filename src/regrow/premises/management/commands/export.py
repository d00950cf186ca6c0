import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from regrow.premises import formats, selectors
from regrow.towns.models import Town


class Command(BaseCommand):
    help = (
        "Export a town's shop units as GeoJSON, CSV or XLSX, with the column names and codes "
        "other programs read (English, the default) or in another language of the site; or an "
        "empty file to fill in (template). "
        "Usage: regrow export units --town SLUG --format csv [--language lv] [-o FILE]"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "kind", choices=["units", "template"], help="the register, or an empty file"
        )
        parser.add_argument("--town", help="the town's web address (slug); for units")
        parser.add_argument(
            "--format", choices=[f.value for f in formats.Format], default="geojson"
        )
        parser.add_argument(
            "--language",
            choices=formats.file_languages(),
            default=formats.ENGLISH,
            help="of the column names and codes (default: English, as other programs read)",
        )
        parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")

    def handle(self, *args, kind, town, format, language, output, **options):
        records = []
        if kind == "units":
            if not town:
                raise CommandError("Name the town with --town.")
            try:
                town_obj = Town.objects.get(slug=town)
            except Town.DoesNotExist as error:
                raise CommandError(f"No town with the address {town!r}.") from error
            records = selectors.register_records(town_obj, town_obj.today())
        data = formats.write_units(records, formats.Format(format), language)
        if output:
            output.write_bytes(data)
            self.stderr.write(f"{len(records)} units written to {output}")
        else:
            sys.stdout.buffer.write(data)
