from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.forms import add_service_error
from regrow.premises import selectors, services
from regrow.premises.forms import PhotoForm, StatusForm, UnitForm
from regrow.premises.models import Unit
from regrow.premises.views import coordinated_town
from regrow.towns.permissions import Action, can


@login_required
def unit_new(request: HttpRequest, slug: str) -> HttpResponse:
    town = coordinated_town(request, slug)
    form = UnitForm(request.POST or None, town=town)
    status_form = StatusForm(
        request.POST or None, prefix="status", initial={"effective_on": town.today()}
    )
    # Both forms are checked, so that every mistake is shown at once.
    forms_valid = [form.is_valid(), status_form.is_valid()] if request.method == "POST" else []
    if forms_valid and all(forms_valid):
        first = status_form.cleaned_data
        try:
            unit = services.unit_create(
                town=town,
                by=request.user,
                status=first["status"],
                status_on=first["effective_on"],
                status_note=first["note"],
                status_use_category=first["use_category"],
                **form.unit_values(),
            )
        except ValidationError as error:
            _show_refusal(error, form, status_form)
        else:
            messages.success(request, _("Unit %(unit)s added.") % {"unit": unit})
            return redirect("premises:unit", slug=town.slug, pk=unit.pk)
    context = {"place": town, "town": town, "form": form, "status_form": status_form}
    refused = form.errors or status_form.errors
    return render(request, "premises/unit_new.html", context, status=400 if refused else 200)


def _show_refusal(error: ValidationError, form: UnitForm, status_form: StatusForm) -> None:
    """Each message of the service's refusal goes beside the field it is about: the first
    status's fields in the status form, the rest in the unit's."""
    if not hasattr(error, "error_dict"):
        add_service_error(form, error)
        return
    for name, problems in error.error_dict.items():
        target = status_form if name in status_form.fields else form
        add_service_error(target, ValidationError({name: problems}))


def _unit_for(request: HttpRequest, slug: str, pk: int) -> Unit:
    unit = get_object_or_404(Unit.objects.select_related("town", "owner"), town__slug=slug, pk=pk)
    if not selectors.may_edit_unit(request.user, unit):
        raise PermissionDenied
    return unit


def _description_form(request: HttpRequest, unit: Unit, data=None) -> UnitForm:
    """Coordinators describe the whole unit; its owner only what an owner may change."""
    owner_only = not can(request.user, Action.CHANGE_TOWN, unit.town)
    return UnitForm(data, instance=unit, town=unit.town, owner_fields_only=owner_only)


def _unit_page(
    request: HttpRequest,
    unit: Unit,
    *,
    form: UnitForm | None = None,
    status_form: StatusForm | None = None,
    photo_form: PhotoForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The unit's page, whichever of its three forms was sent: the one passed in comes back
    with what was typed, the others fresh."""
    town = unit.town
    is_coordinator = can(request.user, Action.CHANGE_TOWN, town)
    if form is None:
        form = _description_form(request, unit)
    if status_form is None:
        status_form = StatusForm(initial={"effective_on": town.today()})
    context = {
        "place": town,
        "town": town,
        "unit": unit,
        "is_coordinator": is_coordinator,
        "form": form,
        "status_form": status_form,
        "history": selectors.status_history(unit) if is_coordinator else None,
        "photo_form": PhotoForm() if photo_form is None else photo_form,
    }
    return render(request, "premises/unit_detail.html", context, status=status)


@login_required
def unit_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """See and edit a unit; coordinators also record statuses. Owners edit their description."""
    unit = _unit_for(request, slug, pk)
    form = _description_form(request, unit, request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_update(
                unit=Unit.objects.get(pk=unit.pk),
                by=request.user,
                version=form.cleaned_data["version"] or 0,
                **form.unit_values(),
            )
        except ConcurrentEditError as error:
            form.add_error(None, str(error))
            status = 409
        except ValidationError as error:
            add_service_error(form, error)
            status = 400
        else:
            messages.success(request, _("Changes saved."))
            return redirect("premises:unit", slug=slug, pk=unit.pk)
    elif form.errors:
        status = 400
    return _unit_page(request, unit, form=form, status=status)


@login_required
def unit_photo(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit = _unit_for(request, slug, pk)
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            photo = services.unit_add_photo(
                unit=unit,
                upload=form.cleaned_data["image"],
                alt_text=form.cleaned_data["alt_text"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_error(form, error, field="image")
        else:
            if photo.approval == photo.Approval.APPROVED:
                messages.success(request, _("Photo added."))
            else:
                messages.success(
                    request,
                    _("Photo added. Others see it once a coordinator of the town approves it."),
                )
            return redirect("premises:unit", slug=slug, pk=unit.pk)
    return _unit_page(request, unit, photo_form=form, status=400)


@login_required
@require_POST
def unit_photo_review(request: HttpRequest, slug: str, pk: int, photo_pk: int) -> HttpResponse:
    """A coordinator approves an owner's photo for the public map, or turns it down."""
    unit = _unit_for(request, slug, pk)
    photo = get_object_or_404(unit.photos, pk=photo_pk)
    decision = request.POST.get("decision")
    if decision not in {"approve", "reject"}:
        return HttpResponseBadRequest(_("Choose whether to approve the photo."))
    services.unit_review_photo(photo=photo, approve=decision == "approve", by=request.user)
    if decision == "approve":
        messages.success(request, _("Photo approved."))
    else:
        messages.success(request, _("Photo not approved: only coordinators and the owner see it."))
    return redirect("premises:unit", slug=slug, pk=unit.pk)


@login_required
def unit_status(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    unit = _unit_for(request, slug, pk)
    if not can(request.user, Action.CHANGE_TOWN, unit.town):
        raise PermissionDenied
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.unit_record_status(unit=unit, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Status recorded."))
            return redirect("premises:unit", slug=slug, pk=unit.pk)
    return _unit_page(request, unit, status_form=form, status=400)


@login_required
def my_units(request: HttpRequest) -> HttpResponse:
    """A property owner's own units, across towns."""
    units = selectors.units_of_owner(request.user)
    return render(request, "premises/my_units.html", {"units": units})
