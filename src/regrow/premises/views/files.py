"""Import (with a preview) and export of a town's register."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from regrow.premises import formats, selectors, services
from regrow.premises.forms import ImportForm, ZoneImportForm
from regrow.premises.views import coordinated_town

IMPORT_SALT = "regrow.premises.import"
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
        # Keep the file until the coordinator confirms; the signed token names it.
        stored = default_storage.save(f"imports/{uuid.uuid4().hex}", ContentFile(data))
        existing = selectors.units_by_external_id(town, [r.external_id for r in records])
        context.update(
            {
                "records": records[:20],
                "count": len(records),
                "new": sum(1 for r in records if r.external_id not in existing),
                "known": sum(1 for r in records if r.external_id in existing),
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


@login_required
@require_POST
def import_confirm(request: HttpRequest, slug: str) -> HttpResponse:
    """Step 2: write everything, or nothing."""
    town = coordinated_town(request, slug)
    try:
        ticket = signing.loads(request.POST.get("token", ""), salt=IMPORT_SALT, max_age=3600)
    except signing.BadSignature as error:
        raise Http404 from error
    if ticket["town"] != town.pk or ticket["user"] != request.user.pk:
        raise Http404
    if not default_storage.exists(ticket["path"]):
        messages.error(request, _("This preview has already been imported or has expired."))
        return redirect("premises:import", slug=slug)
    with default_storage.open(ticket["path"], "rb") as stored:
        data = stored.read()
    try:
        records = _read(town, data, ticket["name"], ticket["encoding"])
        summary = services.units_import(town=town, records=records, by=request.user)
    except formats.ImportRejected as rejected:
        context = {"place": town, "town": town, "form": ImportForm(), "errors": rejected.errors}
        return render(request, "premises/import.html", context, status=400)
    default_storage.delete(ticket["path"])
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
