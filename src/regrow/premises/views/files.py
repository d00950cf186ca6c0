"""Import (with a preview) and export of a town's register, in English or the user's language."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, get_language_info, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.premises import formats, selectors, services
from regrow.premises.formats.guide import column_guide
from regrow.premises.forms import ImportForm, ZoneImportForm
from regrow.premises.views import coordinated_town

IMPORT_SALT = "regrow.premises.import"
# How long a preview can be confirmed; `regrow clear_import_previews` removes older files.
PREVIEW_MAX_AGE_SECONDS = 3600
CONTENT_TYPES = {
    formats.Format.GEOJSON: ("application/geo+json", "geojson"),
    formats.Format.CSV: ("text/csv; charset=utf-8", "csv"),
    formats.Format.XLSX: (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
}


def _read(town, data: bytes, filename: str, encoding: str) -> formats.UnitRecords:
    return formats.read_units(
        data,
        filename=filename,
        today=town.today(),
        centre=(town.centre_latitude, town.centre_longitude),
        encoding=encoding,
    )


@login_required
def import_units(request: HttpRequest, slug: str) -> HttpResponse:
    """Step 1: upload and check every row; show the errors, or a preview of what will change."""
    town = coordinated_town(request, slug)
    form = ImportForm(request.POST or None, request.FILES or None)
    context = _import_page(town, form)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        encoding = form.cleaned_data["encoding"]
        records = formats.UnitRecords()
        try:
            records = _read(town, data, upload.name, encoding)
            # The versions this preview saw: confirming imports nothing if a unit has moved on.
            versions = services.units_versions(
                town=town, external_ids=(record.external_id for record in records)
            )
            summary = services.units_import_preview(town=town, records=records, by=request.user)
        except formats.ImportRejected as rejected:
            # The register's own problems (a status before a unit was listed) name the columns
            # as the file does, like the reader's.
            context["errors"] = formats.in_file_names(rejected.errors, records.names)
            return render(request, "premises/import.html", context, status=400)
        # Kept until the coordinator confirms or cancels; the signed token names it.
        stored = services.preview_save(data=data, versions=versions)
        context.update(
            {
                "records": records[:20],
                "count": len(records),
                "summary": summary,
                "filename": upload.name,
                "token": signing.dumps(
                    {
                        "path": stored,
                        "town": town.pk,
                        "user": request.user.pk,
                        "name": upload.name,
                        "encoding": encoding,
                    },
                    salt=IMPORT_SALT,
                ),
            }
        )
        return render(request, "premises/import_preview.html", context)
    return render(request, "premises/import.html", context, status=400 if form.errors else 200)


def _import_page(town, form: ImportForm) -> dict:
    """What the import page shows besides the form: the columns a file may have, described in
    the page's language, and templates in that language and in English."""
    languages = [formats.ENGLISH]
    page_language = get_language()
    if page_language in formats.file_languages() and page_language != formats.ENGLISH:
        languages.insert(0, page_language)
    return {
        "place": town,
        "town": town,
        "form": form,
        "columns": column_guide(),
        "template_languages": [_language(code) for code in languages],
    }


def _language(code: str) -> dict:
    """A file language for links: its code, its name as its speakers write it, and the
    language of that name (for screen readers)."""
    if code == formats.ENGLISH:
        return {"code": code, "name": _("English, with the codes other programs read")}
    return {"code": code, "name": get_language_info(code)["name_local"].capitalize(), "lang": code}


def _file_language(request: HttpRequest) -> str:
    """The language asked for in `?language=`, English if none; 404 if it is not offered."""
    language = request.GET.get("language") or formats.ENGLISH
    if language not in formats.file_languages():
        raise Http404
    return language


def _file_format(fmt: str, allowed=tuple(formats.Format)) -> formats.Format:
    try:
        file_format = formats.Format(fmt)
    except ValueError as error:
        raise Http404 from error
    if file_format not in allowed:
        raise Http404
    return file_format


def _attachment(data: bytes, file_format: formats.Format, filename: str) -> HttpResponse:
    content_type, extension = CONTENT_TYPES[file_format]
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{extension}"'
    return response


