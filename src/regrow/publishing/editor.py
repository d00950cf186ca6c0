"""The site's own editor pages: write, translate, publish, go back to a revision."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regrow.lib import places
from regrow.lib.concurrency import ConcurrentEditError
from regrow.publishing import services, sources
from regrow.publishing.forms import EntryForm, ImageForm, TranslateForm
from regrow.publishing.models import Entry, Image, Revision, publisher_fields, publisher_q


def _publisher(request: HttpRequest, slug: str):
    # Times typed in the form are the town's local times.
    place = places.find_or_404(slug)
    if not services.may_publish(request.user, place):
        raise PermissionDenied
    return place


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


def _save(request, place, form, entry: Entry, **extra) -> HttpResponse | int:
    """Save, then publish as the button asked. When the form must be shown again, returns
    the status to show it with: 400 for mistakes, 409 when someone else saved meanwhile."""
    action = request.POST.get("action", "draft")
    if action == "schedule" and not form.cleaned_data.get("publish_at"):
        form.add_error("publish_at", _("Choose when the entry should appear."))
        return 400
    values = form.entry_values()
    if entry.pk:
        values["version"] = values.get("version") or 0
    try:
        entry, notices = services.entry_save(entry=entry, by=request.user, **values, **extra)
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
    except ConcurrentEditError as error:
        form.add_error(None, str(error))
        return 409
    except ValidationError as error:
        form.add_error(None, error)
        return 400
    for notice in notices:
        messages.info(request, notice)
    return redirect("publishing:edit", slug=place.slug, pk=entry.pk)


@login_required
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    place = _publisher(request, slug)
    entries = Entry.objects.filter(publisher_q(place)).order_by("-updated_at")[:200]
    context = {"place": place, "section": "news", "entries": entries, "now": timezone.now()}
    return render(request, "publishing/manage.html", context)


def _form(request, place, **kwargs) -> EntryForm:
    picker_url = reverse("publishing:images", kwargs={"slug": place.slug})
    return EntryForm(request.POST or None, publisher=place, picker_url=picker_url, **kwargs)


def _show(request, place, form, result, entry=None, **more) -> HttpResponse:
    """The saved entry's page, or the form again with what was typed and a fitting status."""
    if isinstance(result, HttpResponse):
        return result
    status = result or (400 if form.errors else 200)
    context = {**_context(request, place, form, entry), **more}
    return render(request, "publishing/edit.html", context, status=status)


@login_required
def write(request: HttpRequest, slug: str) -> HttpResponse:
    place = _publisher(request, slug)
    form = _form(request, place)
    result = None
    if request.method == "POST" and form.is_valid():
        entry = Entry(language=get_language(), **publisher_fields(place))
        result = _save(request, place, form, entry)
    return _show(request, place, form, result)


@login_required
def write_from(request: HttpRequest, slug: str, source: str, pk: int) -> HttpResponse:
    """Turn a round, a meeting… into an event in one step: the form comes prefilled from it,
    the editor changes what they like, and the event stays linked to it."""
    place = _publisher(request, slug)
    registered = sources.get(source)
    if registered is None or registered.event is None:
        raise Http404
    obj = get_object_or_404(registered.model, pk=pk)
    if registered.place(obj) != place:
        raise Http404
    initial = {"kind": Entry.Kind.EVENT, **registered.event(obj, get_language())}
    form = _form(request, place, initial=initial)
    result = None
    if request.method == "POST" and form.is_valid():
        entry = Entry(language=get_language(), **publisher_fields(place))
        result = _save(request, place, form, entry, about=obj)
    return _show(request, place, form, result, source_object=obj)


@login_required
def edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    place = _publisher(request, slug)
    entry = get_object_or_404(Entry.objects.filter(publisher_q(place)), pk=pk)
    form = _form(request, place, instance=entry)
    result = None
    if request.method == "POST" and form.is_valid():
        result = _save(request, place, form, entry)
    return _show(request, place, form, result, entry)


@login_required
def translate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Start the version of an entry in another language, from a copy of the original."""
    place = _publisher(request, slug)
    original = get_object_or_404(Entry.objects.filter(publisher_q(place)), pk=pk)
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
        "latitude": original.latitude,
        "longitude": original.longitude,
        "image": original.image_id,
    }
    form = _form(request, place, initial=initial)
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


@login_required
def images(request: HttpRequest, slug: str) -> HttpResponse:
    """The publisher's pictures: upload one (described, with its credit), pick one for the text.

    Opened from the editor's picture dialog ("Browse…") it is a picker: choosing a picture
    fills in its address, description and credit there.
    """
    place = _publisher(request, slug)
    form = ImageForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.image_upload(
                    publisher=place,
                    by=request.user,
                    upload=form.cleaned_data["file"],
                    alt_text=form.cleaned_data["alt_text"],
                    credit=form.cleaned_data["credit"],
                )
            except ValidationError as error:
                form.add_error("file" if not hasattr(error, "error_dict") else None, error)
            else:
                messages.success(request, _("The picture is kept; you can now use it."))
                return redirect(request.get_full_path())
        status = 400
    context = {
        "place": place,
        "section": "news",
        "form": form,
        "images": Image.objects.filter(publisher_q(place))[:100],
        # The editor numbers its callbacks downwards from -1.
        "picker": request.GET.get("CKEditorFuncNum", "").removeprefix("-").isdigit(),
    }
    return render(request, "publishing/images.html", context, status=status)
