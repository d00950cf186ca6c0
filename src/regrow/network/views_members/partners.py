"""The network lead's set-up of the partners (their roles and chosen components) and of the
good practice's components with their guidance documents; the guides' downloads for members."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib.forms import add_service_error
from regrow.network import selectors_members as selectors
from regrow.network.forms_setup import (
    ComponentForm,
    GuidanceForm,
    PartnerForm,
    component_initial,
)
from regrow.network.models import Component, GuidanceDocument, Partner
from regrow.network.services import setup as services
from regrow.network.views_members import network_for, status_of
from regrow.towns.permissions import Action


def _page(request, items) -> dict:
    page = Paginator(items, selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    return {
        "page": page,
        "page_links": page.paginator.get_elided_page_range(page.number, on_each_side=2),
    }


def _save_partner(request, network, partner, form) -> HttpResponse | None:
    if not form.is_valid():
        return None
    data = form.cleaned_data
    try:
        services.partner_save(
            network=network,
            by=request.user,
            partner=partner,
            town=partner.town if partner else data["town"],
            role=data["role"],
            joined_on=data.get("joined_on"),
            components=data.get("components") or [],
        )
    except ValidationError as error:
        add_service_error(form, error)
        return None
    messages.success(request, _("The partner is saved."))
    return redirect("network:partners", slug=network.slug)


@login_required
def partners(request: HttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    form = PartnerForm(request.POST or None, network=network, towns=selectors.towns_to_add(network))
    if request.method == "POST" and (done := _save_partner(request, network, None, form)):
        return done
    context = {
        "place": network,
        "network": network,
        "form": form,
        **_page(request, selectors.partners_with_components(network)),
    }
    return render(request, "network/members/partners.html", context, status=status_of(form))


@login_required
def partner_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    partner = get_object_or_404(Partner.objects.select_related("town"), pk=pk, network=network)
    form = PartnerForm(
        request.POST or None,
        network=network,
        towns=type(partner.town).objects.filter(pk=partner.town_id),
        partner=partner,
    )
    if request.method == "POST" and (done := _save_partner(request, network, partner, form)):
        return done
    context = {
        "place": network,
        "network": network,
        "form": form,
        "item": partner,
        "heading": _("Change the partner %(town)s") % {"town": partner.town.name},
        "back_url": "network:partners",
        "delete_url": "network:partner_remove",
        "delete_label": _("Remove from the network"),
    }
    return render(request, "network/members/item_edit.html", context, status=status_of(form))


@login_required
@require_POST
def partner_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    partner = get_object_or_404(Partner.objects.select_related("town"), pk=pk, network=network)
    try:
        services.partner_remove(partner=partner, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("network:partner", slug=network.slug, pk=partner.pk)
    messages.success(
        request,
        _("%(town)s is no longer a partner; its coordinators' roles went with it.")
        % {"town": partner.town.name},
    )
    return redirect("network:partners", slug=network.slug)


def _renamed(error: ValidationError, form) -> ValidationError:
    if hasattr(error, "error_dict") and "names" in error.error_dict:
        main = form.languages[0]
        return ValidationError(
            {(f"names_{main}" if k == "names" else k): v for k, v in error.error_dict.items()}
        )
    return error


def _save_component(request, network, component, form) -> HttpResponse | None:
    if not form.is_valid():
        return None
    try:
        saved = services.component_save(
            network=network, by=request.user, component=component, **form.values()
        )
    except ValidationError as error:
        add_service_error(form, _renamed(error, form))
        return None
    messages.success(request, _("The component is saved."))
    return redirect("network:component_edit", slug=network.slug, pk=saved.pk)


@login_required
def components(request: HttpRequest, slug: str) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    form = ComponentForm(request.POST or None)
    if request.method == "POST" and (done := _save_component(request, network, None, form)):
        return done
    context = {
        "place": network,
        "network": network,
        "form": form,
        **_page(request, selectors.components_of(network)),
    }
    return render(request, "network/members/components.html", context, status=status_of(form))


def _component_page(request, network, component, form, guidance_form, status=200):
    context = {
        "place": network,
        "network": network,
        "component": component,
        "form": form,
        "guidance_form": guidance_form,
        "documents": component.documents.order_by("title", "id"),
    }
    return render(request, "network/members/component_edit.html", context, status=status)


@login_required
def component_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    component = get_object_or_404(Component, pk=pk, network=network)
    form = ComponentForm(request.POST or None)
    component_initial(form, component)
    if request.method == "POST" and (done := _save_component(request, network, component, form)):
        return done
    return _component_page(
        request, network, component, form, GuidanceForm(), status=status_of(form)
    )


@login_required
@require_POST
def component_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    component = get_object_or_404(Component, pk=pk, network=network)
    services.component_delete(component=component, by=request.user)
    messages.success(request, _("The component is deleted, with its guides."))
    return redirect("network:components", slug=network.slug)


@login_required
@require_POST
def guidance_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    component = get_object_or_404(Component, pk=pk, network=network)
    guidance_form = GuidanceForm(request.POST, request.FILES)
    if guidance_form.is_valid():
        data = guidance_form.cleaned_data
        try:
            services.guidance_add(
                component=component,
                by=request.user,
                title=data["title"],
                language=data["language"],
                upload=data["file"],
            )
        except ValidationError as error:
            add_service_error(guidance_form, error)
        else:
            messages.success(request, _("The guide is shared with the partners."))
            return redirect("network:component_edit", slug=network.slug, pk=component.pk)
    form = ComponentForm()
    component_initial(form, component)
    return _component_page(request, network, component, form, guidance_form, status=400)


def _document(network, pk: int, document_pk: int) -> GuidanceDocument:
    return get_object_or_404(
        GuidanceDocument.objects.select_related("component"),
        pk=document_pk,
        component_id=pk,
        component__network=network,
    )


@login_required
def guidance_download(request: HttpRequest, slug: str, pk: int, document_pk: int):
    """A guide, for the network's members only."""
    network = network_for(request, slug)
    document = _document(network, pk, document_pk)
    try:
        file = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    filename = f"{document.title}.pdf".replace("/", "-")
    return FileResponse(file, content_type="application/pdf", filename=filename)


@login_required
@require_POST
def guidance_remove(request: HttpRequest, slug: str, pk: int, document_pk: int):
    network = network_for(request, slug, Action.MANAGE_NETWORK)
    document = _document(network, pk, document_pk)
    services.guidance_remove(document=document, by=request.user)
    messages.success(request, _("The guide is removed."))
    return redirect("network:component_edit", slug=network.slug, pk=pk)
