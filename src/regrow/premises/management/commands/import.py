from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from regrow.premises import formats, services
from regrow.premises.management.commands._progress import ProgressBar
from regrow.towns.models import Town


class Command(BaseCommand):
    help = (
        "Import a town's shop units from GeoJSON, CSV or XLSX, with columns and codes in English "
        "or in any language of the site: every row is checked first, and nothing is written "
        "unless all pass, nor if a unit it would update is changed by someone else while it "
        "runs. Usage: regrow import units FILE --town SLUG"
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["units"], help="what the file holds")
        parser.add_argument("file", type=Path)
        parser.add_argument("--town", required=True, help="the town's web address (slug)")
        parser.add_argument("--encoding", default="auto", choices=["auto", "utf-8", "windows-1257"])
        parser.add_argument(
            "--as-user",
            default=None,
            help="e-mail of the coordinator recorded as importing (default: a superuser)",
        )

    def handle(self, *args, kind, file, town, encoding, as_user, **options):
        try:
            town_obj = Town.objects.get(slug=town)
        except Town.DoesNotExist as error:
            raise CommandError(f"No town with the address {town!r}.") from error
        users = get_user_model().objects
        user = (
            users.filter(email__iexact=as_user).first()
            if as_user
            else users.filter(is_superuser=True, is_active=True).order_by("pk").first()
        )
        if user is None:
            raise CommandError("Name a coordinator with --as-user (no superuser exists).")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        records = formats.UnitRecords()
        try:
            records = formats.read_units(
                data,
                filename=file.name,
                today=town_obj.today(),
                centre=(town_obj.centre_latitude, town_obj.centre_longitude),
                encoding=encoding,
            )
            del data  # a large file's bytes are not needed while its records are written
            self.stderr.write(f"{len(records)} rows checked: all valid.")
            summary = services.units_import(
                town=town_obj,
                records=records,
                by=user,
                progress=ProgressBar(
                    "Writing", write=lambda text: self.stderr.write(text, ending="")
                ),
            )
        except formats.ImportRejected as rejected:
            # Columns named as the file names them, like the reader's own problems.
            for error in formats.in_file_names(rejected.errors, records.names):
                where = f"row {error.row}" if error.row else "file"
                self.stderr.write(f"{file.name}: {where}, {error.field}: {error.message}")
            if isinstance(rejected, services.ImportConflict):
                raise CommandError(
                    f"{len(rejected.errors)} unit(s) changed in the register while the import "
                    "ran; nothing was imported. Run it again to import the file over them."
                ) from None
            raise CommandError(
                f"{len(rejected.errors)} problem(s) found; nothing was imported."
            ) from None
        self.stdout.write(
            f"Imported {summary.total} units into {town_obj.name}: {summary.created} new, "
            f"{summary.updated} updated, {summary.unchanged} unchanged; "
            f"{summary.statuses_added} statuses recorded."
        )
