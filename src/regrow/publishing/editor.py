"""The site's own editor pages: write, translate, publish, go back to a revision."""

import zoneinfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib import places
from regrow.publishing import services
from regrow.publishing.forms import EntryForm, TranslateForm
from regrow.publishing.models import Entry, Revision
from regrow.towns.models import Town


def _publisher(request: HttpRequest, slug: str):
    place = places.find(slug)
    if place is None:
        raise Http404
    if not services.may_publish(request.user, place):
        raise PermissionDenied
    # Times typed in the form are the town's local times.
    zone = place.time_zone if isinstance(place, Town) else settings.TIME_ZONE
    timezone.activate(zoneinfo.ZoneInfo(zone))
    return place


def _of(place) -> Q:
    return Q(town=place) if isinstance(place, Town) else Q(network=place)


def _context(request, place, form, entry=None) -> dict:
    return {
        "place": place,
        "section": "news",
        "form": form,
        "entry": entry,
        "media": form.media.with_nonce(request.csp_nonce),
        "revisions": entry.revisions.select_related("saved_by")[:20] if entry else [],
        "translations": Entry.objects.filter(translation_group=entry.translation_group)
        if entry
        else [],
        "translate_form": TranslateForm() if entry else None,
    }


def _save(request, place, form, entry: Entry) -> HttpResponse | None:
    """Save, then publish as the button asked; None when the form must be shown again."""
    action = request.POST.get("action", "draft")
    if action == "schedule" and not form.cleaned_data.get("publish_at"):
        form.add_error("publish_at", _("Choose when the entry should appear."))
        return None
    try:
        entry, notices = services.entry_save(entry=entry, by=request.user, **form.entry_values())
        if action == "publish":
            entry, more = services.entry_publish(entry=entry, by=request.user)
            notices += more
            messages.success(request, _("Published."))
        elif action == "schedule":
            entry, more = services.entry_publish(
                entry=entry, by=request.user, at=form.cleaned_data["publish_at"]
            )
            notices += more
            if entry.publish_at > timezone.now():
                messages.success(
                    request,
                    _("It will appear on %(when)s.")
                    % {"when": timezone.localtime(entry.publish_at).strftime("%Y-%m-%d %H:%M")},
                )
        elif action == "unpublish":
            services.entry_unpublish(entry=entry, by=request.user)
            messages.success(request, _("Taken off the site; it is a draft again."))
        else:
            messages.success(request, _("Draft saved."))
    except ValidationError as error:
        form.add_error(None, error)
        return None
    for notice in notices:
        messages.info(request, notice)
    return redirect("publishing:edit", slug=place.slug, pk=entry.pk)


@login_required
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    place = _publisher(request, slug)
    entries = Entry.objects.filter(_of(place)).order_by("-updated_at")[:200]
    context = {"place": place, "section": "news", "entries": entries, "now": timezone.now()}
    return render(request, "publishing/manage.html", context)


@login_required
def write(request: HttpRequest, slug: str) -> HttpResponse:
    place = _publisher(request, slug)
    form = EntryForm(request.POST or None, publisher=place)
    if request.method == "POST" and form.is_valid():
        entry = Entry(
            language=get_language(),
            **{
                "town": place if isinstance(place, Town) else None,
                "network": None if isinstance(place, Town) else place,
            },
        )
        response = _save(request, place, form, entry)
        if response:
            return response
    status = 400 if form.errors else 200
    return render(request, "publishing/edit.html", _context(request, place, form), status=status)


@login_required
def edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    place = _publisher(request, slug)
    entry = get_object_or_404(Entry.objects.filter(_of(place)), pk=pk)
    form = EntryForm(request.POST or None, instance=entry, publisher=place)
    if request.method == "POST" and form.is_valid():
        response = _save(request, place, form, entry)
        if response:
            return response
    status = 400 if form.errors else 200
    context = _context(request, place, form, entry)
    return render(request, "publishing/edit.html", context, status=status)


@login_required
def translate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Start the version of an entry in another language, from a copy of the original."""
    place = _publisher(request, slug)
    original = get_object_or_404(Entry.objects.filter(_of(place)), pk=pk)
    language = request.GET.get("language") or request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        raise Http404
    initial = {
        "kind": original.kind,
        "title": original.title,
        "lead": original.lead,
        "body": original.body,
        "categories": ", ".join(original.categories),
        "author": original.author_id,
        "starts_at": original.starts_at,
        "ends_at": original.ends_at,
        "place_name": original.place_name,
        "place_address": original.place_address,
        "online_url": original.online_url,
    }
    form = EntryForm(request.POST or None, initial=initial, publisher=place)
    if request.method == "POST" and form.is_valid():
        try:
            translation, notices = services.entry_translate(
                entry=original, language=language, by=request.user, **form.entry_values()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            for notice in notices:
                messages.info(request, notice)
            messages.success(request, _("Translation saved as a draft."))
            return redirect("publishing:edit", slug=slug, pk=translation.pk)
    context = _context(request, place, form)
    context.update({"original": original, "target_language": language})
    return render(request, "publishing/edit.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def restore(request: HttpRequest, slug: str, pk: int, revision: int) -> HttpResponse:
    place = _publisher(request, slug)
    chosen = get_object_or_404(Revision, pk=revision, entry__pk=pk)
    if chosen.entry.publisher != place:
        raise Http404
    services.entry_restore(revision=chosen, by=request.user)
    messages.success(request, _("The earlier version is back."))
    return redirect("publishing:edit", slug=slug, pk=pk)
