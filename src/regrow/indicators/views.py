"""A coordinator's import of observations: upload and check, a preview of what will be added
and what will change (old → new), then the import, all or nothing; and the export."""

from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.indicators import formats, selectors, services
from regrow.indicators.forms import ObservationImportForm
from regrow.premises.services import preview_delete, preview_open, preview_save
from regrow.premises.views import coordinated_town
from regrow.towns.models import Town

IMPORT_SALT = "regrow.indicators.import"
# How long a preview can be confirmed; `regrow clear_import_previews` removes older files.
PREVIEW_MAX_AGE_SECONDS = 3600


def _page(town: Town, form: ObservationImportForm, **context) -> dict:
    return {
        "place": town,
        "town": town,
        "form": form,
        "imports": selectors.recent_imports(town),
        "codes": ", ".join(
            dict.fromkeys(code for code in (town.lau_code, town.national_code, town.slug) if code)
        ),
        **context,
    }


def _options(cleaned: dict) -> services.ImportOptions:
    return services.ImportOptions(
        file_format=cleaned["file_format"],
        indicator=cleaned["indicator"],
        select=cleaned["select"],
        source=cleaned["source"],
        skip_unknown_regions=cleaned["skip_unknown_regions"],
        encoding=cleaned["encoding"],
    )


@login_required
def import_observations(request: HttpRequest, slug: str) -> HttpResponse:
    """Step 1: upload and check every value; show the problems, or what the import will do."""
    town = coordinated_town(request, slug)
    form = ObservationImportForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        status = 400 if form.errors else 200
        return render(request, "indicators/import.html", _page(town, form), status=status)
    upload = form.cleaned_data["file"]
    data = upload.read()
    options = _options(form.cleaned_data)
    try:
        preview = services.observations_preview(
            data=data, filename=upload.name, options=options, by=request.user, town=town
        )
    except formats.ImportRejected as rejected:
        context = _page(town, form, errors=rejected.errors)
        return render(request, "indicators/import.html", context, status=400)
    # Kept until the coordinator confirms or cancels; the signed token names it.
    stored = preview_save(data=data, versions={str(k): v for k, v in preview.versions.items()})
    token = signing.dumps(
        {
            "path": stored,
            "town": town.pk,
            "user": request.user.pk,
            "name": upload.name,
            "options": asdict(options),
        },
        salt=IMPORT_SALT,
    )
    context = _page(town, form, preview=preview, filename=upload.name, token=token)
    return render(request, "indicators/import_preview.html", context)


def _ticket(request: HttpRequest, town: Town, max_age: int | None) -> dict:
    """The preview the signed token names, if this coordinator made it for this town."""
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
    """Step 2: write every value, or none; or cancel, which removes the kept file."""
    town = coordinated_town(request, slug)
    if "cancel" in request.POST:
        preview_delete(_ticket(request, town, max_age=None)["path"])
        messages.info(request, _("Import cancelled; nothing was written."))
        return redirect("indicators:import", slug=slug)
    ticket = _ticket(request, town, max_age=PREVIEW_MAX_AGE_SECONDS)
    kept = preview_open(ticket["path"])
    if kept is None:
        messages.error(request, _("This preview has already been imported or has expired."))
        return redirect("indicators:import", slug=slug)
    data, versions = kept
    form = ObservationImportForm()
    try:
        batch = services.observations_import(
            data=data,
            filename=ticket["name"],
            options=services.ImportOptions(**ticket["options"]),
            by=request.user,
            town=town,
            read_versions={int(k): v for k, v in versions.items()},
        )
    except services.ImportConflict as conflict:
        # The preview no longer says what would change: the file must be checked again.
        preview_delete(ticket["path"])
        context = _page(town, form, errors=conflict.errors, changed_meanwhile=True)
        return render(request, "indicators/import.html", context, status=409)
    except formats.ImportRejected as rejected:
        preview_delete(ticket["path"])
        context = _page(town, form, errors=rejected.errors)
        return render(request, "indicators/import.html", context, status=400)
    preview_delete(ticket["path"])
    messages.success(
        request,
        _(
            "Imported %(name)s. New values: %(added)s; changed: %(changed)s; unchanged: "
            "%(unchanged)s."
        )
        % {
            "name": ticket["name"],
            "added": batch.added,
            "changed": batch.changed,
            "unchanged": batch.unchanged,
        },
    )
    return redirect("indicators:import", slug=slug)


@login_required
def export_observations(request: HttpRequest, slug: str) -> HttpResponse:
    """The town's observations as a CSV in long format, which the import reads back."""
    town = coordinated_town(request, slug)
    data = formats.write_long(selectors.export_rows([town]))
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{town.slug}-indicators.csv"'
    return response