@login_required
def import_template(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """An empty CSV or XLSX file with the header in the language asked for, to fill in."""
    town = coordinated_town(request, slug)
    file_format = _file_format(fmt, allowed=(formats.Format.CSV, formats.Format.XLSX))
    language = _file_language(request)
    data = formats.write_units([], file_format, language)
    return _attachment(data, file_format, f"{town.slug}-units-template-{language}")


def _ticket(request: HttpRequest, town, max_age: int | None) -> dict:
    """The preview named by the signed token, if this coordinator made it for this town."""
    try:
        ticket = signing.loads(request.POST.get("token", ""), salt=IMPORT_SALT, max_age=max_age)
    except signing.BadSignature as error:
        raise Http404 from error
    if ticket["town"] != town.pk or ticket["user"] != request.user.pk:
        raise Http404
    return ticket


@login_required
@require_POST
def import_confirm(request: HttpRequest, slug: str) -> HttpResponse:
    """Step 2: write everything, or nothing; or cancel, which removes the kept file."""
    town = coordinated_town(request, slug)
    if "cancel" in request.POST:
        # Even an expired preview may be cancelled: its file goes either way.
        services.preview_delete(_ticket(request, town, max_age=None)["path"])
        messages.info(request, _("Import cancelled; nothing was written."))
        return redirect("premises:import", slug=slug)
    ticket = _ticket(request, town, max_age=PREVIEW_MAX_AGE_SECONDS)
    preview = services.preview_open(ticket["path"])
    if preview is None:
        messages.error(request, _("This preview has already been imported or has expired."))
        return redirect("premises:import", slug=slug)
    data, versions = preview
    context = _import_page(town, ImportForm())
    records = formats.UnitRecords()
    try:
        records = _read(town, data, ticket["name"], ticket["encoding"])
        summary = services.units_import(
            town=town, records=records, by=request.user, read_versions=versions
        )
    except services.ImportConflict as conflict:
        # The preview no longer says what would change: the file must be checked again.
        services.preview_delete(ticket["path"])
        errors = formats.in_file_names(conflict.errors, records.names)
        context.update(errors=errors, changed_meanwhile=True)
        return render(request, "premises/import.html", context, status=409)
    except formats.ImportRejected as rejected:
        services.preview_delete(ticket["path"])
        context["errors"] = formats.in_file_names(rejected.errors, records.names)
        return render(request, "premises/import.html", context, status=400)
    services.preview_delete(ticket["path"])
    messages.success(
        request,
        _(
            "Imported %(total)s units: %(created)s new, %(updated)s updated, "
            "%(unchanged)s unchanged; %(statuses)s statuses recorded."
        )
        % {
            "total": summary.total,
            "created": summary.created,
            "updated": summary.updated,
            "unchanged": summary.unchanged,
            "statuses": summary.statuses_added,
        },
    )
    return redirect("premises:register", slug=slug)


@login_required
def export_units(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The register as a file, with headers and codes in `?language=` (English if none)."""
    town = coordinated_town(request, slug)
    file_format = _file_format(fmt)
    language = _file_language(request)
    records = selectors.register_records(town, town.today())
    data = formats.write_units(records, file_format, language)
    suffix = "" if language == formats.ENGLISH else f"-{language}"
    return _attachment(data, file_format, f"{town.slug}-units{suffix}")


@login_required
def export_page(request: HttpRequest, slug: str) -> HttpResponse:
    """The register's exports, in each format and each language a file can be written in."""
    town = coordinated_town(request, slug)
    context = {
        "place": town,
        "town": town,
        "languages": [_language(code) for code in formats.file_languages()],
        "formats": [("xlsx", "XLSX"), ("csv", "CSV"), ("geojson", "GeoJSON")],
    }
    return render(request, "premises/export.html", context)


@login_required
def zones(request: HttpRequest, slug: str) -> HttpResponse:
    """The town's zones, and importing them from a GeoJSON file of polygons."""
    town = coordinated_town(request, slug)
    form = ZoneImportForm(request.POST or None, request.FILES or None)
    context = {"place": town, "town": town, "form": form, "zones": town.zones.all()}
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.zones_import(
                town=town, data=form.cleaned_data["file"].read(), by=request.user
            )
        except formats.ImportRejected as rejected:
            context["errors"] = rejected.errors
            return render(request, "premises/zones.html", context, status=400)
        message = ngettext("%(count)s zone saved.", "%(count)s zones saved.", len(saved))
        messages.success(request, message % {"count": len(saved)})
        return redirect("premises:zones", slug=slug)
    return render(request, "premises/zones.html", context, status=400 if form.errors else 200)
