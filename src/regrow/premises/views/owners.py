"""Owners and the contact log: personal data, for the town's coordinators only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from regrow.premises import selectors, services
from regrow.premises.forms import ContactForm, OwnerForm
from regrow.premises.models import Owner
from regrow.premises.views import coordinated_town


@login_required
def owner_list(request: HttpRequest, slug: str) -> HttpResponse:
    town = coordinated_town(request, slug)
    context = {"place": town, "town": town, "owners": selectors.owners_to_contact(town)}
    return render(request, "premises/owner_list.html", context)


@login_required
def owner_new(request: HttpRequest, slug: str) -> HttpResponse:
    town = coordinated_town(request, slug)
    form = OwnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        owner = services.owner_save(town=town, by=request.user, **form.cleaned_data)
        messages.success(request, _("Owner %(name)s added.") % {"name": owner.name})
        return redirect("premises:owner", slug=slug, pk=owner.pk)
    context = {"place": town, "town": town, "form": form}
    return render(request, "premises/owner_new.html", context, status=400 if form.errors else 200)


@login_required
def owner_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    town = coordinated_town(request, slug)
    owner = get_object_or_404(Owner, town=town, pk=pk)
    form = OwnerForm(request.POST or None, instance=owner, prefix="owner")
    contact_form = ContactForm(initial={"contacted_on": town.today()}, prefix="contact")
    status = 200
    if request.method == "POST" and "contact-summary" in request.POST:
        form = OwnerForm(instance=owner, prefix="owner")
        contact_form = ContactForm(request.POST, prefix="contact")
        if contact_form.is_valid():
            try:
                services.owner_log_contact(
                    owner=owner, by=request.user, **contact_form.cleaned_data
                )
            except ValidationError as error:
                contact_form.add_error(None, error)
            else:
                messages.success(request, _("Contact recorded."))
                return redirect("premises:owner", slug=slug, pk=owner.pk)
        status = 400
    elif request.method == "POST":
        if form.is_valid():
            services.owner_save(town=town, owner=owner, by=request.user, **form.cleaned_data)
            messages.success(request, _("Changes saved."))
            return redirect("premises:owner", slug=slug, pk=owner.pk)
        status = 400
    context = {
        "place": town,
        "town": town,
        "owner": owner,
        "form": form,
        "contact_form": contact_form,
        "contacts": owner.contacts.select_related("contacted_by"),
        "units": owner.units.all(),
    }
    return render(request, "premises/owner_detail.html", context, status=status)
