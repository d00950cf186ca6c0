from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from regrow.indicators import formats, services
from regrow.indicators.formats.records import plain
from regrow.indicators.management.progress import ProgressBar
from regrow.towns.models import Town


def _selection(pairs: list[str]) -> dict[str, str]:
    selected = {}
    for pair in pairs:
        dimension, equals, code = pair.partition("=")
        if not equals or not dimension.strip() or not code.strip():
            raise CommandError(f"--select takes DIMENSION=CODE, such as sex=T; not {pair!r}.")
        selected[dimension.strip()] = code.strip()
    return selected


class Command(BaseCommand):
    help = (
        "Import indicators' observations from a CSV (or XLSX) in long format (town, indicator, "
        "period, value, flags, source), a Eurostat TSV file (also .tsv.gz) or a JSON-stat 2.0 "
        "dataset (as PxWeb gives it). Regions are found by the towns' LAU code, national code "
        "or web address. Every value is checked first; nothing is written unless all pass, and "
        "a value replaced keeps its old value in the history. Usage: regrow import_observations "
        "FILE [--format csv|eurostat|jsonstat] [--indicator CODE] [--select DIM=CODE ...] "
        "[--town SLUG] [--skip-unknown-regions] [--dry-run]"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--format", choices=[f.value for f in formats.Format], help="default: from the content"
        )
        parser.add_argument(
            "--indicator", default="", help="the indicator of every value (else the file's own)"
        )
        parser.add_argument(
            "--select",
            action="append",
            default=[],
            metavar="DIMENSION=CODE",
            help="the category to import of a dimension with several (Eurostat, JSON-stat)",
        )
        parser.add_argument("--town", help="import only this town's values (its web address)")
        parser.add_argument("--source", default="", help="for values whose file names none")
        parser.add_argument(
            "--skip-unknown-regions",
            action="store_true",
            help="leave out regions that are no town here (else each is a problem)",
        )
        parser.add_argument("--encoding", default="auto", choices=["auto", "utf-8", "windows-1257"])
        parser.add_argument(
            "--as-user", default=None, help="e-mail of the person importing (default: a superuser)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check and say what would change"
        )

    def handle(self, *args, file, town, as_user, dry_run, **options):
        selected = _selection(options["select"])
        town_obj = None
        if town:
            town_obj = Town.objects.filter(slug=town).first()
            if town_obj is None:
                raise CommandError(f"No town with the address {town!r}.")
        users = get_user_model().objects
        user = (
            users.filter(email__iexact=as_user).first()
            if as_user
            else users.filter(is_superuser=True, is_active=True).order_by("pk").first()
        )
        if user is None:
            raise CommandError("Name the person importing with --as-user (no superuser exists).")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from error
        import_options = services.ImportOptions(
            file_format=options["format"] or "",
            indicator=options["indicator"],
            select=selected,
            source=options["source"],
            skip_unknown_regions=options["skip_unknown_regions"],
            encoding=options["encoding"],
        )
        write = lambda text: self.stderr.write(text, ending="")  # noqa: E731
        checking, writing = ProgressBar("Checking", write), ProgressBar("Writing", write)
        arguments = {"data": data, "filename": file.name, "options": import_options, "by": user}
        try:
            if dry_run:
                preview = services.observations_preview(
                    **arguments, town=town_obj, keep_versions=False, progress=checking
                )
                checking.close()
                self.stdout.write(
                    f"Would import {preview.added + preview.changed + preview.unchanged} values: "
                    f"{preview.added} new, {preview.changed} changed, {preview.unchanged} "
                    f"unchanged; {preview.left_out} left out. Nothing was written."
                )
                for line in preview.changes:
                    self.stdout.write(
                        f"  {line.town}, {line.indicator}, {line.period}: "
                        f"{plain(line.old_value)} → {plain(line.value)}"
                    )
                return
            batch = services.observations_import(
                **arguments, town=town_obj, checking=checking, writing=writing
            )
        except formats.ImportRejected as rejected:
            checking.close()
            writing.close()
            for error in rejected.errors:
                where = f"row {error.row}" if error.row else "file"
                self.stderr.write(f"{file.name}: {where}, {error.field}: {error.message}")
            if isinstance(rejected, services.ImportConflict):
                raise CommandError(
                    f"{len(rejected.errors)} value(s) changed while the import ran; nothing was "
                    "imported. Run it again."
                ) from None
            raise CommandError(
                f"{len(rejected.errors)} problem(s) found; nothing was imported."
            ) from None
        except PermissionDenied as refused:
            raise CommandError(str(refused) or "You may not import for this town.") from None
        checking.close()
        writing.close()
        self.stdout.write(
            f"Imported {batch.added + batch.changed + batch.unchanged} values: {batch.added} new, "
            f"{batch.changed} changed, {batch.unchanged} unchanged; {batch.left_out} left out."
        )
