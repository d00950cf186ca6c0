"""Import (with a preview) and export of a town's register."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from regrow.premises import formats, selectors, services
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


def _read(town, data: bytes, filename: str, encoding: str) -> list[formats.UnitRecord]:
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
    context = {"place": town, "town": town, "form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        encoding = form.cleaned_data["encoding"]
        try:
            records = _read(town, data, upload.name, encoding)
        except formats.ImportRejected as rejected:
            context["errors"] = rejected.errors
            return render(request, "premises/import.html", context, status=400)
        # The versions this preview saw: confirming imports nothing if a unit has moved on since.
        versions = services.units_versions(
            town=town, external_ids=(record.external_id for record in records)
        )
        # Kept until the coordinator confirms or cancels; the signed token names it.
        stored = services.preview_save(data=data, versions=versions)
        context.update(
            {
                "records": records[:20],
                "count": len(records),
                "new": len(records) - len(versions),
                "known": len(versions),
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
    context = {"place": town, "town": town, "form": ImportForm()}
    try:
        records = _read(town, data, ticket["name"], ticket["encoding"])
        summary = services.units_import(
            town=town, records=records, by=request.user, read_versions=versions
        )
    except services.ImportConflict as conflict:
        # The preview no longer says what would change: the file must be checked again.
        services.preview_delete(ticket["path"])
        context.update(errors=conflict.errors, changed_meanwhile=True)
        return render(request, "premises/import.html", context, status=409)
    except formats.ImportRejected as rejected:
        services.preview_delete(ticket["path"])
        context["errors"] = rejected.errors
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
    town = coordinated_town(request, slug)
    try:
        file_format = formats.Format(fmt)
    except ValueError as error:
        raise Http404 from error
    records = selectors.register_records(town, town.today())
    content_type, extension = CONTENT_TYPES[file_format]
    response = HttpResponse(formats.write_units(records, file_format), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{town.slug}-units.{extension}"'
    return response


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
